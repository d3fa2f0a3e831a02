// ReadIsoCountries: a SAX handler that keeps four string members of each element of the
// top-level "3166-1" array (actors/iso_codes.h).
#include "actors/iso_codes.h"

#include <nlohmann/json.hpp>

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

}  // namespace

std::optional<std::vector<IsoCountryRecord>> ReadIsoCountries(std::string_view json) {
  Handler h;
  if (!Json::sax_parse(json, &h)) return std::nullopt;
  return h.Result();
}

}  // namespace dragoman
