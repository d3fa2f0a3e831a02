// dragoman serve: the corpus over HTTP — a JSON API and the web dashboard (doc/server.md). Flags
// -> ServerConfig/ApiConfig -> server library; this file only wires them and waits for a signal.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "base/file.h"
#include "cli/coder_flags.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/input_flags.h"
#include "server/api.h"
#include "server/assets.h"
#include "server/http_server.h"
#include "server/routes.h"
#include "server/store_pool.h"
#include "store/open_corpus_store.h"
#include "store/store.h"

namespace dragoman::cli {
namespace {

constexpr const char* kTokenEnv = "DRAGOMAN_TOKEN";

std::vector<FlagSpec> ServeFlags() {
  std::vector<FlagSpec> f = {
      {"db", "FILE|URL",
       "the corpus: a SQLite file (as built by ingest) or a postgresql:// URL (doc/scale.md)",
       kDbFlagDefault},
      {"listen", "HOST:PORT", "where to listen (PORT alone: on 127.0.0.1; 0: any free port)",
       "127.0.0.1:8080"},
      {"token-file", "FILE",
       "accept writes (POST /api/documents) from requests carrying this token (the file's first "
       "line, at least 16 characters); also $DRAGOMAN_TOKEN",
       "writes refused"},
      {"threads", "N", "connections served at once", "64"},
      {"max-connections", "N", "connections served or waiting; beyond: 503", "512"},
      {"max-body", "BYTES", "largest request body; beyond: 413", "8388608"},
      {"timeout", "SECONDS", "time to read a request and to write an answer", "10"},
      {"cache-mb", "N", "memory for cached answers (0: no cache)", "64"},
      {"query-timeout-ms", "N",
       "time one request's store queries may take; beyond: 503 (0: no bound)", "5000"},
      {"assets", "DIR", "serve the dashboard from this folder instead of the built-in copy", ""},
      {"cors", "ORIGIN", "allow this origin to call the API from a browser", "no CORS"},
      {"quiet", "", "no access log (one line per request on stderr)", ""},
      {"routes", "md|openapi", "print the route reference (Markdown) or OpenAPI document and exit",
       ""},
      DictionariesFlag(),
  };
  for (auto& c : CommonFlags()) f.push_back(c);
  return f;
}

struct ServeConfig {
  std::string db;
  server::ServerConfig server;
  server::ApiConfig api;
  std::string assets_dir;
  bool quiet = false;
};

Result<std::string> ReadToken(const ParsedArgs& args) {
  std::string token;
  if (args.Has("token-file")) {
    std::ifstream in(args.Get("token-file"));
    if (!in) return Status::InvalidArgument("--token-file: cannot read " + args.Get("token-file"));
    std::getline(in, token);
  } else if (const char* env = std::getenv(kTokenEnv); env != nullptr) {
    token = env;
  } else {
    return std::string();
  }
  while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
  if (token.size() < 16) {
    return Status::InvalidArgument(
        "the write token must be at least 16 characters (from --token-file or $DRAGOMAN_TOKEN)");
  }
  return token;
}

Result<ServeConfig> MakeConfig(const ParsedArgs& args) {
  ServeConfig c;
  if (!args.positionals.empty()) {
    return Status::InvalidArgument("unexpected argument '" + args.positionals[0] + "'");
  }
  c.db = ResolveDbPath(args.Get("db"));
  DRAGOMAN_RETURN_IF_ERROR(server::ParseListen(args.Get("listen", "127.0.0.1:8080"),
                                               &c.server.host, &c.server.port));
  DRAGOMAN_ASSIGN_OR_RETURN(long long threads, PositiveFlag(args, "threads", 64));
  c.server.threads = static_cast<int>(std::min(threads, 1024ll));
  DRAGOMAN_ASSIGN_OR_RETURN(long long max_conn, PositiveFlag(args, "max-connections", 512));
  c.server.max_connections = static_cast<int>(std::min(max_conn, 100000ll));
  DRAGOMAN_ASSIGN_OR_RETURN(long long body, PositiveFlag(args, "max-body", 8 << 20));
  c.server.max_body_bytes = static_cast<size_t>(body);
  DRAGOMAN_ASSIGN_OR_RETURN(long long timeout, PositiveFlag(args, "timeout", 10));
  c.server.request_timeout_seconds = static_cast<int>(std::min(timeout, 3600ll));
  if (args.Has("cache-mb") && args.Get("cache-mb") == "0") {
    c.api.cache_bytes = 0;
  } else {
    DRAGOMAN_ASSIGN_OR_RETURN(long long mb, PositiveFlag(args, "cache-mb", 64));
    c.api.cache_bytes = static_cast<size_t>(std::min(mb, 65536ll)) << 20;
  }
  if (args.Has("query-timeout-ms") && args.Get("query-timeout-ms") == "0") {
    c.api.query_timeout = std::chrono::microseconds(0);
  } else {
    DRAGOMAN_ASSIGN_OR_RETURN(long long ms, PositiveFlag(args, "query-timeout-ms", 5000));
    c.api.query_timeout = std::chrono::milliseconds(std::min(ms, 86400000ll));
  }
  c.server.cors_origin = args.Get("cors");
  c.assets_dir = args.Get("assets");
  c.quiet = args.Has("quiet");
  DRAGOMAN_ASSIGN_OR_RETURN(c.api.token, ReadToken(args));
  return c;
}

// Waits for SIGINT or SIGTERM (blocked in every thread, so only this one sees them) and stops the
// server; returns when `done` is set.
void WaitForSignal(server::HttpServer& http, const std::atomic<bool>& done, std::ostream& log) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  timespec tick{0, 200 * 1000 * 1000};
  while (!done) {
    int sig = sigtimedwait(&set, nullptr, &tick);
    if (sig == SIGINT || sig == SIGTERM) {
      log << "dragoman serve: " << (sig == SIGINT ? "SIGINT" : "SIGTERM")
          << ": finishing the requests in flight and stopping\n"
          << std::flush;
      http.Stop();
      return;
    }
  }
}

int RunServe(const ParsedArgs& args, CommandContext& ctx) {
  if (args.Has("routes")) {
    const std::string what = args.Get("routes");
    if (what != "md" && what != "openapi") {
      ctx.err << "dragoman serve: --routes must be md or openapi, not '" << what << "'\n";
      return kExitUsage;
    }
    ctx.out << (what == "md" ? server::RoutesMarkdown() : server::OpenApiJson() + "\n");
    return kExitOk;
  }
  auto config = MakeConfig(args);
  if (!config.ok()) {
    ctx.err << "dragoman serve: " << config.status().message() << "\n";
    return kExitUsage;
  }
  auto dictionaries = CoderSpecFromFlags(args);
  if (!dictionaries.ok()) {
    ctx.err << "dragoman serve: " << dictionaries.status().message() << "\n";
    return kExitUsage;
  }
  // The corpus (a SQLite file or a postgresql:// URL) must exist and be a dragoman database
  // before anything listens.
  {
    auto store = OpenCorpusStore(config->db, Store::OpenMode::kExisting);
    if (!store.ok()) return ReportError(store.status(), ctx);
  }
  std::unique_ptr<const DocumentCoder> coder;
  if (!config->api.token.empty()) {
    auto data = FindDataDir(args.Get("data"));
    if (!data.ok()) return ReportError(data.status(), ctx);
    auto opened = OpenCoder(*dictionaries, *data, "serve", ctx, config->quiet);
    if (!opened.ok()) return ReportError(opened.status(), ctx);
    coder = std::move(opened).value();
    config->api.coder = coder.get();
  }
  server::AssetSet assets = server::AssetSet::Embedded();
  if (!config->assets_dir.empty()) {
    auto dir = server::AssetSet::FromDirectory(config->assets_dir);
    if (!dir.ok()) return ReportError(dir.status(), ctx);
    assets = *dir;
  }

  // SIGINT/SIGTERM are blocked before any thread starts, so that every thread inherits the mask
  // and only WaitForSignal receives them; a closed client socket is not a reason to die.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);

  server::StorePool pool(config->db);
  server::Api api(config->api, pool);
  config->server.access_log = config->quiet ? nullptr : &ctx.err;
  server::HttpServer http(config->server, api, assets);
  if (Status st = http.Bind(); !st.ok()) return ReportError(st, ctx);
  std::string host = config->server.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  ctx.err << "dragoman serve: http://" << host << ":" << http.port() << "/ (corpus "
          << config->db << "; writes "
          << (config->api.token.empty() ? "refused: no token" : "accepted with the token")
          << "; Ctrl-C stops)\n"
          << std::flush;
  std::atomic<bool> done{false};
  std::thread waiter([&] { WaitForSignal(http, done, ctx.err); });
  Status st = http.Serve();
  done = true;
  waiter.join();
  if (!st.ok()) return ReportError(st, ctx);
  ctx.err << "dragoman serve: stopped\n";
  return kExitOk;
}

}  // namespace

extern const Command kServeCommand = {
    "serve", "serve the corpus over HTTP: a JSON API and the web dashboard",
    "dragoman serve [--db FILE] [--listen HOST:PORT] [--token-file FILE] [FLAGS]", &ServeFlags,
    &RunServe};

}  // namespace dragoman::cli
