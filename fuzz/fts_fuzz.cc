// Fuzz target: the full-text query path of `dragoman search` and `events --text` (store/query.h)
// — FtsQuery() building the FTS5 query from the user's words, its syntax check, and the search
// itself over a small in-memory corpus of invented sentences. A query either runs or is the
// user's mistake (InvalidArgument, one line); it never reaches SQLite as a store failure, and
// its cost is bounded by the query limits.
#include <string>

#include "fuzz/fuzz_util.h"
#include "store/query.h"
#include "store/store.h"

using dragoman::fuzz::Check;
using dragoman::fuzz::CheckError;

namespace {

dragoman::Store& Corpus() {
  static std::unique_ptr<dragoman::Store> store = [] {
    auto s = dragoman::Store::Open(":memory:", dragoman::Store::OpenMode::kCreate);
    if (!s.ok()) std::abort();
    std::vector<dragoman::DocumentRecord> batch;
    const char* texts[] = {
        "The envoy of Freedonia met the foreign minister of Sylvania. They discussed trade.",
        "Sylvania's parliament rejected the treaty on 4 March. Protesters gathered outside.",
        "Consular access was granted to the detained journalist, the ministry said."};
    int i = 0;
    for (const char* t : texts) {
      dragoman::DocumentRecord r;
      r.doc.id = "doc" + std::to_string(i++);
      r.doc.text = t;
      r.date_source = "none";
      std::string_view v(t);
      uint32_t cut = static_cast<uint32_t>(v.find(". ") + 1);
      r.sentences = {{0, 0, cut}, {1, cut + 1, static_cast<uint32_t>(v.size())}};
      batch.push_back(std::move(r));
    }
    if (!(*s)->PutBatch(batch).ok()) std::abort();
    return std::move(s).value();
  }();
  return *store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > dragoman::fuzz::kMaxInput) return 0;
  const std::string_view words = dragoman::fuzz::AsText(data, size);
  dragoman::FtsQuery(words);
  auto hits = dragoman::Search(Corpus(), words, "[", "]", 5);
  if (!hits.ok()) {
    CheckError(hits.status());
    Check(hits.status().code() == dragoman::Status::Code::kInvalidArgument,
          "search failed other than as a bad query");
  }
  dragoman::EventFilter filter;
  filter.text = std::string(words);
  filter.limit = 5;
  dragoman::Status st = dragoman::ForEachEvent(
      Corpus(), filter, [](const dragoman::StoredEvent&) { return dragoman::Status::Ok(); });
  if (!st.ok()) {
    CheckError(st);
    Check(st.code() == dragoman::Status::Code::kInvalidArgument, "events --text failed");
  }
  return 0;
}
