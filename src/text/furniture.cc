#include "text/furniture.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <utility>

#include "base/file.h"

namespace dragoman {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

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

}  // namespace

FurniturePatterns::FurniturePatterns() = default;
FurniturePatterns::FurniturePatterns(FurniturePatterns&&) noexcept = default;
FurniturePatterns& FurniturePatterns::operator=(FurniturePatterns&&) noexcept = default;
FurniturePatterns::~FurniturePatterns() = default;

Result<FurniturePatterns> FurniturePatterns::Load(const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return Parse(text, path);
}

Result<FurniturePatterns> FurniturePatterns::Parse(std::string_view text,
                                                   const std::string& name) {
  FurniturePatterns fp;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    auto fail = [&](const std::string& why) {
      return Status::BadData(name + ":" + std::to_string(line_no) + ": " + why);
    };
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string_view::npos || line[b] == '#') continue;
    size_t e = line.find_last_not_of(" \t\r");
    line = line.substr(b, e - b + 1);
    size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) return fail("expected 'KIND PATTERN'");
    std::string_view kind = line.substr(0, sp);
    std::string_view body = line.substr(line.find_first_not_of(" \t", sp));
    std::string regex;
    bool caption = false;
    if (kind == "line") {
      regex = PhraseRegex(body) + std::string(kTrailingPunct);
    } else if (kind == "start") {
      regex = PhraseRegex(body);
      if (IsWordChar(body.back())) regex += "(?:\\b.*)?";
      else regex += ".*";
    } else if (kind == "end") {
      regex = IsWordChar(body.front()) ? "(?:.*\\b)?" : ".*";
      regex += PhraseRegex(body) + std::string(kTrailingPunct);
    } else if (kind == "regex") {
      regex = std::string(body);
    } else if (kind == "caption") {
      regex = std::string(body);
      caption = true;
    } else {
      return fail("unknown kind '" + std::string(kind) +
                  "' (expected line, start, end, regex or caption)");
    }
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(regex), UREGEX_CASE_INSENSITIVE | UREGEX_DOTALL, pe, st));
    if (U_FAILURE(st) || !p) {
      return fail("bad pattern '" + std::string(body) + "': " + u_errorName(st) + " at offset " +
                  std::to_string(pe.offset));
    }
    (caption ? fp.caption_ : fp.sentence_).push_back(std::move(p));
  }
  return fp;
}

FurniturePatterns::Matcher::Matcher(const FurniturePatterns& patterns) {
  auto make = [](const std::vector<std::unique_ptr<icu::RegexPattern>>& from,
                 std::vector<std::unique_ptr<icu::RegexMatcher>>* to) {
    for (const auto& p : from) {
      UErrorCode st = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(p->matcher(st));
      if (U_SUCCESS(st) && m) to->push_back(std::move(m));
    }
  };
  make(patterns.sentence_, &sentence_);
  make(patterns.caption_, &caption_);
}

FurniturePatterns::Matcher::~Matcher() = default;

bool FurniturePatterns::Matcher::AnyMatch(std::vector<std::unique_ptr<icu::RegexMatcher>>& ms,
                                          std::string_view text) {
  if (ms.empty() || text.size() > kMaxFurnitureBytes) return false;
  UErrorCode st = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &st);
  if (U_FAILURE(st)) return false;
  bool hit = false;
  for (auto& m : ms) {
    m->reset(&ut);
    UErrorCode mst = U_ZERO_ERROR;
    if (m->matches(mst) && U_SUCCESS(mst)) {
      hit = true;
      break;
    }
  }
  // Detach the matchers from the UText before it goes away.
  for (auto& m : ms) m->reset(icu::UnicodeString());
  utext_close(&ut);
  return hit;
}

bool FurniturePatterns::Matcher::IsFurniture(std::string_view sentence) {
  return AnyMatch(sentence_, sentence);
}

bool FurniturePatterns::Matcher::IsCaptionEnd(std::string_view sentence) {
  return AnyMatch(caption_, sentence);
}

}  // namespace dragoman
