#include "eval/gold.h"

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "base/data_file.h"
#include "base/file.h"
#include "base/strings.h"
#include "base/suite_record.h"

namespace dragoman::eval {

namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool Bool(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

// A [begin, end] pair of byte offsets.
Result<Span> ParseSpan(const Json& j, const std::string& where, const char* what) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number_unsigned() || !j[1].is_number_unsigned()) {
    return Status::BadData(where + ": '" + what + "' must be [begin, end] byte offsets");
  }
  Span s{j[0].get<uint32_t>(), j[1].get<uint32_t>()};
  if (s.end < s.begin) return Status::BadData(where + ": '" + what + "' ends before it begins");
  return s;
}

Status CheckSpan(const Span& s, const GoldDocument& doc, const std::string& where,
                 const char* what) {
  if (s.end > doc.text.size()) {
    return Status::BadData(where + ": '" + what + "' [" + std::to_string(s.begin) + ", " +
                           std::to_string(s.end) + "] lies outside document '" + doc.id + "' (" +
                           std::to_string(doc.text.size()) + " bytes)");
  }
  return Status::Ok();
}

GoldFormat Detect(const Json& first) {
  if (first.contains("document") || first.contains("doc")) return GoldFormat::kOwn;
  auto ex = first.find("expected");
  if (ex != first.end() && ex->is_array() && !ex->empty() && (*ex)[0].is_object() &&
      (*ex)[0].contains("source_text")) {
    return GoldFormat::kPlv;
  }
  if (first.contains("plover") || Str(first, "scheme").rfind("PLOVER", 0) == 0) {
    return GoldFormat::kPlover;
  }
  if (first.contains("expect_special") || first.contains("blocks_raw")) return GoldFormat::kTabari;
  return GoldFormat::kPetrarch;
}

// ---- peer formats: one record = one sentence = one document --------------------------------

// Why a peer record is not scored, or "" when it is.
std::string SkipReason(GoldFormat format, const Json& r) {
  if (Bool(r, "skip")) return "marked skip in the suite";
  if (format == GoldFormat::kPetrarch) {
    auto it = r.find("text_matches_parse");
    if (it != r.end() && it->is_boolean() && !it->get<bool>()) {
      return "expected codes follow a parse that does not match the text";
    }
    if (r.contains("error") && !r["error"].is_null()) return "suite expects an input error";
  }
  if (format == GoldFormat::kTabari) {
    auto it = r.find("expect_special");
    if (it != r.end() && it->is_array()) {
      for (const auto& s : *it) {
        if (s == "###") return "suite expects a discard (###)";
        if (s == "+++") return "suite expects a complex-sentence flag (+++)";
      }
    }
    if (r.contains("unchecked_from") && !r["unchecked_from"].is_null()) {
      return "suite leaves part of the record unchecked";
    }
  }
  if (!r.contains("text") || !r["text"].is_string() || r["text"].get<std::string>().empty()) {
    return "no text";
  }
  return "";
}

// `rec`: the fields every suite shares, already checked (base/suite_record.h).
Status AddPeerRecord(GoldFormat format, const SuiteRecordLine& rec, std::string_view name,
                     const CountryAliases& aliases, std::map<std::string, int>& seen_ids,
                     GoldSet& set) {
  const Json& r = rec.json;
  const int line = rec.line;
  std::string where = FileLine(name, line);
  std::string reason = SkipReason(format, r);
  if (!reason.empty()) {
    ++set.skipped[reason];
    return Status::Ok();
  }
  GoldDocument doc;
  doc.id = rec.id;
  if (doc.id.empty()) doc.id = "line" + std::to_string(line);
  // A few peer files repeat an id (PLV does, 6 times): later ones become "id~2", "id~3", ... so
  // that events replayed by document id still find their own record.
  if (int n = ++seen_ids[doc.id]; n > 1) doc.id += "~" + std::to_string(n);
  doc.origin = where;
  doc.text = rec.text;
  std::string date = rec.date;
  if (format == GoldFormat::kTabari && !Str(r, "expected_date").empty()) {
    date = Str(r, "expected_date");
    // TABARI writes YYMMDD; two-digit years 00-29 are 20xx (its own rule).
    if (date.size() == 6) date = (date < "30" ? "20" : "19") + date;
  }
  if (!date.empty()) {
    doc.date = PartialDate::Parse(date);
    if (!doc.date) return Status::BadData(where + ": bad date '" + date + "'");
  }
  auto it = r.find("expected");
  if (it == r.end() || !it->is_array()) {
    return Status::BadData(where + ": 'expected' must be an array of {source, target, code}");
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& x = (*it)[i];
    if (format == GoldFormat::kPlv) {
      if (!x.is_object() || Str(x, "plover").empty() || Str(x, "source_text").empty()) {
        return Status::BadData(where +
                               ": a PLV expected event needs 'plover' and 'source_text' strings");
      }
      GoldEvent e;
      e.line = line;
      e.id = doc.id;
      e.plover = Str(x, "plover");
      e.source_text = Str(x, "source_text");
      e.target_text = Str(x, "target_text");
      doc.events.push_back(std::move(e));
      continue;
    }
    const SuiteRecordLine::Expected& ex = rec.expected[i];
    if (ex.code.empty()) return Status::BadData(where + ": an expected event needs a 'code'");
    GoldEvent e;
    e.line = line;
    e.id = doc.id;
    for (auto [code, slot] : {std::pair{ex.source, &e.source}, std::pair{ex.target, &e.target}}) {
      std::string key = GoldPartyKey(code, aliases);
      if (key.empty()) continue;
      GoldActor a;
      a.code = code;
      a.key = key;
      a.sector = code.size() > 3 ? code.substr(3, 3) : "";
      *slot = a;
    }
    if (format == GoldFormat::kPlover) {
      e.plover = ex.code;
    } else {
      e.cameo = ex.code;
    }
    // PLOVER records all carry the placeholder date 2000-01-01 (PLV records 2019-01-01), not the
    // events' dates: their events are not scored on dates. The suites' dates are real ones.
    if (format != GoldFormat::kPlover) e.date = doc.date ? doc.date->ToString() : "";
    doc.events.push_back(std::move(e));
  }
  set.events += static_cast<int>(doc.events.size());
  set.docs.push_back(std::move(doc));
  return Status::Ok();
}

// ---- the project's own format ----------------------------------------------------------------

struct OwnState {
  std::map<std::string, size_t> doc_index;  // document id -> position in set.docs
};

Status AddOwnDocument(const Json& r, int line, std::string_view name, std::string_view base_dir,
                      const GoldOptions& options, OwnState& st, GoldSet& set) {
  std::string where = FileLine(name, line);
  GoldDocument doc;
  doc.id = Str(r, "document");
  if (doc.id.empty()) return Status::BadData(where + ": 'document' must be a non-empty string");
  if (st.doc_index.count(doc.id)) {
    return Status::BadData(where + ": document '" + doc.id + "' listed twice");
  }
  std::filesystem::path path;
  if (!options.docs_dir.empty()) {
    path = std::filesystem::path(options.docs_dir) / doc.id;
  } else {
    std::string rel = Str(r, "path");
    if (rel.empty()) {
      return Status::BadData(where + ": document '" + doc.id +
                             "' has no 'path' (or give the folder with --docs DIR)");
    }
    path = std::filesystem::path(base_dir) / rel;
  }
  auto text = ReadFile(path.lexically_normal().string());
  if (!text.ok()) {
    return Status(
        Status::NotFound(where + ": document '" + doc.id + "': " + text.status().message()));
  }
  doc.text = std::move(*text);
  doc.origin = path.lexically_normal().string();
  std::string hash = Str(r, "hash");
  if (!hash.empty() && hash != QuoteHash(doc.text)) {
    return Status::BadData(where + ": document '" + doc.id + "' at " + doc.origin +
                           " has changed (hash " + QuoteHash(doc.text) + ", gold says " + hash +
                           "); re-check its spans");
  }
  std::string date = Str(r, "date");
  if (!date.empty()) {
    doc.date = PartialDate::Parse(date);
    if (!doc.date) return Status::BadData(where + ": bad date '" + date + "'");
  }
  st.doc_index[doc.id] = set.docs.size();
  set.docs.push_back(std::move(doc));
  return Status::Ok();
}

Result<std::optional<GoldActor>> OwnActor(const Json& r, const char* field, const GoldDocument& doc,
                                          const std::string& where, const CountryAliases& aliases) {
  auto it = r.find(field);
  if (it == r.end() || it->is_null()) return std::optional<GoldActor>();
  if (!it->is_object()) {
    return Status::BadData(where + ": '" + field + "' must be an object or null");
  }
  GoldActor a;
  a.code = Str(*it, "code");
  if (a.code.empty()) return Status::BadData(where + ": '" + field + "' needs a 'code'");
  std::string country = Str(*it, "country");
  a.key = country.empty() ? GoldPartyKey(a.code, aliases) : aliases.Map(country);
  a.sector = Str(*it, "sector");
  if (it->contains("span")) {
    DRAGOMAN_ASSIGN_OR_RETURN(Span s, ParseSpan((*it)["span"], where, field));
    DRAGOMAN_RETURN_IF_ERROR(CheckSpan(s, doc, where, field));
    a.span = s;
  }
  return std::optional<GoldActor>(a);
}

Status AddOwnEvent(const Json& r, int line, std::string_view name, const CountryAliases& aliases,
                   OwnState& st, GoldSet& set) {
  std::string where = FileLine(name, line);
  std::string id = Str(r, "doc");
  auto di = st.doc_index.find(id);
  if (di == st.doc_index.end()) {
    return Status::BadData(where + ": event names document '" + id +
                           "', which no earlier \"document\" record lists");
  }
  GoldDocument& doc = set.docs[di->second];
  GoldEvent e;
  e.line = line;
  if (!r.contains("span")) return Status::BadData(where + ": an event needs its 'span'");
  DRAGOMAN_ASSIGN_OR_RETURN(Span q, ParseSpan(r["span"], where, "span"));
  DRAGOMAN_RETURN_IF_ERROR(CheckSpan(q, doc, where, "span"));
  std::string want = Str(r, "hash");
  std::string got = QuoteHash(std::string_view(doc.text).substr(q.begin, q.end - q.begin));
  if (want.empty()) return Status::BadData(where + ": an event needs the 'hash' of its span");
  if (want != got) {
    return Status::BadData(where + ": the bytes at span [" + std::to_string(q.begin) + ", " +
                           std::to_string(q.end) + "] of '" + doc.id + "' hash to " + got +
                           ", not " + want + ": the document changed or the span is wrong");
  }
  e.quote = q;
  DRAGOMAN_ASSIGN_OR_RETURN(e.source, OwnActor(r, "source", doc, where, aliases));
  DRAGOMAN_ASSIGN_OR_RETURN(e.target, OwnActor(r, "target", doc, where, aliases));
  e.plover = Str(r, "plover");
  e.cameo = Str(r, "cameo");
  if (e.plover.empty() && e.cameo.empty()) {
    return Status::BadData(where + ": an event needs 'plover' or 'cameo'");
  }
  e.date = Str(r, "date");
  if (!e.date.empty() && !PartialDate::Parse(e.date)) {
    return Status::BadData(where + ": bad date '" + e.date + "'");
  }
  e.negated = Bool(r, "negated");
  e.mood = Str(r, "mood");
  e.note = Str(r, "note");
  doc.events.push_back(std::move(e));
  ++set.events;
  return Status::Ok();
}

}  // namespace

// ---- CountryAliases ----------------------------------------------------------------------------

Result<CountryAliases> CountryAliases::Load(const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadDataFile(path));
  return Parse(text, path);
}

Result<CountryAliases> CountryAliases::Parse(std::string_view text, std::string_view name) {
  CountryAliases out;
  DRAGOMAN_RETURN_IF_ERROR(ForEachLine(text, [&](int line_no, std::string_view raw) -> Status {
    std::string line(Trim(raw.substr(0, raw.find('#'))));
    if (line.empty()) return Status::Ok();
    size_t sp = line.find_first_of(" \t");
    std::string alias = sp == std::string::npos ? line : line.substr(0, sp);
    std::string iso = sp == std::string::npos ? "" : std::string(Trim(line.substr(sp)));
    auto upper3 = [](const std::string& s) {
      if (s.size() != 3) return false;
      for (char c : s) {
        if (c < 'A' || c > 'Z') return false;
      }
      return true;
    };
    if (!upper3(alias) || !upper3(iso)) {
      return Status::BadData(FileLine(name, line_no) +
                             ": expected 'ALIAS ISO3' (two three-letter upper-case codes)");
    }
    if (!out.map_.emplace(alias, iso).second) {
      return Status::BadData(FileLine(name, line_no) + ": alias '" + alias + "' given twice");
    }
    return Status::Ok();
  }));
  return out;
}

std::string CountryAliases::Map(std::string_view code) const {
  auto it = map_.find(code);
  return it == map_.end() ? std::string(code) : it->second;
}

Result<TypeVocabulary> TypeVocabulary::Load(const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadDataFile(path));
  return Parse(text, path);
}

Result<TypeVocabulary> TypeVocabulary::Parse(std::string_view text, std::string_view name) {
  TypeVocabulary out;
  DRAGOMAN_RETURN_IF_ERROR(ForEachLine(text, [&](int line_no, std::string_view raw) -> Status {
    std::string line(Trim(raw.substr(0, raw.find('#'))));
    if (line.empty()) return Status::Ok();
    std::vector<std::string> fields;
    size_t i = 0;
    while (i < line.size()) {
      size_t b = line.find_first_not_of(" \t", i);
      if (b == std::string::npos) break;
      size_t e = line.find_first_of(" \t", b);
      if (e == std::string::npos) e = line.size();
      fields.push_back(line.substr(b, e - b));
      i = e;
    }
    if (fields.size() != 3) {
      return Status::BadData(FileLine(name, line_no) +
                             ": expected 'GOLD_TYPE CODED_TYPE PREFIXES'");
    }
    Rule r{fields[0], fields[1], {}};
    if (fields[2] != "*") {
      size_t b = 0;
      while (b <= fields[2].size()) {
        size_t c = fields[2].find(',', b);
        if (c == std::string::npos) c = fields[2].size();
        std::string p = fields[2].substr(b, c - b);
        if (p.empty() || p.find_first_not_of("0123456789") != std::string::npos) {
          return Status::BadData(FileLine(name, line_no) + ": '" + p +
                                 "' is not a CAMEO code prefix (digits) or '*'");
        }
        r.prefixes.push_back(p);
        b = c + 1;
      }
    }
    out.rules_.push_back(std::move(r));
    return Status::Ok();
  }));
  return out;
}

std::string TypeVocabulary::Rename(std::string_view plover, std::string_view cameo) const {
  for (const Rule& r : rules_) {
    if (r.coded != plover) continue;
    if (r.prefixes.empty()) return r.gold;
    for (const std::string& p : r.prefixes) {
      if (cameo.substr(0, p.size()) == p) return r.gold;
    }
  }
  return std::string(plover);
}

std::string GoldPartyKey(std::string_view code, const CountryAliases& aliases) {
  if (code.size() < 3 || code.substr(0, 3) == "---") return "";
  return aliases.Map(code.substr(0, 3));
}

std::string_view GoldFormatName(GoldFormat f) {
  switch (f) {
    case GoldFormat::kOwn:
      return "dragoman";
    case GoldFormat::kPlover:
      return "plover";
    case GoldFormat::kPetrarch:
      return "petrarch";
    case GoldFormat::kTabari:
      return "tabari";
    case GoldFormat::kPlv:
      return "plv";
  }
  return "?";
}

std::string QuoteHash(std::string_view bytes) {
  uint32_t h = 2166136261u;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 16777619u;
  }
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return buf;
}

Result<GoldSet> ParseGold(std::string_view text, std::string_view name, std::string_view base_dir,
                          const GoldOptions& options) {
  if (options.aliases == nullptr) return Status::Internal("LoadGold: no country aliases given");
  GoldSet set;
  OwnState own;
  std::map<std::string, int> seen_ids;
  bool detected = false;
  Status walked =
      ForEachSuiteRecord(text, name, &Status::BadData, [&](const SuiteRecordLine& rec) -> Status {
        const Json& r = rec.json;
        const int line_no = rec.line;
        if (!detected) {
          set.format = Detect(r);
          detected = true;
        }
        if (set.format != GoldFormat::kOwn) {
          DRAGOMAN_RETURN_IF_ERROR(
              AddPeerRecord(set.format, rec, name, *options.aliases, seen_ids, set));
        } else if (r.contains("document")) {
          DRAGOMAN_RETURN_IF_ERROR(AddOwnDocument(r, line_no, name, base_dir, options, own, set));
        } else if (r.contains("doc")) {
          DRAGOMAN_RETURN_IF_ERROR(AddOwnEvent(r, line_no, name, *options.aliases, own, set));
        } else {
          return Status::BadData(FileLine(name, line_no) +
                                 ": neither a \"document\" nor an event (\"doc\") record");
        }
        return Status::Ok();
      });
  DRAGOMAN_RETURN_IF_ERROR(walked);
  if (set.docs.empty()) {
    return Status::BadData(std::string(name) + ": no gold documents to score");
  }
  return set;
}

Result<GoldSet> LoadGold(const std::string& path, const GoldOptions& options) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::string base = std::filesystem::path(path).parent_path().string();
  if (base.empty()) base = ".";
  return ParseGold(text, path, base, options);
}

}  // namespace dragoman::eval
