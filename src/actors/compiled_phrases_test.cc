// The compiled actor phrases: the table's format checks, and the dictionary loaded through the
// build's table against the dictionary loaded by analysing every phrase (a differential test),
// for the shipped data and for data directories that differ from what the table was made from.
#include "actors/compiled_phrases.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "actors/dictionary.h"
#include "actors/test_util.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;
using testing_actors::Text;

using Recorded = std::vector<std::pair<std::string, std::vector<std::pair<std::string, uint8_t>>>>;

constexpr uint64_t kPrint = 0x1234;

std::string SmallBlob() {
  Recorded phrases = {{"Foreign Ministry", {{"foreign", 1}, {"ministry", 1}}},
                      {"U.N.", {{"u.n.", 3}}},
                      {"Foreign Ministry", {{"ignored", 0}}}};  // a repeat: the first wins
  auto blob = CompiledPhrases::Compile(kPrint, {{"actors/roles.txt", 3, 7}}, phrases);
  EXPECT_TRUE(blob.ok()) << blob.status().message();
  return *blob;
}

std::vector<std::pair<std::string, int>> Find(const CompiledPhrases& t, std::string_view p) {
  std::vector<PhraseToken> toks;
  std::vector<std::pair<std::string, int>> out;
  if (!t.Find(p, &toks)) return out;
  for (const PhraseToken& k : toks) out.emplace_back(std::string(k.norm), k.flags);
  return out;
}

TEST(CompiledPhrases, RoundTrip) {
  auto t = CompiledPhrases::FromBlob(SmallBlob(), kPrint);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ((*t)->size(), 2u);
  using V = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(Find(**t, "Foreign Ministry"), (V{{"foreign", 1}, {"ministry", 1}}));
  EXPECT_EQ(Find(**t, "U.N."), (V{{"u.n.", 3}}));
  EXPECT_TRUE(Find(**t, "foreign ministry").empty());  // keys are the phrases as written
  EXPECT_TRUE(Find(**t, "").empty());
  ASSERT_EQ((*t)->sources().size(), 1u);
  EXPECT_EQ((*t)->sources()[0].name, "actors/roles.txt");
  EXPECT_EQ((*t)->sources()[0].size, 3u);
  EXPECT_EQ((*t)->sources()[0].hash, 7u);
}

TEST(CompiledPhrases, RejectsDamagedForeignAndOtherAnalyzerTables) {
  const std::string good = SmallBlob();
  auto message = [](std::string blob, uint64_t print) {
    auto t = CompiledPhrases::FromBlob(std::move(blob), print);
    return t.ok() ? std::string("accepted") : t.status().message();
  };
  EXPECT_EQ(message(good, kPrint), "accepted");
  EXPECT_EQ(message(good, kPrint + 1), "made by another text stage (its text/*.txt or ICU differ)");
  std::string flipped = good;
  flipped[flipped.size() - 2] ^= 0x20;
  EXPECT_EQ(message(flipped, kPrint), "damaged (checksum)");
  EXPECT_EQ(message(good.substr(0, good.size() - 1), kPrint), "damaged (checksum)");
  EXPECT_EQ(message(good.substr(0, 20), kPrint), "not an actor phrase table");
  EXPECT_EQ(message("DRGLEMMA" + good.substr(8), kPrint), "not an actor phrase table");
  std::string version = good;
  version[8] = 2;
  EXPECT_EQ(message(version, kPrint), "format version 2, not 1");
}

// Everything a loaded dictionary holds that its phrases' analysis decides.
void ExpectSameDictionary(const ActorDictionary& a, const ActorDictionary& b) {
  ASSERT_EQ(a.num_entries(), b.num_entries());
  for (size_t i = 0; i < a.num_entries(); ++i) {
    const DictEntry& x = a.entry(static_cast<int>(i));
    const DictEntry& y = b.entry(static_cast<int>(i));
    ASSERT_EQ(x.phrase, y.phrase);
    EXPECT_EQ(x.caps, y.caps) << x.phrase;
    EXPECT_EQ(x.kind, y.kind) << x.phrase;
    EXPECT_EQ(x.code, y.code) << x.phrase;
    // The trie: the phrase, analysed as text, reaches the same entries in both.
    auto sents = Text().Analyze(x.phrase);
    std::vector<Token> toks;
    for (const Sentence& s : sents) toks.insert(toks.end(), s.tokens.begin(), s.tokens.end());
    std::span<const int> ea, eb;
    ASSERT_EQ(a.LongestMatch(toks, 0, &ea), b.LongestMatch(toks, 0, &eb)) << x.phrase;
    EXPECT_EQ(std::vector<int>(ea.begin(), ea.end()), std::vector<int>(eb.begin(), eb.end()))
        << x.phrase;
  }
}

std::shared_ptr<const ActorDictionary> Load(const std::string& data, const std::string& table) {
  ActorConfig c;
  c.data_dir = data;
  c.compiled_phrases = table;
  auto r = ActorDictionary::Load(c, Text());
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : nullptr;
}

TEST(CompiledPhrases, TheBuildsTableAnswersEveryShippedPhraseAsTheAnalyzerDoes) {
  auto mapped = Load(DRAGOMAN_SOURCE_DATA_DIR, DRAGOMAN_ACTOR_PHRASES);
  auto analysed = Load(DRAGOMAN_SOURCE_DATA_DIR, "none");
  ASSERT_TRUE(mapped && analysed);
  EXPECT_EQ(mapped->phrase_stats().table, DRAGOMAN_ACTOR_PHRASES);
  EXPECT_EQ(mapped->phrase_stats().analysed, 0);  // start-up analyses nothing
  EXPECT_EQ(mapped->phrase_stats().found, analysed->phrase_stats().analysed);
  EXPECT_EQ(analysed->phrase_stats().found, 0);
  ExpectSameDictionary(*mapped, *analysed);
  // By default the loader finds the build's table too.
  auto by_default = Load(DRAGOMAN_SOURCE_DATA_DIR, "");
  EXPECT_EQ(by_default->phrase_stats().table, DRAGOMAN_ACTOR_PHRASES);
  auto fingerprint = CompiledPhrases::AnalyzerFingerprint(DRAGOMAN_SOURCE_DATA_DIR);
  ASSERT_TRUE(fingerprint.ok());
  auto table = CompiledPhrases::Open(DRAGOMAN_ACTOR_PHRASES, *fingerprint);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_TRUE((*table)->Stale(DRAGOMAN_SOURCE_DATA_DIR).empty());
}

// A copy of the shipped data directory, removed at the end of the test.
class DataCopy {
 public:
  DataCopy() {
    dir_ = fs::temp_directory_path() /
           ("dragoman_phrases_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::copy(DRAGOMAN_SOURCE_DATA_DIR, dir_, fs::copy_options::recursive);
  }
  ~DataCopy() { fs::remove_all(dir_); }
  std::string dir() const { return dir_.string(); }
  void Append(const std::string& file, const std::string& line) {
    std::ofstream(dir_ / file, std::ios::app) << line << "\n";
  }

 private:
  fs::path dir_;
};

TEST(CompiledPhrases, AnActorFileEditedAfterTheBuildIsNeverServedStale) {
  DataCopy data;
  data.Append("actors/roles.txt", "zorblat envoy | GOV | person");
  auto mapped = Load(data.dir(), DRAGOMAN_ACTOR_PHRASES);
  auto analysed = Load(data.dir(), "none");
  ASSERT_TRUE(mapped && analysed);
  EXPECT_EQ(mapped->phrase_stats().table, DRAGOMAN_ACTOR_PHRASES);
  EXPECT_EQ(mapped->phrase_stats().analysed, 1);  // the new phrase only
  ExpectSameDictionary(*mapped, *analysed);
  auto sents = Text().Analyze("Zorblat envoy");
  std::span<const int> es;
  EXPECT_EQ(mapped->LongestMatch(sents[0].tokens, 0, &es), 2);
  auto table = CompiledPhrases::Open(DRAGOMAN_ACTOR_PHRASES,
                                     *CompiledPhrases::AnalyzerFingerprint(data.dir()));
  ASSERT_TRUE(table.ok());
  EXPECT_EQ((*table)->Stale(data.dir()), std::vector<std::string>{"actors/roles.txt"});
}

TEST(CompiledPhrases, ATextStageChangeSetsTheTableAside) {
  DataCopy data;
  data.Append("text/abbreviations.txt", "Zorb. title");
  auto d = Load(data.dir(), "");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->phrase_stats().table, "");
  EXPECT_NE(d->phrase_stats().passed_over.find("made by another text stage"), std::string::npos)
      << d->phrase_stats().passed_over;
  EXPECT_EQ(d->phrase_stats().found, 0);
  EXPECT_GT(d->phrase_stats().analysed, 2000);
}

TEST(CompiledPhrases, ADamagedTableInTheDataDirectoryIsPassedOver) {
  DataCopy data;
  std::ofstream(data.dir() + "/actor-phrases.bin") << "DRGACTPH but not a table";
  auto d = Load(data.dir(), "");
  ASSERT_TRUE(d);
  // The data directory's own table comes first; it is damaged, so the build's is used.
  EXPECT_EQ(d->phrase_stats().table, DRAGOMAN_ACTOR_PHRASES);
  EXPECT_NE(d->phrase_stats().passed_over.find("actor-phrases.bin: "), std::string::npos);
  EXPECT_EQ(d->phrase_stats().analysed, 0);
}

}  // namespace
}  // namespace dragoman
