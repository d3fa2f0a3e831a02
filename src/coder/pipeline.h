// CodingPipeline: codes a stream of documents on several threads and hands the results back in
// input order, with a bounded number of documents in flight.
//
// The approach: the calling thread reads (`next`) and consumes (`consume`); `threads` workers
// share the one immutable DocumentCoder and code whichever read document is oldest and not yet
// taken. Results wait in a window of `window` slots until every earlier document has been
// consumed, so memory is bounded by the window whatever the input size, and the consumer sees
// exactly the sequence a serial loop would produce: the output of `code` and the rows of
// `ingest` do not depend on the number of threads. With threads == 1 no thread is started and
// documents are coded on the calling thread, one after the other.
//
// An input error returned by `next` travels through the window like a document, so it reaches
// `consume` at its place in the input order. `consume` returning non-OK stops the pipeline:
// documents in flight are dropped, the workers are joined, and that status is returned. A
// coder that throws (it should not) stops it the same way with an Internal status.
//
// Thread-safety: Run() blocks until done; `next` and `consume` are called on the calling thread
// only, never concurrently. The coder must be safe for concurrent Code() calls (every
// DocumentCoder is) and must outlive Run().
#ifndef DRAGOMAN_CODER_PIPELINE_H_
#define DRAGOMAN_CODER_PIPELINE_H_

#include <cstddef>
#include <functional>
#include <optional>

#include "base/status.h"
#include "coder/document_coder.h"
#include "input/document.h"

namespace dragoman {

struct PipelineOptions {
  int threads = 0;    // coding threads; 0: one per hardware thread
  size_t window = 0;  // documents in flight at most; 0: 8 per thread
  // Passed to DocumentCoder::Code(doc, max_events): the coder may stop early on a document with
  // more events than this, which the consumer then refuses whole (its coded events exceed it).
  size_t max_events = static_cast<size_t>(-1);
};

// The number of coding threads `requested` means: itself when positive, else one per hardware
// thread (at least 1).
int CodingThreads(int requested);

// One document and what the coder made of it, or the input error in its place.
struct PipelineItem {
  Status error;   // non-OK: an input that could not be read; `doc` and `coded` are empty
  Document doc;
  CodedDocument coded;
};

class CodingPipeline {
 public:
  // What `next` returns: a document, an input error, or std::nullopt at the end of the input.
  using Next = std::function<Result<std::optional<Document>>()>;
  using Consume = std::function<Status(PipelineItem&)>;

  static Status Run(const DocumentCoder& coder, const PipelineOptions& options, const Next& next,
                    const Consume& consume);
};

}  // namespace dragoman

#endif  // DRAGOMAN_CODER_PIPELINE_H_
