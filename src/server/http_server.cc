#include "server/http_server.h"

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "base/timestamp.h"

namespace dragoman::server {

namespace {

using Clock = std::chrono::steady_clock;

// Set on the thread that runs a connection refused for overload: its requests are answered 503.
thread_local bool t_refuse = false;
// When the request being served started (set before routing, read by the access log).
thread_local Clock::time_point t_started;

// A fixed pool of connection threads with a bounded queue. A connection beyond `max_pending`
// (served + waiting) is not queued: it is handed to a small refusal thread which answers each of
// its requests 503 and closes it, so that overload costs little and is visible to the client.
class BoundedPool : public httplib::TaskQueue {
 public:
  BoundedPool(int threads, int max_pending) : max_pending_(static_cast<size_t>(max_pending)) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(jobs_, jobs_cv_, false); });
    refuser_ = std::thread([this] { Work(refusals_, refusals_cv_, true); });
  }

  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (busy_ + jobs_.size() < max_pending_) {
        jobs_.push_back(std::move(fn));
        jobs_cv_.notify_one();
        return;
      }
      if (refusals_.size() < kMaxRefusals) {
        refusals_.push_back(std::move(fn));
        refusals_cv_.notify_one();
        return;
      }
    }
    // Even the refusal queue is full: refuse on the accepting thread itself.
    t_refuse = true;
    fn();
    t_refuse = false;
  }

  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    jobs_cv_.notify_all();
    refusals_cv_.notify_all();
    for (auto& t : workers_) t.join();
    refuser_.join();
  }

 private:
  static constexpr size_t kMaxRefusals = 256;

  void Work(std::deque<std::function<void()>>& queue, std::condition_variable& cv, bool refuse) {
    t_refuse = refuse;
    while (true) {
      std::function<void()> fn;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv.wait(lock, [&] { return stopping_ || !queue.empty(); });
        if (queue.empty()) return;  // stopping, and nothing left
        fn = std::move(queue.front());
        queue.pop_front();
        if (!refuse) ++busy_;
      }
      fn();
      if (!refuse) {
        std::lock_guard<std::mutex> lock(mu_);
        --busy_;
      }
    }
  }

  const size_t max_pending_;
  std::mutex mu_;
  std::condition_variable jobs_cv_;      // a job was queued (or stopping)
  std::condition_variable refusals_cv_;  // a refusal was queued (or stopping)
  std::deque<std::function<void()>> jobs_;      // GUARDED_BY(mu_)
  std::deque<std::function<void()>> refusals_;  // GUARDED_BY(mu_)
  size_t busy_ = 0;                             // GUARDED_BY(mu_)
  bool stopping_ = false;                       // GUARDED_BY(mu_)
  std::vector<std::thread> workers_;
  std::thread refuser_;
};

std::string JsonError(const std::string& message) {
  std::string out = "{\"error\":\"";
  for (char c : message) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"}";
}

const char* ReasonFor(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 403:
      return "forbidden";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 408:
      return "request timeout";
    case 413:
      return "request body too large";
    case 414:
      return "request URI too long";
    case 416:
      return "range not satisfiable";
    case 431:
      return "request headers too large";
    case 503:
      return "overloaded; retry later";
    default:
      return status >= 500 ? "internal error" : "request refused";
  }
}

// A value for the log line: control characters and quotes escaped, so that a line is one line.
std::string LogSafe(const std::string& s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == '"' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(ServerConfig config, Api& api, const AssetSet& assets)
      : config_(std::move(config)), api_(api), assets_(assets) {
    Configure();
  }

  Status Bind() {
    if (config_.port == 0) {
      int port = http_.bind_to_any_port(config_.host);
      if (port <= 0) return Status::Io("cannot listen on " + config_.host + ": no free port");
      port_ = port;
    } else {
      if (!http_.bind_to_port(config_.host, config_.port)) {
        return Status::Io("cannot listen on " + config_.host + ":" +
                          std::to_string(config_.port) +
                          " (in use, or not an address of this machine)");
      }
      port_ = config_.port;
    }
    bound_ = true;
    return Status::Ok();
  }

  Status Serve() {
    if (!bound_) return Status::Internal("HttpServer::Serve before Bind");
    if (!http_.listen_after_bind() && !stopped_) {
      return Status::Io("serving on " + config_.host + ":" + std::to_string(port_) + " failed");
    }
    return Status::Ok();
  }

  void Stop() {
    stopped_ = true;
    http_.stop();
  }

  int port() const { return port_; }

 private:
  void Configure() {
    const ServerConfig& c = config_;
    http_.new_task_queue = [c] { return new BoundedPool(c.threads, c.max_connections); };
    http_.set_tcp_nodelay(true);
    http_.set_payload_max_length(c.max_body_bytes);
    http_.set_read_timeout(c.request_timeout_seconds, 0);
    http_.set_write_timeout(c.request_timeout_seconds, 0);
    http_.set_keep_alive_timeout(c.keep_alive_seconds);
    http_.set_keep_alive_max_count(static_cast<size_t>(c.keep_alive_requests));
    httplib::Headers headers = {
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
         "frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
    };
    if (!c.cors_origin.empty()) {
      headers.emplace("Access-Control-Allow-Origin", c.cors_origin);
      headers.emplace("Vary", "Origin");
    }
    http_.set_default_headers(headers);

    http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      t_started = Clock::now();
      if (t_refuse) {
        Fail(res, 503, "the server is overloaded; retry later");
        res.set_header("Retry-After", "1");
        res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
      }
      size_t header_bytes = 0;
      for (const auto& [k, v] : req.headers) header_bytes += k.size() + v.size() + 4;
      if (header_bytes > config_.max_header_bytes) {
        Fail(res, 431, "request headers larger than " + std::to_string(config_.max_header_bytes) +
                           " bytes");
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });

    auto api = [this](const httplib::Request& req, httplib::Response& res) { ServeApi(req, res); };
    http_.Get(R"(/api/.*)", api);
    http_.Post(R"(/api/.*)", api);
    http_.Put(R"(/api/.*)", api);
    http_.Patch(R"(/api/.*)", api);
    http_.Delete(R"(/api/.*)", api);
    http_.Options(R"(/api/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      if (!config_.cors_origin.empty()) {
        res.status = 204;
        res.set_header("Access-Control-Allow-Methods", "GET, POST");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.set_header("Access-Control-Max-Age", "600");
        return;
      }
      ServeApi(req, res);
    });
    http_.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      ServeAsset(req, res);
    });
    auto not_here = [](const httplib::Request&, httplib::Response& res) {
      Fail(res, 405, "only GET is served outside /api/");
    };
    http_.Post(R"(/.*)", not_here);
    http_.Put(R"(/.*)", not_here);
    http_.Patch(R"(/.*)", not_here);
    http_.Delete(R"(/.*)", not_here);

    // Failures cpp-httplib detects itself (413, 400, 414, no route...) get a JSON body too.
    http_.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          Fail(res, res.status, ReasonFor(res.status));
          return httplib::Server::HandlerResponse::Handled;
        }));
    http_.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
          std::string what = "internal error";
          try {
            if (ep) std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what = std::string("internal error: ") + e.what();
          } catch (...) {
          }
          Fail(res, 500, what);
        });
    if (c.access_log != nullptr) {
      http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        Log(req, res);
      });
    }
  }

  static void Fail(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(JsonError(message), "application/json; charset=utf-8");
  }

  void ServeApi(const httplib::Request& req, httplib::Response& res) {
    ApiRequest a;
    a.method = req.method;
    a.path = req.path;
    for (const auto& [k, v] : req.params) a.query.push_back({k, v});
    a.body = req.body;
    a.content_type = req.get_header_value("Content-Type");
    a.authorization = req.get_header_value("Authorization");
    ApiResponse r = api_.Handle(a);
    res.status = r.status;
    for (const auto& [k, v] : r.headers) res.set_header(k, v);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(r.body), r.content_type);
  }

  void ServeAsset(const httplib::Request& req, httplib::Response& res) {
    auto asset = assets_.Find(req.path);
    if (!asset) {
      if (req.path == "/" && !assets_.from_directory() && assets_.embedded_count() == 0) {
        Fail(res, 404,
             "the dashboard is not built into this binary (configured with DRAGOMAN_WEB=OFF); "
             "the API is at /api/");
        return;
      }
      Fail(res, 404, "no such file");
      return;
    }
    res.status = 200;
    res.set_header("Cache-Control",
                   asset->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    res.set_content(std::move(asset->body), asset->content_type);
  }

  void Log(const httplib::Request& req, const httplib::Response& res) {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - t_started).count();
    std::string target = req.target.empty() ? req.path : req.target;
    char tail[96];
    std::snprintf(tail, sizeof tail, "\" %d %zu %.2fms\n", res.status, res.body.size(), ms);
    std::string line = UtcNow() + " " + LogSafe(req.remote_addr) + " \"" + LogSafe(req.method) +
                       " " + LogSafe(target.size() > 2000 ? target.substr(0, 2000) : target) +
                       tail;
    std::lock_guard<std::mutex> lock(log_mu_);
    config_.access_log->write(line.data(), static_cast<std::streamsize>(line.size()));
    config_.access_log->flush();
  }

  ServerConfig config_;
  Api& api_;
  const AssetSet& assets_;
  httplib::Server http_;
  int port_ = 0;
  bool bound_ = false;
  std::atomic<bool> stopped_{false};
  std::mutex log_mu_;
};

HttpServer::HttpServer(ServerConfig config, Api& api, const AssetSet& assets)
    : impl_(std::make_unique<Impl>(std::move(config), api, assets)) {}
HttpServer::~HttpServer() = default;
Status HttpServer::Bind() { return impl_->Bind(); }
int HttpServer::port() const { return impl_->port(); }
Status HttpServer::Serve() { return impl_->Serve(); }
void HttpServer::Stop() { impl_->Stop(); }

Status ParseListen(const std::string& spec, std::string* host, int* port) {
  auto bad = [&] {
    return Status::InvalidArgument("--listen must be HOST:PORT, PORT or [IPV6]:PORT, not '" +
                                   spec + "'");
  };
  std::string h = "127.0.0.1", p = spec;
  if (!spec.empty() && spec[0] == '[') {
    size_t close = spec.find("]:");
    if (close == std::string::npos) return bad();
    h = spec.substr(1, close - 1);
    p = spec.substr(close + 2);
  } else if (size_t colon = spec.rfind(':'); colon != std::string::npos) {
    h = spec.substr(0, colon);
    p = spec.substr(colon + 1);
  }
  if (h.empty() || p.empty() || p.size() > 5 ||
      p.find_first_not_of("0123456789") != std::string::npos) {
    return bad();
  }
  int n = std::stoi(p);
  if (n > 65535) return bad();
  *host = h;
  *port = n;
  return Status::Ok();
}

}  // namespace dragoman::server
