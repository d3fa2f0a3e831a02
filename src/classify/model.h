// The event-type model: a linear classifier over feature strings (classify/features.h), one
// weight vector per class, read from and written to a plain-text file keyed by feature strings
// (data/classify/types.model; the format is in doc/classify.md).
//
// Scoring is liblinear's one-vs-rest logistic regression, done here without liblinear (the
// trainer checks that both give the same probabilities): for each class k
//   dec_k = bias_k + sum of w[f][k] over the sentence's features f found in the model,
//   p_k   = 1 / (1 + exp(-dec_k)),
// and the p_k are divided by their sum. Unknown features are ignored.
//
// The file also carries the classes' CAMEO codes (the code an event re-typed or added by the
// classifier gets) and the two thresholds the coder uses (classify/classifier.h).
//
// Thread-safety: immutable after Parse()/Load(); Predict() may be called from any thread.
#ifndef DRAGOMAN_CLASSIFY_MODEL_H_
#define DRAGOMAN_CLASSIFY_MODEL_H_

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"

namespace dragoman {

// The class that means "no event in this sentence".
inline constexpr std::string_view kNoEventClass = "NONE";

class TypeModel {
 public:
  struct Class {
    std::string name;   // a PLOVER 2021 type, or kNoEventClass
    std::string cameo;  // the CAMEO code given to events of this class ("" for NONE)
    double bias = 0;
  };

  // BadData "NAME:LINE: reason" for a malformed line, an unknown class, a repeated feature, a
  // number that is not finite or exceeds 1e6 in magnitude, or missing header lines.
  static Result<TypeModel> Parse(std::string_view text, std::string_view name);
  static Result<TypeModel> Load(const std::string& path);

  // The file text; Parse(Serialize()) gives back an equal model (weights to 6 significant digits).
  std::string Serialize() const;

  // The probability of each class (same order as classes()); they sum to 1.
  std::vector<double> Predict(std::span<const std::string> features) const;

  // The weights of one feature ((class index, weight) pairs), or null when the model has none.
  // The pointer lives as long as the model. Probabilities() turns summed weights into Predict()'s
  // answer; together they score a sentence without building its feature set.
  using Weights = std::vector<std::pair<int, float>>;
  const Weights* Find(std::string_view feature) const;
  // `dec` holds the summed weights of the sentence's distinct features, one per class; the biases
  // are added here and the result normalised as Predict() does.
  std::vector<double> Probabilities(std::vector<double> dec) const;

  const std::vector<Class>& classes() const { return classes_; }
  size_t feature_count() const { return weights_.size(); }
  // Re-type an event when the top class (not NONE) differs and has at least this probability.
  double retype_threshold() const { return retype_; }
  // Add an event to an empty sentence when the top class (not NONE) has at least this.
  double add_threshold() const { return add_; }

  // Building a model (the trainer). Weights of zero are not stored.
  void AddClass(Class c) { classes_.push_back(std::move(c)); }
  void SetWeight(const std::string& feature, int cls, double w);
  void SetThresholds(double retype, double add) {
    retype_ = retype;
    add_ = add;
  }
  void SetComment(std::string comment) { comment_ = std::move(comment); }

 private:
  std::vector<Class> classes_;
  // feature -> (class index, weight) for the classes where the weight is not zero
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Weights, Hash, std::equal_to<>> weights_;
  double retype_ = 2, add_ = 2;  // > 1: never
  std::string comment_;          // how the model was made (written as # lines)
};

}  // namespace dragoman

#endif  // DRAGOMAN_CLASSIFY_MODEL_H_
