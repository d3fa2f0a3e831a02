// Training the event-type model (classify/model.h) from the development sets' TUNE parts with
// liblinear (L1-regularised logistic regression, one-vs-rest), and choosing the coder's two
// thresholds from cross-validated predictions. `dragoman train-types` is a thin driver over
// TrainTypes(); doc/classify.md gives the command that makes data/classify/types.model.
//
// The examples:
//   - every gold set's tune part (data/gold/splits.txt; a set the splits file does not name is an
//     error, so nothing measure-only can leak in): a peer record (PLV, PLOVER) is one example
//     labelled with its first gold event's type; an own-format document gives one example per
//     sentence (headings skipped), labelled with the type of the first gold event whose span
//     overlaps it, else NONE;
//   - the invented sentences of events/examples.tsv (a code's PLOVER type; "none" rows: NONE).
// Gold types in PLOVER 0.5 names are read in 2021 names through gold/plover_types.txt (DEMAND ->
// REQUEST, ...); PLV's YIELD (CONCEDE or RETREAT) is read as the rule coder's choice when it made
// one of them, else as RETREAT.
// Features come from the rule coder (the coder without the classifier) run on each document, so
// they are exactly what the coder sees at run time.
//
// Thresholds: the examples are split into `folds` groups by document; each group is predicted
// by a model trained on the others. "add" is the lowest probability at which adding an event to
// the sentences where the rules coded nothing but an actor was found is right more often than
// wrong, by the largest margin over a grid 0.30, 0.35, ... 0.95 (never, when no value gains);
// "retype" the same for changing the rule coder's single type. Unless C is given, it is chosen the
// same way: the C whose thresholds gain most in cross-validation.
//
// Deterministic: the same inputs give the same model file.
// Thread-safety: reentrant; liblinear's print hook is process-wide (silenced while training).
#ifndef DRAGOMAN_CLASSIFY_TRAIN_H_
#define DRAGOMAN_CLASSIFY_TRAIN_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "classify/model.h"

namespace dragoman::classify {

struct TrainConfig {
  std::string data_dir;                 // dragoman's data directory
  std::vector<std::string> gold_paths;  // gold sets (any eval format); only tune parts are read
  // liblinear's C (inverse regularisation strength); 0 = the C of the grid 0.5, 1, 2, 4, 8, 16
  // whose cross-validated thresholds gain most.
  double c = 0;
  int folds = 5;                        // cross-validation groups for the thresholds
  int min_count = 2;                    // features seen in fewer examples are dropped
};

struct TrainReport {
  int examples = 0, features = 0, nonzero_features = 0;
  double c = 0;             // the C used
  double cv_accuracy = 0;   // cross-validated top-class accuracy over all examples
  int add_candidates = 0, add_made = 0, add_right = 0;           // at the chosen threshold
  int retype_candidates = 0, retype_made = 0, retype_right = 0, retype_was_right = 0;
  double max_probability_gap = 0;  // |our Predict - liblinear's| over the training examples
  std::string text;                // a readable summary (per-source counts, the above)
};

Result<TypeModel> TrainTypes(const TrainConfig& config, TrainReport* report);

}  // namespace dragoman::classify

#endif  // DRAGOMAN_CLASSIFY_TRAIN_H_
