#include "input/reader.h"

#include <algorithm>
#include <cerrno>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <system_error>

#include "base/file.h"
#include "input/docdate.h"
#include "input/html.h"
#include "input/jsonl.h"
#include "input/reader_internal.h"

namespace dragoman {

namespace fs = std::filesystem;

namespace internal {

std::string HexByte(char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  unsigned char u = static_cast<unsigned char>(c);
  return std::string("0x") + kHex[u >> 4] + kHex[u & 15];
}

std::string OneLine(std::string_view s, size_t max) {
  std::string out;
  bool cut = false;
  if (s.size() > max) {
    size_t k = max;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    s = s.substr(0, k);
    cut = true;
  }
  out.reserve(s.size() + 3);
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (cut) out += "...";
  return out;
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

std::string BaseName(std::string_view path) {
  if (path == "<stdin>") return "stdin";
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

void DateFromTextOrFlag(const ReaderConfig& config, Document* doc,
                        std::optional<PartialDate> updated) {
  if (doc->date) return;
  if (std::optional<DocDate> d = FindDocumentDate(doc->text)) {
    doc->date = d->date;
    doc->date_source = d->source;
  } else if (updated) {
    doc->date = *updated;
    doc->date_source = DateSource::kUpdated;
  } else if (config.fallback_date) {
    doc->date = *config.fallback_date;
    doc->date_source = DateSource::kFlag;
  }
}

std::string ReadAtLeast(std::istream& in, std::string buf, size_t n) {
  while (buf.size() < n && in) {
    size_t old = buf.size();
    buf.resize(n);
    in.read(buf.data() + old, static_cast<std::streamsize>(n - old));
    buf.resize(old + static_cast<size_t>(in.gcount()));
  }
  return buf;
}

}  // namespace internal

namespace {

constexpr size_t kHead = 8192;

std::string LowerExtension(std::string_view path) {
  std::string base = internal::BaseName(path);
  size_t dot = base.find_last_of('.');
  if (dot == std::string::npos || dot == 0) return "";
  std::string ext = base.substr(dot + 1);
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return ext;
}

// One thing a folder walk found: a file to read, or a problem to report in its place.
struct FolderEntry {
  std::string path;
  Status error;  // OK for a file to read
};

// "Permission denied" for an error code, without the category prefix.
std::string Reason(const std::error_code& ec) { return ec.message(); }

// Collects the files under `dir` (see reader.h for the order and what is skipped). A folder, link
// or file that cannot be used becomes an error entry in its place and the walk goes on beside it
// (issue 12 rows 5 and 7): one unreadable sub-folder never hides its siblings, and no entry is
// dropped without a message.
Status WalkFolder(const std::string& dir, std::deque<FolderEntry>* out) {
  std::set<fs::path> seen;  // canonical folders already walked (symlink loops)
  std::vector<FolderEntry> found;
  // Depth-first with sorted entries: list a folder, then take its entries in order, descending
  // into subfolders as they come. Recursion is bounded by the depth check.
  std::function<void(const std::string&, int)> walk = [&](const std::string& d, int depth) {
    std::error_code ec;
    fs::path canon = fs::canonical(d, ec);
    if (!ec && !seen.insert(canon).second) {
      found.push_back({d, Status::BadInput(d + ": symbolic link loop (folder " + canon.string() +
                                           " is already being read)")});
      return;
    }
    if (depth > 256) {
      found.push_back({d, Status::BadInput(d + ": folders nested too deeply")});
      return;
    }
    std::vector<std::pair<std::string, int>> entries;  // name, 0 file / 1 folder / 2 problem
    std::vector<Status> problems;
    fs::directory_iterator it(d, ec);
    if (ec) {
      found.push_back({d, Status::BadInput(d + ": cannot read folder: " + Reason(ec))});
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::string p = (fs::path(d) / name).string();
      std::error_code sec;
      fs::file_status st = fs::status(it->path(), sec);  // follows symlinks
      if (sec) {
        std::error_code lec;
        fs::file_status lst = fs::symlink_status(it->path(), lec);
        std::string what;
        if (!lec && fs::is_symlink(lst)) {
          what = sec == std::errc::too_many_symbolic_link_levels
                     ? ": symbolic link loop"
                     : (sec == std::errc::no_such_file_or_directory ? ": dangling symbolic link"
                                                                    : ": symbolic link: " +
                                                                          Reason(sec));
        } else {
          what = ": " + Reason(sec);
        }
        entries.push_back({name, 2});
        problems.push_back(Status::BadInput(p + what));
        continue;
      }
      if (fs::is_directory(st)) {
        entries.push_back({name, 1});
      } else if (fs::is_regular_file(st)) {
        entries.push_back({name, 0});
      } else {
        // Sockets, FIFOs and devices are not documents (a FIFO could block the walk forever):
        // reported, not read.
        entries.push_back({name, 2});
        problems.push_back(Status::BadInput(p + ": not a regular file"));
      }
    }
    if (ec) {
      // The listing broke off part way: report it, and still read what was listed.
      found.push_back({d, Status::BadInput(d + ": cannot read folder: " + Reason(ec))});
    }
    // Problems sort with the other entries by name; keep each one's message beside its name.
    std::vector<size_t> order(entries.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return entries[a].first < entries[b].first; });
    std::vector<size_t> problem_of(entries.size(), 0);
    for (size_t i = 0, k = 0; i < entries.size(); ++i) {
      if (entries[i].second == 2) problem_of[i] = k++;
    }
    for (size_t i : order) {
      const auto& [name, kind] = entries[i];
      std::string p = (fs::path(d) / name).string();
      if (kind == 1) {
        walk(p, depth + 1);
      } else if (kind == 0) {
        found.push_back({p, Status::Ok()});
      } else {
        found.push_back({p, problems[problem_of[i]]});
      }
    }
  };
  walk(dir, 0);
  if (found.empty()) return Status::BadInput(dir + ": no files in folder");
  for (auto& e : found) out->push_back(std::move(e));
  return Status::Ok();
}

}  // namespace

std::optional<InputFormat> ParseInputFormat(std::string_view s) {
  if (s == "auto") return InputFormat::kAuto;
  if (s == "txt" || s == "text") return InputFormat::kText;
  if (s == "html" || s == "htm") return InputFormat::kHtml;
  if (s == "jsonl" || s == "ndjson") return InputFormat::kJsonl;
  return std::nullopt;
}

InputFormat DetectFormat(std::string_view path, std::string_view head) {
  std::string ext = LowerExtension(path);
  if (ext == "jsonl" || ext == "ndjson" || ext == "jsonlines") return InputFormat::kJsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' ||
                             head[i] == '\r' || head[i] == '\f' || head[i] == '\v')) {
    ++i;
  }
  if (i < head.size() && head[i] == '{') return InputFormat::kJsonl;
  if (LooksLikeHtml(head)) return InputFormat::kHtml;
  return InputFormat::kText;
}

Result<Document> DocumentFromText(std::string name, std::string bytes, InputFormat format,
                                  const ReaderConfig& config) {
  if (bytes.size() > config.max_document_bytes) {
    return Status::BadInput(name + ": document larger than " +
                            std::to_string(config.max_document_bytes) + " bytes");
  }
  if (LooksBinary(bytes)) {
    return Status::BadInput(name + ": binary file (NUL byte at offset " +
                            std::to_string(bytes.find('\0')) + ")");
  }
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string::npos) {
    return Status::BadInput(Where(name, bytes, bad) + ": invalid UTF-8 byte " +
                            internal::HexByte(bytes[bad]));
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  if (internal::IsBlank(bytes)) return Status::BadInput(name + ": empty file");
  if (format == InputFormat::kAuto) format = DetectFormat(name, bytes);

  if (format == InputFormat::kJsonl) {
    while (!bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r')) bytes.pop_back();
    return ParseJsonlRecord(name, 1, bytes, config);
  }
  Document doc;
  doc.id = internal::BaseName(name);
  doc.origin = name;
  std::optional<PartialDate> updated;
  if (format == InputFormat::kHtml) {
    Result<HtmlContent> extracted = ExtractHtml(bytes);
    if (!extracted.ok()) return Status::BadInput(name + ": " + extracted.status().message());
    HtmlContent& html = extracted.value();
    if (internal::IsBlank(html.text)) return Status::BadInput(name + ": no text in HTML");
    doc.text = std::move(html.text);
    doc.title = std::move(html.title);
    doc.url = std::move(html.url);
    doc.source = std::move(html.source);
    if (html.published) {
      doc.date = html.published;
      doc.date_source = DateSource::kMetadata;
    }
    updated = html.modified;
  } else {
    doc.text = std::move(bytes);
  }
  internal::DateFromTextOrFlag(config, &doc, updated);
  return doc;
}

struct DocumentReader::Impl {
  std::vector<std::string> inputs;
  size_t next_input = 0;
  ReaderConfig config;
  std::deque<FolderEntry> files;        // files (or problems) of a folder still to read
  std::unique_ptr<std::ifstream> file;  // the open JSONL file, if any
  std::unique_ptr<JsonlReader> jsonl;   // the JSONL input being read, if any

  // Reads one input: returns its document or error, or sets up `jsonl` and returns nullopt.
  Result<std::optional<Document>> Open(std::istream& in, const std::string& name,
                                       std::unique_ptr<std::ifstream> owned) {
    std::string head = internal::ReadAtLeast(in, "", kHead);
    InputFormat format =
        config.format != InputFormat::kAuto ? config.format : DetectFormat(name, head);
    if (format == InputFormat::kJsonl) {
      jsonl = std::make_unique<JsonlReader>(in, name, std::move(head), config);
      file = std::move(owned);
      return std::optional<Document>();
    }
    // Read at most one byte past the limit, so a huge file is reported without being held.
    std::string bytes = internal::ReadAtLeast(in, std::move(head), config.max_document_bytes + 1);
    if (in.bad()) return Status::BadInput(name + ": read error");
    Result<Document> doc = DocumentFromText(name, std::move(bytes), format, config);
    if (!doc.ok()) return doc.status();
    return std::optional<Document>(std::move(doc).value());
  }

  Result<std::optional<Document>> Next() {
    while (true) {
      if (jsonl) {
        Result<std::optional<Document>> r = jsonl->Next();
        if (!r.ok() || r->has_value()) return r;
        jsonl.reset();
        file.reset();
        continue;
      }
      std::string path;
      if (!files.empty()) {
        FolderEntry e = std::move(files.front());
        files.pop_front();
        if (!e.error.ok()) return e.error;
        path = std::move(e.path);
      } else if (next_input < inputs.size()) {
        path = inputs[next_input++];
        if (path == "-") {
          std::istream& in = config.stdin_stream ? *config.stdin_stream : std::cin;
          Result<std::optional<Document>> r = Open(in, "<stdin>", nullptr);
          if (!r.ok() || r->has_value()) return r;
          continue;
        }
        std::error_code ec;
        fs::file_status st = fs::status(path, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) {
          return Status::BadInput(path + ": " + Reason(ec));  // a link loop, no permission
        }
        if (ec || !fs::exists(st)) {
          return Status::NotFound(path + ": no such file or directory");
        }
        if (fs::is_directory(st)) {
          DRAGOMAN_RETURN_IF_ERROR(WalkFolder(path, &files));
          continue;
        }
      } else {
        return std::optional<Document>();
      }
      auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!in->is_open()) {
        // An input that cannot be opened is bad input (exit 3), like a missing one: exit 6 is for
        // our own output failing (issue 12 row 6).
        const int err = errno;
        std::error_code ec;
        if (!fs::exists(path, ec)) return Status::NotFound(path + ": no such file or directory");
        return Status::BadInput(path + ": cannot open file: " +
                                Reason(std::error_code(err, std::generic_category())));
      }
      std::ifstream& ref = *in;
      Result<std::optional<Document>> r = Open(ref, path, std::move(in));
      if (!r.ok() || r->has_value()) return r;
    }
  }
};

DocumentReader::DocumentReader(std::vector<std::string> paths, ReaderConfig config)
    : impl_(std::make_unique<Impl>()) {
  impl_->inputs = std::move(paths);
  impl_->config = std::move(config);
}

DocumentReader::~DocumentReader() = default;

Result<std::optional<Document>> DocumentReader::Next() { return impl_->Next(); }

}  // namespace dragoman
