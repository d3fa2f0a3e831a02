// Ingest: documents from files/folders/JSON Lines -> coder -> corpus store, in batches.
//
// For each document the reader yields, the content hash (Store::ContentHash) is checked first: a
// document already stored with exactly this content is counted `unchanged` and not even coded,
// which is what makes re-running an interrupted ingest cheap. The others are coded (in parallel
// across `threads`), split into sentences for the full-text index, and written `batch_size` at a
// time, ONE TRANSACTION PER BATCH: a crash (kill -9, power loss) loses at most the batch in
// flight, and running the same command again completes the rest with every document stored
// exactly once.
//
// Unreadable inputs (binary, invalid UTF-8, too large...) are passed to `on_input_error` and
// skipped; the others are still stored. A store failure stops the ingest (committed batches
// stay).
//
// Thread-safety: Ingest() runs on the calling thread plus its own worker threads; the callbacks
// are called on the calling thread only.
#ifndef DRAGOMAN_STORE_INGEST_H_
#define DRAGOMAN_STORE_INGEST_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "coder/document_coder.h"
#include "input/reader.h"
#include "store/corpus_store.h"
#include "store/store.h"

namespace dragoman {

// Documents per transaction by default. Each commit writes every page the batch changed to the
// WAL, and the random-keyed indexes (content hash, event groups, the filter index) change a page
// or more per document whatever the batch's size; 256 documents a batch took 10-25% less CPU than
// 64 (doc/performance.md), and larger batches no less.
inline constexpr int kDefaultIngestBatch = 256;

struct IngestConfig {
  std::string db_path;  // a SQLite file or a postgresql:// URL (OpenCorpusStore)
  // Codes each document (coders/coders.h opens one); required. Not owned: must outlive Ingest().
  // Called from several threads at once.
  const DocumentCoder* coder = nullptr;
  ReaderConfig reader;
  std::vector<std::string> inputs;  // files, folders, "-" for stdin
  int batch_size = kDefaultIngestBatch;  // documents per transaction
  int threads = 0;                  // coding threads; 0: one per hardware thread
  // A document coding to more events is refused whole: reported to `on_input_error` as BadInput
  // and nothing of it stored (doc/cli.md, "Resource limits").
  size_t max_events_per_document = 10000;
  // Code documents whose content is stored already as well and replace what is stored of them
  // (`ingest --recode`, after a dictionary or coder change); each content once a run.
  bool recode = false;
};

struct IngestProgress {
  int64_t read = 0;  // documents read so far
  int64_t added = 0, replaced = 0, unchanged = 0;
  int64_t input_errors = 0;
  int64_t events = 0;                       // event mentions stored by this run
  int64_t bytes_done = 0, bytes_total = 0;  // input bytes (bytes_total 0: unknown, e.g. stdin)
  double seconds = 0;                       // since the start
};

// Runs the whole ingest. `progress` (may be empty) is called after every batch and about every
// 200 ms while reading; `on_input_error` (may be empty) for each unreadable input. Returns the
// final counts, or the Status that stopped it (Store, BadData for the dictionaries, ...).
Result<IngestProgress> Ingest(const IngestConfig& config,
                              const std::function<void(const IngestProgress&)>& progress,
                              const std::function<void(const Status&)>& on_input_error);

// The same path for documents already in memory (the server's POST /api/documents): those whose
// content is already stored are not coded; the others are coded with `coder` on up to `threads`
// threads (0: one per hardware thread) and written in ONE transaction (Store::PutBatch), so either
// all of them are stored or none. Returns one outcome per document, in order, and the number of
// event mentions written. `in_transaction` (may be empty) runs in that same transaction
// (Store::PutBatch), also when every document was already stored. Thread-safety: `store` is used
// by the calling thread only.
struct IngestedBatch {
  std::vector<PutOutcome> outcomes;
  int64_t events = 0;
};
Result<IngestedBatch> IngestDocuments(Store& store, const DocumentCoder& coder,
                                      std::vector<Document> docs, int threads,
                                      const std::function<Status(sql::Db&)>& in_transaction = {});
// The same into any corpus store (SQLite or PostgreSQL: store/corpus_store.h), without a hook.
Result<IngestedBatch> IngestDocuments(CorpusStore& store, const DocumentCoder& coder,
                                      std::vector<Document> docs, int threads);

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_INGEST_H_
