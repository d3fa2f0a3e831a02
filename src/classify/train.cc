#include "classify/train.h"

#include <linear.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "base/file.h"
#include "classify/features.h"
#include "coder/coder.h"
#include "eval/coverage.h"
#include "eval/gold.h"
#include "eval/split.h"
#include "events/codes.h"
#include "input/reader.h"

namespace dragoman::classify {

namespace {

struct Example {
  std::vector<std::string> features;
  std::string label;      // class name
  std::string rule_type;  // "" no rule event, "*" several types, else the one type
  bool has_actor = false;
  bool negation = false;  // "not", "n't", "never": the coder adds nothing there
  int group = 0;          // cross-validation group (a document)
};

// What the rule coder's observer saw in one sentence.
struct Seen {
  uint32_t begin = 0, end = 0;
  bool heading = false;
  std::vector<std::string> features;
  std::set<std::string> types;
  bool has_actor = false;
  bool negation = false;
};

bool IsYield(const std::string& type) { return type == "CONCEDE" || type == "RETREAT"; }

// The coder's conditions for its two uses (classify/classifier.h), on a training example.
bool CanAdd(const Example& e) { return e.rule_type.empty() && e.has_actor && !e.negation; }
bool CanRetype(const Example& e, const std::string& to) {
  return !e.rule_type.empty() && e.rule_type != "*" && e.rule_type != to &&
         !(IsYield(e.rule_type) && IsYield(to));
}

std::string RuleType(const std::set<std::string>& types) {
  if (types.empty()) return "";
  if (types.size() > 1) return "*";
  return *types.begin();
}

// Gold-vocabulary type -> 2021 class name. `renames` from plover_types.txt (gold -> coded, for
// gold names that are not 2021 types).
Result<std::string> ClassOf(const std::string& gold_type, const std::string& cameo,
                            const std::string& rule_type,
                            const std::map<std::string, std::string>& renames,
                            const std::set<std::string>& types, const CodeTable& codes) {
  std::string t = gold_type;
  if (t.empty() && !cameo.empty()) {
    if (const CodeInfo* info = codes.Find(cameo)) t = info->plover;
  }
  // PLV's YIELD root is CONCEDE or RETREAT: the rule coder's choice when it made one of them,
  // else RETREAT (releases, withdrawals, ceasefires: most of what wire copy reports as yielding).
  if (t == "YIELD") t = rule_type == "CONCEDE" ? "CONCEDE" : "RETREAT";
  auto it = renames.find(t);
  if (it != renames.end()) t = it->second;
  if (!types.count(t)) return Status::BadData("gold type \"" + gold_type + "\" is no PLOVER type");
  return t;
}

void Silent(const char*) {}

// liblinear's sparse rows for `examples` (1-based indexes, bias node appended by liblinear).
struct Problem {
  std::vector<std::vector<feature_node>> rows;
  std::vector<feature_node*> x;
  std::vector<double> y;
  problem prob{};
};

void Fill(const std::vector<const Example*>& ex, const std::map<std::string, int>& index,
          const std::map<std::string, int>& classes, int n, Problem* p) {
  p->rows.clear();
  p->y.clear();
  for (const Example* e : ex) {
    std::vector<feature_node> row;
    for (const std::string& f : e->features) {
      auto it = index.find(f);
      if (it != index.end()) row.push_back({it->second, 1.0});
    }
    std::sort(row.begin(), row.end(), [](auto& a, auto& b) { return a.index < b.index; });
    row.push_back({n + 1, 1.0});  // bias
    row.push_back({-1, 0});
    p->rows.push_back(std::move(row));
    p->y.push_back(classes.at(e->label));
  }
  p->x.clear();
  for (auto& r : p->rows) p->x.push_back(r.data());
  p->prob.l = static_cast<int>(ex.size());
  p->prob.n = n + 1;
  p->prob.y = p->y.data();
  p->prob.x = p->x.data();
  p->prob.bias = 1;
}

struct ModelDeleter {
  void operator()(model* m) const { free_and_destroy_model(&m); }
};
using ModelPtr = std::unique_ptr<model, ModelDeleter>;

ModelPtr Train(const Problem& p, double c) {
  parameter param{};
  param.solver_type = L1R_LR;
  param.eps = 0.01;
  param.C = c;
  std::srand(1);  // liblinear shuffles with rand(): a fixed seed keeps the model reproducible
  return ModelPtr(train(&p.prob, &param));
}

// Probabilities in class-index order.
std::vector<double> Probabilities(const model* m, const feature_node* x, int classes) {
  std::vector<double> raw(get_nr_class(m)), out(classes, 0.0);
  predict_probability(m, x, raw.data());
  std::vector<int> labels(get_nr_class(m));
  get_labels(m, labels.data());
  for (size_t k = 0; k < labels.size(); ++k) out[labels[k]] = raw[k];
  return out;
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}


struct CrossValidation {
  double accuracy = 0;
  double add = 2, retype = 2;  // thresholds (> 1: never)
  int add_gain = 0, retype_gain = 0;
  TrainReport report;          // the counts at these thresholds
};

// Predicts each group of examples with a model trained on the others, then picks the thresholds.
CrossValidation CrossValidate(const std::vector<Example>& examples,
                              const std::map<std::string, int>& feature_index,
                              const std::map<std::string, int>& class_index,
                              const std::vector<std::string>& class_names, int n, int folds,
                              double c) {
  const int nc = static_cast<int>(class_names.size());
  std::vector<std::vector<double>> cv(examples.size());
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<const Example*> train_ex, test_ex;
    std::vector<size_t> test_at;
    for (size_t i = 0; i < examples.size(); ++i) {
      if (examples[i].group % folds == fold) {
        test_ex.push_back(&examples[i]);
        test_at.push_back(i);
      } else {
        train_ex.push_back(&examples[i]);
      }
    }
    if (test_ex.empty() || train_ex.empty()) continue;
    Problem tr, te;
    Fill(train_ex, feature_index, class_index, n, &tr);
    Fill(test_ex, feature_index, class_index, n, &te);
    ModelPtr m = Train(tr, c);
    for (size_t j = 0; j < test_ex.size(); ++j) cv[test_at[j]] = Probabilities(m.get(), te.x[j], nc);
  }
  auto top = [&](const std::vector<double>& p) {
    int k = 0;
    for (int i = 1; i < static_cast<int>(p.size()); ++i) {
      if (p[i] > p[k]) k = i;
    }
    return k;
  };
  CrossValidation out;
  int right = 0;
  for (size_t i = 0; i < examples.size(); ++i) {
    if (!cv[i].empty() && class_names[top(cv[i])] == examples[i].label) ++right;
  }
  out.accuracy = static_cast<double>(right) / examples.size();
  out.report.cv_accuracy = out.accuracy;
  for (int step = 0; step <= 13; ++step) {
    const double t = 0.30 + 0.05 * step;
    int add_gain = 0, retype_gain = 0;
    for (size_t i = 0; i < examples.size(); ++i) {
      const Example& e = examples[i];
      if (cv[i].empty()) continue;
      const int k = top(cv[i]);
      if (k == 0 || cv[i][k] < t) continue;
      const std::string& name = class_names[k];
      if (CanAdd(e)) {
        add_gain += name == e.label ? 1 : -1;
      } else if (CanRetype(e, name)) {
        retype_gain += (name == e.label) - (e.rule_type == e.label);
      }
    }
    if (add_gain > out.add_gain) out.add_gain = add_gain, out.add = t;
    if (retype_gain > out.retype_gain) out.retype_gain = retype_gain, out.retype = t;
  }
  TrainReport& r = out.report;
  for (size_t i = 0; i < examples.size(); ++i) {
    const Example& e = examples[i];
    if (cv[i].empty()) continue;
    const int k = top(cv[i]);
    const std::string& name = class_names[k];
    if (CanAdd(e)) {
      ++r.add_candidates;
      if (k != 0 && cv[i][k] >= out.add) {
        ++r.add_made;
        r.add_right += name == e.label;
      }
    } else if (!e.rule_type.empty() && e.rule_type != "*") {
      ++r.retype_candidates;
      if (k != 0 && CanRetype(e, name) && cv[i][k] >= out.retype) {
        ++r.retype_made;
        r.retype_right += name == e.label;
        r.retype_was_right += e.rule_type == e.label;
      }
    }
  }
  return out;
}

}  // namespace

Result<TypeModel> TrainTypes(const TrainConfig& config, TrainReport* report) {
  namespace fs = std::filesystem;
  const fs::path data(config.data_dir);
  DRAGOMAN_ASSIGN_OR_RETURN(CodeTable codes, CodeTable::Load((data / "events").string()));
  DRAGOMAN_ASSIGN_OR_RETURN(eval::CountryAliases aliases,
                            eval::CountryAliases::Load((data / "gold/country_aliases.txt").string()));
  DRAGOMAN_ASSIGN_OR_RETURN(eval::Splits splits,
                            eval::Splits::Load((data / "gold/splits.txt").string()));
  const std::string examples_path = (data / "events/examples.tsv").string();
  DRAGOMAN_ASSIGN_OR_RETURN(std::string examples_text, ReadFile(examples_path));
  DRAGOMAN_ASSIGN_OR_RETURN(eval::ExampleFile example_file,
                            eval::ParseExamples(examples_path, examples_text, codes));

  // The 2021 types, the 0.5 renames and each type's most frequent rule code.
  std::set<std::string> types;
  std::map<std::string, std::string> lowest_code;
  DRAGOMAN_ASSIGN_OR_RETURN(std::vector<std::string> code_list,
                            eval::CameoCodeList((data / "events/cameo.tsv").string()));
  for (const std::string& c : code_list) {
    const CodeInfo* info = codes.Find(c);
    if (!info || info->plover.empty()) continue;
    types.insert(info->plover);
    if (c.size() == 3 && !lowest_code.count(info->plover)) lowest_code[info->plover] = c;
  }
  std::map<std::string, std::string> renames;
  {
    const std::string path = (data / "gold/plover_types.txt").string();
    DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream words(line.substr(0, line.find('#')));
      std::string gold, coded;
      if (words >> gold >> coded && !types.count(gold)) renames.emplace(gold, coded);
    }
  }

  // The rule coder, observing every sentence.
  std::vector<Seen> seen;
  std::map<std::string, std::map<std::string, int>> code_counts;  // type -> cameo -> n
  CoderConfig cc;
  cc.data_dir = config.data_dir;
  cc.classify = false;
  cc.observe = [&](const Document&, const Sentence& s, const std::vector<ActorMention>& actors,
                   const std::vector<Event>& events) {
    Seen v;
    v.begin = s.begin;
    v.end = s.end;
    v.heading = s.heading;
    v.features = TypeFeatures(s, actors, events);
    for (const Event& e : events) {
      v.types.insert(e.plover);
      ++code_counts[e.plover][e.cameo];
    }
    for (const ActorMention& m : actors) v.has_actor |= !m.place && !m.actor.code.empty();
    for (const Token& t : s.tokens) v.negation |= t.norm == "not" || t.norm == "n't" || t.norm == "never";
    seen.push_back(std::move(v));
  };
  DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<Coder> coder, Coder::Create(cc));
  auto code = [&](const std::string& id, const std::string& text,
                  std::optional<PartialDate> date) -> Status {
    seen.clear();
    ReaderConfig rc;
    rc.format = InputFormat::kText;
    DRAGOMAN_ASSIGN_OR_RETURN(Document doc, DocumentFromText(id, text, InputFormat::kText, rc));
    doc.id = id;
    if (date) {
      doc.date = date;
      doc.date_source = DateSource::kMetadata;
    }
    coder->Code(doc);
    return Status::Ok();
  };

  std::vector<Example> examples;
  std::ostringstream summary;
  int group = 0;
  for (const std::string& path : config.gold_paths) {
    eval::GoldOptions go;
    go.aliases = &aliases;
    DRAGOMAN_ASSIGN_OR_RETURN(eval::GoldSet gold, eval::LoadGold(path, go));
    DRAGOMAN_ASSIGN_OR_RETURN(bool split, splits.Apply(path, gold));
    if (!split) {
      return Status::InvalidArgument(path + ": gold/splits.txt names no split for this set; "
                                     "training reads tune parts only");
    }
    eval::KeepPart(eval::Part::kTune, gold);
    const size_t before = examples.size();
    for (const eval::GoldDocument& d : gold.docs) {
      DRAGOMAN_RETURN_IF_ERROR(code(d.id, d.text, d.date));
      ++group;
      if (gold.format != eval::GoldFormat::kOwn) {
        if (d.events.empty()) continue;
        Example e;
        std::set<std::string> f, t;
        for (const Seen& v : seen) {
          f.insert(v.features.begin(), v.features.end());
          t.insert(v.types.begin(), v.types.end());
          e.has_actor |= v.has_actor;
          e.negation |= v.negation;
        }
        e.features.assign(f.begin(), f.end());
        e.rule_type = RuleType(t);
        DRAGOMAN_ASSIGN_OR_RETURN(e.label, ClassOf(d.events[0].plover, d.events[0].cameo,
                                                   e.rule_type, renames, types, codes));
        e.group = group;
        examples.push_back(std::move(e));
        continue;
      }
      for (const Seen& v : seen) {
        if (v.heading) continue;
        Example e;
        e.label = std::string(kNoEventClass);
        for (const eval::GoldEvent& g : d.events) {
          if (!g.quote || g.quote->end <= v.begin || g.quote->begin >= v.end) continue;
          DRAGOMAN_ASSIGN_OR_RETURN(e.label, ClassOf(g.plover, g.cameo, RuleType(v.types), renames,
                                                     types, codes));
          break;
        }
        e.features = v.features;
        e.rule_type = RuleType(v.types);
        e.has_actor = v.has_actor;
        e.negation = v.negation;
        e.group = group;
        examples.push_back(std::move(e));
      }
    }
    summary << path << ": " << gold.docs.size() << " tune documents, "
            << examples.size() - before << " examples\n";
  }
  {
    const size_t before = examples.size();
    for (const eval::CodeExample& x : example_file.examples) {
      std::string label;
      if (x.code == "none") {
        label = std::string(kNoEventClass);
      } else {
        const CodeInfo* info = codes.Find(x.code);
        if (!info || info->plover.empty()) continue;
        label = info->plover;
      }
      DRAGOMAN_RETURN_IF_ERROR(code("example", x.sentence, PartialDate::Parse("2024-06-01")));
      ++group;
      for (const Seen& v : seen) {
        Example e;
        e.label = label;
        e.features = v.features;
        e.rule_type = RuleType(v.types);
        e.has_actor = v.has_actor;
        e.negation = v.negation;
        e.group = group;
        examples.push_back(std::move(e));
        break;  // an example is one sentence
      }
    }
    summary << examples_path << ": " << examples.size() - before << " examples\n";
  }
  if (examples.empty()) return Status::InvalidArgument("no training examples");

  // Classes: NONE first, then the types seen, by name. Features: seen in min_count examples.
  std::map<std::string, int> class_index;
  std::vector<std::string> class_names = {std::string(kNoEventClass)};
  {
    std::set<std::string> labels;
    for (const Example& e : examples) labels.insert(e.label);
    labels.erase(std::string(kNoEventClass));
    class_names.insert(class_names.end(), labels.begin(), labels.end());
    for (size_t k = 0; k < class_names.size(); ++k) class_index[class_names[k]] = static_cast<int>(k);
  }
  std::map<std::string, int> feature_index;
  std::vector<std::string> feature_names;
  {
    std::map<std::string, int> counts;
    for (const Example& e : examples) {
      for (const std::string& f : e.features) ++counts[f];
    }
    for (const auto& [f, n] : counts) {
      if (n < config.min_count) continue;
      feature_names.push_back(f);
      feature_index[f] = static_cast<int>(feature_names.size());
    }
  }
  const int n = static_cast<int>(feature_names.size());
  const int nc = static_cast<int>(class_names.size());
  set_print_string_function(Silent);

  // Cross-validation for each C of the grid (or the one given); the C whose thresholds gain
  // most wins (ties: the smaller C, the simpler model).
  std::vector<double> grid = {0.5, 1, 2, 4, 8, 16};
  if (config.c > 0) grid = {config.c};
  CrossValidation best;
  double best_c = 0;
  for (double c : grid) {
    CrossValidation cv = CrossValidate(examples, feature_index, class_index, class_names, n,
                                       config.folds, c);
    summary << "C " << c << ": cross-validated accuracy " << Fixed(cv.accuracy) << ", gain "
            << cv.add_gain + cv.retype_gain << " (add " << cv.add_gain << ", retype "
            << cv.retype_gain << ")\n";
    if (best_c == 0 || cv.add_gain + cv.retype_gain > best.add_gain + best.retype_gain) {
      best = std::move(cv);
      best_c = c;
    }
  }
  *report = best.report;
  const double best_add = best.add, best_retype = best.retype;

  // The final model on every example.
  std::vector<const Example*> all;
  for (const Example& e : examples) all.push_back(&e);
  Problem p;
  Fill(all, feature_index, class_index, n, &p);
  ModelPtr m = Train(p, best_c);
  std::vector<int> labels(get_nr_class(m.get()));
  get_labels(m.get(), labels.data());
  TypeModel out;
  for (int k = 0; k < nc; ++k) {
    TypeModel::Class c;
    c.name = class_names[k];
    if (k != 0) {
      const auto& counts = code_counts[c.name];
      int most = 0;
      for (const auto& [code, count] : counts) {
        if (count > most) most = count, c.cameo = code;
      }
      if (c.cameo.empty()) c.cameo = lowest_code[c.name];
    }
    auto li = std::find(labels.begin(), labels.end(), k) - labels.begin();
    c.bias = get_decfun_bias(m.get(), static_cast<int>(li));
    out.AddClass(std::move(c));
  }
  for (int f = 1; f <= n; ++f) {
    bool any = false;
    for (int li = 0; li < static_cast<int>(labels.size()); ++li) {
      double w = get_decfun_coef(m.get(), f, li);
      if (w == 0) continue;
      any = true;
      out.SetWeight(feature_names[f - 1], labels[li], w);
    }
    report->nonzero_features += any;
  }
  out.SetThresholds(best_retype, best_add);
  // Our scoring against liblinear's, after the round trip through the file format.
  DRAGOMAN_ASSIGN_OR_RETURN(TypeModel reread, TypeModel::Parse(out.Serialize(), "(trained model)"));
  for (size_t i = 0; i < examples.size(); ++i) {
    std::vector<double> ours = reread.Predict(examples[i].features);
    std::vector<double> theirs = Probabilities(m.get(), p.x[i], nc);
    for (int k = 0; k < nc; ++k) {
      report->max_probability_gap =
          std::max(report->max_probability_gap, std::abs(ours[k] - theirs[k]));
    }
  }

  report->examples = static_cast<int>(examples.size());
  report->features = n;
  report->c = best_c;
  summary << report->examples << " examples, " << nc << " classes, " << n << " features ("
          << report->nonzero_features << " with a weight), C " << best_c << "\n"
          << "cross-validated accuracy " << Fixed(report->cv_accuracy) << " (" << config.folds
          << " folds by document)\n"
          << "add threshold " << (best_add > 1 ? "never" : Fixed(best_add)) << ": "
          << report->add_made << " of " << report->add_candidates << " empty sentences with an actor, "
          << report->add_right << " right\n"
          << "retype threshold " << (best_retype > 1 ? "never" : Fixed(best_retype)) << ": "
          << report->retype_made << " of " << report->retype_candidates << " rule-typed examples, "
          << report->retype_right << " right after, " << report->retype_was_right
          << " right before\n"
          << "largest gap between our probabilities and liblinear's: "
          << report->max_probability_gap << "\n";
  report->text = summary.str();
  out.SetComment("Trained on the tune parts of: " + [&] {
    std::string s;
    for (const auto& g : config.gold_paths) {
      // The last two path components ("plv/plv_train.jsonl"): the same however the path is spelt.
      fs::path path(g);
      s += (s.empty() ? "" : ", ") + (path.parent_path().filename() / path.filename()).string();
    }
    return s;
  }() + ", and events/examples.tsv.\n" + std::to_string(report->examples) + " examples; C " +
                 Fixed(best_c) + "; cross-validated accuracy " + Fixed(report->cv_accuracy) + ".");
  return out;
}

}  // namespace dragoman::classify
