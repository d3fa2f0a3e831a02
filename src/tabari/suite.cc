#include "tabari/suite.h"

#include <algorithm>
#include <cctype>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "base/strings.h"
#include "base/suite_record.h"

namespace dragoman::tabari {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int32_t HeaderDate(std::string_view s) {
  if (!AllDigits(s) || (s.size() != 6 && s.size() != 8)) return 0;
  int v = std::stoi(std::string(s));
  if (s.size() == 6) v += (v / 10000 < 30 ? 20000000 : 19000000);
  return v;
}

// Reads the expected blocks of one comment body into `r`.
void ParseExpected(std::string_view body, SuiteRecord* r) {
  size_t pos = 0;
  size_t block_index = 0;
  // TABARI looks for the markers anywhere from the first block on.
  if (size_t first = body.find('{'); first != std::string_view::npos) {
    std::string_view rest = body.substr(first);
    r->marks_none = rest.find("---") != std::string_view::npos;
    r->marks_discard = rest.find("###") != std::string_view::npos;
    r->marks_complex = rest.find("+++") != std::string_view::npos;
  }
  while ((pos = body.find('{', pos)) != std::string_view::npos) {
    size_t close = body.find('}', pos);
    if (close == std::string_view::npos) close = body.size();  // "{ OPTION: ... */"

    bool dash = pos > 0 && body[pos - 1] == '-';
    std::string_view inner = Trim(body.substr(pos + 1, close - pos - 1));
    pos = close + 1;
    if (inner.rfind("OPTION:", 0) == 0) {
      r->option_commands.emplace_back(Trim(inner.substr(7)));
      continue;
    }
    if (inner == "---" || inner == "###" || inner == "+++") {
      if (r->special.empty()) {
        r->special = std::string(inner);
        r->special_block = static_cast<int32_t>(block_index);
      }
      if (dash && !r->unchecked_from) r->unchecked_from = block_index;
      ++block_index;
      continue;
    }
    // SRC / TGT / CODE
    size_t s1 = inner.find('/');
    size_t s2 = s1 == std::string_view::npos ? s1 : inner.find('/', s1 + 1);
    if (s2 == std::string_view::npos) continue;  // prose such as "{}" in a note
    if (dash && !r->unchecked_from) r->unchecked_from = block_index;
    CodedEvent e;
    e.source = std::string(Trim(inner.substr(0, s1)));
    e.target = std::string(Trim(inner.substr(s1 + 1, s2 - s1 - 1)));
    e.code = std::string(Trim(inner.substr(s2 + 1)));
    r->expected.push_back(std::move(e));
    ++block_index;
  }
}

}  // namespace

bool TabariTextReader::NextLine(std::string_view* l) {
  if (in_) {
    if (!std::getline(*in_, buf_)) return false;
    *l = buf_;
  } else {
    if (pos_ >= text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text_.size();
    *l = text_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
  }
  if (!l->empty() && l->back() == '\r') l->remove_suffix(1);
  ++line_;
  return true;
}

Result<bool> TabariTextReader::Next(SuiteRecord* r) {
  std::string_view l;
  while (NextLine(&l)) {
    std::string_view t = Trim(l);
    if (t.empty() || t[0] == '#') continue;
    // Header: date, blanks, id.
    size_t sp = 0;
    while (sp < t.size() && !std::isspace(static_cast<unsigned char>(t[sp]))) ++sp;
    int32_t date = HeaderDate(t.substr(0, sp));
    size_t id_from = sp;
    if (!date && sp > 6 && AllDigits(t.substr(0, sp))) {
      // TABARI reads a fixed-width date: "9501201  ID" is 950120 plus id "1  ID" (8 digits
      // after SET: YYYY = TRUE).
      size_t w = yyyy_ && sp > 8 ? 8 : 6;
      date = HeaderDate(t.substr(0, w));
      id_from = w;
    } else if (date && yyyy_ != (sp == 8)) {
      // A 6-digit date under YYYY (or 8 digits without) is read with the fixed width too.
      size_t w = yyyy_ ? 8 : 6;
      if (sp >= w) {
        date = HeaderDate(t.substr(0, w));
        id_from = w;
      }
    }
    if (!date) {
      return Status::BadInput(FileLine(name_, line_) +
                              ": expected a record header 'YYMMDD ID', got '" +
                              std::string(t.substr(0, 40)) + "'");
    }
    r->date = date;
    r->id.assign(Trim(t.substr(id_from)));
    r->line = line_;
    r->text.clear();
    r->expected.clear();
    r->special.clear();
    r->marks_none = r->marks_discard = r->marks_complex = false;
    r->special_block = -1;
    r->unchecked_from.reset();
    r->option_commands.clear();
    r->checked = true;
    comment_.clear();
    bool in_comment = false, comment_closed = false;
    while (NextLine(&l)) {
      std::string_view rest = l;
      // A blank line ends the record even inside an unclosed comment (as in TABARI).
      if (Trim(rest).empty()) break;
      if (comment_closed && !in_comment && rest.find("/*") == std::string_view::npos) {
        // Lines after a closed comment still carry expected blocks (as TABARI reads them).
        comment_ += rest;
        comment_ += '\n';
        continue;
      }
      while (!rest.empty()) {
        if (!in_comment) {
          size_t c = rest.find("/*");
          std::string_view part = rest.substr(0, c == std::string_view::npos ? rest.size() : c);
          if (!Trim(part).empty()) {
            if (!r->text.empty()) r->text += ' ';
            r->text += Trim(part);
          }
          if (c == std::string_view::npos) break;
          in_comment = true;
          rest.remove_prefix(c + 2);
        } else {
          size_t c = rest.find("*/");
          comment_ += rest.substr(0, c == std::string_view::npos ? rest.size() : c);
          comment_ += '\n';
          if (c == std::string_view::npos) break;
          in_comment = false;
          comment_closed = true;
          rest.remove_prefix(c + 2);
        }
      }
    }
    ParseExpected(comment_, r);
    for (const auto& c : r->option_commands) {
      if (c.find("YYYY") == std::string::npos) continue;
      if (c.find("TRUE") != std::string::npos) yyyy_ = true;
      if (c.find("FALSE") != std::string::npos) yyyy_ = false;
    }
    if (r->id == "FINAL-01") final_seen_ = true;
    if (count_ == 0 || final_seen_ || !r->option_commands.empty() || r->unchecked_from == size_t{0})
      r->checked = false;
    ++count_;
    return true;
  }
  return false;
}

Result<std::vector<SuiteRecord>> ParseTabariText(std::string_view text, std::string_view name) {
  std::vector<SuiteRecord> out;
  TabariTextReader reader(text, name);
  SuiteRecord r;
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool more, reader.Next(&r));
    if (!more) break;
    out.push_back(r);
  }
  return out;
}

Result<std::vector<SuiteRecord>> ParseSuiteJsonl(std::string_view text, std::string_view name) {
  std::vector<SuiteRecord> out;
  Status walked =
      ForEachSuiteRecord(text, name, &Status::BadInput, [&](const SuiteRecordLine& rec) -> Status {
        const nlohmann::json& j = rec.json;
        auto bad = [&](const std::string& why) {
          return Status::BadInput(FileLine(name, rec.line) + ": " + why);
        };
        SuiteRecord r;
        r.id = rec.id;
        std::optional<int32_t> date = SuiteDate(rec.date);
        if (!date) return bad("missing or bad 'date' (want YYYY-MM-DD)");
        r.date = *date;
        r.text = rec.text;
        r.line = rec.line;
        for (const auto& e : rec.expected) r.expected.push_back({e.source, e.target, e.code, 0});
        try {
          for (const auto& s : j.value("expect_special", nlohmann::json::array()))
            if (r.special.empty()) r.special = s.get<std::string>();
          for (const auto& s :
               j.value("special_substrings", j.value("expect_special", nlohmann::json::array()))) {
            std::string m = s.get<std::string>();
            r.marks_none = r.marks_none || m == "---";
            r.marks_discard = r.marks_discard || m == "###";
            r.marks_complex = r.marks_complex || m == "+++";
          }
          size_t block = 0;  // the block position of the first special block, as in the text form
          for (const auto& b : j.value("blocks_raw", nlohmann::json::array())) {
            std::string raw = b.get<std::string>();
            std::string_view v = raw;
            size_t open = v.find('{');
            if (open == std::string_view::npos) continue;
            size_t close = std::min(v.find('}', open), v.size());
            std::string_view inner = Trim(v.substr(open + 1, close - open - 1));
            if (inner == "---" || inner == "###" || inner == "+++") {
              r.special_block = static_cast<int32_t>(block);
              break;
            }
            if (inner.find('/') != std::string_view::npos) ++block;
          }
          if (j.contains("unchecked_from") && j["unchecked_from"].is_number())
            r.unchecked_from = j["unchecked_from"].get<size_t>();
          for (const auto& c : j.value("option_commands", nlohmann::json::array()))
            r.option_commands.push_back(c.get<std::string>());
          r.checked = !j.value("skip", false);
        } catch (const nlohmann::json::exception& e) {
          return bad(std::string("bad field: ") + e.what());
        }
        out.push_back(std::move(r));
        return Status::Ok();
      });
  if (!walked.ok()) return walked;
  return out;
}

bool Passes(const SuiteRecord& record, const CodeResult& result) {
  using O = CodeResult::Outcome;
  // No events, a discard or a complex sentence pass when the expected text holds ---, ###
  // or +++ (anywhere among its blocks, as TABARI checks: "{+++} { A / B / 010 }" passes a
  // complex result).
  bool unchecked = record.unchecked_from == 0u;
  if (result.outcome == O::kDiscard) return record.marks_discard || unchecked;
  if (result.outcome == O::kComplex) return record.marks_complex || unchecked;
  if (result.events.empty() && (record.marks_none || unchecked)) return true;
  // Events are compared block by block: a checked ---/###/+++ block matches none.
  if (record.special_block >= 0 &&
      (!record.unchecked_from ||
       static_cast<size_t>(record.special_block) < *record.unchecked_from))
    return false;
  if (record.unchecked_from) {
    size_t n = *record.unchecked_from;
    if (result.events.size() < n) return false;
    for (size_t i = 0; i < n; ++i)
      if (!(result.events[i] == record.expected[i])) return false;
    return true;
  }
  return result.events == record.expected;
}

std::string DescribeResult(const CodeResult& r) {
  using O = CodeResult::Outcome;
  if (r.outcome == O::kDiscard) return "    ### (discard)\n";
  if (r.outcome == O::kComplex) return "    +++ (complex)\n";
  if (r.events.empty()) return "    --- (no events)\n";
  std::string s;
  for (const auto& e : r.events) s += "    " + e.source + " / " + e.target + " / " + e.code + "\n";
  return s;
}

SuiteReport RunSuite(const Dictionaries& dict, Options options,
                     const std::vector<SuiteRecord>& records, std::ostream& out, bool verbose) {
  SuiteReport rep;
  TabariCoder coder(dict);
  CodeResult res;
  std::string prev_story;
  for (const auto& r : records) {
    for (const auto& c : r.option_commands) (void)options.Apply(c);
    // FORWARD: records "STORY-SENT" sharing a story continue it.
    std::string story = r.id.substr(0, r.id.rfind('-') == std::string::npos ? 0 : r.id.rfind('-'));
    bool cont = options.forward && !story.empty() && story == prev_story;
    prev_story = story;
    coder.Code(r.text, r.date, options, &res, cont);
    if (!r.checked) {
      ++rep.unchecked;
      continue;
    }
    if (Passes(r, res)) {
      ++rep.passed;
      if (verbose) out << "PASS " << r.id << "\n";
      continue;
    }
    ++rep.failed;
    out << "FAIL " << r.id;
    if (r.line) out << " (line " << r.line << ")";
    out << "\n  text: " << r.text << "\n  expected:\n";
    if (!r.special.empty() && r.expected.empty()) out << "    " << r.special << "\n";
    for (size_t i = 0; i < r.expected.size(); ++i) {
      const auto& e = r.expected[i];
      out << "    " << e.source << " / " << e.target << " / " << e.code
          << (r.unchecked_from && i >= *r.unchecked_from ? "  (unchecked)" : "") << "\n";
    }
    out << "  coded:\n" << DescribeResult(res);
  }
  out << rep.passed << " passed, " << rep.failed << " failed\n";
  return rep;
}

}  // namespace dragoman::tabari
