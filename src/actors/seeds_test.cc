// The seed articles (read at run time from the shared folder; never copied into the repo):
// key actors must be found, and page furniture must give none.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "actors/test_util.h"
#include "base/file.h"

namespace dragoman {
namespace {

using testing_actors::DocMentions;
using testing_actors::RunDoc;

std::optional<std::string> Seed(const std::string& prefix) {
  std::filesystem::path dir = std::filesystem::path(DRAGOMAN_SHARED_DIR) / "seeds";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) {
      auto text = ReadFile(e.path().string());
      if (text.ok()) return *text;
    }
  }
  return std::nullopt;
}

// The first mention naming `name` (or whose text is `name` when no person name is set).
const ActorMention* Find(const DocMentions& d, const std::string& name, size_t skip = 0) {
  for (const auto& ms : d.mentions) {
    for (const auto& m : ms) {
      if (m.actor.name == name || m.actor.text == name) {
        if (skip == 0) return &m;
        --skip;
      }
    }
  }
  return nullptr;
}

void Dump(const DocMentions& d) {
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    for (const auto& m : d.mentions[i]) {
      printf("  s%zu %s\n", i, testing_actors::Describe(m).c_str());
    }
  }
}

#define SEED_OR_SKIP(var, prefix)                                               \
  auto var##_opt = Seed(prefix);                                                \
  if (!var##_opt) GTEST_SKIP() << "shared seeds not found beside the checkout"; \
  const std::string& var = *var##_opt

TEST(ActorSeeds, Seed000MinistrySpokespeople) {
  SEED_OR_SKIP(text, "000_");
  DocMentions d = RunDoc(text, PartialDate{2025, 8, 4});
  if (getenv("DRAGOMAN_DUMP")) Dump(d);
  const ActorMention* m = Find(d, "Aykhan Hajizadeh");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actor.code, "AZEGOV");
  m = Find(d, "Ismail Baghaei");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actor.code, "IRNGOV");
  // "He emphasized ..." after "Hajizadeh noted ...".
  bool he = false;
  for (const auto& ms : d.mentions) {
    for (const auto& x : ms) {
      if (x.actor.text == "He" && x.actor.name == "Aykhan Hajizadeh") he = true;
    }
  }
  EXPECT_TRUE(he);
  // "Our country" inside the closing quote: Azerbaijan.
  const ActorMention* our = Find(d, "Our country");
  ASSERT_NE(our, nullptr);
  EXPECT_EQ(our->actor.code, "AZE");
  // "Iranian nationals" -> IRNCVL; "the President of Azerbaijan" -> AZEGOV.
  const ActorMention* nat = Find(d, "Iranian nationals");
  ASSERT_NE(nat, nullptr);
  EXPECT_EQ(nat->actor.code, "IRNCVL");
  const ActorMention* pres = Find(d, "President of Azerbaijan");
  ASSERT_NE(pres, nullptr);
  EXPECT_EQ(pres->actor.code, "AZEGOV");
}

TEST(ActorSeeds, Seed003PresidentAndAide) {
  SEED_OR_SKIP(text, "003_");
  DocMentions d = RunDoc(text, PartialDate{2025, 2, 4});
  if (getenv("DRAGOMAN_DUMP")) Dump(d);
  const ActorMention* m = Find(d, "Masoud Pezeshkian");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actor.code, "IRNGOV");
  m = Find(d, "Hikmat Hajiyev");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actor.code, "AZEGOV");
  // A later bare "Hajiyev" resolves to the same actor.
  bool later = false;
  for (const auto& ms : d.mentions) {
    for (const auto& x : ms) {
      if (x.actor.text == "Hajiyev") {
        later = true;
        EXPECT_EQ(x.actor.code, "AZEGOV");
        EXPECT_EQ(x.actor.name, "Hikmat Hajiyev");
      }
    }
  }
  EXPECT_TRUE(later);
  for (const auto& ms : d.mentions) {
    for (const auto& x : ms) {
      EXPECT_EQ(x.actor.text.find("Newsroom"), std::string::npos) << x.actor.text;
    }
  }
}

TEST(ActorSeeds, Seed004ForeignMinisters) {
  SEED_OR_SKIP(text, "004_");
  DocMentions d = RunDoc(text, PartialDate{2024, 3, 8});
  if (getenv("DRAGOMAN_DUMP")) Dump(d);
  const ActorMention* m = Find(d, "Jeyhun Bayramov");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actor.code, "AZEGOV");
  m = Find(d, "Hossein Amir-Abdollahian");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actor.code, "IRNGOV");
  const ActorMention* minister = Find(d, "Iranian minister");
  ASSERT_NE(minister, nullptr);
  EXPECT_EQ(minister->actor.code, "IRNGOV");
  EXPECT_EQ(minister->actor.name, "Hossein Amir-Abdollahian");
}

TEST(ActorSeeds, NoActorsFromFurniture) {
  for (const char* prefix : {"000_", "001_", "002_", "003_", "004_"}) {
    auto text = Seed(prefix);
    if (!text) GTEST_SKIP() << "shared seeds not found beside the checkout";
    DocMentions d = RunDoc(*text, std::nullopt);
    if (getenv("DRAGOMAN_DUMP")) Dump(d);
    for (const auto& ms : d.mentions) {
      for (const auto& x : ms) {
        for (const char* bad :
             {"Desktop", "Mobile", "Newsroom", "logo", "Share this page", "banner"}) {
          EXPECT_EQ(x.actor.text.find(bad), std::string::npos)
              << prefix << ": " << testing_actors::Describe(x);
        }
        EXPECT_FALSE(x.actor.code.empty());
      }
    }
  }
}

}  // namespace
}  // namespace dragoman
