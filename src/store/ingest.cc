#include "store/ingest.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <thread>
#include <unordered_set>

#include "coder/document_coder.h"
#include "coder/pipeline.h"
#include "store/open_corpus_store.h"
#include "store/store.h"

namespace dragoman {

namespace {

namespace fs = std::filesystem;

struct InputSize {
  int64_t bytes = 0;
  int64_t lines = 0;  // for JSON Lines files: progress within the file goes by line
};

bool IsJsonl(const fs::path& p) { return p.extension() == ".jsonl" || p.extension() == ".ndjson"; }

int64_t CountLines(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  int64_t n = 0;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    n += std::count(buf, buf + in.gcount(), '\n');
  }
  return n;
}

// Input sizes for the progress estimate: path -> size (folders walked like the reader does,
// hidden entries skipped).
std::map<std::string, InputSize> InputSizes(const std::vector<std::string>& inputs) {
  std::map<std::string, InputSize> sizes;
  auto add = [&](const fs::path& p, uintmax_t bytes) {
    InputSize s;
    s.bytes = static_cast<int64_t>(bytes);
    if (IsJsonl(p)) s.lines = CountLines(p);
    sizes[p.string()] = s;
  };
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in == "-") continue;
    if (fs::is_directory(in, ec)) {
      for (auto it = fs::recursive_directory_iterator(in, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().filename().string().rfind('.', 0) == 0) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) add(it->path(), it->file_size(ec));
      }
    } else if (fs::is_regular_file(in, ec)) {
      add(in, fs::file_size(in, ec));
    }
  }
  return sizes;
}

// Splits an origin "path:LINE" into the path and the line (0 when there is none).
std::pair<std::string, int64_t> OriginFile(const std::string& origin) {
  size_t colon = origin.rfind(':');
  if (colon != std::string::npos && colon + 1 < origin.size() &&
      std::all_of(origin.begin() + static_cast<long>(colon) + 1, origin.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    return {origin.substr(0, colon), std::atoll(origin.c_str() + colon + 1)};
  }
  return {origin, 0};
}

// Tracks how many input bytes are done: finished files count whole; the current file counts its
// share of lines read (JSON Lines) or the text read from it so far, capped at its size.
class ByteMeter {
 public:
  explicit ByteMeter(std::map<std::string, InputSize> sizes) : sizes_(std::move(sizes)) {
    for (const auto& [p, n] : sizes_) total_ += n.bytes;
  }
  void Saw(const Document& d) {
    auto [file, line] = OriginFile(d.origin);
    if (file != current_name_) {
      finished_ += current_.bytes;
      current_name_ = file;
      auto it = sizes_.find(file);
      current_ = it == sizes_.end() ? InputSize{} : it->second;
      in_current_ = 0;
    }
    if (line > 0 && current_.lines > 0) {
      in_current_ = current_.bytes * line / current_.lines;
    } else {
      in_current_ += static_cast<int64_t>(d.text.size());
    }
  }
  int64_t done() const {
    return std::min(total_, finished_ + std::min(in_current_, current_.bytes));
  }
  int64_t total() const { return total_; }
  void Finish() { finished_ = total_; }

 private:
  std::map<std::string, InputSize> sizes_;
  int64_t total_ = 0, finished_ = 0, in_current_ = 0;
  InputSize current_;
  std::string current_name_;
};

// Codes a batch of documents on `threads` threads (IngestDocuments, for callers that hand the
// store one batch at a time; Ingest() streams through coder/pipeline.h instead).
struct Pipeline {
  const DocumentCoder* coder;
  int threads;
  size_t max_events;  // DocumentCoder::Code may stop past it (the record is then refused)

  // Codes `docs` into records, spreading documents over the threads.
  std::vector<DocumentRecord> Code(std::vector<Document> docs) const {
    std::vector<DocumentRecord> out(docs.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < docs.size(); i = next++) {
        DocumentRecord& r = out[i];
        r.doc = std::move(docs[i]);
        r.date_source = std::string(DateSourceName(r.doc.date_source));
        CodedDocument coded = coder->Code(r.doc, max_events);
        r.events = std::move(coded.events);
        for (const CodedSentence& s : coded.sentences) {
          r.sentences.push_back({s.index, s.begin, s.end});
        }
      }
    };
    int n = std::min<int>(threads, static_cast<int>(docs.size()));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    return out;
  }
};

int DefaultThreads(int threads) {
  return threads > 0 ? threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// IngestDocuments over any store: `has` checks a content hash, `put` writes one batch.
Result<IngestedBatch> IngestDocumentsWith(
    const std::function<Result<bool>(const std::string&)>& has,
    const std::function<Result<std::vector<PutOutcome>>(const std::vector<DocumentRecord>&)>& put,
    bool put_empty, const DocumentCoder& coder, std::vector<Document> docs, int threads) {
  IngestedBatch out;
  out.outcomes.assign(docs.size(), PutOutcome::kUnchanged);
  std::vector<size_t> fresh;  // positions of the documents to code
  std::vector<Document> to_code;
  for (size_t i = 0; i < docs.size(); ++i) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool known, has(Store::ContentHash(docs[i])));
    if (known) continue;
    fresh.push_back(i);
    to_code.push_back(std::move(docs[i]));
  }
  if (to_code.empty()) {
    if (put_empty) DRAGOMAN_RETURN_IF_ERROR(put({}).status());
    return out;
  }
  // No events limit here yet: the caller (the server) bounds its requests itself.
  Pipeline pipeline{&coder, DefaultThreads(threads), std::numeric_limits<size_t>::max()};
  std::vector<DocumentRecord> records = pipeline.Code(std::move(to_code));
  DRAGOMAN_ASSIGN_OR_RETURN(std::vector<PutOutcome> outcomes, put(records));
  for (size_t k = 0; k < fresh.size(); ++k) {
    out.outcomes[fresh[k]] = outcomes[k];
    if (outcomes[k] != PutOutcome::kUnchanged) {
      out.events += static_cast<int64_t>(records[k].events.size());
    }
  }
  return out;
}

}  // namespace

Result<IngestedBatch> IngestDocuments(Store& store, const DocumentCoder& coder,
                                      std::vector<Document> docs, int threads,
                                      const std::function<Status(sql::Db&)>& in_transaction) {
  return IngestDocumentsWith(
      [&](const std::string& hash) { return store.HasContent(hash); },
      [&](const std::vector<DocumentRecord>& batch) { return store.PutBatch(batch, in_transaction); },
      static_cast<bool>(in_transaction), coder, std::move(docs), threads);
}

Result<IngestedBatch> IngestDocuments(CorpusStore& store, const DocumentCoder& coder,
                                      std::vector<Document> docs, int threads) {
  return IngestDocumentsWith(
      [&](const std::string& hash) { return store.HasContent(hash); },
      [&](const std::vector<DocumentRecord>& batch) { return store.PutBatch(batch); }, false,
      coder, std::move(docs), threads);
}

Result<IngestProgress> Ingest(const IngestConfig& config,
                              const std::function<void(const IngestProgress&)>& progress,
                              const std::function<void(const Status&)>& on_input_error) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  if (config.coder == nullptr) return Status::Internal("Ingest: IngestConfig::coder is not set");
  // A SQLite file or a postgresql:// URL: ingest writes only through the CorpusStore interface.
  DRAGOMAN_ASSIGN_OR_RETURN(auto store, OpenCorpusStore(config.db_path, Store::OpenMode::kCreate));
  IngestProgress p;
  ByteMeter meter(InputSizes(config.inputs));
  p.bytes_total = meter.total();
  auto last_report = Clock::now();
  auto report = [&](bool force) {
    auto now = Clock::now();
    p.seconds = std::chrono::duration<double>(now - start).count();
    p.bytes_done = meter.done();
    if (progress && (force || now - last_report > std::chrono::milliseconds(200))) {
      last_report = now;
      progress(p);
    }
  };

  // Coding runs on the pipeline's threads while this thread reads, checks hashes and writes
  // (coder/pipeline.h); documents arrive here in input order, so the rows written, and their
  // ids, are the same whatever the number of threads.
  std::vector<DocumentRecord> pending;
  const size_t batch = static_cast<size_t>(std::max(1, config.batch_size));
  pending.reserve(batch);
  auto flush = [&]() -> Status {
    if (pending.empty()) return Status::Ok();
    DRAGOMAN_ASSIGN_OR_RETURN(std::vector<PutOutcome> outcomes, store->PutBatch(pending));
    for (size_t i = 0; i < pending.size(); ++i) {
      if (outcomes[i] == PutOutcome::kAdded) ++p.added;
      if (outcomes[i] == PutOutcome::kReplaced) ++p.replaced;
      if (outcomes[i] == PutOutcome::kUnchanged) {
        ++p.unchanged;
      } else {
        p.events += static_cast<int64_t>(pending[i].events.size());
      }
    }
    pending.clear();
    report(true);
    return Status::Ok();
  };

  DocumentReader reader(config.inputs, config.reader);
  // The content hash of each document handed to the pipeline, oldest first: the documents come
  // back in the same order, so the store need not hash them again.
  std::deque<std::string> hashes;
  std::unordered_set<std::string> recoded;  // with config.recode: the contents coded this run
  // The next document that needs coding: stored content is counted and skipped here, before it
  // costs any coding.
  auto next = [&]() -> Result<std::optional<Document>> {
    while (true) {
      auto r = reader.Next();
      if (!r.ok() || !r->has_value()) return r;
      ++p.read;
      meter.Saw(**r);
      std::string hash = Store::ContentHash(**r);
      bool known;
      if (config.recode) {
        // Each content once a run: a second copy (the same article from two feeds) is the
        // first one's, as in an ordinary ingest.
        known = !recoded.insert(hash).second;
      } else {
        DRAGOMAN_ASSIGN_OR_RETURN(known, store->HasContent(hash));
      }
      if (!known) {
        hashes.push_back(std::move(hash));
        return r;
      }
      ++p.unchanged;
      report(false);
    }
  };
  auto consume = [&](PipelineItem& item) -> Status {
    if (!item.error.ok()) {
      ++p.input_errors;
      if (on_input_error) on_input_error(item.error);
      return Status::Ok();
    }
    if (item.coded.events.size() > config.max_events_per_document) {
      // Over the events limit: refused whole, reported like an unreadable input.
      hashes.pop_front();
      ++p.input_errors;
      if (on_input_error) {
        on_input_error(Status::BadInput(item.doc.origin + ": " +
                                        std::to_string(item.coded.events.size()) +
                                        " events, more than --max-events-per-document " +
                                        std::to_string(config.max_events_per_document) +
                                        "; not stored"));
      }
      return Status::Ok();
    }
    DocumentRecord& r = pending.emplace_back();
    r.doc = std::move(item.doc);
    r.hash = std::move(hashes.front());
    r.recode = config.recode;
    hashes.pop_front();
    r.date_source = std::string(DateSourceName(r.doc.date_source));
    r.events = std::move(item.coded.events);
    r.sentences.reserve(item.coded.sentences.size());
    for (const CodedSentence& s : item.coded.sentences) {
      r.sentences.push_back({s.index, s.begin, s.end});
    }
    if (pending.size() >= batch) DRAGOMAN_RETURN_IF_ERROR(flush());
    report(false);
    return Status::Ok();
  };
  PipelineOptions options;
  options.threads = config.threads;
  options.max_events = config.max_events_per_document;
  // Room for a whole batch plus a few documents a thread, so that coding goes on while a batch
  // is being written.
  options.window = batch + 4 * static_cast<size_t>(CodingThreads(config.threads));
  DRAGOMAN_RETURN_IF_ERROR(CodingPipeline::Run(*config.coder, options, next, consume));
  DRAGOMAN_RETURN_IF_ERROR(flush());
  meter.Finish();
  report(true);
  return p;
}

}  // namespace dragoman
