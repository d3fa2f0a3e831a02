#include "classify/classifier.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "classify/features.h"

namespace dragoman {

TypeClassifier::TypeClassifier(TypeModel model, CodeTable codes)
    : model_(std::move(model)), codes_(std::move(codes)) {}

Result<std::unique_ptr<const TypeClassifier>> TypeClassifier::Create(TypeModel model,
                                                                     CodeTable codes) {
  for (const TypeModel::Class& c : model.classes()) {
    if (c.name == kNoEventClass) continue;
    const CodeInfo* info = codes.Find(c.cameo);
    if (!info) {
      return Status::BadData("type model: class " + c.name + " has CAMEO code " + c.cameo +
                             ", which events/cameo.tsv does not list");
    }
    if (info->plover != c.name) {
      return Status::BadData("type model: class " + c.name + " has CAMEO code " + c.cameo +
                             ", which events/cameo_plover.tsv types " +
                             (info->plover.empty() ? "-" : info->plover));
    }
  }
  return std::unique_ptr<const TypeClassifier>(
      new TypeClassifier(std::move(model), std::move(codes)));
}

Result<std::unique_ptr<const TypeClassifier>> TypeClassifier::Load(const std::string& data_dir,
                                                                   const CodeTable* codes) {
  const std::filesystem::path dir(data_dir);
  DRAGOMAN_ASSIGN_OR_RETURN(TypeModel model,
                            TypeModel::Load((dir / kTypeModelPath).string()));
  if (codes != nullptr) return Create(std::move(model), *codes);
  DRAGOMAN_ASSIGN_OR_RETURN(CodeTable read, CodeTable::Load((dir / "events").string()));
  return Create(std::move(model), std::move(read));
}

TypeClassifier::Decision TypeClassifier::Top(const std::vector<double>& p) const {
  Decision d;
  for (size_t k = 1; k < p.size(); ++k) {
    if (p[k] > p[d.cls]) d.cls = static_cast<int>(k);
  }
  d.type = model_.classes()[d.cls].name;
  d.score = p[d.cls];
  return d;
}

TypeClassifier::Decision TypeClassifier::Classify(const std::vector<std::string>& features) const {
  return Top(model_.Predict(features));
}

TypeClassifier::Decision TypeClassifier::Classify(const Sentence& sentence,
                                                  const std::vector<ActorMention>& actors,
                                                  const std::vector<Event>& rule_events) const {
  // The features the model knows, each counted once (a word may repeat in a sentence).
  std::vector<const TypeModel::Weights*> found;
  ForEachTypeFeature(sentence, actors, rule_events, [&](std::string_view f) {
    if (const TypeModel::Weights* w = model_.Find(f)) found.push_back(w);
  });
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<double> dec(model_.classes().size());
  for (const TypeModel::Weights* w : found) {
    for (const auto& [c, x] : *w) dec[c] += x;
  }
  return Top(model_.Probabilities(std::move(dec)));
}

namespace {

bool IsYield(std::string_view type) { return type == "CONCEDE" || type == "RETREAT"; }

std::string Tag(const TypeClassifier::Decision& d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "classify:%s %.2f", d.type.c_str(), d.score);
  return buf;
}

}  // namespace

void TypeClassifier::Apply(const Document& doc, const Sentence& sentence,
                           const std::vector<ActorMention>& actors,
                           const std::vector<DateMention>& dates,
                           std::vector<Event>* events) const {
  if (sentence.furniture || sentence.heading) return;
  if (events->empty()) {
    // Nothing could be added without an actor or in a negated sentence: skip the model.
    bool actor = false;
    for (const ActorMention& m : actors) actor |= !m.place && !m.actor.code.empty();
    if (!actor) return;
    for (const Token& t : sentence.tokens) {
      if (t.norm == "not" || t.norm == "n't" || t.norm == "never") return;
    }
  }
  const Decision d = Classify(sentence, actors, *events);
  if (d.type == kNoEventClass) return;
  const TypeModel::Class& cls = model_.classes()[d.cls];
  const CodeInfo* info = codes_.Find(cls.cameo);  // checked by Create()

  if (!events->empty()) {
    if (d.score < model_.retype_threshold()) return;
    const std::string& rule_type = events->front().plover;
    for (const Event& e : *events) {
      if (e.plover != rule_type) return;  // the rule coder saw several types: leave them
    }
    if (rule_type == d.type) return;
    // CONCEDE and RETREAT are one class in the PLV training data (its YIELD root), so the model
    // cannot tell them apart: a change between them is never made.
    if (IsYield(rule_type) && IsYield(d.type)) return;
    for (Event& e : *events) {
      e.cameo = info->code;
      e.plover = info->plover;
      e.goldstein = info->goldstein;
      e.quad = info->quad;
      e.rule += " [" + Tag(d) + "]";
    }
    return;
  }

  // (A negated sentence, "Russia did not attend the meeting", states what did not happen; the
  // model does not read negation, so nothing was added to one: see the top.)
  if (d.score < model_.add_threshold()) return;
  const ActorMention* source = nullptr;
  const ActorMention* target = nullptr;
  for (const ActorMention& m : actors) {
    if (m.place || m.actor.code.empty()) continue;
    if (!source) {
      source = &m;
    } else if (m.actor.code != source->actor.code) {
      target = &m;
      break;
    }
  }
  if (!source) return;
  Event e;
  e.sentence = sentence.index;
  if (sentence.end <= doc.text.size()) {
    e.text = doc.text.substr(sentence.begin, sentence.end - sentence.begin);
  }
  e.span_begin = sentence.begin;
  e.span_end = sentence.end;
  e.source = source->actor;
  if (target) e.target = target->actor;
  e.cameo = info->code;
  e.plover = info->plover;
  e.goldstein = info->goldstein;
  e.quad = info->quad;
  e.date_source = "document";
  for (const DateMention& dm : dates) {
    if (!dm.date.valid()) continue;
    e.date = dm.date.ToString();
    e.date_source = "text";
    break;
  }
  if (e.date.empty() && doc.date) e.date = doc.date->ToString();
  e.rule = Tag(d);
  events->push_back(std::move(e));
}

}  // namespace dragoman
