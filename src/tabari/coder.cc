// TabariCoder's driver (the approach is in coder.h): tokenizing the record, the record-level
// checks (MINIMUM WORDS, control characters, <TIME> markers), one sentence's events (dominant
// verbs, duplicates) and the events a source and target make. Noun phrases are marked in
// coder_noun_phrases.cc, patterns matched in coder_patterns.cc, clauses coded in
// coder_clauses.cc.
#include "tabari/coder.h"

#include <algorithm>
#include <cctype>

namespace dragoman::tabari {
namespace {

// '_' in text separates words too (it is the dictionaries' connector: "Dol_Amroth").
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '_';
}

}  // namespace

void TabariCoder::Emit(const NounPhrase& src, const NounPhrase& tgt, const VerbCode& code,
                       CodeResult* out) {
  int sm = src.member.empty() ? 0 : src.member.back() + 1;
  int tm = tgt.member.empty() ? 0 : tgt.member.back() + 1;
  for (int a = 0; a < sm; ++a)
    for (int b = 0; b < tm; ++b)
      for (size_t i = 0; i < src.codes.size(); ++i) {
        if (src.member[i] != a) continue;
        for (size_t j = 0; j < tgt.codes.size(); ++j) {
          if (tgt.member[j] != b || src.codes[i] == tgt.codes[j]) continue;
          out->events.push_back({src.codes[i], tgt.codes[j], code.code, date_, &code});
          if (!code.paired.empty())
            out->events.push_back({tgt.codes[j], src.codes[i], code.paired, date_, &code});
        }
      }
}

void TabariCoder::EmitCompound(const NounPhrase& np, const VerbCode& code, CodeResult* out) {
  const auto& c = np.codes;
  for (size_t a = 0; a < c.size(); ++a)
    for (size_t b = 0; b < c.size(); ++b) {
      if (c[a] == c[b]) continue;
      out->events.push_back({c[a], c[b], code.code, date_, &code});
      if (!code.paired.empty()) out->events.push_back({c[b], c[a], code.paired, date_, &code});
    }
}

void TabariCoder::CodeSentence(int begin, int end, CodeResult* out) {
  size_t first_event = out->events.size();
  dominant_begin_ = dominant_end_ = 0;
  CodeClauses(begin, end, out);
  auto& ev = out->events;
  // A dominant verb ("[031!]") that was coded is the sentence's only event.
  if (dominant_end_ > dominant_begin_) {
    ev.erase(ev.begin() + static_cast<std::ptrdiff_t>(dominant_end_), ev.end());
    ev.erase(ev.begin() + static_cast<std::ptrdiff_t>(first_event),
             ev.begin() + static_cast<std::ptrdiff_t>(dominant_begin_));
  }
  // The same event twice in one sentence is reported once.
  size_t w = first_event;
  for (size_t r = first_event; r < ev.size(); ++r) {
    bool dup = false;
    for (size_t k = first_event; k < w && !dup; ++k) dup = ev[k] == ev[r];
    if (!dup) {
      if (w != r) ev[w] = std::move(ev[r]);
      ++w;
    }
  }
  ev.resize(w);
}

void TabariCoder::Code(std::string_view text, int32_t date, const Options& options, CodeResult* out,
                       bool continue_story) {
  out->Clear();
  opt_ = &options;
  date_ = date;
  complex_ = discard_ = false;
  if (!continue_story) last_actor_ = NounPhrase();
  bool has_lower = false;
  for (char c : text)
    if (c >= 'a' && c <= 'z') {
      has_lower = true;
      break;
    }

  // Tokenize the whole story; upper_ holds the upper-cased words so that views stay valid.
  upper_.clear();
  upper_.reserve(text.size() + 16);
  toks_.clear();
  std::vector<std::pair<size_t, size_t>>& spans = spans_;
  spans.clear();
  terminated_ = false;  // the record ends with . ! or ?
  size_t i = 0;
  auto push = [&](std::string_view w, bool cap, bool comma, bool possessive) {
    size_t off = upper_.size();
    for (char c : w)
      upper_.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    spans.emplace_back(off, w.size());
    toks_.push_back(Token{{}, cap, comma, possessive, w.find('-') != std::string_view::npos});
  };
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t st = i;
    // A comma directly followed by a letter ("Brown,arrived") also ends the word.
    while (i < text.size() && !IsSpace(text[i])) {
      ++i;
      if (text[i - 1] == ',' && i < text.size() &&
          std::isalpha(static_cast<unsigned char>(text[i])))
        break;
    }
    std::string_view w = text.substr(st, i - st);
    while (!w.empty() && std::string_view("\"'([`").find(w.front()) != std::string_view::npos)
      w.remove_prefix(1);
    bool comma = false, stop = false;
    while (!w.empty()) {
      char c = w.back();
      if (c == ',' || c == ';' || c == ':') {
        comma = true;
      } else if (c == '.' || c == '!' || c == '?') {
        // "U.S." keeps its final period and does not end the sentence.
        if (c == '.' && w.substr(0, w.size() - 1).find('.') != std::string_view::npos) break;
        stop = true;
      } else if (c != '"' && c != ')' && c != ']') {
        break;
      }
      w.remove_suffix(1);
    }
    bool possessive = false;
    if (w.size() >= 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S")) {
      w.remove_suffix(2);
      possessive = true;
    }
    if (!w.empty()) {
      bool cap = has_lower && std::isupper(static_cast<unsigned char>(w.front()));
      push(w, cap, false, possessive);
    }
    if (comma) push(",", false, true, false);
    if (!w.empty() || comma || stop) terminated_ = stop;
  }
  for (size_t k = 0; k < toks_.size(); ++k)
    toks_[k].text = std::string_view(upper_).substr(spans[k].first, spans[k].second);
  np_start_.assign(toks_.size(), -1);
  np_cover_.assign(toks_.size(), -1);

  // SET: MINIMUM WORDS: shorter records are not coded.
  if (options.minimum_words > 0) {
    int words = 0;
    for (const Token& t : toks_) words += !t.comma;
    if (words < options.minimum_words) {
      out->outcome = CodeResult::Outcome::kNoEvents;
      return;
    }
  }
  // Control characters (other than tab, line and page breaks) mark garbled text, such as a
  // table pasted from a wire feed: TABARI reports such a record as complex.
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || u == 0x7f) {
      complex_ = true;
      break;
    }
  }
  // <TIME> phrases coded ### or +++ discard or complex the record while time shifts are on.
  if (options.time_shift) {
    for (const TimeEntry& te : dict_.times) {
      if (te.special != "###" && te.special != "+++") continue;
      for (int k = 0; k < static_cast<int>(toks_.size()); ++k)
        if (MatchPhrase(te.phrase, k, static_cast<int>(toks_.size())) > 0) {
          (te.special == "###" ? discard_ : complex_) = true;
          break;
        }
    }
  }

  // TABARI codes a record as one sentence: a full stop inside it ends no sentence, and the
  // complexity limits count over the whole record.
  if (!discard_ && !complex_ && !toks_.empty())
    CodeSentence(0, static_cast<int>(toks_.size()), out);
  if (discard_) {
    out->events.clear();
    out->outcome = CodeResult::Outcome::kDiscard;
  } else if (complex_) {
    out->events.clear();
    out->outcome = CodeResult::Outcome::kComplex;
  } else {
    out->outcome =
        out->events.empty() ? CodeResult::Outcome::kNoEvents : CodeResult::Outcome::kEvents;
  }
}

}  // namespace dragoman::tabari
