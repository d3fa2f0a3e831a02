// ReadIsoCountries: a SAX handler that keeps four string members of each element of the
// top-level "3166-1" array (actors/iso_codes.h), fed by a small reader of the JSON subset
// iso-codes is written in, or by nlohmann's parser for anything else.
#include "actors/iso_codes.h"

#include <nlohmann/json.hpp>

#include "base/file.h"

namespace dragoman {

namespace {

using Json = nlohmann::json;

class Handler : public nlohmann::json_sax<Json> {
 public:
  // Depths: 1 inside the top-level object, 2 inside the "3166-1" array, 3 inside one element.
  bool null() override { return Scalar(nullptr); }
  bool boolean(bool) override { return Scalar(nullptr); }
  bool number_integer(number_integer_t) override { return Scalar(nullptr); }
  bool number_unsigned(number_unsigned_t) override { return Scalar(nullptr); }
  bool number_float(number_float_t, const string_t&) override { return Scalar(nullptr); }
  bool string(string_t& s) override { return Scalar(&s); }
  bool binary(binary_t&) override { return Scalar(nullptr); }

  bool start_object(std::size_t) override {
    if (depth_ == 0) top_is_object_ = true;
    if (in_list_ && depth_ == 2) element_ = IsoCountryRecord{};
    Begin();
    return true;
  }
  bool end_object() override {
    --depth_;
    if (in_list_ && depth_ == 2) list_.push_back(std::move(element_));
    return true;
  }
  bool start_array(std::size_t) override {
    const bool list = depth_ == 1 && top_key_is_list_;
    Begin();
    if (list) {
      in_list_ = true;
      have_list_ = true;
      list_.clear();
    }
    return true;
  }
  bool end_array() override {
    --depth_;
    if (depth_ == 1) in_list_ = false;
    return true;
  }
  bool key(string_t& k) override {
    if (depth_ == 1) top_key_is_list_ = k == "3166-1";
    if (in_list_ && depth_ == 3) member_ = Member(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    failed_ = true;
    return false;
  }

  std::optional<std::vector<IsoCountryRecord>> Result() {
    if (failed_ || !top_is_object_ || !have_list_) return std::nullopt;
    return std::move(list_);
  }

 private:
  std::optional<std::string>* Member(std::string_view k) {
    if (k == "alpha_3") return &element_.alpha_3;
    if (k == "common_name") return &element_.common_name;
    if (k == "name") return &element_.name;
    if (k == "official_name") return &element_.official_name;
    return nullptr;
  }

  // An array or object begins: as the value of a member it makes the member absent (not a
  // string), as the value of "3166-1" it voids the list (start_array then starts a new one).
  void Begin() {
    Scalar(nullptr);
    ++depth_;
  }

  // A value at the current depth: `s` when it is a string, null otherwise.
  bool Scalar(const std::string* s) {
    if (depth_ == 1 && top_key_is_list_) {
      have_list_ = false;
      list_.clear();
    }
    if (in_list_ && depth_ == 3 && member_ != nullptr) {
      if (s != nullptr) {
        *member_ = *s;
      } else {
        member_->reset();
      }
      member_ = nullptr;
    }
    return true;
  }

  int depth_ = 0;
  bool top_is_object_ = false;
  bool top_key_is_list_ = false;  // the last key at depth 1 was "3166-1"
  bool in_list_ = false;
  bool have_list_ = false;
  bool failed_ = false;
  std::vector<IsoCountryRecord> list_;
  IsoCountryRecord element_;
  std::optional<std::string>* member_ = nullptr;
};

// Feeds `h` the events nlohmann's parser would for a document made only of objects, arrays and
// strings without escapes (iso-codes' file is), with valid UTF-8 and JSON white space; returns
// false, having fed some events, at anything else, valid JSON or not (a number, a literal, an
// escape, a control character, a syntax error), for the full parser to read it all again.
// Nlohmann's lexer reads a byte at a time through an input adapter (~70 instructions a byte).
class SubsetReader {
 public:
  SubsetReader(std::string_view text, Handler* h) : s_(text), h_(h) {}

  bool Read() {
    if (FindInvalidUtf8(s_) != std::string_view::npos) return false;
    SkipSpace();
    if (!Value(0)) return false;
    SkipSpace();
    return i_ == s_.size();
  }

 private:
  // Nlohmann's default depth limit is far beyond this; deeper documents go to it.
  static constexpr int kMaxDepth = 64;

  void SkipSpace() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) {
      ++i_;
    }
  }

  // A string at s_[i_] == '"' into *out.
  bool String(std::string* out) {
    const size_t begin = ++i_;
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        out->assign(s_.substr(begin, i_ - begin));
        ++i_;
        return true;
      }
      if (c == '\\' || c < 0x20) return false;
      ++i_;
    }
    return false;
  }

  bool Value(int depth) {
    if (i_ >= s_.size() || depth > kMaxDepth) return false;
    const char c = s_[i_];
    if (c == '"') {
      if (!String(&str_)) return false;
      return h_->string(str_);
    }
    if (c == '[') {
      ++i_;
      h_->start_array(static_cast<std::size_t>(-1));
      SkipSpace();
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return h_->end_array();
      }
      while (true) {
        if (!Value(depth + 1)) return false;
        SkipSpace();
        if (i_ >= s_.size()) return false;
        if (s_[i_] == ']') {
          ++i_;
          return h_->end_array();
        }
        if (s_[i_] != ',') return false;
        ++i_;
        SkipSpace();
      }
    }
    if (c == '{') {
      ++i_;
      h_->start_object(static_cast<std::size_t>(-1));
      SkipSpace();
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return h_->end_object();
      }
      while (true) {
        if (i_ >= s_.size() || s_[i_] != '"' || !String(&str_)) return false;
        h_->key(str_);
        SkipSpace();
        if (i_ >= s_.size() || s_[i_] != ':') return false;
        ++i_;
        SkipSpace();
        if (!Value(depth + 1)) return false;
        SkipSpace();
        if (i_ >= s_.size()) return false;
        if (s_[i_] == '}') {
          ++i_;
          return h_->end_object();
        }
        if (s_[i_] != ',') return false;
        ++i_;
        SkipSpace();
      }
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
  Handler* h_;
  std::string str_;
};

}  // namespace

std::optional<std::vector<IsoCountryRecord>> ReadIsoCountries(std::string_view json) {
  {
    Handler h;
    if (SubsetReader(json, &h).Read()) return h.Result();
  }
  Handler h;
  if (!Json::sax_parse(json, &h)) return std::nullopt;
  return h.Result();
}

// Only the full parser (tests compare the two readers).
std::optional<std::vector<IsoCountryRecord>> ReadIsoCountriesWithNlohmann(std::string_view json) {
  Handler h;
  if (!Json::sax_parse(json, &h)) return std::nullopt;
  return h.Result();
}

}  // namespace dragoman
