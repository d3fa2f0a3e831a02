#include "classify/features.h"

#include <algorithm>

namespace dragoman {

namespace {

// The word a token contributes: its lemma, "#" for a number, "" for punctuation.
std::string Word(const Token& t) {
  if (t.has(Token::kPunct)) return "";
  if (t.has(Token::kNumber)) return "#";
  return t.lemma.empty() ? t.norm : t.lemma;
}

}  // namespace

std::vector<std::string> TypeFeatures(const Sentence& sentence,
                                      std::span<const ActorMention> actors,
                                      std::span<const Event> rule_events) {
  std::vector<std::string> out;
  const std::vector<Token>& toks = sentence.tokens;
  std::vector<std::string> words;
  words.reserve(toks.size());
  for (const Token& t : toks) words.push_back(Word(t));
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty()) continue;
    out.push_back("w=" + words[i]);
    if (i + 1 < words.size() && !words[i + 1].empty()) {
      out.push_back("b=" + words[i] + "_" + words[i + 1]);
    }
  }
  if (rule_events.empty()) out.push_back("r=-");
  for (const Event& e : rule_events) {
    out.push_back("r=" + (e.plover.empty() ? std::string("-") : e.plover));
    if (e.cameo.size() >= 2) out.push_back("c=" + e.cameo.substr(0, 2));
  }
  int mentions = 0;
  for (const ActorMention& m : actors) {
    if (m.place) continue;
    ++mentions;
    if (m.token_end >= 0 && static_cast<size_t>(m.token_end) < words.size() &&
        !words[m.token_end].empty()) {
      out.push_back("n=" + words[m.token_end]);
    }
  }
  out.push_back("a=" + std::to_string(std::min(mentions, 3)));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace dragoman
