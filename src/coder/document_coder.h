// DocumentCoder: the one interface every consumer of coding uses — a Document in, its coded
// events and sentences out. The CLI (`code`, `ingest`, `eval`), the store's ingest pipeline, and
// any server or queue worker hold a DocumentCoder and never know which coder is behind it.
//
// Implementations: dragoman's own Coder (coder/coder.h) and the TABARI/PETRARCH adapter
// (tabari/sentence_coder.h). coders/coders.h opens the one a --dictionaries spec names.
//
// Thread-safety: every implementation is immutable after it is created; Code() may be called
// from any number of threads at once (per-document state lives in the call).
// Bad input: Code() never fails; text it cannot code yields no events.
#ifndef DRAGOMAN_CODER_DOCUMENT_CODER_H_
#define DRAGOMAN_CODER_DOCUMENT_CODER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "events/event.h"
#include "input/document.h"

namespace dragoman {

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

class DocumentCoder {
 public:
  virtual ~DocumentCoder() = default;

  // Codes one document. Thread-safe; never fails.
  virtual CodedDocument Code(const Document& doc) const = 0;

  // Same, but the coder may stop once it has found more than `max_events` events: the result
  // then holds more than `max_events` events and the caller refuses the document whole
  // (--max-events-per-document, doc/cli.md "Resource limits"). Bounds the memory a hostile
  // document can take. The default codes the whole document.
  virtual CodedDocument Code(const Document& doc, size_t max_events) const {
    (void)max_events;
    return Code(doc);
  }

  // What this coder is, for logs and provenance: "dragoman", "tabari:PATH", "petrarch:SPEC".
  virtual std::string Name() const = 0;

  // One-line remarks about what was loaded, for the user (e.g. that a TABARI dictionary's codes
  // are not CAMEO, or how many malformed entries were skipped); empty when there are none.
  virtual std::vector<std::string> Notes() const { return {}; }
};

}  // namespace dragoman

#endif  // DRAGOMAN_CODER_DOCUMENT_CODER_H_
