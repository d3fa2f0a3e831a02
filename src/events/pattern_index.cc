#include "events/pattern_index.h"

namespace dragoman::events_internal {

PatternIndex PatternIndex::Build(const std::vector<Pattern>& patterns) {
  PatternIndex x;
  auto id_of = [&x](const std::string& w) {
    auto [it, fresh] = x.word_id_.try_emplace(w, static_cast<int32_t>(x.word_id_.size()));
    if (fresh) x.by_first_.emplace_back();
    return it->second;
  };
  x.alts_.resize(patterns.size());
  x.required_.resize(patterns.size());
  x.has_target_.assign(patterns.size(), 0);
  // Each inner vector sized once (what it will hold is known), not grown an element at a time.
  size_t words = 0;
  for (const Pattern& pat : patterns) words += static_cast<size_t>(pat.words);
  x.word_id_.reserve(words);
  x.by_first_.reserve(words);
  for (size_t p = 0; p < patterns.size(); ++p) {
    const Pattern& pat = patterns[p];
    x.alts_[p].resize(pat.elements.size());
    x.required_[p].reserve(static_cast<size_t>(pat.words));
    for (size_t e = 0; e < pat.elements.size(); ++e) {
      const PatternElement& el = pat.elements[e];
      if (el.kind == PatternElement::Kind::kTarget) x.has_target_[p] = 1;
      if (el.kind != PatternElement::Kind::kWord) continue;
      x.alts_[p][e].reserve(el.alts.size());
      for (const PatternElement::Alt& a : el.alts) {
        int32_t id = id_of(a.word);
        x.alts_[p][e].push_back(id * 2 + (a.form_only ? 1 : 0));
        // The plain index listed a pattern under each first-element word once per alternative
        // naming it; candidates are de-duplicated, so once is enough.
        std::vector<int>& first = x.by_first_[static_cast<size_t>(id)];
        if (e == 0 && (first.empty() || first.back() != static_cast<int>(p))) {
          first.push_back(static_cast<int>(p));
        }
      }
      if (!el.optional && !el.alts.empty()) x.required_[p].push_back(static_cast<int>(e));
    }
  }
  return x;
}

void PatternIndex::SentenceWords::Reset(const PatternIndex& index) {
  if (marks_.size() != index.word_count()) {
    marks_.assign(index.word_count(), 0);
    set_.clear();
    return;
  }
  for (int32_t id : set_) marks_[static_cast<size_t>(id)] = 0;
  set_.clear();
}

void PatternIndex::SentenceWords::AddToken(int32_t norm_id, int32_t lemma_id) {
  if (norm_id >= 0) {
    uint8_t& m = marks_[static_cast<size_t>(norm_id)];
    if (m == 0) set_.push_back(norm_id);
    m |= 1;
  }
  if (lemma_id >= 0) {
    uint8_t& m = marks_[static_cast<size_t>(lemma_id)];
    if (m == 0) set_.push_back(lemma_id);
    m |= 2;
  }
}

bool PatternIndex::Feasible(int p, const SentenceWords& words) const {
  const auto& alts = alts_[static_cast<size_t>(p)];
  for (int e : required_[static_cast<size_t>(p)]) {
    bool any = false;
    for (Alt a : alts[static_cast<size_t>(e)]) {
      if (words.Has(a)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

}  // namespace dragoman::events_internal
