// The API through real HTTP on loopback: the `dragoman serve` binary is started on a free port
// over a corpus ingested from examples/ (by the real `dragoman ingest`), and every route, every
// filter, paging, the token rule and hostile requests are checked against what the CLI's query
// commands print for the same corpus. The store must be unchanged by everything but the
// authorised write.
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "server/routes.h"
#include "store/query.h"
#include "store/report.h"
#include "store/store.h"
#include "store/test_corpus.h"

namespace dragoman {
namespace {

using nlohmann::json;
constexpr const char* kToken = "test-token-0123456789";

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the CLI and returns its stdout.
std::string Cli(const std::string& args) {
  std::string cmd = std::string(DRAGOMAN_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

// A `dragoman serve` process on a free loopback port; stopped (and its exit checked) on
// destruction.
class ServerProcess {
 public:
  ServerProcess(const std::string& db, const std::string& log, std::vector<std::string> extra) {
    log_ = log;
    pid_ = fork();
    if (pid_ == 0) {
      freopen(log.c_str(), "w", stderr);
      freopen("/dev/null", "w", stdout);
      std::vector<std::string> args = {DRAGOMAN_BINARY, "serve", "--db", db, "--listen",
                                       "127.0.0.1:0"};
      for (auto& a : extra) args.push_back(a);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::string text = Slurp(log);
      size_t at = text.find("http://127.0.0.1:");
      if (at != std::string::npos) port_ = std::atoi(text.c_str() + at + 17);
    }
  }
  ~ServerProcess() { Stop(SIGTERM); }

  // Sends `sig` and returns the exit status (-1 when it did not stop within 10 s).
  int Stop(int sig) {
    if (pid_ <= 0) return exit_;
    kill(pid_, sig);
    for (int i = 0; i < 200; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        exit_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = 0;
    return -1;
  }
  int port() const { return port_; }
  std::string log() const { return Slurp(log_); }

 private:
  pid_t pid_ = 0;
  int port_ = 0;
  int exit_ = -1;
  std::string log_;
};

class HttpApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = dir_->File("corpus.db");
    std::string ingest = std::string(DRAGOMAN_BINARY) + " ingest --quiet --db " + db_ + " " +
                         DRAGOMAN_SOURCE_DIR + "/examples/";
    ASSERT_EQ(std::system(ingest.c_str()), 0);
    std::ofstream(dir_->File("token")) << kToken << "\n";
    server_ = new ServerProcess(db_, dir_->File("serve.log"),
                                {"--token-file", dir_->File("token"), "--cache-mb", "8"});
    ASSERT_GT(server_->port(), 0) << server_->log();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(SIGINT), 0) << server_->log();
    EXPECT_NE(server_->log().find("dragoman serve: stopped"), std::string::npos);
    delete server_;
    delete dir_;
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30, 0);
    return c;
  }
  httplib::Result Get(const std::string& target) { return Client().Get(target.c_str()); }
  json GetJson(const std::string& target, int want = 200) {
    auto r = Get(target);
    EXPECT_TRUE(r) << target;
    if (!r) return json();
    EXPECT_EQ(r->status, want) << target << ": " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos);
    json j = json::parse(r->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << target << ": " << r->body;
    if (want != 200) {
      EXPECT_TRUE(j["error"].is_string()) << target << ": " << r->body;
    }
    return j;
  }
  // Every row of the store, as a fingerprint: nothing may change it but an authorised write.
  static std::string Fingerprint() {
    auto store = Store::Open(db_, Store::OpenMode::kExisting);
    EXPECT_TRUE(store.ok());
    auto stats = (*store)->Stats();
    EventFilter all;
    all.mentions = true;
    auto rows = QueryEvents(**store, all);
    std::string fp = std::to_string(stats->documents) + "/" + std::to_string(stats->sentences) +
                     "/" + std::to_string(stats->mentions) + "/" + std::to_string(stats->events);
    for (const auto& r : *rows) fp += StoredEventToJson(r).dump();
    return fp;
  }

  static testing::TempDir* dir_;
  static std::string db_;
  static ServerProcess* server_;
};
testing::TempDir* HttpApiTest::dir_ = nullptr;
std::string HttpApiTest::db_;
ServerProcess* HttpApiTest::server_ = nullptr;

std::vector<int64_t> Ids(const std::string& jsonl, const char* field) {
  std::vector<int64_t> ids;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) ids.push_back(json::parse(line)[field].get<int64_t>());
  }
  return ids;
}

std::vector<int64_t> Ids(const json& events, const char* field) {
  std::vector<int64_t> ids;
  for (const auto& e : events) ids.push_back(e[field].get<int64_t>());
  return ids;
}

TEST_F(HttpApiTest, EveryRouteAnswers) {
  // A valid request for each GET route of the table (POST is the token test's).
  std::map<server::RouteId, std::string> sample = {
      {server::RouteId::kEvents, "/api/events?dyad=AZE,IRN"},
      {server::RouteId::kEvent, "/api/events/1"},
      {server::RouteId::kTimeline, "/api/timeline?dyad=AZE,IRN&by=year"},
      {server::RouteId::kDocument, "/api/documents/2025-08-08-washington-summit.txt"},
      {server::RouteId::kActors, "/api/actors?country=AZE"},
      {server::RouteId::kSearch, "/api/search?q=president"},
      {server::RouteId::kStats, "/api/stats"},
      {server::RouteId::kNetwork, "/api/network"},
      {server::RouteId::kPlaces, "/api/places"},
      {server::RouteId::kOpenApi, "/api/openapi.json"},
  };
  for (const auto& r : server::ApiRoutes()) {
    if (r.write) continue;
    ASSERT_TRUE(sample.count(r.id)) << "no sample request for " << r.path;
    json j = GetJson(sample[r.id]);
    EXPECT_FALSE(j.empty()) << r.path;
  }
  EXPECT_GT(GetJson("/api/stats")["documents"].get<int>(), 0);
  std::set<std::string> paths;
  for (const auto& r : server::ApiRoutes()) paths.insert(r.path);
  EXPECT_EQ(GetJson("/api/openapi.json")["paths"].size(), paths.size());
}

TEST_F(HttpApiTest, EveryFilterGivesTheCliRows) {
  const std::vector<std::pair<std::string, std::string>> filters = {
      {"", ""},
      {"dyad=AZE,IRN", "--dyad AZE,IRN"},
      {"dyad=AZE,IRN&directed=true", "--dyad AZE,IRN --directed"},
      {"actor=AZE", "--actor AZE"},
      {"actor=Aliyev", "--actor Aliyev"},
      {"type=CONSULT", "--type CONSULT"},
      {"type=04", "--type 04"},
      {"type=verbal_coop", "--type verbal_coop"},
      {"since=2025-01", "--since 2025-01"},
      {"until=2024", "--until 2024"},
      {"negated=true", "--negated"},
      {"location=Washington", "--location Washington"},
      {"text=agreement", "--text agreement"},
      {"mentions=true", "--mentions"},
      {"dyad=ARM,AZE&since=2025&type=verbal_coop", "--dyad ARM,AZE --since 2025 --type verbal_coop"},
  };
  int nonempty = 0;
  for (const auto& [query, flags] : filters) {
    json page = GetJson("/api/events?limit=1000&" + query);
    std::string cli = Cli("events --db " + db_ + " --format jsonl " + flags);
    const char* key = query.find("mentions") != std::string::npos ? "mention_id" : "event_id";
    EXPECT_EQ(Ids(page["events"], key), Ids(cli, key)) << query;
    EXPECT_TRUE(page["next"].is_null());
    nonempty += !page["events"].empty();
  }
  EXPECT_GE(nonempty, 12) << "the filters should select something in examples/";
}

TEST_F(HttpApiTest, TimelineShowActorsAndSearchAreTheCliNumbers) {
  for (const char* by : {"day", "week", "month", "year"}) {
    json api = GetJson(std::string("/api/timeline?dyad=AZE,ARM&by=") + by);
    json cli = json::parse(Cli(std::string("timeline --db ") + db_ + " AZE ARM --by " + by +
                               " --format json"));
    EXPECT_EQ(api, cli) << by;
  }
  json first = GetJson("/api/events?limit=1")["events"][0];
  std::string id = std::to_string(first["event_id"].get<int64_t>());
  EXPECT_EQ(GetJson("/api/events/" + id),
            json::parse(Cli("show --db " + db_ + " " + id + " --format json")));
  json actors = GetJson("/api/actors?country=IRN")["actors"];
  std::istringstream cli_actors(Cli("actors --db " + db_ + " --country IRN --format jsonl"));
  std::string line;
  size_t n = 0;
  while (std::getline(cli_actors, line)) {
    ASSERT_LT(n, actors.size());
    EXPECT_EQ(actors[n++], json::parse(line));
  }
  EXPECT_EQ(n, actors.size());
  json hits = GetJson("/api/search?q=consular")["hits"];
  EXPECT_EQ(hits.size(), Ids(Cli("search --db " + db_ + " consular --format jsonl"), "sentence")
                             .size());
}

TEST_F(HttpApiTest, CursorPagingWalksEveryEventOnceAndCsvCarriesTheCursor) {
  json all = GetJson("/api/events?limit=1000")["events"];
  ASSERT_GT(all.size(), 6u);
  std::vector<int64_t> paged;
  std::string target = "/api/events?limit=4";
  for (int guard = 0; guard < 100; ++guard) {
    json page = GetJson(target);
    for (const auto& e : page["events"]) paged.push_back(e["event_id"]);
    if (page["next"].is_null()) break;
    target = "/api/events?limit=4&cursor=" + page["next"].get<std::string>();
  }
  EXPECT_EQ(paged, Ids(all, "event_id"));
  auto csv = Get("/api/events?limit=2&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_FALSE(csv->get_header_value("X-Next-Cursor").empty());
  EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 3);  // header + 2 rows
}

TEST_F(HttpApiTest, HostileRequestsAreRefusedAndChangeNothing) {
  const std::string before = Fingerprint();
  struct Case {
    std::string target;
    int status;
  };
  const std::vector<Case> cases = {
      {"/api/events?dyad=AZE'%3B%20DROP%20TABLE%20events%3B--,IRN", 200},
      {"/api/events?actor=x')%20OR%201%3D1%20--", 200},
      {"/api/events?location=%27%3B%20DELETE%20FROM%20documents%3B%20--", 200},
      {"/api/events?type=%27%20OR%20%271%27%3D%271", 200},
      {"/api/search?q=%22%3B%20DROP%20TABLE%20sentences%3B", 400},  // an FTS syntax error
      {"/api/search?q=NEAR(", 400},
      {"/api/events?text=%22unbalanced", 400},
      {"/api/documents/..%2F..%2Fetc%2Fpasswd", 404},
      {"/api/documents/1'%20OR%20'1'%3D'1", 404},
      {"/api/events/1%20OR%201=1", 400},
      {"/api/events/99999999999999999999", 400},
      {"/api/events?limit=1000000000", 400},
      {"/api/events?limit=-1", 400},
      {"/api/events?limit=99999999999999999999999999", 400},
      {"/api/actors?limit=100000000000", 400},
      {"/api/events?actor=%FF%FE", 400},  // invalid UTF-8
      {"/api/events?actor=%C0%AF", 400},  // overlong encoding of '/'
      {"/api/documents/%FF", 400},
      {"/api/events?actor=a%00b", 400},
      {"/api/events?since=2024-02-30", 400},
      {"/api/events?since=2024-1", 400},
      {"/api/events?until=never", 400},
      {"/api/timeline?dyad=AZE", 400},
      {"/api/timeline?dyad=AZE,IRN&by=decade", 400},
      {"/api/events?cursor=v1.u.1.1%27", 400},
      {"/api/events?dyad=A,B&dyad=C,D", 400},
      {"/api/events?bogus=1", 400},
      {"/api/events?actor=" + std::string(1200, 'a'), 400},
      {"/api/nope", 404},
      {"/api/events/", 404},
  };
  for (const Case& c : cases) GetJson(c.target, c.status);
  // Static files never from outside the asset root.
  for (const char* t : {"/../../../../etc/passwd", "/assets/../../CMakeLists.txt",
                        "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                        "/assets/%2e%2e%2f%2e%2e%2fCMakeLists.txt", "/index.html%00.js"}) {
    auto r = Get(t);
    ASSERT_TRUE(r) << t;
    EXPECT_NE(r->status, 200) << t;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << t;
  }
  // Wrong methods, a body over the limit, headers over the limit.
  auto c = Client();
  auto del = c.Delete("/api/events");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto big = c.Post("/api/documents", {{"Authorization", std::string("Bearer ") + kToken}},
                    std::string(9u << 20, 'x'), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  httplib::Headers many;
  for (int i = 0; i < 40; ++i) many.emplace("X-Filler-" + std::to_string(i), std::string(800, 'y'));
  auto fat = c.Get("/api/stats", many);
  ASSERT_TRUE(fat);
  EXPECT_EQ(fat->status, 431);
  // Writes without the token, or with a wrong one.
  const std::string doc = R"({"id": "hostile", "text": "Azerbaijan thanked Iran."})";
  auto none = c.Post("/api/documents", doc, "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 403);
  auto wrong = c.Post("/api/documents", {{"Authorization", "Bearer wrong-token-0123456789"}}, doc,
                      "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  auto bad = c.Post("/api/documents", {{"Authorization", std::string("Bearer ") + kToken}},
                    "{\"text\": ", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Fingerprint(), before) << "a refused request changed the store";
}

TEST_F(HttpApiTest, AuthorisedWriteIsCodedStoredAndSeenAtOnce) {
  json before = GetJson("/api/events?text=Zanzibarian&limit=10");  // cached now
  EXPECT_TRUE(before["events"].empty());
  auto c = Client();
  const std::string body =
      "{\"id\": \"posted-1\", \"date\": \"2025-09-09\", \"text\": \"Azerbaijan and Iran signed "
      "an agreement on Zanzibarian trade in Baku on Tuesday.\"}\n";
  auto r = c.Post("/api/documents", {{"Authorization", std::string("Bearer ") + kToken}}, body,
                  "application/x-ndjson");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  json j = json::parse(r->body);
  EXPECT_EQ(j["added"], 1);
  EXPECT_GE(j["events"].get<int>(), 1);
  json after = GetJson("/api/events?text=Zanzibarian&limit=10");
  ASSERT_FALSE(after["events"].empty()) << "the cached answer was not invalidated";
  EXPECT_EQ(after["events"][0]["doc"], "posted-1");
  auto again = c.Post("/api/documents", {{"Authorization", std::string("Bearer ") + kToken}},
                      body, "application/x-ndjson");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["unchanged"], 1);
}

TEST_F(HttpApiTest, DashboardIsServedWithAStrictPolicyAndNoCors) {
  auto r = Get("/");
  ASSERT_TRUE(r);
  if (r->status == 404) GTEST_SKIP() << "built with DRAGOMAN_WEB=OFF";
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<main"), std::string::npos);
  std::string csp = r->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(r->has_header("Access-Control-Allow-Origin"));
  size_t at = r->body.find("/assets/index-");
  ASSERT_NE(at, std::string::npos);
  std::string script = r->body.substr(at, r->body.find('"', at) - at);
  auto js = Get(script);
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_NE(js->get_header_value("Content-Type").find("javascript"), std::string::npos);
  EXPECT_NE(js->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  // The access-log line is written right after the answer is sent: give it a moment.
  bool logged = false;
  for (int i = 0; i < 40 && !logged; ++i) {
    logged = server_->log().find("\"GET /\" 200 ") != std::string::npos;
    if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(logged) << "one access-log line per request";
}

// More connections than the server takes: the extra one is answered 503 with Retry-After.
TEST_F(HttpApiTest, OverloadIsAnswered503) {
  ServerProcess small(db_, dir_->File("small.log"),
                      {"--threads", "1", "--max-connections", "1", "--quiet"});
  ASSERT_GT(small.port(), 0) << small.log();
  // Hold the only slot with an idle keep-alive connection.
  httplib::Client holder("127.0.0.1", small.port());
  holder.set_keep_alive(true);
  auto first = holder.Get("/api/stats");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  httplib::Client other("127.0.0.1", small.port());
  auto refused = other.Get("/api/stats");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503) << refused->body;
  EXPECT_EQ(refused->get_header_value("Retry-After"), "1");
  EXPECT_TRUE(json::parse(refused->body)["error"].is_string());
  holder.stop();
  EXPECT_EQ(small.Stop(SIGTERM), 0) << small.log();
}

}  // namespace
}  // namespace dragoman
