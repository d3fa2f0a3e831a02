#include "classify/features.h"

#include <algorithm>

namespace dragoman {

namespace {

// The word a token contributes: its lemma, "#" for a number, "" for punctuation.
std::string_view Word(const Token& t) {
  if (t.has(Token::kPunct)) return "";
  if (t.has(Token::kNumber)) return "#";
  return t.lemma.empty() ? t.norm : t.lemma;
}

}  // namespace

void ForEachTypeFeature(const Sentence& sentence, std::span<const ActorMention> actors,
                        std::span<const Event> rule_events,
                        const std::function<void(std::string_view)>& visit) {
  const std::vector<Token>& toks = sentence.tokens;
  std::string buf;
  auto emit = [&](std::string_view prefix, std::string_view a, std::string_view b = {}) {
    buf.assign(prefix);
    buf.append(a);
    if (!b.empty()) {
      buf.push_back('_');
      buf.append(b);
    }
    visit(buf);
  };
  for (size_t i = 0; i < toks.size(); ++i) {
    std::string_view w = Word(toks[i]);
    if (w.empty()) continue;
    emit("w=", w);
    if (i + 1 < toks.size()) {
      std::string_view next = Word(toks[i + 1]);
      if (!next.empty()) emit("b=", w, next);
    }
  }
  if (rule_events.empty()) visit("r=-");
  for (const Event& e : rule_events) {
    emit("r=", e.plover.empty() ? std::string_view("-") : std::string_view(e.plover));
    if (e.cameo.size() >= 2) emit("c=", std::string_view(e.cameo).substr(0, 2));
    // The pattern's first word ("verbs.txt:345 sign|ink ..4 agreement" -> "sign").
    std::string_view rule = e.rule;
    size_t space = rule.find(' ');
    if (space != std::string_view::npos && rule.substr(0, space).find(':') != std::string_view::npos) {
      std::string_view first = rule.substr(space + 1);
      first = first.substr(0, std::min(first.find(' '), first.find('|')));
      if (!first.empty()) emit("t=", first);
    }
  }
  int mentions = 0;
  for (const ActorMention& m : actors) {
    if (m.place) continue;
    ++mentions;
    if (m.token_end >= 0 && static_cast<size_t>(m.token_end) < toks.size()) {
      std::string_view next = Word(toks[m.token_end]);
      if (!next.empty()) emit("n=", next);
    }
  }
  const char count[2] = {static_cast<char>('0' + std::min(mentions, 3)), 0};
  emit("a=", count);
}

std::vector<std::string> TypeFeatures(const Sentence& sentence,
                                      std::span<const ActorMention> actors,
                                      std::span<const Event> rule_events) {
  std::vector<std::string> out;
  ForEachTypeFeature(sentence, actors, rule_events,
                     [&](std::string_view f) { out.emplace_back(f); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace dragoman
