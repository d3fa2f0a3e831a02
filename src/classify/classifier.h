// The type classifier's two uses in the coder (doc/classify.md, "Uses"):
//   (a) re-type: the rule coder coded events in a sentence, all of one PLOVER type, and the model's
//       top class is another type with probability >= the model's retype threshold: the events
//       take that type and its CAMEO code; their rule gets " [classify:TYPE 0.87]" appended.
//       Never between CONCEDE and RETREAT (one class, YIELD, in the PLV training data).
//   (b) add: the rule coder coded nothing in a sentence (not a heading or furniture), the model's
//       top class is a type with probability >= the add threshold, and the actor resolver found
//       at least one actor in it: one event is added, source = the first actor mention, target =
//       the next mention with another code (none if there is none), rule "classify:TYPE 0.87".
//       Not in a sentence with "not", "n't" or "never": the model does not read negation.
// Everything else is left as the rule coder made it. Thresholds live in the model file, chosen by
// the trainer on the tune parts' cross-validated predictions (classify/train.h).
//
// Thread-safety: immutable after Load(); Apply() may be called from several threads at once.
#ifndef DRAGOMAN_CLASSIFY_CLASSIFIER_H_
#define DRAGOMAN_CLASSIFY_CLASSIFIER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor.h"
#include "base/status.h"
#include "classify/model.h"
#include "events/codes.h"
#include "events/event.h"
#include "input/document.h"
#include "text/analysis.h"
#include "time/dates.h"

namespace dragoman {

// Where the model lives under the data directory.
inline constexpr std::string_view kTypeModelPath = "classify/types.model";

class TypeClassifier {
 public:
  // Reads DATA_DIR/classify/types.model and DATA_DIR/events/cameo*.tsv. BadData names the file
  // and line at fault, or a class whose CAMEO code the code table does not know or types
  // differently.
  // `codes`: the code table when the caller has already read DATA_DIR/events/cameo*.tsv (the coder
  // takes the event extractor's; it is copied); null: Load() reads them.
  static Result<std::unique_ptr<const TypeClassifier>> Load(const std::string& data_dir,
                                                            const CodeTable* codes = nullptr);
  static Result<std::unique_ptr<const TypeClassifier>> Create(TypeModel model, CodeTable codes);

  struct Decision {
    int cls = 0;         // index into model().classes()
    std::string type;    // its name
    double score = 0;    // its probability
  };
  // The most probable class of a sentence with these features.
  Decision Classify(const std::vector<std::string>& features) const;
  // The same for a sentence, straight from its tokens (what Apply() uses; same answer as
  // Classify(TypeFeatures(...))).
  Decision Classify(const Sentence& sentence, const std::vector<ActorMention>& actors,
                    const std::vector<Event>& rule_events) const;

  // Uses (a) and (b) above on the events the rule coder found in `sentence`. `doc` gives the
  // sentence text and date; `dates` are the sentence's date mentions.
  void Apply(const Document& doc, const Sentence& sentence,
             const std::vector<ActorMention>& actors, const std::vector<DateMention>& dates,
             std::vector<Event>* events) const;

  const TypeModel& model() const { return model_; }

 private:
  TypeClassifier(TypeModel model, CodeTable codes);
  Decision Top(const std::vector<double>& p) const;
  TypeModel model_;
  CodeTable codes_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_CLASSIFY_CLASSIFIER_H_
