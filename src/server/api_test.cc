// The API's handlers without HTTP (tests/server/ drives the real binary over HTTP).
#include "server/api.h"

#include <gtest/gtest.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "store/query.h"
#include "store/report.h"
#include "store/test_corpus.h"

namespace dragoman::server {
namespace {

using nlohmann::json;

// Codes every document as one AZE->IRN CONSULT event.
class OneEventCoder : public DocumentCoder {
 public:
  CodedDocument Code(const Document& doc) const override {
    CodedDocument out;
    out.sentences.push_back({0, 0, static_cast<uint32_t>(doc.text.size())});
    Event e;
    e.doc = doc.id;
    e.text = doc.text;
    e.span_end = static_cast<uint32_t>(doc.text.size());
    e.source = testing::Actor("AZEGOV", "Azerbaijan");
    e.target = testing::Actor("IRNGOV", "Iran");
    e.cameo = "043";
    e.plover = "CONSULT";
    e.quad = "verbal_coop";
    e.date = "2025-05-05";
    out.events.push_back(e);
    return out;
  }
  std::string Name() const override { return "one-event"; }
};

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::Open(dir_.File("api.db"), Store::OpenMode::kCreate);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->PutBatch(testing::SampleCorpus()).ok());
  }

  ApiResponse Get(Api& api, const std::string& path, KeyValues q = {}) {
    ApiRequest r;
    r.method = "GET";
    r.path = path;
    r.query = std::move(q);
    return api.Handle(r);
  }
  static std::string Header(const ApiResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }

  testing::TempDir dir_;
};

TEST_F(ApiTest, EventsPageByCursorUntilNextIsNull) {
  StorePool pool(dir_.File("api.db"));
  Api api({}, pool);
  std::vector<int64_t> ids;
  KeyValues q = {{"limit", "2"}};
  for (int page = 0; page < 10; ++page) {
    ApiResponse r = Get(api, "/api/events", q);
    ASSERT_EQ(r.status, 200) << r.body;
    json j = json::parse(r.body);
    for (const auto& e : j["events"]) ids.push_back(e["event_id"]);
    if (j["next"].is_null()) break;
    q = {{"limit", "2"}, {"cursor", j["next"]}};
  }
  EXPECT_EQ(ids.size(), 5u);
  auto store = Store::Open(dir_.File("api.db"), Store::OpenMode::kExisting);
  auto all = QueryEvents(**store, {});
  ASSERT_EQ(all->size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ((*all)[i].event_id, ids[i]);
}

TEST_F(ApiTest, TimelineIsTheCliJson) {
  StorePool pool(dir_.File("api.db"));
  Api api({}, pool);
  ApiResponse r = Get(api, "/api/timeline", {{"dyad", "AZE,IRN"}, {"by", "year"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto store = Store::Open(dir_.File("api.db"), Store::OpenMode::kExisting);
  auto t = BuildTimeline(**store, "AZE", "IRN", Period::kYear, false);
  EXPECT_EQ(json::parse(r.body), json::parse(TimelineToJson(*t).dump()));
}

TEST_F(ApiTest, ErrorsAreJsonWithTheRightStatus) {
  StorePool pool(dir_.File("api.db"));
  Api api({}, pool);
  EXPECT_EQ(Get(api, "/api/nope").status, 404);
  EXPECT_EQ(Get(api, "/api/events/999999").status, 404);
  EXPECT_EQ(Get(api, "/api/documents/nope").status, 404);
  EXPECT_EQ(Get(api, "/api/events", {{"since", "2024-02-30"}}).status, 400);
  EXPECT_EQ(Get(api, "/api/search", {{"q", "\"unbalanced"}}).status, 400);
  EXPECT_EQ(Get(api, "/api/events", {{"text", "NEAR("}}).status, 400);
  ApiRequest del;
  del.method = "DELETE";
  del.path = "/api/events";
  EXPECT_EQ(api.Handle(del).status, 405);
  ApiResponse r = Get(api, "/api/events", {{"limit", "5000"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(json::parse(r.body)["error"].is_string());
}

TEST_F(ApiTest, CacheServesRepeatsAndForgetsWhenTheCorpusChanges) {
  StorePool pool(dir_.File("api.db"));
  Api api({}, pool);
  ApiResponse first = Get(api, "/api/stats");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(Header(first, "X-Cache"), "miss");
  ApiResponse again = Get(api, "/api/stats");
  EXPECT_EQ(Header(again, "X-Cache"), "hit");
  EXPECT_EQ(again.body, first.body);
  {
    auto other = Store::Open(dir_.File("api.db"), Store::OpenMode::kExisting);
    ASSERT_TRUE((*other)->PutBatch({testing::Doc("new", "2025-05-01", {"Quiet day."})}).ok());
  }
  ApiResponse after = Get(api, "/api/stats");
  EXPECT_EQ(Header(after, "X-Cache"), "miss");
  EXPECT_EQ(json::parse(after.body)["documents"], json::parse(first.body)["documents"].get<int>() + 1);
}

TEST_F(ApiTest, WritesNeedTheTokenAndGoThroughTheCoder) {
  StorePool pool(dir_.File("api.db"));
  ApiRequest post;
  post.method = "POST";
  post.path = "/api/documents";
  post.content_type = "application/json";
  post.body = R"({"id": "posted", "text": "Azerbaijan and Iran held talks.", "date": "2025-05-05"})";
  {
    Api readonly({}, pool);
    EXPECT_EQ(readonly.Handle(post).status, 403);
  }
  OneEventCoder coder;
  ApiConfig config;
  config.token = "0123456789abcdef-token";
  config.coder = &coder;
  Api api(config, pool);
  EXPECT_EQ(api.Handle(post).status, 403);  // no Authorization header
  post.authorization = "Bearer 0123456789abcdef-tokeX";
  EXPECT_EQ(api.Handle(post).status, 403);
  post.authorization = "Bearer 0123456789abcdef-token";
  ApiResponse r = api.Handle(post);
  ASSERT_EQ(r.status, 201) << r.body;
  json j = json::parse(r.body);
  EXPECT_EQ(j["added"], 1);
  EXPECT_EQ(j["events"], 1);
  EXPECT_EQ(api.Handle(post).status, 200);  // the same content again: unchanged
  ApiResponse doc = Get(api, "/api/documents/posted");
  ASSERT_EQ(doc.status, 200) << doc.body;
  EXPECT_EQ(json::parse(doc.body)["events"].size(), 1u);

  post.content_type = "application/x-ndjson";
  post.body = "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n";
  r = api.Handle(post);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json::parse(r.body)["added"], 2);
  // One bad record: nothing stored.
  post.body = "{\"text\": \"Three.\"}\n{\"title\": \"no text\"}\n";
  r = api.Handle(post);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(Get(api, "/api/search", {{"q", "Three"}}).body, "{\"hits\":[]}");
}

TEST_F(ApiTest, AQueryOverItsTimeBoundIsA503) {
  StorePool pool(dir_.File("api.db"));
  ApiConfig config;
  config.cache_bytes = 0;
  // A microsecond: the progress handler's first look (after 256 steps) is past it.
  config.query_timeout = std::chrono::microseconds(1);
  Api api(config, pool);
  for (const char* path : {"/api/events", "/api/stats", "/api/actors"}) {
    ApiResponse r = Get(api, path);
    EXPECT_EQ(r.status, 503) << path << ": " << r.body;
    EXPECT_NE(json::parse(r.body)["error"].get<std::string>().find("--query-timeout-ms"),
              std::string::npos);
    EXPECT_EQ(Header(r, "Retry-After"), "1");
  }
  // The connection goes back to the pool without its bound: a generous one answers.
  ApiConfig generous;
  generous.cache_bytes = 0;
  generous.query_timeout = std::chrono::seconds(30);
  Api patient(generous, pool);
  EXPECT_EQ(Get(patient, "/api/events").status, 200);
  EXPECT_EQ(Get(patient, "/api/timeline", {{"dyad", "AZE,IRN"}}).status, 200);
}

TEST_F(ApiTest, ThePoolOpensAtMostItsBound) {
  StorePool pool(dir_.File("api.db"), 1);
  {
    auto first = pool.Acquire();
    ASSERT_TRUE(first.ok());
    auto second = pool.Acquire(std::chrono::milliseconds(20));
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.status().message().find("busy"), std::string::npos);
  }
  auto again = pool.Acquire(std::chrono::milliseconds(20));  // the first came back
  EXPECT_TRUE(again.ok());
}

TEST_F(ApiTest, ReadConnectionsCannotWrite) {
  StorePool pool(dir_.File("api.db"));
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok());
    auto* sqlite = dynamic_cast<SqliteCorpusStore*>(&lease->store());
    ASSERT_NE(sqlite, nullptr);
    sql::Db& db = sqlite->store().db();
    EXPECT_FALSE(db.Exec("DELETE FROM events").ok());
    EXPECT_FALSE(db.Exec("CREATE TEMP TABLE t(x)").ok());
    EXPECT_FALSE(db.Exec("PRAGMA user_version = 99").ok());
  }
  // And no request changes the store: every read route, with hostile parameters, leaves the file
  // as it was (its data version as seen by another connection and its bytes).
  auto other = Store::Open(dir_.File("api.db"), Store::OpenMode::kReadOnly);
  ASSERT_TRUE(other.ok());
  auto before = QueryEvents(**other, {});
  auto version = DataVersion(**other);
  ASSERT_TRUE(version.ok());
  Api api({}, pool);
  for (const auto& [path, q] : std::vector<std::pair<std::string, KeyValues>>{
           {"/api/events", {{"dyad", "AZE'; DROP TABLE events;--,IRN"}}},
           {"/api/events", {{"text", "x\"); DELETE FROM events; --"}}},
           {"/api/search", {{"q", "talks"}}},
           {"/api/actors", {}},
           {"/api/stats", {{"dyads", "5"}}},
           {"/api/timeline", {{"dyad", "AZE,IRN"}}},
           {"/api/documents/a1", {}}}) {
    EXPECT_LT(Get(api, path, q).status, 500) << path;
  }
  auto after = QueryEvents(**other, {});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->size(), before->size());
  auto version_after = DataVersion(**other);  // changes when another connection commits
  EXPECT_EQ(*version, *version_after);
}

}  // namespace
}  // namespace dragoman::server
