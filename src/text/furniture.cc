#include "text/furniture.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "base/file.h"
#include "base/lines.h"

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

Result<std::unique_ptr<icu::RegexPattern>> Compile(const std::string& regex) {
  UErrorCode st = U_ZERO_ERROR;
  UParseError pe;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(regex), UREGEX_CASE_INSENSITIVE | UREGEX_DOTALL, pe, st));
  if (U_FAILURE(st) || !p) {
    return Status::BadData(std::string(u_errorName(st)) + " at offset " +
                           std::to_string(pe.offset));
  }
  return p;
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

Result<FurniturePatterns> FurniturePatterns::Load(const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return Parse(text, path);
}

Result<FurniturePatterns> FurniturePatterns::Parse(std::string_view text, const std::string& name) {
  FurniturePatterns fp;
  std::array<std::vector<std::string>, 256> buckets;
  std::vector<std::string> captions;
  Status st = ForEachDataLine(text, [&](int line_no, std::string_view line) -> Status {
    auto fail = [&](const std::string& why) {
      return Status::BadData(name + ":" + std::to_string(line_no) + ": " + why);
    };
    size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) return fail("expected 'KIND PATTERN'");
    std::string_view kind = line.substr(0, sp);
    std::string_view body = line.substr(line.find_first_not_of(" \t", sp));
    std::string regex;
    std::vector<std::string>* group = nullptr;
    if (kind == "line" || kind == "start") {
      regex = PhraseRegex(body);
      if (kind == "line") {
        regex += kTrailingPunct;
      } else {
        regex += EdgeIsWordChar(body, /*last=*/true) ? "(?:\\b.*)?" : ".*";
      }
      int c = static_cast<unsigned char>(body[0]) < 0x80 ? BucketOfText(body) : 0;
      group = &buckets[c];
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
    } else if (kind == "caption") {
      regex = std::string(body);
      group = &captions;
    } else {
      return fail("unknown kind '" + std::string(kind) +
                  "' (expected line, start, end, regex or caption)");
    }
    auto compiled = Compile(regex);  // validates this line on its own
    if (!compiled.ok()) {
      return fail("bad pattern '" + std::string(body) + "': " + compiled.status().message());
    }
    group->push_back(std::move(regex));
    ++fp.count_;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  // One alternation per bucket, so that a sentence costs one match, not one per pattern.
  const std::vector<std::string> none;
  for (int c = 0; c < 256; ++c) {
    if (c != kAnyBucket && buckets[c].empty()) continue;
    if (buckets[c].empty() && buckets[kAnyBucket].empty()) continue;
    auto p = Compile(Alternation(buckets[c], c == kAnyBucket ? none : buckets[kAnyBucket]));
    if (!p.ok())
      return Status::BadData(name + ": patterns do not combine: " + p.status().message());
    fp.bucket_[c] = std::move(p).value();
  }
  if (!captions.empty()) {
    auto p = Compile(Alternation(captions, none));
    if (!p.ok())
      return Status::BadData(name + ": patterns do not combine: " + p.status().message());
    fp.caption_ = std::move(p).value();
  }
  return fp;
}

FurniturePatterns::Matcher::Matcher(const FurniturePatterns& patterns) : patterns_(patterns) {
  auto make = [](const std::unique_ptr<icu::RegexPattern>& p,
                 std::unique_ptr<icu::RegexMatcher>* m) {
    if (!p) return;
    UErrorCode st = U_ZERO_ERROR;
    m->reset(p->matcher(st));
    if (U_FAILURE(st)) m->reset();
  };
  make(patterns.caption_, &caption_);
}

FurniturePatterns::Matcher::~Matcher() = default;

bool FurniturePatterns::Matcher::Matches(icu::RegexMatcher* m, std::string_view text) {
  if (!m || text.empty()) return false;
  // ICU's regex engine runs several times faster on UTF-16 than through a UTF-8 UText.
  utf16_ = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  m->reset(utf16_);
  UErrorCode st = U_ZERO_ERROR;
  return m->matches(st) && U_SUCCESS(st);
}

bool FurniturePatterns::Matcher::IsFurniture(std::string_view sentence) {
  if (sentence.empty() || sentence.size() > kMaxFurnitureBytes) return false;
  int c = BucketOfText(sentence);
  if (!patterns_.bucket_[c]) c = kAnyBucket;
  if (patterns_.bucket_[c]) {
    if (!bucket_[c]) {
      UErrorCode st = U_ZERO_ERROR;
      bucket_[c].reset(patterns_.bucket_[c]->matcher(st));
      if (U_FAILURE(st)) bucket_[c].reset();
    }
    if (Matches(bucket_[c].get(), sentence)) return true;
  }
  for (const std::string& phrase : patterns_.ends_) {
    if (EndsWithPhrase(sentence, phrase)) return true;
  }
  return false;
}

bool FurniturePatterns::Matcher::IsCaptionEnd(std::string_view sentence) {
  if (sentence.size() > kMaxFurnitureBytes) return false;
  return Matches(caption_.get(), Tail(sentence, kCaptionWindow));
}

}  // namespace dragoman
