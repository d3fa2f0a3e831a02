// ReadIsoCountries (SAX) must answer what reading the same text as a JSON tree answers.
#include "actors/iso_codes.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/file.h"

namespace dragoman {
namespace {

// The reference: the tree, read as LoadIsoCodes read it before the SAX reader.
std::optional<std::vector<IsoCountryRecord>> FromTree(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("3166-1") || !j["3166-1"].is_array()) {
    return std::nullopt;
  }
  std::vector<IsoCountryRecord> out;
  for (const auto& c : j["3166-1"]) {
    if (!c.is_object()) continue;
    IsoCountryRecord r;
    auto get = [&](const char* key, std::optional<std::string>* to) {
      if (c.contains(key) && c[key].is_string()) *to = c[key].get<std::string>();
    };
    get("alpha_3", &r.alpha_3);
    get("common_name", &r.common_name);
    get("name", &r.name);
    get("official_name", &r.official_name);
    out.push_back(std::move(r));
  }
  return out;
}

std::string Show(const std::optional<std::vector<IsoCountryRecord>>& v) {
  if (!v) return "none";
  std::string s;
  auto field = [&](const std::optional<std::string>& f) { s += f ? "'" + *f + "'" : "-"; s += ' '; };
  for (const IsoCountryRecord& r : *v) {
    field(r.alpha_3);
    field(r.common_name);
    field(r.name);
    field(r.official_name);
    s += "; ";
  }
  return s;
}

TEST(IsoCodes, SameAsTheTreeOnTheInstalledFile) {
  auto text = ReadFile("/usr/share/iso-codes/json/iso_3166-1.json");
  if (!text.ok()) GTEST_SKIP() << "iso-codes not installed";
  auto sax = ReadIsoCountries(*text);
  ASSERT_TRUE(sax.has_value());
  EXPECT_GT(sax->size(), 200u);
  EXPECT_EQ(Show(sax), Show(FromTree(*text)));
}

TEST(IsoCodes, SameAsTheTreeOnOddFiles) {
  const char* cases[] = {
      R"({"3166-1": [{"alpha_3": "AAA", "name": "A"}]})",
      // members given twice (the last counts), not strings, nested, unknown
      R"({"3166-1": [{"alpha_3": "AAA", "name": "A", "name": "B", "common_name": 3,
                      "official_name": {"x": "y"}, "other": [1, {"name": "Z"}]}]})",
      R"({"3166-1": [{"name": "A", "name": null}, {"alpha_3": ["AAA"], "name": "B"}]})",
      // elements that are not objects are left out
      R"({"3166-1": [1, "x", null, [{"alpha_3": "XXX"}], {"alpha_3": "BBB", "name": "Bee"}]})",
      // the list given twice, or then as something else: the last one written counts
      R"({"3166-1": [{"alpha_3": "AAA", "name": "A"}], "3166-1": [{"alpha_3": "BBB"}]})",
      R"({"3166-1": [{"alpha_3": "AAA", "name": "A"}], "3166-1": 5})",
      R"({"3166-1": {"alpha_3": "AAA"}, "3166-1": [{"alpha_3": "CCC", "name": "C"}]})",
      R"({"3166-1": [{"alpha_3": "AAA"}], "3166-1": {"a": [{"alpha_3": "DDD"}]}})",
      // other members around the list, nested lists of the same name
      R"({"x": {"3166-1": [{"alpha_3": "EEE"}]}, "3166-1": [], "y": [[{"alpha_3": "F"}]]})",
      R"({"x": {"3166-1": [{"alpha_3": "EEE"}]}})",
      // not the format, or not JSON at all
      R"([{"3166-1": [{"alpha_3": "AAA"}]}])",
      R"("3166-1")",
      R"({"3166-1": [{"alpha_3": "AAA", "name": "A"}])",
      R"({"3166-1": [{"alpha_3": "AAA", "name": "A"}]} trailing)",
      R"({"3166-1": [{"alpha_3": "A\u00e9\ud83d\ude00", "name": "\"q\""}]})",
      "",
  };
  for (const char* c : cases) {
    EXPECT_EQ(Show(ReadIsoCountries(c)), Show(FromTree(c))) << c;
  }
}

}  // namespace
}  // namespace dragoman
