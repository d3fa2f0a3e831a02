// Shared helpers for the actors tests: one TextAnalyzer and one ActorDictionary per process
// (loading WordNet and the dictionaries takes a moment), and a document runner.
#ifndef DRAGOMAN_ACTORS_TEST_UTIL_H_
#define DRAGOMAN_ACTORS_TEST_UTIL_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/actor.h"
#include "actors/dictionary.h"
#include "actors/resolver.h"
#include "base/date.h"
#include "text/analysis.h"

namespace dragoman::testing_actors {

inline const TextAnalyzer& Text() {
  static const TextAnalyzer* text = [] {
    TextConfig c;
    c.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto r = TextAnalyzer::Create(c);
    if (!r.ok()) {
      fprintf(stderr, "TextAnalyzer: %s\n", r.status().message().c_str());
      abort();  // test-only: nothing can run without it
    }
    return std::move(r).value().release();
  }();
  return *text;
}

inline std::shared_ptr<const ActorDictionary> Dict() {
  static std::shared_ptr<const ActorDictionary> dict = [] {
    ActorConfig c;
    c.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto r = ActorDictionaryHandle::Load(c, Text());
    if (!r.ok()) {
      fprintf(stderr, "ActorDictionary: %s\n", r.status().message().c_str());
      abort();
    }
    return r.value();
  }();
  return dict;
}

// All mentions of a document, sentence by sentence.
struct DocMentions {
  std::vector<Sentence> sentences;
  std::vector<std::vector<ActorMention>> mentions;  // parallel to sentences
  std::vector<ActorMention> All() const {
    std::vector<ActorMention> out;
    for (const auto& m : mentions) out.insert(out.end(), m.begin(), m.end());
    return out;
  }
};

inline DocMentions RunDoc(const std::string& text, std::optional<PartialDate> date) {
  DocMentions d;
  d.sentences = Text().Analyze(text);
  ActorResolver r(Dict(), date);
  for (const Sentence& s : d.sentences) d.mentions.push_back(r.Resolve(s, text));
  return d;
}

inline std::string Describe(const ActorMention& m) {
  std::string s = "[" + m.actor.text + "] " + m.actor.code;
  if (!m.actor.name.empty()) s += " name=" + m.actor.name;
  for (const auto& r : m.members) s += " +" + r.code;
  if (m.place) s += " (place)";
  s += " {" + m.rule + "}";
  return s;
}

// The mentions whose text is exactly `text`.
inline std::vector<ActorMention> With(const DocMentions& d, const std::string& text) {
  std::vector<ActorMention> out;
  for (const auto& m : d.All()) {
    if (m.actor.text == text) out.push_back(m);
  }
  return out;
}

// Every mention of the document, one Describe() line each (for failure messages).
inline std::string DumpAll(const DocMentions& d) {
  std::string s;
  for (const auto& m : d.All()) s += Describe(m) + "\n";
  return s;
}

}  // namespace dragoman::testing_actors

// Expects a mention with exactly `want_text` whose first occurrence is coded `want_code`.
#define EXPECT_ACTOR(doc, want_text, want_code)                                          \
  do {                                                                                   \
    auto _ms = ::dragoman::testing_actors::With(doc, want_text);                         \
    ASSERT_FALSE(_ms.empty()) << "no mention '" << want_text << "' in:\n"                \
                              << ::dragoman::testing_actors::DumpAll(doc);               \
    EXPECT_EQ(_ms[0].actor.code, want_code) << ::dragoman::testing_actors::DumpAll(doc); \
  } while (0)

#endif  // DRAGOMAN_ACTORS_TEST_UTIL_H_
