#include "input/jsonl.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "base/data_file.h"
#include "base/file.h"
#include "input/docdate.h"
#include "input/reader_internal.h"

namespace dragoman {

namespace {
constexpr size_t kReadChunk = 1 << 16;
constexpr size_t kBinaryProbe = 8192;
}  // namespace

LineReader::LineReader(std::istream& in, std::string prefix, size_t max_line)
    : in_(in), buf_(std::move(prefix)), max_line_(max_line) {}

bool LineReader::Fill() {
  if (eof_) return false;
  // Drop what was consumed, then append one chunk.
  buf_.erase(0, pos_);
  pos_ = 0;
  size_t old = buf_.size();
  buf_.resize(old + kReadChunk);
  in_.read(buf_.data() + old, static_cast<std::streamsize>(kReadChunk));
  size_t got = static_cast<size_t>(in_.gcount());
  buf_.resize(old + got);
  if (got == 0) {
    eof_ = true;
    if (in_.bad()) read_error_ = true;
    return false;
  }
  return true;
}

bool LineReader::Next(std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;  // read at least one byte (or a '\n') of this line
  while (true) {
    if (pos_ >= buf_.size() && !Fill()) {
      if (!any) return false;
      ++line_number_;
      return true;
    }
    any = true;
    size_t nl = buf_.find('\n', pos_);
    size_t end = nl == std::string::npos ? buf_.size() : nl;
    if (!*too_long) {
      size_t room = max_line_ - line->size();
      size_t take = std::min(room, end - pos_);
      line->append(buf_, pos_, take);
      if (end - pos_ > room) *too_long = true;
    }
    if (nl != std::string::npos) {
      pos_ = nl + 1;
      ++line_number_;
      return true;
    }
    pos_ = buf_.size();
  }
}

namespace {

// The fast path. Nearly every record is an object whose values are strings (or null): it is read
// here in one pass, without building a JSON tree. Anything else -- a number, an array or object
// value, a \u escape of a lone surrogate, a field named twice, a syntax error -- returns
// nullopt, and the record goes through nlohmann's parser, which decides and words the error, so
// both paths accept the same records and give the same documents (jsonl_test compares them).
struct FlatField {
  bool present = false;
  bool null = false;
  std::string value;
};
struct FlatRecord {
  FlatField text, id, date, title, url, source;
};

class FlatParser {
 public:
  explicit FlatParser(std::string_view s) : s_(s) {}

  std::optional<FlatRecord> Parse() {
    FlatRecord r;
    Space();
    if (!Eat('{')) return std::nullopt;
    Space();
    if (!Eat('}')) {
      while (true) {
        Space();
        std::string key;
        if (!String(&key)) return std::nullopt;
        Space();
        if (!Eat(':')) return std::nullopt;
        Space();
        FlatField* f = Field(&r, key);
        if (f && f->present) return std::nullopt;  // named twice
        FlatField ignored;
        FlatField& out = f ? *f : ignored;
        out.present = true;
        if (s_.substr(i_, 4) == "null") {
          i_ += 4;
          out.null = true;
        } else if (!String(&out.value)) {
          return std::nullopt;
        }
        Space();
        if (Eat(',')) continue;
        if (Eat('}')) break;
        return std::nullopt;
      }
    }
    Space();
    if (i_ != s_.size()) return std::nullopt;
    return r;
  }

 private:
  static FlatField* Field(FlatRecord* r, std::string_view key) {
    if (key == "text") return &r->text;
    if (key == "id") return &r->id;
    if (key == "date") return &r->date;
    if (key == "title") return &r->title;
    if (key == "url") return &r->url;
    if (key == "source") return &r->source;
    return nullptr;
  }
  void Space() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++i_;
    }
  }
  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool Hex4(uint32_t* v) {
    if (i_ + 4 > s_.size()) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      uint32_t d;
      if (c >= '0' && c <= '9') {
        d = static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        d = static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        d = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
      *v = *v * 16 + d;
    }
    return true;
  }
  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  // A string at i_ (the input is valid UTF-8, checked before).
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    while (i_ < s_.size()) {
      // Copy the run up to the next quote, backslash or control character at once.
      size_t j = i_;
      while (j < s_.size() && s_[j] != '"' && s_[j] != '\\' &&
             static_cast<unsigned char>(s_[j]) >= 0x20) {
        ++j;
      }
      out->append(s_.data() + i_, j - i_);
      i_ = j;
      if (i_ >= s_.size()) return false;
      char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') return false;  // a raw control character
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo;
            if (s_.substr(i_, 2) != "\\u") return false;
            i_ += 2;
            if (!Hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
};

// The document of a record read by FlatParser: the checks and defaults of the nlohmann path
// below, in the same order, for values that are all strings.
Result<Document> FlatDocument(std::string_view name, size_t line, const std::string& where,
                              FlatRecord& r, const ReaderConfig& config) {
  Document doc;
  doc.text = std::move(r.text.value);
  if (doc.text.starts_with("\xEF\xBB\xBF")) doc.text.erase(0, 3);
  if (doc.text.find('\0') != std::string::npos) {
    return Status::BadInput(where + ": \"text\" contains a NUL character");
  }
  if (internal::IsBlank(doc.text)) return Status::BadInput(where + ": empty \"text\"");
  for (auto [field, out] : {std::pair<FlatField*, std::string*>{&r.title, &doc.title},
                            {&r.url, &doc.url},
                            {&r.source, &doc.source}}) {
    if (field->present && !field->null) *out = std::move(field->value);
  }
  if (r.id.present && !r.id.null) doc.id = std::move(r.id.value);
  if (doc.id.empty()) doc.id = FileLine(internal::BaseName(name), line);
  doc.origin = where;
  if (r.date.present && !r.date.null && !internal::IsBlank(r.date.value)) {
    std::optional<PartialDate> d = ParseMetadataDate(r.date.value);
    if (!d) {
      return Status::BadInput(where + ": unrecognised \"date\" '" +
                              internal::OneLine(r.date.value) +
                              "' (expected e.g. 2024-03-08 or 2024-03-08T10:00:00Z)");
    }
    doc.date = *d;
    doc.date_source = DateSource::kMetadata;
  }
  internal::DateFromTextOrFlag(config, &doc);
  return doc;
}

}  // namespace

Result<Document> ParseJsonlRecord(std::string_view name, size_t line, std::string_view record,
                                  const ReaderConfig& config) {
  const std::string where = FileLine(name, line);
  if (size_t bad = FindInvalidUtf8(record); bad != std::string_view::npos) {
    return Status::BadInput(where + ":" + std::to_string(bad + 1) + ": invalid UTF-8 byte " +
                            internal::HexByte(record[bad]));
  }
  if (std::optional<FlatRecord> flat = FlatParser(record).Parse();
      flat && flat->text.present && !flat->text.null) {
    return FlatDocument(name, line, where, *flat, config);
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(record);
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() is "[json.exception.parse_error.101] parse error at line 1, column 7: REASON";
    // the line is ours, the column is the byte in the record.
    std::string reason = e.what();
    if (size_t k = reason.find(": "); k != std::string::npos) reason = reason.substr(k + 2);
    return Status::BadInput(where + ":" + std::to_string(e.byte) +
                            ": invalid JSON: " + internal::OneLine(reason));
  } catch (const nlohmann::json::exception& e) {
    // Valid syntax the parser cannot hold, e.g. a number beyond a double ("1e400" is
    // out_of_range 406, issue 12 row 1): the record is bad input, never an escaped exception.
    std::string reason = e.what();
    if (size_t k = reason.find("] "); k != std::string::npos) reason = reason.substr(k + 2);
    return Status::BadInput(where + ": invalid JSON: " + internal::OneLine(reason));
  }
  if (!j.is_object()) return Status::BadInput(where + ": record is not a JSON object");

  auto text_it = j.find("text");
  if (text_it == j.end() || !text_it->is_string()) {
    return Status::BadInput(where + ": record has no string \"text\"");
  }
  Document doc;
  doc.text = text_it->get<std::string>();
  if (doc.text.starts_with("\xEF\xBB\xBF")) doc.text.erase(0, 3);
  if (doc.text.find('\0') != std::string::npos) {
    return Status::BadInput(where + ": \"text\" contains a NUL character");
  }
  if (internal::IsBlank(doc.text)) return Status::BadInput(where + ": empty \"text\"");

  for (auto [field, out] : {std::pair<const char*, std::string*>{"title", &doc.title},
                            {"url", &doc.url},
                            {"source", &doc.source}}) {
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_string()) {
      return Status::BadInput(where + ": \"" + field + "\" must be a string");
    }
    *out = it->get<std::string>();
  }

  auto id_it = j.find("id");
  if (id_it != j.end() && !id_it->is_null()) {
    if (id_it->is_string()) {
      doc.id = id_it->get<std::string>();
    } else if (id_it->is_number_integer()) {
      // Integers that fit 64 bits keep their exact digits. Larger ones (and fractions) arrive
      // as doubles, whose text would let two different ids collide (issue 12 row 13).
      doc.id = id_it->dump();
    } else if (id_it->is_number()) {
      return Status::BadInput(where + ": \"id\" " + internal::OneLine(id_it->dump()) +
                              " is not an integer of at most 64 bits; give it as a string");
    } else {
      return Status::BadInput(where + ": \"id\" must be a string or a number");
    }
  }
  if (doc.id.empty()) doc.id = FileLine(internal::BaseName(name), line);
  doc.origin = where;

  auto date_it = j.find("date");
  if (date_it != j.end() && !date_it->is_null()) {
    std::string value;
    if (date_it->is_string()) {
      value = date_it->get<std::string>();
    } else if (date_it->is_number_integer()) {
      value = date_it->dump();
    } else {
      return Status::BadInput(where + ": \"date\" must be a string or a number");
    }
    if (!internal::IsBlank(value)) {
      std::optional<PartialDate> d = ParseMetadataDate(value);
      if (!d) {
        return Status::BadInput(where + ": unrecognised \"date\" '" + internal::OneLine(value) +
                                "' (expected e.g. 2024-03-08 or 2024-03-08T10:00:00Z)");
      }
      doc.date = *d;
      doc.date_source = DateSource::kMetadata;
    }
  }
  internal::DateFromTextOrFlag(config, &doc);
  return doc;
}

JsonlReader::JsonlReader(std::istream& in, std::string name, std::string prefix,
                         const ReaderConfig& config)
    : name_(std::move(name)),
      config_(config),
      lines_(in, internal::ReadAtLeast(in, std::move(prefix), kBinaryProbe),
             config.max_document_bytes) {
  size_t nul = lines_.Buffered().substr(0, kBinaryProbe).find('\0');
  if (nul != std::string_view::npos) binary_at_ = nul;
}

Result<std::optional<Document>> JsonlReader::Next() {
  if (done_) return std::optional<Document>();
  if (binary_at_) {
    done_ = true;
    return Status::BadInput(name_ + ": binary file (NUL byte at offset " +
                            std::to_string(*binary_at_) + ")");
  }
  std::string line;
  bool too_long = false;
  while (true) {
    if (!lines_.Next(&line, &too_long)) {
      done_ = true;
      if (lines_.read_error()) return Status::BadInput(name_ + ": read error");
      if (!saw_record_) return Status::BadInput(name_ + ": empty file");
      return std::optional<Document>();
    }
    const size_t n = lines_.line_number();
    if (n == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (too_long) {
      saw_record_ = true;
      return Status::BadInput(FileLine(name_, n) + ": line longer than " +
                              std::to_string(config_.max_document_bytes) + " bytes");
    }
    if (internal::IsBlank(line)) continue;
    saw_record_ = true;
    Result<Document> doc = ParseJsonlRecord(name_, n, line, config_);
    if (!doc.ok()) return doc.status();
    return std::optional<Document>(std::move(doc).value());
  }
}

}  // namespace dragoman
