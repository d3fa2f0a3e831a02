// TextAnalyzer: lines -> blocks -> sentences -> tokens.
//
// The document is first cut into lines. Consecutive non-blank lines are joined into one block
// only when the first is hard-wrapped prose (it lacks terminal punctuation and the next line
// starts in lower case, or it ends in a comma or a connecting word such as "of", or it fills
// most of the width its run of lines is wrapped at); otherwise
// each line is its own block, so a sentence never crosses a blank line and headlines, bylines
// and captions stay apart from the prose. Each block is tokenized once; a heading block is one
// sentence, any other block is split where ICU's sentence BreakIterator puts a boundary that
// falls between two tokens, unless the token before it is an abbreviation that cannot end a
// sentence (see abbreviations.h). Everything is linear in the text size.
#include "text/analysis.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "text/abbreviations.h"
#include "text/furniture.h"
#include "text/lemmatizer.h"
#include "text/normalize.h"
#include "text/tokenizer.h"

namespace dragoman {
namespace {

struct Span {
  uint32_t begin;
  uint32_t end;
};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// Trims ASCII white space and U+00A0 from both ends of [b, e).
Span TrimSpan(std::string_view text, uint32_t b, uint32_t e) {
  while (b < e) {
    if (IsAsciiSpace(text[b]) || text[b] == '\r') {
      ++b;
    } else if (e - b >= 2 && static_cast<unsigned char>(text[b]) == 0xC2 &&
               static_cast<unsigned char>(text[b + 1]) == 0xA0) {
      b += 2;
    } else {
      break;
    }
  }
  while (e > b) {
    if (IsAsciiSpace(text[e - 1]) || text[e - 1] == '\r') {
      --e;
    } else if (e - b >= 2 && static_cast<unsigned char>(text[e - 2]) == 0xC2 &&
               static_cast<unsigned char>(text[e - 1]) == 0xA0) {
      e -= 2;
    } else {
      break;
    }
  }
  return {b, e};
}

// The last code point of the non-empty span.
UChar32 LastChar(std::string_view text, Span s) {
  int32_t i = static_cast<int32_t>(s.end);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), static_cast<int32_t>(s.begin), i, c);
  return c;
}

bool IsTerminal(UChar32 c) {
  switch (c) {
    case '.':
    case '!':
    case '?':
    case ':':
    case '"':
    case 0x201D:  // ”
    case 0x2019:  // ’
    case 0x2026:  // …
    case 0x00BB:  // »
      return true;
    default:
      return false;
  }
}

// List bullets that open the items of a summary ("• Talks resume • Envoys meet").
bool IsBullet(UChar32 c) {
  switch (c) {
    case 0x2022:  // •
    case 0x2023:  // ‣
    case 0x2043:  // ⁃
    case 0x2219:  // ∙
    case 0x25AA:  // ▪
    case 0x25A0:  // ■
    case 0x25CF:  // ●
    case 0x25E6:  // ◦
      return true;
    default:
      return false;
  }
}

// The first code point of [b, e), or -1 when it is empty.
UChar32 CharAt(std::string_view text, uint32_t b, uint32_t e) {
  if (b >= e) return -1;
  int32_t i = static_cast<int32_t>(b);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(e), c);
  return c;
}

// Lower-case words that cannot end a line of prose that is complete.
bool IsConnectingWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",   "an",    "and", "as",   "at",   "by",  "for",   "from", "in",   "into",
      "of",  "on",    "or",  "than", "that", "the", "their", "to",   "with", "which",
      "who", "whose", "its", "his",  "her",  "our", "but",   "nor",  "whom", "onto"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// Small words that stay lower case in title-case headlines.
bool IsTitleSmallWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",     "an",   "and", "as", "at",  "but", "by",   "for", "from", "in",   "into",
      "nor",   "of",   "on",  "or", "to",  "the", "with", "vs",  "over", "via",  "amid",
      "after", "upon", "off", "up", "out", "is",  "are",  "be",  "was",  "than", "its"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// The singular of a lower-case word WordNet does not know, when it looks like a regular
// English plural ("ceasefires" -> "ceasefire", "airstrikes" -> "airstrike", "militias" ->
// "militia"); anything else is returned unchanged. Not applied to capitalised tokens, whose
// final "s" is often part of a name ("Brussels").
std::string GuessPlural(const std::string& w) {
  auto ends = [&w](std::string_view suf) {
    return w.size() >= suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
  };
  if (w.size() < 5 || !ends("s")) return w;
  for (unsigned char c : w) {
    if (c < 'a' || c > 'z') return w;  // ASCII words only: other scripts' "s" means nothing
  }
  if (ends("ss") || ends("us") || ends("is") || ends("ys")) return w;
  if (ends("ies")) return w.substr(0, w.size() - 3) + "y";
  return w.substr(0, w.size() - 1);
}

}  // namespace

namespace {

// A line of two or more bullet items that opens with a bullet ("• Talks resume in Geneva •
// Envoys meet"): a summary under a headline, whatever its length. A '.', '!' or '?' may end an
// item but not stand inside one: items are headline fragments, not prose.
bool IsBulletSummary(std::string_view text, const std::vector<RawToken>& toks, size_t b, size_t e) {
  auto bullet = [&](size_t i) {
    return toks[i].kind == RawToken::Kind::kPunct &&
           IsBullet(CharAt(text, toks[i].begin, toks[i].end));
  };
  if (!bullet(b)) return false;
  int bullets = 0;
  for (size_t i = b; i < e; ++i) {
    if (bullet(i)) {
      ++bullets;
      continue;
    }
    if (toks[i].kind != RawToken::Kind::kPunct) continue;
    char c = text[toks[i].begin];
    if ((c == '.' || c == '!' || c == '?') && i + 1 < e && !bullet(i + 1)) return false;
  }
  return bullets >= 2;
}

// A full stop glued to both neighbours ends a sentence when the word before it is lower case
// (or a number) and the word after it is capitalised, not all capitals, and not itself glued to
// a further full stop: "took effect.Chad's president", "in 2019.The talks" are two sentences
// run together by a lost space, which ICU's rules keep joined. Domain names and file names
// ("president.Gov.ir", "report.PDF") and initialisms ("U.S") are not split.
bool GluedFullStop(std::string_view text, const std::vector<RawToken>& toks, size_t ti) {
  if (ti < 2 || ti + 1 > toks.size()) return false;
  const RawToken& dot = toks[ti - 1];
  const RawToken& before = toks[ti - 2];
  const RawToken& next = toks[ti];
  if (dot.kind != RawToken::Kind::kPunct || dot.end != dot.begin + 1 || text[dot.begin] != '.') {
    return false;
  }
  if (before.end != dot.begin || next.begin != dot.end) return false;
  if (before.period != RawToken::Period::kNone) return false;
  const bool lower_word = before.kind == RawToken::Kind::kWord && !before.capitalized &&
                          before.end - before.begin >= 2;
  if (!lower_word && before.kind != RawToken::Kind::kNumber) return false;
  if (next.kind != RawToken::Kind::kWord || !next.capitalized || next.all_caps) return false;
  // The word after is glued to a further '.' or '/' and a letter or digit: a domain or path
  // (its period may belong to an abbreviation token: "Gov.ir").
  size_t e = next.period != RawToken::Period::kNone ? next.end - 1 : next.end;
  if (e + 1 < text.size() && (text[e] == '.' || text[e] == '/') &&
      std::isalnum(static_cast<unsigned char>(text[e + 1]))) {
    return false;
  }
  return true;
}

// Bound of the per-thread cache of lemmatizer answers (a few MB at most).
constexpr size_t kMaxCachedWords = 100000;

std::atomic<uint64_t> next_analyzer_id{1};
}  // namespace

struct TextAnalyzer::Impl {
  uint64_t id = next_analyzer_id.fetch_add(1);  // keys the per-thread word cache
  Abbreviations abbrevs;
  FurniturePatterns furniture;
  std::unique_ptr<Tokenizer> tokenizer;
  std::unique_ptr<icu::BreakIterator> sentence_breaks;  // prototype; cloned per Analyze()

  // `isolated`: a blank line or the text's edge on one side; `headline_slot`: the text's first
  // line, or blank lines on both sides, or a one-line block above which there are only
  // headings, in a text that has other lines.
  bool LooksLikeHeading(std::string_view text, const std::vector<RawToken>& toks, size_t b,
                        size_t e, Span span, bool isolated, bool headline_slot) const;
};

TextAnalyzer::~TextAnalyzer() = default;

Result<std::unique_ptr<TextAnalyzer>> TextAnalyzer::Create(const TextConfig& config) {
  std::unique_ptr<TextAnalyzer> ta(new TextAnalyzer());
  ta->impl_ = std::make_unique<Impl>();
  const std::string dir = config.data_dir + "/text/";
  DataProblems* problems = config.problems;
  DRAGOMAN_ASSIGN_OR_RETURN(ta->impl_->abbrevs,
                            Abbreviations::Load(dir + "abbreviations.txt", problems));
  // The build's check stamp, when it names this very file, spares the per-line compiles
  // (text/furniture.h); check-data (a problems sink) compiles every line whatever stamps exist.
  DRAGOMAN_ASSIGN_OR_RETURN(
      ta->impl_->furniture,
      FurniturePatterns::Load(dir + "furniture.txt", problems,
                              FurniturePatterns::DefaultStamps(config.data_dir)));
  DRAGOMAN_ASSIGN_OR_RETURN(
      ta->lemmatizer_,
      Lemmatizer::Load(config.wordnet_dir, dir + "lemmas.txt", config.lemma_table, problems));
  ta->impl_->tokenizer = std::make_unique<Tokenizer>(&ta->impl_->abbrevs);
  UErrorCode st = U_ZERO_ERROR;
  ta->impl_->sentence_breaks.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), st));
  if (U_FAILURE(st) || !ta->impl_->sentence_breaks) {
    return Status::Internal(std::string("ICU sentence break iterator: ") + u_errorName(st));
  }
  return ta;
}

bool TextAnalyzer::Impl::LooksLikeHeading(std::string_view text, const std::vector<RawToken>& toks,
                                          size_t b, size_t e, Span span, bool isolated,
                                          bool headline_slot) const {
  if (b == e) return false;
  if (IsBulletSummary(text, toks, b, e)) return true;
  if (IsTerminal(LastChar(text, span))) return false;
  const RawToken& last = toks[e - 1];
  if (last.period != RawToken::Period::kNone) return false;  // ends in "U.S." / "etc."
  // Long blocks are prose; count words only as far as that decision needs.
  int counted = 0;
  for (size_t i = b; i < e && counted <= 25; ++i) {
    if (toks[i].kind == RawToken::Kind::kWord || toks[i].kind == RawToken::Kind::kNumber) {
      ++counted;
    }
  }
  if (counted > 25) return false;
  int words = 0, content = 0, capitalised = 0, all_caps = 0;
  bool inner_stop = false;  // a '.', '!' or '?' inside: two sentences, not a headline
  for (size_t i = b; i < e; ++i) {
    const RawToken& t = toks[i];
    if (t.kind == RawToken::Kind::kPunct) {
      char c = text[t.begin];
      if (c == '.' || c == '!' || c == '?') inner_stop = true;
    }
    if (t.kind != RawToken::Kind::kWord && t.kind != RawToken::Kind::kNumber) continue;
    ++words;
    if (t.kind != RawToken::Kind::kWord) continue;
    if (t.all_caps) ++all_caps;
    std::string_view w = text.substr(t.begin, t.end - t.begin);
    std::string lw = FoldKey(w);
    if (!t.capitalized && IsTitleSmallWord(lw)) continue;
    ++content;
    if (t.capitalized) ++capitalised;
  }
  if (words == 0) return true;  // a line of symbols ("***")
  if (!inner_stop && words <= 6) return true;
  if (!inner_stop && isolated && words <= 10) return true;
  // Wire headlines run to a dozen words or so in sentence case ("X, Y sign peace deal in Z after
  // rebel advance"): a line that short, without a stop, opening the text or with blank lines on
  // both sides, in a text that has other lines, is a headline.
  if (!inner_stop && headline_slot && words <= 14) return true;
  if (words > 25) return false;
  if (all_caps * 10 >= words * 8) return true;
  return content > 0 && capitalised * 10 >= content * 8;
}

std::vector<Sentence> TextAnalyzer::Analyze(std::string_view text) const {
  std::vector<Sentence> out;
  if (text.empty()) return out;
  // Offsets are 32-bit and ICU indexes blocks with int32_t: anything past 2 GiB is ignored
  // (the input stage rejects documents anywhere near that size).
  if (text.size() > static_cast<size_t>(INT32_MAX)) text = text.substr(0, INT32_MAX);

  // 1. Lines, trimmed; blank lines have begin == end.
  std::vector<Span> lines;
  {
    uint32_t pos = 0;
    const uint32_t n = static_cast<uint32_t>(text.size());
    while (pos <= n) {
      uint32_t e = pos;
      while (e < n && text[e] != '\n' && text[e] != '\r') ++e;
      lines.push_back(TrimSpan(text, pos, e));
      if (e >= n) break;
      pos = e + 1;
      if (text[e] == '\r' && pos < n && text[pos] == '\n') ++pos;
    }
  }
  size_t nonblank_lines = 0;
  for (const Span& l : lines) nonblank_lines += l.begin != l.end;

  // The widest line of each run of three or more non-blank lines, for every line of the run
  // (0 for blank lines and shorter runs).
  std::vector<uint32_t> run_width(lines.size(), 0);
  for (size_t i = 0; i < lines.size();) {
    size_t j = i;
    uint32_t w = 0;
    while (j < lines.size() && lines[j].begin != lines[j].end) {
      w = std::max(w, lines[j].end - lines[j].begin);
      ++j;
    }
    // Two stacked lines are as likely page chrome as wrapped prose: only runs of three or
    // more lines count as wrapped.
    if (j - i < 3) w = 0;
    for (size_t k = i; k < j; ++k) run_width[k] = w;
    i = j == i ? i + 1 : j;
  }

  std::unique_ptr<icu::BreakIterator> breaks(impl_->sentence_breaks->clone());
  FurniturePatterns::Matcher furniture(impl_->furniture);
  std::vector<RawToken> toks;
  std::vector<size_t> cuts;  // token indices where a new sentence starts
  std::string joined;        // a multi-line block with its line breaks blanked out
  // News repeats its words, within a document and across documents: each thread keeps the
  // lemmatizer's answers for the analyzer it last served (analyzers are told apart by a
  // process-unique id, never by address), bounded so that it cannot grow without limit.
  struct WordCache {
    uint64_t owner = 0;
    std::unordered_map<std::string, Lemmatizer::WordInfo> words;
  };
  thread_local WordCache cache;
  if (cache.owner != impl_->id || cache.words.size() > kMaxCachedWords) {
    cache.words.clear();
    cache.owner = impl_->id;
  }
  auto& word_cache = cache.words;
  int paragraph = -1;
  // No block of prose yet: every block so far was a heading (the top of a page, where a section
  // label, a headline, a summary and a date line may stand on consecutive lines). Only a block
  // of one line takes a headline slot this way: several joined lines are wrapped prose.
  bool above_prose = true;

  for (size_t li = 0; li < lines.size();) {
    if (lines[li].begin == lines[li].end) {
      ++li;
      continue;
    }
    // 2. A block: this line plus following lines that continue hard-wrapped prose.
    Span block = lines[li];
    size_t lj = li + 1;
    while (lj < lines.size() && lines[lj].begin != lines[lj].end) {
      Span cur{block.begin, block.end};
      UChar32 last = LastChar(text, cur);
      if (IsTerminal(last)) break;
      int32_t k = static_cast<int32_t>(lines[lj].begin);
      UChar32 first;
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), k, static_cast<int32_t>(text.size()),
              first);
      bool join = u_islower(first);
      // In a run of 3+ lines wrapped at a fixed width (the widest line 50..100 bytes), a line
      // that fills most of that width continues on the next one whatever its first letter
      // ("...met with President\nIlham Aliyev").
      const Span& prev_line = lines[lj - 1];
      const uint32_t width = run_width[lj - 1];
      if (!join && width >= 50 && width <= 100 &&
          (prev_line.end - prev_line.begin) * 4 >= width * 3) {
        join = true;
      }
      if (!join && (last == ',' || last == ';' || last == '-')) join = true;
      if (!join && u_isalpha(last)) {
        // Last word of the line so far.
        uint32_t wb = block.end;
        while (wb > block.begin && text[wb - 1] >= 'a' && text[wb - 1] <= 'z') --wb;
        if (wb == block.begin || !(text[wb - 1] >= 'A' && text[wb - 1] <= 'Z')) {
          join = IsConnectingWord(text.substr(wb, block.end - wb));
        }
      }
      if (!join) break;
      block.end = lines[lj].end;
      ++lj;
    }
    const size_t first_line = li;
    li = lj;
    ++paragraph;

    // 3. Tokens of the block.
    toks.clear();
    impl_->tokenizer->Tokenize(text.substr(block.begin, block.end - block.begin), block.begin,
                               &toks);
    if (toks.empty()) continue;

    // 4. Sentence boundaries.
    cuts.clear();
    cuts.push_back(0);
    // A short unpunctuated line standing on its own (a blank line or the edge of the text on
    // one side) is a heading even in sentence case ("Iran and Azerbaijan sign border deal").
    const bool isolated = first_line == 0 ||
                          lines[first_line - 1].begin == lines[first_line - 1].end ||
                          lj >= lines.size() || lines[lj].begin == lines[lj].end;
    const bool blank_before =
        first_line == 0 || lines[first_line - 1].begin == lines[first_line - 1].end;
    const bool blank_after = lj >= lines.size() || lines[lj].begin == lines[lj].end;
    // A block's lines are never blank, so the text has other lines when it has more non-blank
    // lines than the block.
    const bool other_text = nonblank_lines > lj - first_line;
    const bool heading =
        impl_->LooksLikeHeading(text, toks, 0, toks.size(), block, isolated,
                                other_text && (first_line == 0 || (blank_before && blank_after) ||
                                               (above_prose && lj == first_line + 1)));
    if (!heading) above_prose = false;
    if (!heading) {
      UErrorCode st = U_ZERO_ERROR;
      UText ut = UTEXT_INITIALIZER;
      // ICU ends a sentence at every line break; inside a joined block the breaks are spaces.
      const char* data = text.data() + block.begin;
      if (lj - 1 > first_line) {
        joined.assign(data, block.end - block.begin);
        for (char& ch : joined) {
          if (ch == '\n' || ch == '\r') ch = ' ';
        }
        data = joined.data();
      }
      utext_openUTF8(&ut, data, block.end - block.begin, &st);
      breaks->setText(&ut, st);
      if (U_SUCCESS(st)) {
        size_t ti = 0;  // first token starting at or after the boundary
        for (int32_t bnd = breaks->next(); bnd != icu::BreakIterator::DONE; bnd = breaks->next()) {
          uint32_t abs = block.begin + static_cast<uint32_t>(bnd);
          while (ti < toks.size() && toks[ti].begin < abs) ++ti;
          if (ti == 0 || ti >= toks.size()) continue;
          if (toks[ti - 1].end > abs) continue;  // inside a token
          if (cuts.back() == ti) continue;
          const RawToken& before = toks[ti - 1];
          if (before.period == RawToken::Period::kNeverEnds) continue;
          if (before.period == RawToken::Period::kMayEnd) {
            // "to the U.S. He said" ends a sentence; "the U.S. Embassy" does not. After an
            // abbreviation that may end a sentence, split only before a capitalised word that
            // is not a noun ("He", "The", "However"; data/text/lemmas.txt keeps pronouns and
            // determiners out of the nouns).
            const RawToken& next = toks[ti];
            if (!next.capitalized) continue;
            if (next.kind == RawToken::Kind::kWord) {
              std::string key = FoldKey(text.substr(next.begin, next.end - next.begin));
              auto [it, fresh] = word_cache.try_emplace(key);
              if (fresh) it->second = lemmatizer_->Analyze(key);
              if (it->second.noun) continue;
            }
          }
          cuts.push_back(ti);
        }
      }
      breaks->setText(icu::UnicodeString());
      utext_close(&ut);
      bool glued = false;
      for (size_t ti = 2; ti < toks.size(); ++ti) {
        if (GluedFullStop(text, toks, ti)) {
          cuts.push_back(ti);
          glued = true;
        }
      }
      if (glued) {
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
      }
    }

    // 5. Sentences.
    const size_t first_sentence = out.size();
    for (size_t c = 0; c < cuts.size(); ++c) {
      size_t tb = cuts[c];
      size_t te = c + 1 < cuts.size() ? cuts[c + 1] : toks.size();
      Sentence s;
      s.index = static_cast<int>(out.size());
      s.paragraph = paragraph;
      s.begin = toks[tb].begin;
      s.end = toks[te - 1].end;
      s.heading = heading;
      s.tokens.reserve(te - tb);
      for (size_t t = tb; t < te; ++t) {
        const RawToken& r = toks[t];
        Token tok;
        tok.begin = r.begin;
        tok.end = r.end;
        std::string_view surface = text.substr(r.begin, r.end - r.begin);
        switch (r.kind) {
          case RawToken::Kind::kPossessive:
            tok.norm = "'s";
            tok.lemma = tok.norm;
            break;
          case RawToken::Kind::kPunct:
            AppendFoldKey(surface, &tok.norm);
            tok.lemma = tok.norm;
            tok.flags |= Token::kPunct;
            break;
          case RawToken::Kind::kNumber:
            AppendFoldKey(surface, &tok.norm);
            tok.lemma = tok.norm;
            tok.flags |= Token::kNumber;
            break;
          case RawToken::Kind::kWord: {
            AppendFoldKey(surface, &tok.norm);
            auto [it, fresh] = word_cache.try_emplace(tok.norm);
            if (fresh) it->second = lemmatizer_->Analyze(tok.norm);
            const Lemmatizer::WordInfo& info = it->second;
            if (!info.verb && !info.noun && !r.capitalized) {
              tok.lemma = GuessPlural(info.lemma);
            } else {
              tok.lemma = info.lemma;
            }
            if (info.verb) tok.flags |= Token::kVerbForm;
            if (info.noun) tok.flags |= Token::kNounForm;
            if (info.adjective_only) tok.flags |= Token::kAdjectiveOnly;
            break;
          }
        }
        // A token of default-ignorable characters only (a tag or variation selector) folds to
        // nothing; every token has a norm (text/analysis.h), so it keeps its bytes.
        if (tok.norm.empty()) {
          tok.norm.assign(surface);
          if (tok.lemma.empty()) tok.lemma = tok.norm;
        }
        if (r.capitalized) tok.flags |= Token::kCapitalized;
        if (r.all_caps) tok.flags |= Token::kAllCaps;
        s.tokens.push_back(std::move(tok));
      }
      s.furniture = furniture.IsFurniture(text.substr(s.begin, s.end - s.begin));
      out.push_back(std::move(s));
    }
    // A caption line ending in a credit: all of its sentences are furniture.
    const Sentence& last = out.back();
    if (furniture.IsCaptionEnd(text.substr(last.begin, last.end - last.begin))) {
      for (size_t k = first_sentence; k < out.size(); ++k) out[k].furniture = true;
    }
  }
  return out;
}

std::string TextAnalyzer::Normalize(std::string_view s) const { return FoldKey(s); }

std::vector<std::string> TextAnalyzer::TokenizePhrase(std::string_view phrase) const {
  std::vector<RawToken> toks;
  impl_->tokenizer->Tokenize(phrase, 0, &toks);
  std::vector<std::string> out;
  out.reserve(toks.size());
  for (const RawToken& t : toks) {
    if (t.kind == RawToken::Kind::kPossessive) {
      out.emplace_back("'s");
    } else {
      out.push_back(FoldKey(phrase.substr(t.begin, t.end - t.begin)));
    }
  }
  return out;
}

}  // namespace dragoman
