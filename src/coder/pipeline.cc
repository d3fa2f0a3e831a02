#include "coder/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace dragoman {

int CodingThreads(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

namespace {

// Codes one document, turning an escaped exception into a status.
Status CodeOne(const DocumentCoder& coder, size_t max_events, PipelineItem& item) {
  try {
    item.coded = coder.Code(item.doc, max_events);
  } catch (const std::exception& e) {
    return Status::Internal(item.doc.origin + ": coding failed: " + e.what());
  } catch (...) {
    return Status::Internal(item.doc.origin + ": coding failed");
  }
  return Status::Ok();
}

Status RunSerial(const DocumentCoder& coder, size_t max_events, const CodingPipeline::Next& next,
                 const CodingPipeline::Consume& consume) {
  while (true) {
    auto r = next();
    PipelineItem item;
    if (!r.ok()) {
      item.error = r.status();
    } else if (!r->has_value()) {
      return Status::Ok();
    } else {
      item.doc = std::move(**r);
      DRAGOMAN_RETURN_IF_ERROR(CodeOne(coder, max_events, item));
    }
    DRAGOMAN_RETURN_IF_ERROR(consume(item));
  }
}

class Parallel {
 public:
  Parallel(const DocumentCoder& coder, size_t max_events, int threads, size_t window)
      : coder_(coder), max_events_(max_events), slots_(window) {
    for (int t = 0; t < threads; ++t) workers_.emplace_back([this] { Work(); });
  }
  ~Parallel() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    for (auto& w : workers_) w.join();
  }

  Status Run(const CodingPipeline::Next& next, const CodingPipeline::Consume& consume) {
    size_t produced = 0, consumed = 0;
    bool at_end = false;
    while (true) {
      // Keep the window full while there is input.
      while (!at_end && produced - consumed < slots_.size()) {
        auto r = next();  // no lock held: reading may block
        if (r.ok() && !r->has_value()) {
          at_end = true;
          break;
        }
        Slot& s = slots_[produced % slots_.size()];
        std::lock_guard<std::mutex> lock(mu_);
        s.item = PipelineItem();
        s.status = Status::Ok();
        if (!r.ok()) {
          s.item.error = r.status();
          s.state = State::kDone;
        } else {
          s.item.doc = std::move(**r);
          s.state = State::kPending;
          queue_.push_back(produced);
          work_cv_.notify_one();
        }
        ++produced;
      }
      if (consumed == produced) return Status::Ok();  // at_end, everything consumed
      Slot& s = slots_[consumed % slots_.size()];
      {
        std::unique_lock<std::mutex> lock(mu_);
        done_cv_.wait(lock, [&] { return s.state == State::kDone; });
      }
      DRAGOMAN_RETURN_IF_ERROR(s.status);
      DRAGOMAN_RETURN_IF_ERROR(consume(s.item));
      {
        std::lock_guard<std::mutex> lock(mu_);
        s.item = PipelineItem();
        s.state = State::kEmpty;
      }
      ++consumed;
    }
  }

 private:
  enum class State { kEmpty, kPending, kDone };
  struct Slot {
    State state = State::kEmpty;
    PipelineItem item;
    Status status;  // a coding failure
  };

  void Work() {
    while (true) {
      size_t index;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (stop_) return;
        index = queue_.front();
        queue_.pop_front();
      }
      // The slot is this worker's until it is marked done: the reader does not reuse a slot
      // before the consumer has emptied it.
      Slot& s = slots_[index % slots_.size()];
      Status st = CodeOne(coder_, max_events_, s.item);
      {
        std::lock_guard<std::mutex> lock(mu_);
        s.status = std::move(st);
        s.state = State::kDone;
      }
      done_cv_.notify_one();
    }
  }

  const DocumentCoder& coder_;
  const size_t max_events_;
  std::vector<Slot> slots_;
  std::mutex mu_;
  std::condition_variable work_cv_;  // a document is pending, or stop
  std::condition_variable done_cv_;  // a document is coded
  std::deque<size_t> queue_;         // pending documents, oldest first; guarded by mu_
  bool stop_ = false;                // guarded by mu_
  std::vector<std::thread> workers_;
};

}  // namespace

Status CodingPipeline::Run(const DocumentCoder& coder, const PipelineOptions& options,
                           const Next& next, const Consume& consume) {
  int threads = CodingThreads(options.threads);
  if (threads == 1) return RunSerial(coder, options.max_events, next, consume);
  size_t window = options.window > 0 ? options.window : static_cast<size_t>(threads) * 8;
  Parallel p(coder, options.max_events, threads, std::max<size_t>(window, 1));
  return p.Run(next, consume);
}

}  // namespace dragoman
