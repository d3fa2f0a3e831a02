#include "text/normalize.h"

#include <gtest/gtest.h>

namespace dragoman {
namespace {

struct FoldCase {
  const char* in;
  const char* want;
};

TEST(FoldKeyTest, Table) {
  const FoldCase cases[] = {
      {"", ""},
      {"Baku", "baku"},
      {"IRAN", "iran"},
      {"Ağdam", "agdam"},
      {"Əliyev", "eliyev"},
      {"əliyev", "eliyev"},
      {"Bayramlı", "bayramli"},
      {"İlham", "ilham"},
      {"Şuşa", "susa"},
      {"Gəncə", "gence"},
      {"Zürich", "zurich"},
      {"São Tomé", "sao tome"},
      {"Łódź", "lodz"},
      {"Straße", "strasse"},
      {"Ｂａｋｕ", "baku"},   // full width
      {"ﬁnance", "finance"},  // ligature
      {"Iran’s", "iran's"},   // curly apostrophe
      {"‘yes’", "'yes'"},
      {"“talks”", "\"talks\""},
      {"Azerbaijan–Iran", "azerbaijan-iran"},  // en dash
      {"a—b", "a-b"},                          // em dash
      {"Москва", "москва"},
      {"Ελλάδα", "ελλαδα"},
      {"تهران", "تهران"},
      {"서울", "서울"},  // Hangul stays composed
      {"soft\u00ADhyphen", "softhyphen"},
  };
  for (const FoldCase& c : cases) {
    EXPECT_EQ(FoldKey(c.in), c.want) << "input: " << c.in;
  }
}

TEST(FoldKeyTest, AppendKeepsPrefix) {
  std::string out = "x:";
  AppendFoldKey("ƏHMƏD", &out);
  EXPECT_EQ(out, "x:ehmed");
}

TEST(FoldKeyTest, IllFormedInputDoesNotCrash) {
  std::string bad =
      "ab\xff\xfe"
      "cd";
  std::string k = FoldKey(bad);
  EXPECT_NE(k.find("ab"), std::string::npos);
  EXPECT_NE(k.find("cd"), std::string::npos);
}

}  // namespace
}  // namespace dragoman
