#include "stream/queue.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "store/pg/pg_store.h"
#include "store/store.h"
#include "stream/libnats.h"

namespace dragoman {

namespace {

using Json = nlohmann::json;
using Steady = std::chrono::steady_clock;

std::string NatsError(const LibNats& n, natsStatus s, jsErrCode js = static_cast<jsErrCode>(0)) {
  std::string text = n.natsStatus_GetText(s);
  if (js != 0) text += " (JetStream error " + std::to_string(static_cast<int>(js)) + ")";
  return text;
}

// One connection and its JetStream context, closed on destruction.
class Nats {
 public:
  ~Nats() {
    if (api_ == nullptr) return;
    const LibNats& n = *api_;
    if (sub_) n.natsSubscription_Destroy(sub_);
    if (js_) n.jsCtx_Destroy(js_);
    if (nc_) n.natsConnection_Destroy(nc_);
  }

  // Loads libnats first (stream/libnats.h).
  Status Connect(const QueueConfig& q) {
    DRAGOMAN_ASSIGN_OR_RETURN(api_, LoadLibNats());
    const LibNats& n = *api_;
    natsOptions* opts = nullptr;
    std::vector<const char*> urls;
    for (const auto& s : q.servers) urls.push_back(s.c_str());
    natsStatus s = n.natsOptions_Create(&opts);
    if (s == NATS_OK) {
      s = n.natsOptions_SetServers(opts, urls.data(), static_cast<int>(urls.size()));
    }
    // Reconnect forever, quickly: a node of the cluster going away is routine.
    if (s == NATS_OK) s = n.natsOptions_SetMaxReconnect(opts, -1);
    if (s == NATS_OK) s = n.natsOptions_SetReconnectWait(opts, 100);
    if (s == NATS_OK) s = n.natsOptions_SetTimeout(opts, 2000);
    if (s == NATS_OK) s = n.natsConnection_Connect(&nc_, opts);
    n.natsOptions_Destroy(opts);
    if (s != NATS_OK) {
      return Status::Io("NATS " + q.servers.front() + (q.servers.size() > 1 ? ",..." : "") +
                        ": cannot connect: " + NatsError(n, s));
    }
    jsOptions jo;
    n.jsOptions_Init(&jo);
    jo.Wait = 5000;
    s = n.natsConnection_JetStream(&js_, nc_, &jo);
    if (s != NATS_OK) return Status::Io("NATS: no JetStream context: " + NatsError(n, s));
    return Status::Ok();
  }

  // Creates the stream when missing. Retried until `deadline`: a new cluster elects its
  // JetStream leader some seconds after it starts.
  // REQUIRES: Connect() succeeded.
  Status EnsureStream(const QueueConfig& q, Steady::time_point deadline) {
    const LibNats& n = *api_;
    jsStreamConfig cfg;
    n.jsStreamConfig_Init(&cfg);
    cfg.Name = q.stream.c_str();
    const char* subjects[] = {q.subject.c_str()};
    cfg.Subjects = subjects;
    cfg.SubjectsLen = 1;
    cfg.Storage = js_FileStorage;
    cfg.Replicas = q.replicas;
    cfg.Duplicates = int64_t{10} * 60 * 1000000000;  // a retried publish within 10 minutes
    while (true) {
      jsStreamInfo* si = nullptr;
      jsErrCode jerr = static_cast<jsErrCode>(0);
      natsStatus s = n.js_AddStream(&si, js_, &cfg, nullptr, &jerr);
      if (si) n.jsStreamInfo_Destroy(si);
      if (s == NATS_OK || jerr == JSStreamNameExistErr) return Status::Ok();
      if (Steady::now() > deadline) {
        return Status::Io("NATS: cannot create stream " + q.stream + ": " + NatsError(n, s, jerr));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  }

  const LibNats* api_ = nullptr;  // set by Connect()
  natsConnection* nc_ = nullptr;
  jsCtx* js_ = nullptr;
  natsSubscription* sub_ = nullptr;
};

}  // namespace

std::string MessageFromDocument(const Document& doc) {
  Json j = {{"id", doc.id},
            {"origin", doc.origin},
            {"title", doc.title},
            {"url", doc.url},
            {"source", doc.source},
            {"text", doc.text},
            {"date", doc.date ? doc.date->ToString() : std::string()},
            {"date_source", std::string(DateSourceName(doc.date_source))}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<Document> DocumentFromMessage(std::string_view message, const std::string& where) {
  Json j = Json::parse(message, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
    return Status::BadInput(where + ": not a dragoman document message");
  }
  Document d;
  auto str = [&](const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  d.id = str("id");
  d.origin = str("origin");
  d.title = str("title");
  d.url = str("url");
  d.source = str("source");
  d.text = str("text");
  const std::string date = str("date");
  if (!date.empty()) {
    d.date = PartialDate::Parse(date);
    if (!d.date) return Status::BadInput(where + ": bad date '" + date + "'");
  }
  const std::string source = str("date_source");
  for (DateSource s : {DateSource::kNone, DateSource::kMetadata, DateSource::kDateline,
                       DateSource::kByline, DateSource::kUpdated, DateSource::kFlag}) {
    if (DateSourceName(s) == source) d.date_source = s;
  }
  if (d.id.empty()) return Status::BadInput(where + ": document message without an id");
  return d;
}

void CloseQueueLibrary() {
  // Called after a Publisher or RunWorker, which loaded the library (or failed to: then there is
  // nothing to close).
  Result<const LibNats*> n = LoadLibNats();
  if (n.ok()) (*n)->nats_CloseAndWait(1000);
}

double Quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t at = static_cast<size_t>(q * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(at, values.size() - 1)];
}

struct Publisher::Conn {
  Nats nats;
};

Publisher::Publisher(QueueConfig queue, std::chrono::milliseconds timeout)
    : queue_(std::move(queue)), timeout_(timeout), conn_(std::make_unique<Conn>()) {}
Publisher::~Publisher() = default;

Result<std::unique_ptr<Publisher>> Publisher::Connect(const QueueConfig& queue,
                                                      std::chrono::milliseconds timeout) {
  std::unique_ptr<Publisher> p(new Publisher(queue, timeout));
  DRAGOMAN_RETURN_IF_ERROR(p->conn_->nats.Connect(queue));
  DRAGOMAN_RETURN_IF_ERROR(p->conn_->nats.EnsureStream(queue, Steady::now() + timeout));
  return p;
}

Status Publisher::Send(const Document& doc) {
  const std::string msg = MessageFromDocument(doc);
  const std::string id = Store::ContentHash(doc);
  const LibNats& n = *conn_->nats.api_;
  jsPubOptions po;
  n.jsPubOptions_Init(&po);
  po.MsgId = id.c_str();
  const auto deadline = Steady::now() + timeout_;
  while (true) {
    jsPubAck* ack = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = n.js_Publish(&ack, conn_->nats.js_, queue_.subject.c_str(), msg.data(),
                                static_cast<int>(msg.size()), &po, &jerr);
    if (ack) n.jsPubAck_Destroy(ack);
    if (s == NATS_OK) return Status::Ok();
    // No acknowledgement (a node went away, a leader is being elected): the same message id
    // again; the stream keeps one copy.
    if (Steady::now() > deadline) {
      return Status::Io("NATS: cannot publish " + doc.origin + ": " + NatsError(n, s, jerr));
    }
    ++retries_;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

Result<PublishStats> Publish(const QueueConfig& queue, const std::vector<std::string>& inputs,
                             const ReaderConfig& reader_config,
                             const std::function<void(const Status&)>& on_bad_input,
                             std::chrono::milliseconds timeout) {
  DRAGOMAN_ASSIGN_OR_RETURN(auto publisher, Publisher::Connect(queue, timeout));
  PublishStats stats;
  DocumentReader reader(inputs, reader_config);
  while (true) {
    auto r = reader.Next();
    if (!r.ok()) {
      ++stats.bad_inputs;
      if (on_bad_input) on_bad_input(r.status());
      continue;
    }
    if (!r->has_value()) break;
    DRAGOMAN_RETURN_IF_ERROR(publisher->Send(**r));
    ++stats.documents;
  }
  stats.retries = publisher->retries();
  return stats;
}

Result<WorkerStats> RunWorker(const WorkerConfig& config, const std::atomic<bool>& stop,
                              const std::function<void(const Status&)>& on_bad_message,
                              const std::function<void(const WorkerStats&)>& on_batch) {
  if (config.coder == nullptr) return Status::Internal("RunWorker: WorkerConfig::coder not set");
  DRAGOMAN_ASSIGN_OR_RETURN(auto store, PgStore::Open(config.db, Store::OpenMode::kCreate));
  Nats nats;
  DRAGOMAN_RETURN_IF_ERROR(nats.Connect(config.queue));
  const LibNats& n = *nats.api_;
  DRAGOMAN_RETURN_IF_ERROR(
      nats.EnsureStream(config.queue, Steady::now() + std::chrono::seconds(60)));
  jsSubOptions so;
  n.jsSubOptions_Init(&so);
  so.Stream = config.queue.stream.c_str();
  so.Config.AckPolicy = js_AckExplicit;
  so.Config.AckWait = int64_t{config.ack_wait.count()} * 1000000;
  so.Config.MaxAckPending = std::max<int64_t>(1000, config.max_unacked);
  so.Config.MaxDeliver = -1;
  for (auto deadline = Steady::now() + std::chrono::seconds(60);;) {
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = n.js_PullSubscribe(&nats.sub_, nats.js_, config.queue.subject.c_str(),
                                      config.durable.c_str(), nullptr, &so, &jerr);
    if (s == NATS_OK) break;
    if (Steady::now() > deadline) {
      return Status::Io("NATS: cannot subscribe to " + config.queue.stream + ": " +
                        NatsError(n, s, jerr));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }

  WorkerStats stats;
  const int threads = config.threads > 0
                          ? config.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  auto idle_since = Steady::now();
  while (!stop.load()) {
    natsMsgList list{};
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = n.natsSubscription_Fetch(&list, nats.sub_, config.max_unacked, 1000, &jerr);
    if (s != NATS_OK || list.Count == 0) {
      n.natsMsgList_Destroy(&list);
      // Timeout: nothing to do. Anything else (a node went away): the client reconnects; try
      // again shortly.
      if (s != NATS_TIMEOUT && s != NATS_OK)
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      if (config.idle_exit.count() > 0 && Steady::now() - idle_since > config.idle_exit) break;
      continue;
    }
    idle_since = Steady::now();
    const int64_t events_before = stats.events;
    // Documents not stored yet are coded (in parallel) and stored in one transaction; then every
    // message of the fetch is acknowledged.
    std::vector<DocumentRecord> records;
    std::vector<int64_t> published_ns;  // per record: the stream's timestamp of its message
    std::vector<natsMsg*> bad;
    for (int i = 0; i < list.Count; ++i) {
      natsMsg* m = list.Msgs[i];
      ++stats.messages;
      int64_t stamp = 0;
      jsMsgMetaData* meta = nullptr;
      if (n.natsMsg_GetMetaData(&meta, m) == NATS_OK) {
        stamp = meta->Timestamp;
        if (meta->NumDelivered > 1) ++stats.redelivered;
        n.jsMsgMetaData_Destroy(meta);
      }
      auto doc = DocumentFromMessage(
          std::string_view(n.natsMsg_GetData(m),
                           static_cast<size_t>(n.natsMsg_GetDataLength(m))),
          config.queue.stream + " message");
      if (!doc.ok()) {
        ++stats.bad_messages;
        if (on_bad_message) on_bad_message(doc.status());
        bad.push_back(m);
        continue;
      }
      DocumentRecord r;
      r.hash = Store::ContentHash(*doc);
      DRAGOMAN_ASSIGN_OR_RETURN(bool known, store->HasContent(r.hash));
      if (known) {
        ++stats.unchanged;
        continue;
      }
      r.doc = std::move(doc).value();
      r.date_source = std::string(DateSourceName(r.doc.date_source));
      records.push_back(std::move(r));
      published_ns.push_back(stamp);
    }
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < records.size(); i = next++) {
        CodedDocument coded = config.coder->Code(records[i].doc);
        records[i].events = std::move(coded.events);
        for (const CodedSentence& cs : coded.sentences) {
          records[i].sentences.push_back({cs.index, cs.begin, cs.end});
        }
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min<int>(threads, static_cast<int>(records.size())); ++t) {
      pool.emplace_back(work);
    }
    work();
    for (auto& t : pool) t.join();
    if (!records.empty()) {
      DRAGOMAN_ASSIGN_OR_RETURN(std::vector<PutOutcome> outcomes, store->PutBatch(records));
      const int64_t now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
      for (size_t i = 0; i < outcomes.size(); ++i) {
        if (published_ns[i] > 0 && outcomes[i] != PutOutcome::kUnchanged) {
          stats.latency_ms.push_back(static_cast<double>(now_ns - published_ns[i]) / 1e6);
        }
        if (outcomes[i] == PutOutcome::kAdded) ++stats.added;
        if (outcomes[i] == PutOutcome::kReplaced) ++stats.replaced;
        if (outcomes[i] == PutOutcome::kUnchanged) {
          ++stats.unchanged;
        } else {
          stats.events += static_cast<int64_t>(records[i].events.size());
        }
      }
    }
    // Acknowledged only now that the documents are committed (a lost ack means a redelivery,
    // which stores nothing new). A message that is not a document is terminated: redelivering
    // it would not make it one.
    for (int i = 0; i < list.Count; ++i) {
      natsMsg* m = list.Msgs[i];
      if (std::find(bad.begin(), bad.end(), m) != bad.end()) {
        n.natsMsg_Term(m, nullptr);
      } else {
        n.natsMsg_Ack(m, nullptr);
      }
    }
    n.natsMsgList_Destroy(&list);
    // Alerts after the commit, so that they see this batch; a firing another worker stored
    // first is not reported again.
    if (!config.rules.empty() && stats.events > events_before) {
      DRAGOMAN_ASSIGN_OR_RETURN(std::vector<AlertFiring> fired,
                                EvaluateAlerts(*store, config.rules));
      for (const AlertFiring& f : fired) {
        ++stats.alerts;
        if (config.on_alert) config.on_alert(f);
      }
    }
    if (on_batch) on_batch(stats);
  }
  return stats;
}

}  // namespace dragoman
