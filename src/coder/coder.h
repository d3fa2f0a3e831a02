// The coder: a Document in, its coded Events out (a DocumentCoder, coder/document_coder.h).
// Runs the pipeline stages in order:
//   text analysis -> actors (per-document resolver) -> dates, places, quantities -> events.
//
// Thread-safety: a Coder is immutable after Create(); Code() may be called from several threads
// at once (each call keeps its own per-document state).
#ifndef DRAGOMAN_CODER_CODER_H_
#define DRAGOMAN_CODER_CODER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "actors/actor.h"
#include "base/status.h"
#include "coder/document_coder.h"
#include "input/document.h"

namespace dragoman {

struct CoderConfig {
  std::string data_dir;  // dragoman's data directory (base/file.h FindDataDir)
  // Run the event-type classifier after the rules (classify/classifier.h, doc/classify.md;
  // `--dictionaries classify`): it needs DATA_DIR/classify/types.model. Off by default: on the
  // measure-only parts of the development sets it does not pay (doc/eval.md, "The classifier's
  // ablation"), so the default coder is the rules alone.
  bool classify = false;
  // When set, called for every sentence that is not furniture with what the rules found there,
  // before the classifier (the trainer reads its features here). Called from the threads that
  // call Code(); it must be safe for that.
  std::function<void(const Document&, const Sentence&, const std::vector<ActorMention>&,
                     const std::vector<Event>&)>
      observe = nullptr;
};

// dragoman's own coder (the default DocumentCoder).
class Coder final : public DocumentCoder {
 public:
  // Loads every dictionary once. Fails with BadData naming the file and line of a bad entry.
  static Result<std::unique_ptr<Coder>> Create(const CoderConfig& config);
  ~Coder() override;

  CodedDocument Code(const Document& doc) const override;
  // "dragoman" (the rules), or "classify" when the event-type classifier is loaded too
  // (CoderConfig::classify), as `--dictionaries` names them.
  std::string Name() const override;

  // Stops at the first sentence that takes the events past `max_events` (the sentences read so
  // far are returned with them).
  CodedDocument Code(const Document& doc, size_t max_events) const override;

 private:
  Coder();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_CODER_CODER_H_
