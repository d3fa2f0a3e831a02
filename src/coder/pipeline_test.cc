#include "coder/pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace dragoman {
namespace {

// A coder whose one event carries the document's id, taking a time that varies with the id so
// that later documents often finish first. Counts the documents being coded at once.
class FakeCoder : public DocumentCoder {
 public:
  CodedDocument Code(const Document& doc) const override {
    int now = ++in_flight_;
    int seen = max_in_flight_.load();
    while (now > seen && !max_in_flight_.compare_exchange_weak(seen, now)) {
    }
    if (doc.text == "throw") {
      --in_flight_;
      throw std::runtime_error("boom");
    }
    std::this_thread::sleep_for(std::chrono::microseconds((doc.id.size() * 37) % 400));
    CodedDocument out;
    Event e;
    e.doc = doc.id;
    out.events.push_back(e);
    --in_flight_;
    return out;
  }
  std::string Name() const override { return "fake"; }
  mutable std::atomic<int> in_flight_{0}, max_in_flight_{0};
};

// Inputs "d0".."d{n-1}"; every index in `errors` is an input error instead.
CodingPipeline::Next Inputs(int n, std::vector<int> errors, int* read) {
  return [n, errors, read]() -> Result<std::optional<Document>> {
    int i = (*read)++;
    if (i >= n) return std::optional<Document>();
    for (int e : errors) {
      if (e == i) return Status::BadInput("input " + std::to_string(i));
    }
    Document d;
    d.id = "d" + std::to_string(i) + std::string(static_cast<size_t>(i % 7), 'x');
    d.text = "text";
    return std::optional<Document>(std::move(d));
  };
}

std::vector<std::string> RunFake(int threads, size_t window, int n, std::vector<int> errors,
                             FakeCoder* coder = nullptr) {
  FakeCoder own;
  if (!coder) coder = &own;
  int read = 0;
  std::vector<std::string> seen;
  PipelineOptions o;
  o.threads = threads;
  o.window = window;
  Status st = CodingPipeline::Run(*coder, o, Inputs(n, errors, &read), [&](PipelineItem& item) {
    seen.push_back(item.error.ok() ? item.coded.events.at(0).doc : item.error.message());
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.message();
  return seen;
}

TEST(PipelineTest, OutputInInputOrderWhateverTheThreads) {
  std::vector<std::string> serial = RunFake(1, 0, 300, {0, 17, 299});
  ASSERT_EQ(serial.size(), 300u);
  EXPECT_EQ(serial[0], "input 0");
  EXPECT_EQ(serial[17], "input 17");
  EXPECT_EQ(serial[1], "d1x");
  for (int threads : {2, 3, 8}) {
    for (size_t window : {1u, 2u, 5u, 64u}) {
      EXPECT_EQ(RunFake(threads, window, 300, {0, 17, 299}), serial)
          << threads << " threads, window " << window;
    }
  }
}

TEST(PipelineTest, WindowBoundsDocumentsInFlight) {
  FakeCoder coder;
  RunFake(4, 3, 200, {}, &coder);
  EXPECT_LE(coder.max_in_flight_.load(), 3);
  EXPECT_EQ(RunFake(2, 0, 0, {}).size(), 0u);  // empty input
}

TEST(PipelineTest, ConsumerErrorStopsEarly) {
  for (int threads : {1, 2}) {
    FakeCoder coder;
    int read = 0, consumed = 0;
    PipelineOptions o;
    o.threads = threads;
    o.window = 4;
    Status st = CodingPipeline::Run(coder, o, Inputs(1000, {}, &read), [&](PipelineItem&) {
      return ++consumed == 10 ? Status::Io("closed pipe") : Status::Ok();
    });
    EXPECT_EQ(st.code(), Status::Code::kIo);
    EXPECT_EQ(consumed, 10);
    EXPECT_LE(read, 10 + 4 + 1);  // reading stopped with the window full
  }
}

TEST(PipelineTest, ThrowingCoderIsAnInternalError) {
  for (int threads : {1, 2}) {
    FakeCoder coder;
    int i = 0;
    PipelineOptions o;
    o.threads = threads;
    int consumed = 0;
    Status st = CodingPipeline::Run(
        coder, o,
        [&]() -> Result<std::optional<Document>> {
          if (i == 20) return std::optional<Document>();
          Document d;
          d.origin = "doc" + std::to_string(i);
          d.text = i++ == 5 ? "throw" : "fine";
          return std::optional<Document>(std::move(d));
        },
        [&](PipelineItem&) {
          ++consumed;
          return Status::Ok();
        });
    EXPECT_EQ(st.code(), Status::Code::kInternal);
    EXPECT_NE(st.message().find("doc5: coding failed: boom"), std::string::npos) << st.message();
    EXPECT_EQ(consumed, 5);
  }
}

}  // namespace
}  // namespace dragoman
