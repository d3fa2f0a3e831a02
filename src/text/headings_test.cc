// Headings at the top of a page that no blank line separates from the body: section labels,
// headlines, bullet summaries and date lines stacked on consecutive lines (doc/text.md,
// "Lines, blocks, sentences", item 3). All text is invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/analysis.h"
#include "text/test_util.h"

namespace dragoman {
namespace {

std::vector<Sentence> Analyzed(const std::string& text) {
  const TextAnalyzer* a = SharedAnalyzer();
  if (a == nullptr) return {};
  return a->Analyze(text);
}

std::string TextOf(const std::string& text, const Sentence& s) {
  return text.substr(s.begin, s.end - s.begin);
}

// The top of a wire page: label, headline, bullet summary and date line, then the lead, with no
// blank line anywhere.
const char kPageTop[] =
    "World\n"
    "Kovria threatens sanctions on Ulmar's generals, consulate in Marn attacked\n"
    "\xE2\x80\xA2 Kovrian bloc gives deadline to Ulmar's new rulers \xE2\x80\xA2 Crowds burn "
    "Kovrian flags in Marn \xE2\x80\xA2 Takeover was the region's third since 2019 (Adds the "
    "envoy's offer to mediate in 5th paragraph, background in 9th)\n"
    "July 30, 2024 | 9:15 AM\n"
    "Kovria imposed sanctions on Ulmar on Sunday and threatened force.\n"
    "Ulmar's army said on Monday that the border talks would resume soon\n"
    "\n"
    "The envoys left the capital.\n";

TEST(HeadingsTest, LinesAboveTheFirstProseAreHeadings) {
  std::string text = kPageTop;
  std::vector<Sentence> ss = Analyzed(text);
  ASSERT_EQ(ss.size(), 7u);
  EXPECT_EQ(TextOf(text, ss[0]), "World");
  EXPECT_TRUE(ss[0].heading);
  // Eleven words in sentence case, on a line of its own between a label and a summary: a
  // headline because only headings stand above it.
  EXPECT_EQ(TextOf(text, ss[1]).substr(0, 27), "Kovria threatens sanctions ");
  EXPECT_TRUE(ss[1].heading);
  EXPECT_TRUE(ss[2].heading);  // the bullet summary, one sentence however long
  EXPECT_TRUE(ss[3].heading);  // the date line
  EXPECT_EQ(TextOf(text, ss[4]),
            "Kovria imposed sanctions on Ulmar on Sunday and threatened force.");
  EXPECT_FALSE(ss[4].heading);
  // The same shape of line below the first prose is a sentence whose stop is missing.
  EXPECT_EQ(TextOf(text, ss[5]),
            "Ulmar's army said on Monday that the border talks would resume soon");
  EXPECT_FALSE(ss[5].heading);
  EXPECT_FALSE(ss[6].heading);
}

TEST(HeadingsTest, ABulletSummaryIsOneHeadingWhateverItsLength) {
  std::string text =
      "The envoys met in Marn on Monday.\n"
      "\xE2\x97\x8F Talks on the border to resume in the spring after a winter of incidents on "
      "both sides \xE2\x97\x8F Ministers to meet in Geneva before the summit of the bloc's leaders "
      "\xE2\x97\x8F Trade talks put off until the autumn\n"
      "The ministers left.\n";
  std::vector<Sentence> ss = Analyzed(text);
  ASSERT_EQ(ss.size(), 3u);
  EXPECT_FALSE(ss[0].heading);
  EXPECT_TRUE(ss[1].heading);
  EXPECT_EQ(TextOf(text, ss[1]).substr(0, 3), "\xE2\x97\x8F");
  EXPECT_FALSE(ss[2].heading);
}

TEST(HeadingsTest, BulletedProseIsNotASummary) {
  // One bullet: a list item of prose, split into its sentences as usual.
  std::string one =
      "The ministers said:\n"
      "\xE2\x80\xA2 The two governments agreed on Monday to extend the truce along the whole "
      "border for another month and to free the detainees held since the spring. They will "
      "meet again in June.\n";
  std::vector<Sentence> os = Analyzed(one);
  ASSERT_EQ(os.size(), 3u);
  EXPECT_FALSE(os[1].heading);
  EXPECT_FALSE(os[2].heading);
  // Two bullets, but a stop inside an item: sentences, not headline fragments.
  std::string two =
      "The ministers said on Monday that the talks had gone well.\n"
      "\xE2\x80\xA2 The two governments agreed to extend the truce. Both sides will free "
      "detainees held since the spring and open two crossings on the border "
      "\xE2\x80\xA2 The envoys will meet again in June\n"
      "They left.\n";
  std::vector<Sentence> ts = Analyzed(two);
  ASSERT_GE(ts.size(), 3u);
  for (const Sentence& s : ts) EXPECT_FALSE(s.heading) << TextOf(two, s);
}

TEST(HeadingsTest, TheHeadlineZoneEndsAtTheFirstProse) {
  // Below the lead, a short unpunctuated line between two lines of prose is not a headline
  // (six words or fewer would be: those are sub-headings anywhere).
  std::string text =
      "Ministers meet in Marn\n"
      "The foreign ministers of Kovria and Ulmar met in Marn on Monday for their first talks since "
      "the war.\n"
      "Kovria's minister said the two countries would sign a trade deal soon\n"
      "Ulmar's minister agreed.\n";
  std::vector<Sentence> ss = Analyzed(text);
  ASSERT_EQ(ss.size(), 4u);
  EXPECT_TRUE(ss[0].heading);
  EXPECT_FALSE(ss[1].heading);
  EXPECT_FALSE(ss[2].heading);
  EXPECT_FALSE(ss[3].heading);
}

TEST(HeadingsTest, WrappedProseUnderAHeadlineIsNotAHeadline) {
  // Two lines joined as hard-wrapped prose take no headline slot, even with only a headline
  // above them; the same words on one line do.
  std::string wrapped =
      "Kovria and Ulmar sign a deal\n"
      "The ministers met in Marn on Monday with\n"
      "their deputies in a second round of talks\n"
      "They left on Tuesday.\n";
  std::vector<Sentence> ws = Analyzed(wrapped);
  ASSERT_EQ(ws.size(), 3u);
  EXPECT_TRUE(ws[0].heading);
  EXPECT_FALSE(ws[1].heading);
  std::string one =
      "World\n"
      "The ministers meet in Marn with their deputies for a second round\n"
      "They met on Monday in the old town hall and spoke for three hours about the border and "
      "the crossings.\n";
  std::vector<Sentence> os = Analyzed(one);
  ASSERT_EQ(os.size(), 3u);
  EXPECT_TRUE(os[1].heading);
}

}  // namespace
}  // namespace dragoman
