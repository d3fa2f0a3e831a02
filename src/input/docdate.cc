// Finding a document's date in its header.
//
// The approach: cut the header (first non-empty lines) into lines; in each line find every date
// expression (a small hand-written grammar over words and digits, in docdate_grammar.cc); then
// decide for each date whether the line's shape makes it a header date (a label before it, a
// byline, the date opening the line, an agency dateline) and which kind. The most trusted kind
// wins; ties go to the earlier line. Prose dates are excluded by shape, not by position alone: a
// body paragraph may start within the header window, but its dates are neither labelled nor at
// its start.
#include "input/docdate.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "input/docdate_internal.h"

namespace dragoman {
using namespace docdate_internal;  // NOLINT(build/namespaces)

namespace {

constexpr size_t kHeaderBytes = 2048;  // lines must start within this many bytes
constexpr int kHeaderLines = 10;       // non-empty lines examined
constexpr size_t kLineBytes = 400;     // bytes of one line examined
constexpr size_t kShortLine = 120;     // a line this short may carry a label anywhere
constexpr size_t kBylineBytes = 200;   // a byline is short
constexpr size_t kLabelGap = 40;       // bytes allowed between a label and its date

enum class LabelKind { kPublished, kUpdated };

struct Label {
  size_t begin;
  size_t end;
  LabelKind kind;
  // A weak label ("date", "update", "issued"...) is also an everyday word; it counts only at the
  // start of the line or a segment, or directly before a colon.
  bool weak;
};

// Labels that announce a date, longest first so "last updated" beats "updated".
std::vector<Label> FindLabels(std::string_view line) {
  struct Known {
    std::string_view text;
    LabelKind kind;
    bool weak;
  };
  static constexpr Known kKnown[] = {
      {"first published", LabelKind::kPublished, false},
      {"publication date", LabelKind::kPublished, false},
      {"last updated", LabelKind::kUpdated, false},
      {"last update", LabelKind::kUpdated, false},
      {"last modified", LabelKind::kUpdated, false},
      {"last edited", LabelKind::kUpdated, false},
      {"press release", LabelKind::kPublished, false},
      {"release date", LabelKind::kPublished, false},
      {"published", LabelKind::kPublished, false},
      {"posted", LabelKind::kPublished, false},
      {"updated", LabelKind::kUpdated, false},
      {"released", LabelKind::kPublished, true},
      {"issued", LabelKind::kPublished, true},
      {"dated", LabelKind::kPublished, true},
      {"date", LabelKind::kPublished, true},
      {"update", LabelKind::kUpdated, true},
      {"modified", LabelKind::kUpdated, true},
      {"edited", LabelKind::kUpdated, true},
      {"revised", LabelKind::kUpdated, true},
  };
  std::vector<Label> out;
  size_t i = 0;
  while (i < line.size()) {
    if (!IsAlpha(line[i]) || (i > 0 && IsAlnum(line[i - 1]))) {
      ++i;
      continue;
    }
    bool found = false;
    for (const Known& k : kKnown) {
      size_t e = i + k.text.size();
      if (e > line.size() || !EqualsIgnoreCase(line.substr(i, k.text.size()), k.text)) continue;
      if (e < line.size() && IsAlnum(line[e])) continue;
      out.push_back({i, e, k.kind, k.weak});
      i = e;
      found = true;
      break;
    }
    if (!found) i = WordEnd(line, i) > i ? WordEnd(line, i) : i + 1;
  }
  return out;
}

// Byte offsets where a segment of the line starts: 0 and after separators such as " | ".
std::vector<size_t> SegmentStarts(std::string_view line) {
  std::vector<size_t> out = {0};
  static constexpr std::string_view kSeps[] = {"|",
                                               "\xE2\x80\xA2" /* • */,
                                               "\xC2\xB7" /* · */,
                                               "\xE2\x80\x94" /* — */,
                                               "\xE2\x80\x93" /* – */,
                                               " - ",
                                               " / "};
  for (size_t i = 0; i < line.size(); ++i) {
    for (std::string_view sep : kSeps) {
      if (line.substr(i).starts_with(sep)) {
        out.push_back(SkipBlanks(line, i + sep.size()));
        break;
      }
    }
  }
  return out;
}

bool StartsWithDash(std::string_view s, size_t i) {
  std::string_view rest = s.substr(std::min(i, s.size()));
  return rest.starts_with("-") || rest.starts_with("\xE2\x80\x93") ||
         rest.starts_with("\xE2\x80\x94");
}

// A short run of capitalised words with commas ("Washington,", "New Delhi, India,"), not a
// headline ("Iran sets date for talks,").
bool LooksLikePlace(std::string_view prefix) {
  int words = 0;
  size_t i = 0;
  while (i < prefix.size()) {
    while (i < prefix.size() && (prefix[i] == ' ' || prefix[i] == ',')) ++i;
    if (i >= prefix.size()) break;
    unsigned char c = static_cast<unsigned char>(prefix[i]);
    if (!((c >= 'A' && c <= 'Z') || c >= 0x80)) return false;
    ++words;
    while (i < prefix.size() && prefix[i] != ' ' && prefix[i] != ',') ++i;
  }
  return words >= 1 && words <= 4;
}

// Agency datelines: a place (or nothing), a comma, the date, then an agency and/or a dash:
// "BAKU, March 8 (Reuters) -", "LONDON, 8 March 2024 -", "MOSCOW, March 8. /TASS/.",
// "Baku, March 8, AZERTAC", "March 8 (AP) -", a line of its own "Washington, August 9, 2025";
// with the place in capitals also
// "BAKU, Azerbaijan, March 8." and "MOSCOW. March 8 (Interfax) -".
bool IsAgencyDateline(std::string_view line, const DateMatch& m) {
  if (m.begin > 60) return false;
  std::string_view prefix = line.substr(0, m.begin);
  bool caps_place = false;
  if (!prefix.empty()) {
    unsigned char first = static_cast<unsigned char>(prefix[0]);
    if (!((first >= 'A' && first <= 'Z') || first >= 0x80)) return false;
    for (char c : prefix) {
      if (IsDigit(c) || c == '(' || c == ')' || c == ':' || c == ';') return false;
    }
    // The first word in capitals ("BAKU", "NEW DELHI", not "Baku" or "A").
    size_t w = 0;
    while (w < prefix.size() && prefix[w] >= 'A' && prefix[w] <= 'Z') ++w;
    caps_place = w >= 2 && (w == prefix.size() || !IsAlpha(prefix[w]));
    size_t k = prefix.find_last_not_of(" \t");
    if (k == std::string_view::npos || !(prefix[k] == ',' || (prefix[k] == '.' && caps_place))) {
      return false;
    }
  }
  size_t q = m.end;
  bool period = q < line.size() && line[q] == '.';
  if (period) ++q;
  q = SkipBlanks(line, q);
  // A line that is only "Place, date" ("Washington, August 9, 2025") when the date is complete.
  if (!prefix.empty() && q >= line.size() && m.date.year != 0 && LooksLikePlace(prefix)) {
    return true;
  }
  bool agency = false;
  if (q < line.size() && (line[q] == '(' || line[q] == '/')) {
    size_t close = line.find(line[q] == '(' ? ')' : '/', q + 1);
    if (close == std::string_view::npos || close - q > 40) return false;
    agency = true;
    q = SkipBlanks(line, close + 1);
  } else if (!period && q < line.size() && line[q] == ',') {
    // ", AZERTAC" / ", ARMENPRESS": an agency name in capitals after a comma.
    size_t a = SkipBlanks(line, q + 1);
    size_t e = a;
    while (e < line.size() && line[e] >= 'A' && line[e] <= 'Z') ++e;
    if (e - a >= 3 && (e == line.size() || !IsAlpha(line[e]))) return true;
  }
  if (StartsWithDash(line, q)) return true;
  return agency || (period && caps_place);
}

// After a leading clock time ("16:45, ", "9:05 AM | "), the offset where the rest starts;
// `pos` itself when there is none.
size_t SkipLeadingTime(std::string_view line, size_t pos) {
  size_t h = DigitsEnd(line, pos);
  if (h == pos || h - pos > 2 || h >= line.size() || line[h] != ':') return pos;
  size_t mm = DigitsEnd(line, h + 1);
  if (mm - (h + 1) != 2) return pos;
  size_t q = mm;
  if (q < line.size() && line[q] == ':' && DigitsEnd(line, q + 1) == q + 3) q += 3;
  size_t r = SkipBlanks(line, q);
  if (size_t we = WordEnd(line, r); we - r == 2 && (EqualsIgnoreCase(line.substr(r, 2), "am") ||
                                                    EqualsIgnoreCase(line.substr(r, 2), "pm"))) {
    q = we;
  }
  if (q < line.size() && (line[q] == ',' || line[q] == '|')) ++q;
  size_t after = SkipBlanks(line, q);
  return after > mm ? after : pos;
}

// A byline: "By Jane Roe ...", "Written by ...", "Reported by ...", "Author: ...".
bool IsByline(std::string_view line) {
  if (line.size() > kBylineBytes) return false;
  for (std::string_view lead : {"by ", "written by ", "reported by ", "story by ", "words by ",
                                "author: ", "authors: ", "author "}) {
    if (line.size() > lead.size() && EqualsIgnoreCase(line.substr(0, lead.size()), lead) &&
        (IsAlpha(line[lead.size()]) || static_cast<unsigned char>(line[lead.size()]) >= 0x80)) {
      return true;
    }
  }
  return false;
}

struct Candidate {
  PartialDate date;  // year 0 until inferred
  DateSource source;
  int order;  // position among candidates, for ties
};

int Rank(DateSource s) {
  switch (s) {
    case DateSource::kDateline:
      return 0;
    case DateSource::kByline:
      return 1;
    case DateSource::kUpdated:
      return 2;
    default:
      return 3;
  }
}

// Classifies the dates of one header line and appends the header dates to `out`.
void ScanLine(std::string_view line, std::vector<Candidate>* out) {
  std::vector<DateMatch> dates = FindDates(line);
  if (dates.empty()) return;
  std::vector<Label> labels = FindLabels(line);
  std::vector<size_t> segments = SegmentStarts(line);
  const bool byline = IsByline(line);
  size_t prev_end = 0;
  for (const DateMatch& m : dates) {
    std::optional<DateSource> source;
    // The nearest label between the previous date and this one.
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
      if (it->end > m.begin || it->begin < prev_end) continue;
      if (m.begin - it->end > kLabelGap) break;
      bool at_segment = false;
      for (size_t seg : segments) at_segment = at_segment || seg == it->begin;
      const bool colon = it->end < line.size() && line[it->end] == ':';
      const bool label_placed =
          at_segment || colon ||
          (!it->weak && (line.size() <= kShortLine || it->begin <= kLabelGap));
      if (label_placed) {
        source = it->kind == LabelKind::kUpdated ? DateSource::kUpdated : DateSource::kDateline;
      }
      break;
    }
    if (!source && byline) source = DateSource::kByline;
    if (!source) {
      bool at_start = false;
      for (size_t seg : segments) {
        if ((seg == m.begin || SkipLeadingTime(line, seg) == m.begin) &&
            (seg == 0 || line.size() <= kBylineBytes)) {
          at_start = true;
        }
      }
      if (at_start && m.date.year != 0) source = DateSource::kDateline;
    }
    if (!source && IsAgencyDateline(line, m)) source = DateSource::kDateline;
    if (source) out->push_back({m.date, *source, static_cast<int>(out->size())});
    prev_end = m.end;
  }
}

const Candidate* Best(const std::vector<Candidate>& cands) {
  const Candidate* best = nullptr;
  for (const Candidate& c : cands) {
    if (c.date.year == 0) continue;
    if (!best || Rank(c.source) < Rank(best->source)) best = &c;
  }
  return best;
}

// Gives a year-less date the year (ref's, or one either side) that puts it nearest to ref.
std::optional<PartialDate> InferYear(PartialDate d, const PartialDate& ref) {
  std::optional<PartialDate> best;
  long best_dist = 0;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    PartialDate c{y, d.month, d.day};
    if (!c.valid()) continue;
    long dist = std::labs(c.DaysFromEpoch() - ref.DaysFromEpoch());
    if (!best || dist < best_dist) {
      best = c;
      best_dist = dist;
    }
  }
  return best;
}

}  // namespace

std::optional<DocDate> FindDocumentDate(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Candidate> cands;
  int lines = 0;
  size_t pos = 0;
  while (pos < text.size() && pos <= kHeaderBytes && lines < kHeaderLines) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.size() > kLineBytes) line = line.substr(0, kLineBytes);
    size_t b = SkipBlanks(line, 0);
    line.remove_prefix(b);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    ++lines;
    ScanLine(line, &cands);
  }
  const Candidate* ref = Best(cands);
  if (ref) {
    const PartialDate ref_date = ref->date;
    for (Candidate& c : cands) {
      if (c.date.year == 0) {
        if (auto d = InferYear(c.date, ref_date)) c.date = *d;
      }
    }
  }
  const Candidate* best = Best(cands);
  if (!best) return std::nullopt;
  return DocDate{best->date, best->source};
}

}  // namespace dragoman
