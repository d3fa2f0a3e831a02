#include "text/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dragoman {
namespace {

enum class Cls : uint8_t { kSpace, kLetter, kDigit, kMark, kApos, kDash, kPunct };

Cls Classify(UChar32 c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Cls::kLetter;
    if (c >= '0' && c <= '9') return Cls::kDigit;
    if (c <= 0x20 || c == 0x7F) return Cls::kSpace;
    if (c == '\'') return Cls::kApos;
    if (c == '-') return Cls::kDash;
    return Cls::kPunct;
  }
  if (c < 0) return Cls::kPunct;  // ill-formed byte
  if (c == 0x2019 || c == 0x02BC) return Cls::kApos;
  switch (u_charType(c)) {
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
      return Cls::kMark;
    case U_DECIMAL_DIGIT_NUMBER:
      return Cls::kDigit;
    case U_DASH_PUNCTUATION:
      return Cls::kDash;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
      return Cls::kSpace;
    default:
      break;
  }
  if (u_isalpha(c)) return Cls::kLetter;
  if (c == 0x2212) return Cls::kDash;  // minus sign (Sm)
  return Cls::kPunct;
}

struct Cursor {
  const uint8_t* s;
  int32_t n;
  // Decodes the code point at `i`; sets *next past it.
  UChar32 At(int32_t i, int32_t* next) const {
    UChar32 c;
    int32_t j = i;
    U8_NEXT(s, j, n, c);
    *next = j;
    return c;
  }
  UChar32 At(int32_t i) const {
    int32_t next;
    return i < n ? At(i, &next) : U_SENTINEL;
  }
  bool IsAsciiDigit(int32_t i) const { return i < n && s[i] >= '0' && s[i] <= '9'; }
};

bool IsUpper(UChar32 c) { return u_isupper(c) || u_istitle(c); }

}  // namespace

void Tokenizer::Tokenize(std::string_view text, uint32_t base, std::vector<RawToken>* out) const {
  const Cursor cur{reinterpret_cast<const uint8_t*>(text.data()),
                   static_cast<int32_t>(text.size())};
  const int32_t n = cur.n;
  int32_t i = 0;
  int32_t last_word_end = -1;  // end of the previous token when it was a word
  auto emit = [&](int32_t b, int32_t e, RawToken::Kind kind) -> RawToken& {
    RawToken t;
    t.begin = base + static_cast<uint32_t>(b);
    t.end = base + static_cast<uint32_t>(e);
    t.kind = kind;
    out->push_back(t);
    return out->back();
  };
  while (i < n) {
    int32_t next;
    UChar32 c = cur.At(i, &next);
    Cls cls = Classify(c);
    if (cls == Cls::kSpace || cls == Cls::kMark) {
      i = next;
      continue;
    }
    if (cls == Cls::kLetter || cls == Cls::kDigit) {
      const int32_t start = i;
      int letters = 0, digits = 0, upper = 0, lower = 0;
      bool first_upper = false;
      bool initialism = true;  // so far (L.)*L with single letters
      int seg_letters = 0;     // letters since the start or the last '.'
      int dots = 0;
      int32_t p = i;
      while (p < n) {
        int32_t q;
        UChar32 d = cur.At(p, &q);
        Cls k = Classify(d);
        if (k == Cls::kLetter) {
          bool is_upper, is_lower;
          if (d < 0x80) {
            is_upper = d <= 'Z';
            is_lower = !is_upper;
          } else {
            is_lower = u_islower(d);
            is_upper = !is_lower && IsUpper(d);
          }
          if (letters == 0) first_upper = is_upper;
          ++letters;
          ++seg_letters;
          if (seg_letters > 1) initialism = false;
          if (is_lower) {
            ++lower;
          } else if (is_upper) {
            ++upper;
          }
          p = q;
          continue;
        }
        if (k == Cls::kDigit) {
          ++digits;
          initialism = false;
          p = q;
          continue;
        }
        if (k == Cls::kMark) {
          p = q;
          continue;
        }
        if (d == '.') {
          if (digits > 0 && letters == 0 && cur.IsAsciiDigit(q)) {  // 2.5
            p = q;
            continue;
          }
          if (initialism && seg_letters == 1 && q < n) {  // U.S, e.g
            int32_t r;
            UChar32 e = cur.At(q, &r);
            if (Classify(e) == Cls::kLetter && cur.At(r) == '.') {
              ++dots;
              seg_letters = 0;
              p = q;
              continue;
            }
          }
          break;
        }
        if (d == ',') {  // 1,000 but not "5,2020" or "1,0000"
          if (letters == 0 && digits > 0 && cur.IsAsciiDigit(q) && cur.IsAsciiDigit(q + 1) &&
              cur.IsAsciiDigit(q + 2) && !cur.IsAsciiDigit(q + 3)) {
            p = q;
            continue;
          }
          break;
        }
        if (d == ':' || d == '/') {
          if (cur.IsAsciiDigit(q)) {
            initialism = false;
            p = q;
            continue;
          }
          break;
        }
        if (k == Cls::kApos && letters > 0 && q < n) {
          int32_t r;
          UChar32 e = cur.At(q, &r);
          if (Classify(e) != Cls::kLetter) break;
          if ((e == 's' || e == 'S')) {
            UChar32 after = cur.At(r);
            Cls ak = after == U_SENTINEL ? Cls::kSpace : Classify(after);
            if (ak != Cls::kLetter && ak != Cls::kDigit && ak != Cls::kMark) break;  // 's
          }
          initialism = false;
          p = q;
          continue;
        }
        break;
      }
      RawToken::Period period = RawToken::Period::kNone;
      int32_t end = p;
      if (p < n && text[p] == '.' && letters > 0) {
        std::string_view with_dot = text.substr(start, p + 1 - start);
        if (initialism && dots > 0) {  // U.S. / e.g.
          const AbbrevKind* k = abbrevs_ ? abbrevs_->Find(with_dot) : nullptr;
          period = k && *k == AbbrevKind::kTitle ? RawToken::Period::kNeverEnds
                                                 : RawToken::Period::kMayEnd;
          end = p + 1;
        } else if (const AbbrevKind* k = abbrevs_ ? abbrevs_->Find(with_dot) : nullptr) {
          if (*k == AbbrevKind::kNumber) {
            int32_t r = p + 1;
            while (r < n && (text[r] == ' ' || text[r] == '\t')) ++r;
            if (cur.IsAsciiDigit(r)) {
              period = RawToken::Period::kNeverEnds;
              end = p + 1;
            }
          } else {
            period =
                *k == AbbrevKind::kTitle ? RawToken::Period::kNeverEnds : RawToken::Period::kMayEnd;
            end = p + 1;
          }
        } else if (letters == 1 && digits == 0 && first_upper && p - start <= 4) {
          period = RawToken::Period::kNeverEnds;  // an initial: "John F. Kennedy"
          end = p + 1;
        }
      }
      RawToken::Kind kind = letters > 0 ? RawToken::Kind::kWord : RawToken::Kind::kNumber;
      RawToken& t = emit(start, end, kind);
      t.period = period;
      t.capitalized = first_upper;
      t.all_caps = letters >= 2 && lower == 0 && upper >= 2;
      i = end;
      last_word_end = end;
      continue;
    }
    if (cls == Cls::kApos && last_word_end == i && next < n) {
      int32_t r;
      UChar32 e = cur.At(next, &r);
      if (e == 's' || e == 'S') {
        UChar32 after = cur.At(r);
        Cls ak = after == U_SENTINEL ? Cls::kSpace : Classify(after);
        if (ak != Cls::kLetter && ak != Cls::kDigit && ak != Cls::kMark) {
          emit(i, r, RawToken::Kind::kPossessive);
          i = r;
          last_word_end = -1;
          continue;
        }
      }
    }
    int32_t end = next;
    if (c == '.') {
      while (end < n && text[end] == '.') ++end;
    }
    emit(i, end, RawToken::Kind::kPunct);
    i = end;
    last_word_end = -1;
  }
}

}  // namespace dragoman
