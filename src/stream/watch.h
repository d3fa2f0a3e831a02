// dragoman watch: code and store each document as it lands in a folder (doc/watch.md).
//
// The approach: the folders are scanned (recursively, hidden names skipped, as the reader walks
// them) whenever inotify reports a change and at least every `poll` interval, so that nothing is
// missed when inotify is unavailable or its queue overflows. Each file's progress is a row of
// the store's watch_files table (path, bytes consumed, size and modification time), written in
// the SAME transaction as the documents read from it: after a crash at any moment the file is
// either stored with its position or neither, so a restart neither recodes nor misses anything.
//
//   - A text or HTML file is read whole once it is complete: closed after writing (inotify
//     IN_CLOSE_WRITE) or unchanged for `settle`. A file that changes again later is read again
//     (its document is then replaced, per the store's idempotence rules).
//   - A JSON Lines file (.jsonl, .ndjson, .jsonlines) is followed by offset: every complete line
//     (ended by '\n') past the stored offset is read as it is appended; a last line without '\n'
//     is read once the file is complete and the line is a whole record (with `once`, whatever
//     it holds). A file that shrank was replaced: read from the start.
//   - With WatchConfig::publish, documents go to a NATS JetStream stream (stream/queue.h) instead
//     of this store, which then only keeps the positions.
//   - A bad file or line (binary, invalid UTF-8, bad JSON...) is reported to `on_bad_input`,
//     counted, and its position still recorded, so it is not reported again until it changes.
//
// Writers that want a file read exactly once should write it under a hidden name (".x.tmp")
// and rename it into place.
//
// Thread-safety: Watch() runs on the calling thread (coding uses `threads` more); callbacks are
// called on the calling thread. It returns when `stop` becomes true (checked at least every
// `poll`) or, with `once`, when every file present is complete and stored.
#ifndef DRAGOMAN_STREAM_WATCH_H_
#define DRAGOMAN_STREAM_WATCH_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "coder/document_coder.h"
#include "input/reader.h"
#include "stream/alerts.h"

namespace dragoman {

struct WatchConfig {
  std::vector<std::string> dirs;  // folders to watch (must exist)
  std::string db_path;
  // Codes the documents; required, not owned, must outlive Watch(). Called from several threads.
  const DocumentCoder* coder = nullptr;
  ReaderConfig reader;
  int threads = 0;      // coding threads; 0: one per hardware thread
  int batch_size = 64;  // documents per transaction
  std::chrono::milliseconds settle{2000};
  std::chrono::milliseconds poll{500};
  bool once = false;  // store what is there, waiting for unfinished files to settle, then return
  std::vector<AlertRule> rules;  // evaluated after each batch that stored events
  // When set (watch --publish), documents are handed to it instead of being coded and stored:
  // only the files' positions are stored (after the hand-over succeeded), so a crash in
  // between hands a file over again (the stream drops the duplicate by message id; the store
  // would in any case). Rules are not evaluated then (nothing is stored here).
  std::function<Status(const Document&)> publish;
};

struct WatchStats {
  int64_t files = 0;      // files (or appended parts of JSON Lines files) read
  int64_t documents = 0;  // documents read from them
  int64_t added = 0, replaced = 0, unchanged = 0;
  int64_t events = 0;      // event mentions stored
  int64_t bad_inputs = 0;  // unreadable files and lines
  int64_t alerts = 0;      // alert firings
};

struct WatchCallbacks {
  std::function<void(const Status&)> on_bad_input;   // one bad file or line
  std::function<void(const AlertFiring&)> on_alert;  // one new firing
  std::function<void(const WatchStats&)> on_batch;   // after each committed batch
};

// Runs until `stop` (or, with `once`, until done). Returns the counts, or the Status that
// stopped it: NotFound/BadInput for a missing folder, Store errors, BadData for the coder.
Result<WatchStats> Watch(const WatchConfig& config, const WatchCallbacks& callbacks,
                         const std::atomic<bool>& stop);

}  // namespace dragoman

#endif  // DRAGOMAN_STREAM_WATCH_H_
