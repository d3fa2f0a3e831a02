#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace dragoman {
namespace {

struct Normalizers {
  const icu::Normalizer2* nfkc_cf = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
  bool ok = false;
};

const Normalizers& GetNormalizers() {
  static const Normalizers n = [] {
    Normalizers r;
    UErrorCode st = U_ZERO_ERROR;
    r.nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(st);
    r.nfd = icu::Normalizer2::getNFDInstance(st);
    r.nfc = icu::Normalizer2::getNFCInstance(st);
    r.ok = U_SUCCESS(st) && r.nfkc_cf && r.nfd && r.nfc;
    return r;
  }();
  return n;
}

// Step 3 of the folding (see normalize.h). Returns the replacement, or nullptr to keep `c`.
const char16_t* FoldChar(UChar32 c) {
  switch (c) {
    case 0x0259:  // ə (Ə case-folds to it)
    case 0x01DD:  // ǝ
      return u"e";
    case 0x0131:  // ı dotless i
      return u"i";
    case 0x00F8:  // ø
      return u"o";
    case 0x0142:  // ł
      return u"l";
    case 0x0111:  // đ
    case 0x00F0:  // ð
      return u"d";
    case 0x0127:  // ħ
      return u"h";
    case 0x0167:  // ŧ
      return u"t";
    case 0x00E6:  // æ
      return u"ae";
    case 0x0153:  // œ
      return u"oe";
    case 0x00FE:  // þ
      return u"th";
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x02BC:
    case 0x02BB:
    case 0x2032:
    case 0x0060:
      return u"'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
      return u"\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
      return u"-";
    default:
      return nullptr;
  }
}

void AppendAsciiLower(std::string_view s, std::string* out) {
  size_t at = out->size();
  out->append(s);
  for (size_t i = at; i < out->size(); ++i) {
    char& c = (*out)[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '`') c = '\'';
  }
}

}  // namespace

void AppendFoldKey(std::string_view s, std::string* out) {
  bool ascii = true;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  const Normalizers& n = GetNormalizers();
  if (ascii || !n.ok) {
    AppendAsciiLower(s, out);
    return;
  }
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString folded = n.nfkc_cf->normalize(u, st);
  icu::UnicodeString decomposed = n.nfd->normalize(folded, st);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (const char16_t* r = FoldChar(c)) {
      stripped.append(icu::UnicodeString(r));
    } else {
      stripped.append(c);
    }
  }
  icu::UnicodeString composed = n.nfc->normalize(stripped, st);
  if (U_FAILURE(st)) {
    AppendAsciiLower(s, out);
    return;
  }
  composed.toUTF8String(*out);
}

std::string FoldKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendFoldKey(s, &out);
  return out;
}

}  // namespace dragoman
