// The coder: a Document in, its coded Events out. Runs the pipeline stages in order:
//   text analysis -> actors (per-document resolver) -> dates, places, quantities -> events.
//
// Thread-safety: a Coder is immutable after Create(); Code() may be called from several threads
// at once (each call keeps its own per-document state).
#ifndef DRAGOMAN_CODER_CODER_H_
#define DRAGOMAN_CODER_CODER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "events/event.h"
#include "input/document.h"

namespace dragoman {

struct CoderConfig {
  std::string data_dir;  // dragoman's data directory (base/file.h FindDataDir)
};

// A sentence as the coder split it: its byte span in the document text and how it was read.
struct CodedSentence {
  int index = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  int paragraph = 0;
  bool heading = false;    // coded for actors only, never for events
  bool furniture = false;  // page chrome: neither actors nor events
};

struct CodedDocument {
  std::vector<Event> events;
  std::vector<CodedSentence> sentences;  // every sentence, in document order
};

class Coder {
 public:
  // Loads every dictionary once. Fails with BadData naming the file and line of a bad entry.
  static Result<std::unique_ptr<Coder>> Create(const CoderConfig& config);
  ~Coder();

  CodedDocument Code(const Document& doc) const;

  // Same, but stops coding once more than `max_events` events were found: the result then holds
  // more than `max_events` events (and the sentences read so far), and the caller refuses the
  // document (doc/cli.md, "Resource limits"). Bounds the memory a document can take.
  CodedDocument Code(const Document& doc, size_t max_events) const;

 private:
  Coder();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_CODER_CODER_H_
