// Regression guard for issue 2 ("the coder"): its acceptance list, checked on the seed articles
// through the whole pipeline exactly as `dragoman code ../shared/seeds/` runs it (reader, document
// dates, coder with its paragraph-date rule). Skipped when ../shared is not beside the checkout.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>

#include "coder/coder.h"
#include "input/reader.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;

class Issue2Acceptance : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path seeds = fs::path(DRAGOMAN_SHARED_DIR) / "seeds";
    if (!fs::exists(seeds)) return;
    auto coder = Coder::Create(CoderConfig{DRAGOMAN_SOURCE_DATA_DIR});
    ASSERT_TRUE(coder.ok()) << coder.status().message();
    DocumentReader reader({seeds.string()}, ReaderConfig{});
    while (true) {
      auto next = reader.Next();
      ASSERT_TRUE(next.ok()) << next.status().message();
      if (!next->has_value()) break;
      events_[(**next).id.substr(0, 3)] = (*coder)->Code(**next).events;
    }
  }
  void SetUp() override {
    if (events_.empty()) GTEST_SKIP() << "skipped: ../shared/seeds is not beside the checkout";
  }

  // True when some event of seed `prefix` satisfies `pred`; on failure, lists the seed's events.
  static ::testing::AssertionResult Any(const std::string& prefix,
                                        const std::function<bool(const Event&)>& pred) {
    for (const Event& e : events_[prefix]) {
      if (pred(e)) return ::testing::AssertionSuccess();
    }
    auto r = ::testing::AssertionFailure() << "no such event in seed " << prefix << "; coded:";
    for (const Event& e : events_[prefix]) {
      r << "\n  s" << e.sentence << " " << (e.source ? e.source->code : "-") << " -> "
        << (e.target ? e.target->code : "-") << " " << e.cameo << " " << e.date << " [" << e.rule
        << "]";
    }
    return r;
  }

  static std::map<std::string, std::vector<Event>> events_;
};

std::map<std::string, std::vector<Event>> Issue2Acceptance::events_;

std::string Country(const std::optional<ActorRef>& a) {
  if (!a) return "";
  return a->country.empty() ? a->code.substr(0, 3) : a->country;
}
bool Root(const Event& e, const char* root) { return e.cameo.rfind(root, 0) == 0; }
bool Directed(const Event& e, const char* src, const char* tgt) {
  return Country(e.source) == src && Country(e.target) == tgt;
}
bool Mutual(const Event& e, const char* a, const char* b) {
  return Directed(e, a, b) || Directed(e, b, a);
}
bool Rejection(const Event& e) { return Root(e, "12") || e.cameo == "016"; }

// 1. 003: CONSULT between IRN (Pezeshkian) and AZE, dated 2025-02-03, location Tehran.
TEST_F(Issue2Acceptance, Seed003ConsultInTehranOnFebruary3) {
  EXPECT_TRUE(Any("003", [](const Event& e) {
    return Root(e, "04") && e.plover == "CONSULT" && Mutual(e, "IRN", "AZE") &&
           e.date == "2025-02-03" && e.location && e.location->name == "Tehran" &&
           ((e.source && e.source->name == "Masoud Pezeshkian") ||
            (e.target && e.target->name == "Masoud Pezeshkian"));
  }));
}

// 2. 004: CONSULT between AZE (Bayramov) and IRN (Amir-Abdollahian), 2024-03-05, Jeddah.
TEST_F(Issue2Acceptance, Seed004ConsultInJeddah) {
  EXPECT_TRUE(Any("004", [](const Event& e) {
    return Root(e, "04") && Mutual(e, "AZE", "IRN") && e.date == "2024-03-05" && e.location &&
           e.location->name == "Jeddah" && e.source && e.target &&
           (e.source->name + e.target->name).find("Bayramov") != std::string::npos &&
           (e.source->name + e.target->name).find("Amir-Abdollahian") != std::string::npos;
  }));
}

// 3. 000: AZE (Hajizadeh) rejects IRN's claims, 2025-08-04; IRN accuses AZE.
TEST_F(Issue2Acceptance, Seed000RejectionAndAccusation) {
  EXPECT_TRUE(Any("000", [](const Event& e) {
    return Rejection(e) && Directed(e, "AZE", "IRN") && !e.negated && e.date == "2025-08-04" &&
           e.source->name == "Aykhan Hajizadeh";
  }));
  EXPECT_TRUE(
      Any("000", [](const Event& e) { return Root(e, "11") && Directed(e, "IRN", "AZE"); }));
}

// 4. 000: the pardon of five Iranian nationals on 2025-05-26: AZE -> IRN, 08x, quantity 5.
TEST_F(Issue2Acceptance, Seed000PardonOfFiveNationals) {
  EXPECT_TRUE(Any("000", [](const Event& e) {
    return Root(e, "08") && Directed(e, "AZE", "IRN") && e.date == "2025-05-26" && e.quantity &&
           e.quantity->value == 5;
  }));
}

// 5. 002: 62 Armenian soldiers arrested in November 2020: AZE -> ARM, 173, quantity 62.
TEST_F(Issue2Acceptance, Seed002ArrestOf62Soldiers) {
  EXPECT_TRUE(Any("002", [](const Event& e) {
    return e.cameo == "173" && Directed(e, "AZE", "ARM") && e.date == "2020-11" && e.quantity &&
           e.quantity->value == 62;
  }));
}

// 6. 004: the armed attack on the Azerbaijani embassy on 2023-01-27: 18x, target AZE.
TEST_F(Issue2Acceptance, Seed004AttackOnEmbassy) {
  EXPECT_TRUE(Any("004", [](const Event& e) {
    return Root(e, "18") && Country(e.target) == "AZE" && e.date == "2023-01-27";
  }));
}

// 7. 001: Azerbaijan rejects the Iranian minister's allegations (AZE -> IRN), 2021-10-04, and
// "We do not accept the allegations" is not coded as an acceptance (nor as any negated event).
TEST_F(Issue2Acceptance, Seed001RejectionNotAcceptance) {
  EXPECT_TRUE(Any("001", [](const Event& e) {
    return Rejection(e) && Directed(e, "AZE", "IRN") && e.date == "2021-10-04" && !e.negated;
  }));
  for (const Event& e : events_["001"]) {
    EXPECT_FALSE(e.negated && e.text.find("not accept") != std::string::npos) << e.rule;
  }
}

// No junk: every event has a coded source and a trigger, nothing comes from page furniture.
TEST_F(Issue2Acceptance, NoJunk) {
  for (const auto& [prefix, events] : events_) {
    for (const Event& e : events) {
      ASSERT_TRUE(e.source) << prefix << " s" << e.sentence;
      EXPECT_FALSE(e.source->code.empty()) << prefix << " s" << e.sentence;
      EXPECT_FALSE(e.rule.empty()) << prefix << " s" << e.sentence;
      for (const char* furniture : {"news banner", "Newsroom logo", "Share this page",
                                    "/ president.ir", "Last update", "All rights reserved"}) {
        EXPECT_EQ(e.text.find(furniture), std::string::npos) << prefix << ": " << e.text;
      }
    }
  }
}

}  // namespace
}  // namespace dragoman
