#include "text/furniture.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "base/data_file.h"
#include "base/file.h"

namespace dragoman {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether the first (or last) code point of non-empty `s` is a letter or digit, i.e. whether a
// phrase starting (ending) there needs a word boundary.
bool EdgeIsWordChar(std::string_view s, bool last) {
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  UChar32 c;
  if (last) {
    int32_t i = n;
    U8_PREV(b, 0, i, c);
  } else {
    int32_t i = 0;
    U8_NEXT(b, i, n, c);
  }
  return c >= 0 && (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK);
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A literal phrase as a regex: white space runs become \s+, everything else is quoted.
std::string PhraseRegex(std::string_view phrase) {
  std::string out;
  bool in_quote = false;
  for (size_t i = 0; i < phrase.size(); ++i) {
    char c = phrase[i];
    if (c == ' ' || c == '\t') {
      if (in_quote) out += "\\E";
      in_quote = false;
      while (i + 1 < phrase.size() && (phrase[i + 1] == ' ' || phrase[i + 1] == '\t')) ++i;
      out += "\\s+";
      continue;
    }
    if (c == '\\') {  // \E cannot appear inside \Q...\E: escape backslashes outside quotes
      if (in_quote) out += "\\E";
      in_quote = false;
      out += "\\\\";
      continue;
    }
    if (!in_quote) out += "\\Q";
    in_quote = true;
    out += c;
  }
  if (in_quote) out += "\\E";
  return out;
}

constexpr std::string_view kTrailingPunct = "[\\s\\p{P}]*";

// Case closure without the cost. Under UREGEX_CASE_INSENSITIVE, ICU computes the case closure
// of every set in a pattern when compiling it, about ten million instructions for one \p{L},
// which made loading the furniture patterns most of dragoman's start-up. The sets the patterns
// use are already closed under case, or nearly: the closure of \p{N}, \p{P}, \p{S} and \p{Z}
// adds nothing, that of \p{L} adds the one code point U+0345 (regex sets ignore the
// multi-character strings a closure also yields), and punctuation, digits and spaces have no
// case. So such a set is written case-sensitively with what its closure adds, inside (?-i:...),
// and matches exactly the code points it matched before (furniture_test checks the closures
// against ICU). Anything else is left as it is.
struct ClosedProperty {
  std::string_view name;   // what follows \p{ (general categories only)
  std::string_view extra;  // code points its case closure adds, in set syntax
};
constexpr ClosedProperty kClosedProperties[] = {
    {"L", "\\u0345"}, {"N", ""}, {"P", ""}, {"S", ""}, {"Z", ""}};

const ClosedProperty* FindClosedProperty(std::string_view name) {
  for (const ClosedProperty& p : kClosedProperties) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// Whether code point `c` has no case: it is not cased and no case operation changes it, so no
// other code point folds to it.
bool Caseless(UChar32 c) {
  return !u_hasBinaryProperty(c, UCHAR_CASED) &&
         !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEMAPPED) &&
         !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED);
}

// Parses the property escape "\p{NAME}" at `i` of `re`; returns the closed property and sets
// `end` past the escape, or nullptr.
const ClosedProperty* PropertyAt(std::string_view re, size_t i, size_t* end) {
  if (re.compare(i, 3, "\\p{") != 0) return nullptr;
  size_t close = re.find('}', i + 3);
  if (close == std::string_view::npos) return nullptr;
  const ClosedProperty* p = FindClosedProperty(re.substr(i + 3, close - i - 3));
  if (p) *end = close + 1;
  return p;
}

// The class [re[b], e) rewritten as a case-closed set, or "" when one of its members is not
// known to be closed (a letter, a range, a nested set, another property...).
std::string ClosedClass(std::string_view re, size_t b, size_t e) {
  std::string negation, items, extras;
  size_t i = b + 1;
  if (i < e - 1 && re[i] == '^') negation = re[i++];
  while (i < e - 1) {
    size_t end = 0;
    if (const ClosedProperty* p = PropertyAt(re, i, &end)) {
      items.append(re.substr(i, end - i));
      extras += p->extra;
      i = end;
      continue;
    }
    if (re[i] == '\\') {
      if (i + 1 >= e - 1) return "";
      char c = re[i + 1];
      bool ascii_punct = static_cast<unsigned char>(c) < 0x80 && !IsWordChar(c) && c != ' ';
      if (!ascii_punct && c != 's' && c != 'd') return "";
      items.append(re.substr(i, 2));
      i += 2;
      continue;
    }
    if (re[i] == '[' || re[i] == '&' || (re[i] == '-' && i + 1 < e - 1 && i > b + 1)) {
      return "";  // nested sets, intersections and ranges are left alone
    }
    UChar32 c;
    int32_t k = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(re.data()), k, static_cast<int32_t>(e), c);
    if (c < 0 || !Caseless(c)) return "";
    items.append(re.substr(i, static_cast<size_t>(k) - i));
    i = static_cast<size_t>(k);
  }
  // The extras go first: after a final '-' they would make a range.
  return "(?-i:[" + negation + extras + items + "])";
}

}  // namespace

std::string CaseClosedRegex(std::string_view re) {
  std::string out;
  out.reserve(re.size() + 16);
  size_t i = 0;
  while (i < re.size()) {
    if (re.compare(i, 2, "\\Q") == 0) {  // quoted literal text, up to \E
      size_t q = re.find("\\E", i + 2);
      size_t end = q == std::string_view::npos ? re.size() : q + 2;
      out.append(re.substr(i, end - i));
      i = end;
      continue;
    }
    size_t end = 0;
    if (const ClosedProperty* p = PropertyAt(re, i, &end)) {
      out += "(?-i:[";
      out.append(re.substr(i, end - i));
      out += p->extra;
      out += "])";
      i = end;
      continue;
    }
    if (re[i] == '\\') {
      out.append(re.substr(i, std::min<size_t>(2, re.size() - i)));
      i += 2;
      continue;
    }
    if (re[i] == '[') {
      size_t ce = RegexClassEnd(re, i);
      if (ce == std::string_view::npos) {
        out.append(re.substr(i));
        break;
      }
      std::string closed = ClosedClass(re, i, ce);
      out += closed.empty() ? std::string(re.substr(i, ce - i)) : closed;
      i = ce;
      continue;
    }
    out += re[i++];
  }
  return out;
}

namespace {

// The bucket of a sentence-level regex: its fixed first byte (lower-cased), or kAny.
// Recognised: an ASCII letter or digit that is not optional, "\d" (all digits share bucket
// '0'), and an escaped ASCII punctuation character ("\(").
int BucketOf(std::string_view re) {
  constexpr int kAny = 0;
  if (re.empty()) return kAny;
  // Whether the atom ending before `next` may be absent ("a?", "a*", "a{0,2}").
  auto optional = [&](size_t next) {
    if (next >= re.size()) return false;
    return re[next] == '?' || re[next] == '*' ||
           (re[next] == '{' && next + 1 < re.size() && re[next + 1] == '0');
  };
  char c = re[0];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
    return optional(1) ? kAny : static_cast<unsigned char>(AsciiLower(c));
  }
  if (c >= '0' && c <= '9') return optional(1) ? kAny : '0';
  if (c == '\\' && re.size() >= 2) {
    if (re[1] == 'd') return optional(2) ? kAny : '0';
    char e = re[1];
    bool punct = static_cast<unsigned char>(e) < 0x80 && !IsWordChar(e) && e != ' ';
    if (punct && !optional(2)) return static_cast<unsigned char>(e);
  }
  return kAny;
}

int BucketOfText(std::string_view s) {
  if (s.empty()) return 0;
  char c = AsciiLower(s[0]);
  if (c >= '1' && c <= '9') c = '0';
  return static_cast<unsigned char>(c);
}

// `case_insensitive` false only to check a pattern's syntax, which does not depend on the flag:
// case-insensitive compilation computes the case closure of every set (\p{L}, [a-z]), by far
// the largest cost of loading the patterns.
Result<std::unique_ptr<icu::RegexPattern>> Compile(const std::string& regex,
                                                   bool case_insensitive = true) {
  UErrorCode st = U_ZERO_ERROR;
  UParseError pe;
  uint32_t flags = UREGEX_DOTALL | (case_insensitive ? UREGEX_CASE_INSENSITIVE : 0);
  std::string rewritten = case_insensitive ? CaseClosedRegex(regex) : regex;
  std::unique_ptr<icu::RegexPattern> p(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(rewritten), flags, pe, st));
  if (U_FAILURE(st) || !p) {
    return Status::BadData(std::string(u_errorName(st)) + " at offset " +
                           std::to_string(pe.offset));
  }
  return p;
}

// `re` for a syntax check only: each \p{NAME} or \P{NAME} outside \Q...\E becomes \w (\W), a
// set ICU builds once a process, where \p{L} and the like are computed anew for every pattern
// (~0.3 M instructions each); whether a pattern parses does not depend on what its sets hold,
// and both are sets, inside a class or outside. Each NAME is appended to *names, to be checked
// on its own.
std::string WithCheapSets(std::string_view re, std::vector<std::string>* names) {
  std::string out;
  out.reserve(re.size());
  for (size_t i = 0; i < re.size(); ++i) {
    if (re[i] != '\\' || i + 1 >= re.size()) {
      out += re[i];
      continue;
    }
    const char n = re[i + 1];
    if (n == 'Q') {  // quoted text is copied as it is
      size_t end = re.find("\\E", i + 2);
      size_t stop = end == std::string_view::npos ? re.size() : end + 2;
      out.append(re.substr(i, stop - i));
      i = stop - 1;
      continue;
    }
    if ((n == 'p' || n == 'P') && i + 2 < re.size() && re[i + 2] == '{') {
      size_t close = re.find('}', i + 3);
      if (close != std::string_view::npos) {
        names->emplace_back(re.substr(i + 3, close - i - 3));
        out += n == 'p' ? "\\w" : "\\W";
        i = close;
        continue;
      }
    }
    out += re[i];  // any other escape, e.g. an escaped backslash, is copied whole
    out += n;
    ++i;
  }
  return out;
}

std::string Alternation(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::string all;
  for (const auto* v : {&a, &b}) {
    for (const std::string& r : *v) {
      if (!all.empty()) all += '|';
      all += "(?:" + r + ")";
    }
  }
  return all;
}

// The last `window` bytes of `s`, starting after a space so that a word boundary at the start
// of the window is real. Empty when no space falls in the window.
std::string_view Tail(std::string_view s, size_t window) {
  if (s.size() <= window) return s;
  size_t from = s.find_first_of(" \t\n", s.size() - window);
  if (from == std::string_view::npos) return {};
  return s.substr(from + 1);
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether `s` ends with `phrase` (lower case, single spaces), ignoring ASCII case, trailing
// white space and punctuation, with a word boundary before the phrase.
bool EndsWithPhrase(std::string_view s, std::string_view phrase) {
  if (phrase.empty()) return false;
  int32_t e = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (e > 0) {
    int32_t i = e;
    UChar32 c;
    U8_PREV(bytes, 0, i, c);
    if (!(u_isUWhiteSpace(c) || u_ispunct(c))) break;
    e = i;
  }
  size_t p = phrase.size();
  while (p > 0) {
    char pc = phrase[p - 1];
    if (pc == ' ') {
      if (e == 0 || !IsAsciiSpace(s[e - 1])) return false;
      while (e > 0 && IsAsciiSpace(s[e - 1])) --e;
    } else {
      if (e == 0 || AsciiLower(s[e - 1]) != pc) return false;
      --e;
    }
    --p;
  }
  return e == 0 || !EdgeIsWordChar(phrase, /*last=*/false) ||
         !EdgeIsWordChar(s.substr(0, e), /*last=*/true);
}

}  // namespace

FurniturePatterns::FurniturePatterns() = default;
FurniturePatterns::FurniturePatterns(FurniturePatterns&&) noexcept = default;
FurniturePatterns& FurniturePatterns::operator=(FurniturePatterns&&) noexcept = default;
FurniturePatterns::~FurniturePatterns() = default;

Result<FurniturePatterns> FurniturePatterns::Load(const std::string& path, DataProblems* problems,
                                                  const std::vector<std::string>& stamps) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadDataFile(path));
  uint64_t checked = 0;
  if (problems == nullptr && !stamps.empty()) {
    const uint64_t want = CheckFingerprint(text);
    for (const std::string& stamp : stamps) {
      auto content = ReadFile(stamp);  // a missing or unreadable stamp is no stamp
      if (content.ok() && ParseStamp(*content) == want) {
        checked = want;
        break;
      }
    }
  }
  return Parse(text, path, problems, checked);
}

Result<FurniturePatterns> FurniturePatterns::Parse(std::string_view text, const std::string& name,
                                                   DataProblems* problems, uint64_t checked) {
  FurniturePatterns fp;
  // Checking (check-data) always compiles every line; otherwise a stamp for these exact bytes
  // says the build did (see the header).
  fp.checked_by_stamp_ =
      problems == nullptr && checked != 0 && checked == CheckFingerprint(text);
  const bool check_lines = !fp.checked_by_stamp_;
  std::array<std::vector<std::string>, 256> buckets;
  // The "line" phrases of each bucket, without their common kTrailingPunct: added to the
  // bucket's alternation as one alternative "(?:(?:P1)|(?:P2)|...)[\s\p{P}]*", which matches
  // the same sentences as one alternative per phrase and has ICU compute the \p{P} set (a third
  // of a million instructions each time) once a bucket instead of once a phrase.
  std::array<std::vector<std::string>, 256> lines;
  // The same for the phrases matched in code.
  std::array<std::vector<std::string>, 256> literals, literal_lines;
  std::vector<std::string> captions;
  std::set<std::string> valid_names;  // property names (\p{NAME}) seen to compile
  Status st = ForEachDataLine(text, problems, [&](int line_no, std::string_view line) -> Status {
    auto fail = [&](const std::string& why) { return DataError(name, line_no, why); };
    size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) return fail("expected 'KIND PATTERN'");
    std::string_view kind = line.substr(0, sp);
    std::string_view body = line.substr(line.find_first_not_of(" \t", sp));
    std::string regex;
    std::vector<std::string>* group = nullptr;
    RegexPrefilter* filter = nullptr;
    if (kind == "line" || kind == "start") {
      // Quoted literal text and \s+ only: valid by construction, so not compiled alone.
      // Phrases matched in code keep their regexes apart, for the sentences the code cannot
      // decide (text/furniture_phrases.h).
      const bool in_code = FurniturePhrases::Accepts(body);
      const bool word_end = EdgeIsWordChar(body, /*last=*/true);
      if (in_code) fp.phrases_.Add(body, kind == "line", word_end);
      regex = PhraseRegex(body);
      int c = static_cast<unsigned char>(body[0]) < 0x80 ? BucketOfText(body) : 0;
      // A line's trailing punctuation is optional.
      if (!in_code) fp.bucket_filter_[c].Add(RequiredBytes(regex));
      if (kind == "line") {
        (in_code ? literal_lines : lines)[c].push_back(std::move(regex));
      } else {
        regex += word_end ? "(?:\\b.*)?" : ".*";
        (in_code ? literals : buckets)[c].push_back(std::move(regex));
      }
      ++fp.count_;
      return Status::Ok();
    } else if (kind == "end") {
      // Matched in code (EndsWithPhrase): a regex with a leading ".*" costs far more.
      std::string folded;
      for (char ch : body) {
        if (ch == ' ' || ch == '\t') {
          if (folded.back() != ' ') folded += ' ';
        } else {
          folded += AsciiLower(ch);
        }
      }
      fp.ends_.push_back(std::move(folded));
      ++fp.count_;
      return Status::Ok();
    } else if (kind == "regex") {
      regex = std::string(body);
      group = &buckets[BucketOf(body)];
      filter = &fp.bucket_filter_[BucketOf(body)];
    } else if (kind == "caption") {
      regex = std::string(body);
      group = &captions;
      filter = &fp.caption_filter_;
    } else {
      return fail("unknown kind '" + std::string(kind) +
                  "' (expected line, start, end, regex or caption)");
    }
    // Validates this line on its own (the combined alternations below would hide an unbalanced
    // parenthesis): its syntax with cheap sets, then each property name once. Only when one of
    // them fails is the line compiled as written, for ICU's own message.
    if (check_lines) {
      std::vector<std::string> names;
      bool valid = Compile(WithCheapSets(regex, &names), /*case_insensitive=*/false).ok();
      for (const std::string& n : names) {
        if (!valid) break;
        if (valid_names.count(n)) continue;
        valid = Compile("\\p{" + n + "}", /*case_insensitive=*/false).ok();
        if (valid) valid_names.insert(n);
      }
      if (!valid) {
        auto compiled = Compile(regex, /*case_insensitive=*/false);
        if (!compiled.ok()) {
          return fail("bad pattern '" + std::string(body) + "': " + compiled.status().message());
        }
      }
    }
    filter->Add(RequiredBytes(regex), group == &captions ? "" : RequiredPrefix(regex));
    group->push_back(std::move(regex));
    ++fp.count_;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  // One alternation per bucket, and one for the patterns without a fixed first character, so
  // that a sentence costs at most two matches and every pattern is compiled once.
  const std::vector<std::string> none;
  auto fill = [&](std::array<std::vector<std::string>, 256>& groups,
                  std::array<std::vector<std::string>, 256>& line_groups, BucketSet& set) {
    set = std::make_unique<std::array<Bucket, 256>>();
    for (int c = 0; c < 256; ++c) {
      if (!line_groups[c].empty()) {
        std::string all = "(?:" + Alternation(line_groups[c], none) + ")";
        all += kTrailingPunct;
        groups[c].push_back(std::move(all));
      }
      if (groups[c].empty()) continue;
      Bucket& b = (*set)[c];
      b.source = Alternation(groups[c], none);
      b.parts = std::move(groups[c]);
      // Checking (check-data): compile now, to report patterns that do not combine.
      if (problems != nullptr && !Compiled(set, c)->whole) {
        auto p = Compile(b.source);
        return Status::BadData(name + ": patterns do not combine: " + p.status().message());
      }
    }
    return Status::Ok();
  };
  DRAGOMAN_RETURN_IF_ERROR(fill(buckets, lines, fp.buckets_));
  DRAGOMAN_RETURN_IF_ERROR(fill(literals, literal_lines, fp.literals_));
  fp.phrases_.Finish();
  fp.caption_ = std::make_unique<Bucket>();
  if (!captions.empty()) {
    Bucket& b = *fp.caption_;
    b.source = Alternation(captions, none);
    b.parts = std::move(captions);
    // Checking (check-data): compile now, to report patterns that do not combine.
    if (problems != nullptr && !fp.CompiledCaptions()->whole) {
      auto p = Compile(b.source);
      return Status::BadData(name + ": patterns do not combine: " + p.status().message());
    }
  }
  return fp;
}

void FurniturePatterns::CompileOnce(Bucket& b) {
  std::call_once(b.once, [&b] {
    auto whole = Compile(b.source);
    if (whole.ok()) {
      b.whole = std::move(whole).value();
      return;
    }
    for (const std::string& part : b.parts) {
      auto p = Compile(part);  // each compiled alone at Load()
      if (p.ok()) b.each.push_back(std::move(p).value());
    }
  });
}

const FurniturePatterns::Bucket* FurniturePatterns::Compiled(const BucketSet& set, int c) {
  if (!Has(set, c)) return nullptr;
  Bucket& b = (*set)[c];
  CompileOnce(b);
  return &b;
}

const FurniturePatterns::Bucket* FurniturePatterns::CompiledCaptions() const {
  if (!caption_ || caption_->source.empty()) return nullptr;
  CompileOnce(*caption_);
  return caption_.get();
}

FurniturePatterns::Matcher::Matcher(const FurniturePatterns& patterns) : patterns_(patterns) {}

FurniturePatterns::Matcher::~Matcher() = default;

void FurniturePatterns::Matcher::SetText(std::string_view text) {
  // ICU's regex engine runs several times faster on UTF-16 than through a UTF-8 UText.
  utf16_ = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

bool FurniturePatterns::Matcher::Matches(const Bucket* b, std::unique_ptr<icu::RegexMatcher>& m) {
  if (b == nullptr) return false;
  if (!b->whole) {  // the alternation did not compile: its patterns one at a time
    for (const auto& p : b->each) {
      UErrorCode st = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(p->matcher(st));
      if (U_SUCCESS(st) && m && Matches(m.get())) return true;
    }
    return false;
  }
  if (!m) {
    UErrorCode st = U_ZERO_ERROR;
    m.reset(b->whole->matcher(st));
    if (U_FAILURE(st)) {
      m.reset();
      return false;
    }
  }
  return Matches(m.get());
}

bool FurniturePatterns::Matcher::Matches(icu::RegexMatcher* m) {
  m->reset(utf16_);
  UErrorCode st = U_ZERO_ERROR;
  return m->matches(st) && U_SUCCESS(st);
}

bool FurniturePatterns::Matcher::IsFurniture(std::string_view sentence) {
  if (sentence.empty() || sentence.size() > kMaxFurnitureBytes) return false;
  int c = BucketOfText(sentence);
  bool text_set = false;
  // Bucket c and kAnyBucket of `set`, when their prefilters in `filter` (if any) let them.
  auto regexes = [&](const BucketSet& set, auto& m, const std::array<RegexPrefilter, 256>* filter) {
    const bool try_c = c != kAnyBucket && Has(set, c) &&
                       (!filter || (*filter)[c].MayMatch(sentence, phrases_in_code_));
    const bool try_any = Has(set, kAnyBucket) &&
                         (!filter || (*filter)[kAnyBucket].MayMatch(sentence, phrases_in_code_));
    if (!try_c && !try_any) return false;
    if (!text_set) SetText(sentence);
    text_set = true;
    return (try_c && Matches(Compiled(set, c), m[c])) ||
           (try_any && Matches(Compiled(set, kAnyBucket), m[kAnyBucket]));
  };
  // The literal phrases in code, with their regexes only when the code cannot decide.
  using Answer = FurniturePhrases::Answer;
  const Answer a = phrases_in_code_ ? patterns_.phrases_.Match(sentence) : Answer::kUnsure;
  if (a == Answer::kYes ||
      (a == Answer::kUnsure && regexes(patterns_.literals_, literal_, nullptr))) {
    return true;
  }
  if (regexes(patterns_.buckets_, bucket_, &patterns_.bucket_filter_)) return true;
  for (const std::string& phrase : patterns_.ends_) {
    if (EndsWithPhrase(sentence, phrase)) return true;
  }
  return false;
}

bool FurniturePatterns::Matcher::IsCaptionEnd(std::string_view sentence) {
  if (sentence.size() > kMaxFurnitureBytes) return false;
  std::string_view tail = Tail(sentence, kCaptionWindow);
  if (!patterns_.caption_ || patterns_.caption_->source.empty() || tail.empty()) return false;
  if (!patterns_.caption_filter_.MayMatch(tail)) return false;
  SetText(tail);
  return Matches(patterns_.CompiledCaptions(), caption_);
}

}  // namespace dragoman
