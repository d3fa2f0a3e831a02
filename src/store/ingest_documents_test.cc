// IngestDocuments: documents in memory -> DocumentCoder -> one PutBatch (the server's write path).
#include <gtest/gtest.h>

#include <atomic>

#include "store/ingest.h"
#include "store/query.h"
#include "store/test_corpus.h"

namespace dragoman {
namespace {

// Codes "A met B." sentences: one CONSULT event per document whose text starts with "Iran met",
// none otherwise. Counts its calls, so that a test can see which documents were coded.
class FakeCoder : public DocumentCoder {
 public:
  CodedDocument Code(const Document& doc) const override {
    ++calls_;
    CodedDocument out;
    out.sentences.push_back({0, 0, static_cast<uint32_t>(doc.text.size())});
    if (doc.text.rfind("Iran met", 0) == 0) {
      Event e;
      e.doc = doc.id;
      e.text = doc.text;
      e.span_begin = 0;
      e.span_end = 8;
      e.source = testing::Actor("IRNGOV", "Iran");
      e.target = testing::Actor("AZEGOV", "Azerbaijan");
      e.cameo = "043";
      e.plover = "CONSULT";
      e.goldstein = 2.8;
      e.quad = "verbal_coop";
      e.date = "2025-03-01";
      e.date_source = "text";
      out.events.push_back(e);
    }
    return out;
  }
  std::string Name() const override { return "fake"; }
  int calls() const { return calls_; }

 private:
  mutable std::atomic<int> calls_{0};
};

Document Make(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.origin = "request:1";
  d.text = std::move(text);
  return d;
}

TEST(IngestDocumentsTest, CodesNewDocumentsAndSkipsKnownContent) {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("i.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  FakeCoder coder;
  auto r = IngestDocuments(**store, coder,
                           {Make("x", "Iran met Azerbaijan."), Make("y", "Nothing to code.")}, 2);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->outcomes.size(), 2u);
  EXPECT_EQ(r->outcomes[0], PutOutcome::kAdded);
  EXPECT_EQ(r->outcomes[1], PutOutcome::kAdded);
  EXPECT_EQ(r->events, 1);
  EXPECT_EQ(coder.calls(), 2);
  auto rows = QueryEvents(**store, {});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].event.plover, "CONSULT");

  // Again, plus a changed document and a duplicate inside the batch: only the new content is
  // coded; the duplicate is unchanged.
  r = IngestDocuments(**store, coder,
                      {Make("x", "Iran met Azerbaijan."), Make("y", "Iran met Azerbaijan again."),
                       Make("y2", "Iran met Azerbaijan again.")},
                      1);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->outcomes[0], PutOutcome::kUnchanged);
  EXPECT_EQ(r->outcomes[1], PutOutcome::kReplaced);
  EXPECT_EQ(r->outcomes[2], PutOutcome::kUnchanged);
  EXPECT_EQ(coder.calls(), 4);
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 2);
}

TEST(IngestDocumentsTest, NothingToDoIsNotAnError) {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("i.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  FakeCoder coder;
  auto r = IngestDocuments(**store, coder, {}, 0);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->outcomes.empty());
}

}  // namespace
}  // namespace dragoman
