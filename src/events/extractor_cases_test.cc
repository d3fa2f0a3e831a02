// Data-driven tests of the event extractor: every `*.txt` file of tests/events/ holds cases, one
// a block (blocks are separated by blank lines):
//
//   # Passive with a by-agent: the agent is the source, the subject the target.
//   [Iranian nationals|IRNCVL] were pardoned by [the President of Azerbaijan|AZEGOV] .
//   => AZEGOV > IRNCVL 0841
//
// Lines starting with "# " (or a lone "#") are comments; a sentence may start with a quantity
// ("#62 soldier#..."). The other lines before the first "=>" are sentences, in the markup of
// markup_test_util.h: the last is the sentence tested, earlier ones are the document before it
// (coded first, with one EventContext, for the rules that read the context). Each following
// "=> SOURCE > TARGET CODE [MOOD] [negated]" line is one expected event of the last sentence, in
// order: TARGET is "-" for none, CODE is a prefix of the event's CAMEO code, MOOD one of
// intended, hypothetical (asserted when absent). "=> none" expects no event. The events listed
// are all the events of the sentence. A new extractor test is a new block.
//
// DRAGOMAN_PRINT_CASES=FILE appends each case, with the events the extractor codes now, to FILE
// in this format, for writing new cases (check them by hand before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "base/file.h"
#include "base/lines.h"
#include "events/extractor.h"
#include "events/markup_test_util.h"

namespace dragoman {
namespace {

struct ExtractorCase {
  std::string where;  // "clauses.txt:12"
  std::string comment;
  std::vector<std::string> context;  // earlier sentences of the document, in order
  std::string markup;
  std::vector<std::string> expected;  // "SOURCE > TARGET CODE [mood] [negated]", or empty
};

std::vector<ExtractorCase> LoadCases() {
  namespace fs = std::filesystem;
  std::vector<ExtractorCase> out;
  const fs::path dir = fs::path(DRAGOMAN_SOURCE_DIR) / "tests" / "events";
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    auto text = ReadFile(f.string());
    if (!text.ok()) {
      ADD_FAILURE() << text.status().message();
      continue;
    }
    ExtractorCase cur;
    bool none = false;
    auto flush = [&] {
      if (!cur.markup.empty()) {
        if (cur.expected.empty() && !none) {
          ADD_FAILURE() << cur.where << ": a case needs '=>' lines (or '=> none')";
        }
        out.push_back(cur);
      }
      cur = ExtractorCase();
      none = false;
    };
    Status st = ForEachLine(*text, [&](int n, std::string_view line) -> Status {
      if (line.empty()) {
        flush();
        return Status::Ok();
      }
      if (line == "#" || line.rfind("# ", 0) == 0) {
        if (cur.markup.empty()) cur.comment += std::string(line) + "\n";
        return Status::Ok();
      }
      if (line.rfind("=>", 0) == 0) {
        std::string e(line.substr(2));
        e.erase(0, e.find_first_not_of(' '));
        if (cur.markup.empty()) {
          return Status::BadData(f.filename().string() + ":" + std::to_string(n) +
                                 ": '=>' before the sentence");
        }
        if (e == "none") {
          none = true;
        } else {
          cur.expected.push_back(e);
        }
        return Status::Ok();
      }
      if (!cur.expected.empty() || none) {
        return Status::BadData(f.filename().string() + ":" + std::to_string(n) +
                               ": a sentence after '=>' lines (separate cases by a blank line)");
      }
      // Several sentences: the earlier ones are the document's context.
      if (!cur.markup.empty()) cur.context.push_back(cur.markup);
      cur.where = f.filename().string() + ":" + std::to_string(n);
      cur.markup = std::string(line);
      return Status::Ok();
    });
    flush();
    if (!st.ok()) ADD_FAILURE() << st.message();
  }
  return out;
}

// The event in the format of the case files.
std::string Format(const Event& e) {
  std::string s =
      (e.source ? e.source->code : "-") + " > " + (e.target ? e.target->code : "-") + " " + e.cameo;
  if (e.mood != Mood::kAsserted) s += " " + std::string(MoodName(e.mood));
  if (e.negated) s += " negated";
  return s;
}

// Whether `actual` (Format()) fits `expected`: the same words, except that the expected code
// is a prefix of the actual one.
bool Fits(const std::string& expected, const std::string& actual) {
  std::istringstream a(actual), x(expected);
  std::vector<std::string> aw, xw;
  for (std::string w; a >> w;) aw.push_back(w);
  for (std::string w; x >> w;) xw.push_back(w);
  if (aw.size() != xw.size() || aw.size() < 4) return false;
  for (size_t i = 0; i < aw.size(); ++i) {
    if (i == 3 ? aw[i].rfind(xw[i], 0) != 0 : aw[i] != xw[i]) return false;
  }
  return true;
}

const EventExtractor& Extractor() { return test_support::ShippedExtractor(); }

class ExtractorCases : public ::testing::TestWithParam<ExtractorCase> {};

TEST_P(ExtractorCases, CodesTheListedEvents) {
  const ExtractorCase& c = GetParam();
  // The context sentences are coded first, with one EventContext for the whole case.
  EventContext context;
  for (const std::string& earlier : c.context) {
    auto e = test_support::Build(earlier);
    Extractor().Extract(e->facts, &context);
  }
  auto b = test_support::Build(c.markup);
  std::vector<Event> ev = Extractor().Extract(b->facts, c.context.empty() ? nullptr : &context);
  if (const char* path = std::getenv("DRAGOMAN_PRINT_CASES")) {
    std::ofstream out(path, std::ios::app);
    out << "@" << c.where << "\n" << c.comment << c.markup << "\n";
    if (ev.empty()) out << "=> none\n";
    for (const Event& e : ev) out << "=> " << Format(e) << "\n";
    out << "\n";
  }
  SCOPED_TRACE(c.where + ": " + c.markup + "\n" + test_support::Describe(ev));
  ASSERT_EQ(ev.size(), c.expected.size());
  for (size_t i = 0; i < ev.size(); ++i) {
    EXPECT_TRUE(Fits(c.expected[i], Format(ev[i])))
        << "expected: " << c.expected[i] << "\n  actual: " << Format(ev[i]);
    EXPECT_TRUE(ev[i].source.has_value());
    EXPECT_FALSE(ev[i].plover.empty());
    EXPECT_FALSE(ev[i].quad.empty());
    EXPECT_FALSE(ev[i].rule.empty());
    EXPECT_LE(ev[i].span_begin, ev[i].span_end);
    EXPECT_LE(ev[i].span_end, b->doc.text.size());
  }
}

std::string CaseName(const ::testing::TestParamInfo<ExtractorCase>& info) {
  std::string name;
  for (char ch : info.param.where) {
    name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, ExtractorCases, ::testing::ValuesIn(LoadCases()), CaseName);

TEST(ExtractorCaseFormat, PrefixAndWords) {
  EXPECT_TRUE(Fits("AZEGOV > IRNGOV 04", "AZEGOV > IRNGOV 040"));
  EXPECT_FALSE(Fits("AZEGOV > IRNGOV 041", "AZEGOV > IRNGOV 040"));
  EXPECT_FALSE(Fits("AZEGOV > - 04", "AZEGOV > IRNGOV 040"));
  EXPECT_FALSE(Fits("AZEGOV > IRNGOV 04", "AZEGOV > IRNGOV 040 intended"));
  EXPECT_TRUE(Fits("AZEGOV > - 114 negated", "AZEGOV > - 114 negated"));
}

}  // namespace
}  // namespace dragoman
