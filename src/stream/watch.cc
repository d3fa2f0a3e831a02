#include "stream/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "input/jsonl.h"
#include "store/ingest.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace dragoman {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::system_clock;

// At most this much of a JSON Lines file is read for one batch (a backfill file appended in one
// go is read in pieces, each committed with its offset).
constexpr int64_t kMaxChunkBytes = 16 << 20;

struct FileState {
  int64_t offset = 0, lines = 0, size = -1, mtime_ns = 0, documents = 0, errors = 0;
};

struct Seen {
  int64_t size = 0, mtime_ns = 0;
};

bool IsJsonlName(const fs::path& p) {
  auto ext = p.extension();
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".jsonlines";
}

// The inotify descriptor and its watches; every call is optional: without inotify the scan
// interval alone finds the files.
class Notifier {
 public:
  Notifier() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~Notifier() {
    if (fd_ >= 0) close(fd_);
  }
  Notifier(const Notifier&) = delete;
  Notifier& operator=(const Notifier&) = delete;

  void AddDir(const std::string& dir) {
    if (fd_ < 0 || watched_.count(dir)) return;
    int wd = inotify_add_watch(fd_, dir.c_str(),
                               IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB);
    if (wd >= 0) {
      dirs_[wd] = dir;
      watched_.insert(dir);
    }
  }

  // Waits up to `timeout` for events; records files closed after writing in `closed`.
  void Wait(std::chrono::milliseconds timeout, std::set<std::string>& closed) {
    if (fd_ < 0) {
      ::poll(nullptr, 0, static_cast<int>(timeout.count()));
      return;
    }
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return;
    alignas(inotify_event) char buf[8192];
    while (true) {
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      for (char* at = buf; at < buf + n;) {
        auto* ev = reinterpret_cast<inotify_event*>(at);
        at += sizeof(inotify_event) + ev->len;
        auto dir = dirs_.find(ev->wd);
        if (dir == dirs_.end() || ev->len == 0) continue;
        std::string path = dir->second + "/" + ev->name;
        if (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) closed.insert(path);
      }
    }
  }

 private:
  int fd_;
  std::map<int, std::string> dirs_;
  std::set<std::string> watched_;
};

// One piece of work: documents read from one file and the file's state once they are stored.
struct Unit {
  std::string path;
  std::vector<Document> docs;
  FileState state;
};

class Watcher {
 public:
  Watcher(const WatchConfig& config, const WatchCallbacks& callbacks, Store& store)
      : config_(config), callbacks_(callbacks), store_(store) {}

  Status LoadStates() {
    DRAGOMAN_ASSIGN_OR_RETURN(
        sql::Stmt q, store_.db().Prepare("SELECT path, offset, lines, size, mtime_ns, documents, "
                                         "errors FROM watch_files"));
    while (true) {
      DRAGOMAN_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      states_[q.Text(0)] = {q.Int(1), q.Int(2), q.Int(3), q.Int(4), q.Int(5), q.Int(6)};
    }
    return Status::Ok();
  }

  // One scan of every folder: reads what is complete and stores it. Returns whether some file
  // is still waiting to settle.
  Result<bool> Scan(Notifier& notifier, std::set<std::string>& closed) {
    bool waiting = false;
    std::vector<std::string> files;
    for (const auto& dir : config_.dirs) Walk(dir, notifier, files);
    const int64_t now_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
            .count();
    for (const auto& path : files) {
      struct stat st {};
      if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
      const int64_t size = st.st_size;
      const int64_t mtime = int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
      FileState& state = states_[path];
      if (state.size == size && state.mtime_ns == mtime) continue;  // stored as it is
      const bool settled =
          now_ns - mtime >=
          std::chrono::duration_cast<std::chrono::nanoseconds>(config_.settle).count();
      const bool complete = settled || closed.count(path) > 0;
      if (IsJsonlName(path)) {
        DRAGOMAN_ASSIGN_OR_RETURN(bool more, ReadJsonl(path, size, mtime, complete, state));
        waiting |= more;
      } else if (!complete) {
        waiting = true;
      } else {
        ReadWhole(path, size, mtime, state);
      }
      closed.erase(path);
      if (pending_docs_ >= static_cast<size_t>(config_.batch_size)) {
        DRAGOMAN_RETURN_IF_ERROR(Flush());
      }
    }
    DRAGOMAN_RETURN_IF_ERROR(Flush());
    return waiting;
  }

  Status Alerts() {
    if (config_.rules.empty()) return Status::Ok();
    DRAGOMAN_ASSIGN_OR_RETURN(std::vector<AlertFiring> fired,
                              EvaluateAlerts(store_, config_.rules));
    for (const auto& f : fired) {
      ++stats_.alerts;
      if (callbacks_.on_alert) callbacks_.on_alert(f);
    }
    return Status::Ok();
  }

  const WatchStats& stats() const { return stats_; }

 private:
  void Walk(const std::string& dir, Notifier& notifier, std::vector<std::string>& files) {
    notifier.AddDir(dir);
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& e : entries) {
      if (e.path().filename().string().rfind('.', 0) == 0) continue;
      std::error_code ec2;
      if (e.is_directory(ec2)) {
        Walk(e.path().string(), notifier, files);
      } else if (e.is_regular_file(ec2)) {
        files.push_back(e.path().string());
      }
    }
  }

  void BadInput(const Status& s, FileState& next) {
    ++stats_.bad_inputs;
    ++next.errors;
    if (callbacks_.on_bad_input) callbacks_.on_bad_input(s);
  }

  void ReadWhole(const std::string& path, int64_t size, int64_t mtime, const FileState& state) {
    Unit u{path, {}, state};
    u.state.offset = size;
    u.state.size = size;
    u.state.mtime_ns = mtime;
    DocumentReader reader({path}, config_.reader);
    while (true) {
      auto r = reader.Next();
      if (!r.ok()) {
        BadInput(r.status(), u.state);
        continue;
      }
      if (!r->has_value()) break;
      u.docs.push_back(std::move(**r));
    }
    Add(std::move(u));
  }

  // Reads the complete lines past the stored offset (at most kMaxChunkBytes). Returns whether
  // more is waiting: the rest of a long append, or a last line still being written.
  Result<bool> ReadJsonl(const std::string& path, int64_t size, int64_t mtime, bool complete,
                         const FileState& state) {
    Unit u{path, {}, state};
    if (size < u.state.offset) u.state.offset = u.state.lines = 0;  // replaced by a shorter file
    const int64_t want = std::min(size - u.state.offset, kMaxChunkBytes);
    std::string bytes(static_cast<size_t>(want), '\0');
    {
      std::ifstream in(path, std::ios::binary);
      in.seekg(u.state.offset);
      in.read(bytes.data(), want);
      bytes.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
    }
    size_t end = bytes.rfind('\n');
    size_t take = end == std::string::npos ? 0 : end + 1;
    const bool at_end = u.state.offset + static_cast<int64_t>(bytes.size()) >= size;
    if (take < bytes.size() && complete && at_end) {
      // A last line without '\n' in a file nobody writes to any more: taken when it is a whole
      // record; otherwise its writer may only have paused, so it waits for the rest (with
      // --once, nothing more will come: it is reported).
      std::string_view last(bytes.data() + take, bytes.size() - take);
      if (config_.once || ParseJsonlRecord(path, 1, last, config_.reader).ok()) {
        take = bytes.size();
      }
    }
    size_t pos = 0;
    while (pos < take) {
      size_t nl = bytes.find('\n', pos);
      size_t stop = nl == std::string::npos || nl >= take ? take : nl;
      std::string_view line(bytes.data() + pos, stop - pos);
      pos = stop + 1;
      ++u.state.lines;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      auto doc = ParseJsonlRecord(path, static_cast<size_t>(u.state.lines), line, config_.reader);
      if (!doc.ok()) {
        BadInput(doc.status(), u.state);
      } else {
        u.docs.push_back(std::move(*doc));
      }
    }
    u.state.offset += static_cast<int64_t>(take);
    const bool done = u.state.offset >= size;
    // Only a file read to its end is recorded with its size and time: otherwise the next scan
    // must look at it again.
    u.state.size = done ? size : -1;
    u.state.mtime_ns = done ? mtime : 0;
    if (take > 0 || done) Add(std::move(u));
    return !done;
  }

  void Add(Unit u) {
    pending_docs_ += u.docs.size();
    pending_.push_back(std::move(u));
  }

  Status Flush() {
    if (pending_.empty()) return Status::Ok();
    std::vector<Document> docs;
    for (auto& u : pending_) {
      ++stats_.files;
      for (auto& d : u.docs) docs.push_back(std::move(d));
    }
    stats_.documents += static_cast<int64_t>(docs.size());
    auto record_positions = [&](sql::Db& db) -> Status {
      DRAGOMAN_ASSIGN_OR_RETURN(
          sql::Stmt st,
          db.Prepare("INSERT OR REPLACE INTO watch_files (path, offset, lines, size, mtime_ns, "
                     "documents, errors, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                     "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
      for (const auto& u : pending_) {
        st.Bind(1, u.path).Bind(2, u.state.offset).Bind(3, u.state.lines).Bind(4, u.state.size);
        st.Bind(5, u.state.mtime_ns)
            .Bind(6, u.state.documents + static_cast<int64_t>(u.docs.size()))
            .Bind(7, u.state.errors);
        DRAGOMAN_RETURN_IF_ERROR(st.Run());
      }
      return Status::Ok();
    };
    IngestedBatch b;
    if (config_.publish) {
      for (const Document& d : docs) DRAGOMAN_RETURN_IF_ERROR(config_.publish(d));
      DRAGOMAN_RETURN_IF_ERROR(store_.PutBatch({}, record_positions).status());
    } else {
      DRAGOMAN_ASSIGN_OR_RETURN(b, IngestDocuments(store_, *config_.coder, std::move(docs),
                                                   config_.threads, record_positions));
    }
    for (auto& u : pending_) {
      u.state.documents += static_cast<int64_t>(u.docs.size());
      states_[u.path] = u.state;
    }
    for (PutOutcome o : b.outcomes) {
      if (o == PutOutcome::kAdded) ++stats_.added;
      if (o == PutOutcome::kReplaced) ++stats_.replaced;
      if (o == PutOutcome::kUnchanged) ++stats_.unchanged;
    }
    stats_.events += b.events;
    pending_.clear();
    pending_docs_ = 0;
    if (b.events > 0) DRAGOMAN_RETURN_IF_ERROR(Alerts());
    if (callbacks_.on_batch) callbacks_.on_batch(stats_);
    return Status::Ok();
  }

  const WatchConfig& config_;
  const WatchCallbacks& callbacks_;
  Store& store_;
  std::map<std::string, FileState> states_;
  std::vector<Unit> pending_;
  size_t pending_docs_ = 0;
  WatchStats stats_;
};

}  // namespace

Result<WatchStats> Watch(const WatchConfig& config, const WatchCallbacks& callbacks,
                         const std::atomic<bool>& stop) {
  if (config.coder == nullptr && !config.publish) {
    return Status::Internal("Watch: WatchConfig::coder is not set");
  }
  if (config.dirs.empty()) return Status::InvalidArgument("no folder to watch");
  for (const auto& d : config.dirs) {
    std::error_code ec;
    if (!fs::exists(d, ec)) return Status::NotFound(d + ": no such file or directory");
    if (!fs::is_directory(d, ec)) return Status::BadInput(d + ": not a folder");
  }
  DRAGOMAN_ASSIGN_OR_RETURN(auto store, Store::Open(config.db_path, Store::OpenMode::kCreate));
  Watcher watcher(config, callbacks, *store);
  DRAGOMAN_RETURN_IF_ERROR(watcher.LoadStates());
  // Firings a crash kept from being stored are found at once.
  DRAGOMAN_RETURN_IF_ERROR(watcher.Alerts());
  Notifier notifier;
  std::set<std::string> closed;
  while (!stop.load()) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool waiting, watcher.Scan(notifier, closed));
    if (config.once && !waiting) break;
    notifier.Wait(waiting ? std::min(config.poll, std::chrono::milliseconds(200)) : config.poll,
                  closed);
  }
  return watcher.stats();
}

}  // namespace dragoman
