// Scale-out on NATS JetStream (doc/scale.md): `dragoman publish` puts documents on a stream;
// any number of stateless `dragoman worker`s take them, code them and write them to one
// PostgreSQL store.
//
// Delivery is at-least-once, end to end:
//   - publish: each document is one message whose Nats-Msg-Id is its content hash
//     (Store::ContentHash), so a publish retried after a lost acknowledgement is dropped by the
//     stream's duplicate window; a publish is retried until the stream acknowledges it.
//   - worker: a pull consumer shared by every worker (durable name), explicit acks; a message is
//     acknowledged only after the transaction that stored its document committed. A worker that
//     dies leaves its messages unacknowledged; after `ack_wait` the stream redelivers them to
//     another worker. Storing is idempotent by content hash (PgStore), so a redelivered
//     document adds nothing.
//   - backpressure: a worker fetches at most `max_unacked` messages and acknowledges them all
//     before it fetches again, so no worker ever holds more than that many unacknowledged.
//
// Message format: one JSON object (MessageFromDocument) holding the Document exactly as the
// publisher's reader built it — id, origin, title, url, source, text, date and date_source — so a
// worker codes exactly what `dragoman code` would have coded from the same input.
//
// Thread-safety: Publish and RunWorker each use their own connection on the calling thread
// (coding uses `threads` more); callbacks are called on the calling thread.
#ifndef DRAGOMAN_STREAM_QUEUE_H_
#define DRAGOMAN_STREAM_QUEUE_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "coder/document_coder.h"
#include "input/document.h"
#include "input/reader.h"
#include "stream/alerts.h"

namespace dragoman {

struct QueueConfig {
  std::vector<std::string> servers = {"nats://127.0.0.1:4222"};  // any nodes of the cluster
  std::string stream = "DRAGOMAN";
  std::string subject = "dragoman.documents";
  int replicas = 1;  // when the stream is created (3 on a cluster of 3)
};

// The message of a document, and back. BadInput naming `where` for a message that is not one.
std::string MessageFromDocument(const Document& doc);
Result<Document> DocumentFromMessage(std::string_view message, const std::string& where);

// A connection that publishes documents one at a time (publish, watch --publish). Thread-safety:
// one thread at a time.
class Publisher {
 public:
  // Connects and creates the stream when missing (retried for up to `timeout`).
  static Result<std::unique_ptr<Publisher>> Connect(const QueueConfig& queue,
                                                    std::chrono::milliseconds timeout);
  ~Publisher();
  // Publishes `doc` (message id: its content hash), retrying until the stream acknowledges it;
  // Io error after `timeout`.
  Status Send(const Document& doc);
  int64_t retries() const { return retries_; }

 private:
  Publisher(QueueConfig queue, std::chrono::milliseconds timeout);
  struct Conn;
  QueueConfig queue_;
  std::chrono::milliseconds timeout_;
  std::unique_ptr<Conn> conn_;
  int64_t retries_ = 0;
};

struct PublishStats {
  int64_t documents = 0, bad_inputs = 0, retries = 0;
};

// Reads `inputs` like `ingest` and publishes each document (creating the stream when missing).
// Unreadable inputs go to `on_bad_input` and are skipped. Io error when the stream cannot be
// reached for `timeout`.
Result<PublishStats> Publish(const QueueConfig& queue, const std::vector<std::string>& inputs,
                             const ReaderConfig& reader,
                             const std::function<void(const Status&)>& on_bad_input,
                             std::chrono::milliseconds timeout = std::chrono::seconds(60));

struct WorkerConfig {
  QueueConfig queue;
  std::string durable = "dragoman-workers";   // the consumer every worker shares
  std::string db;                             // postgresql://...
  const DocumentCoder* coder = nullptr;       // required; not owned; must outlive RunWorker
  int threads = 0;                            // coding threads; 0: one per hardware thread
  int max_unacked = 32;                       // messages fetched (and unacknowledged) at once
  std::chrono::milliseconds ack_wait{30000};  // redelivery after this long without an ack
  // Return once the stream has had nothing for this long (0: run until `stop`).
  std::chrono::milliseconds idle_exit{0};
  // Alert rules evaluated after each batch that stored events (stream/alerts.h); each firing is
  // stored once in the alerts table, so with any number of workers it is reported once, by the
  // worker that stored it, through `on_alert` (called on the worker's thread).
  std::vector<AlertRule> rules;
  std::function<void(const AlertFiring&)> on_alert;
};

struct WorkerStats {
  int64_t messages = 0, added = 0, replaced = 0, unchanged = 0, events = 0, bad_messages = 0;
  int64_t redelivered = 0;  // messages delivered more than once (another worker died holding them)
  int64_t alerts = 0;       // alert firings this worker stored
  // Publish-to-stored latency of each message this worker stored, in milliseconds: from the
  // stream's timestamp of the message to the commit of its transaction.
  std::vector<double> latency_ms;
};

// Frees the NATS client library's global state (its threads and buffers), waiting up to a
// second; call once at the end of a command that used a Publisher or RunWorker, after they are
// gone (leak checkers then see nothing of it).
void CloseQueueLibrary();

// The q-quantile (0..1) of `values` (0 when empty).
double Quantile(std::vector<double> values, double q);

// Runs until `stop` (checked at least every second) or `idle_exit`. Connection losses are
// retried; Store errors and BadData stop it.
Result<WorkerStats> RunWorker(const WorkerConfig& config, const std::atomic<bool>& stop,
                              const std::function<void(const Status&)>& on_bad_message,
                              const std::function<void(const WorkerStats&)>& on_batch);

}  // namespace dragoman

#endif  // DRAGOMAN_STREAM_QUEUE_H_
