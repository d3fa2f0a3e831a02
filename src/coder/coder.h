// The coder: a Document in, its coded Events out. Runs the pipeline stages in order:
//   text analysis -> actors (per-document resolver) -> dates, places, quantities -> events.
//
// Thread-safety: a Coder is immutable after Create(); Code() may be called from several threads
// at once (each call keeps its own per-document state).
#ifndef DRAGOMAN_CODER_CODER_H_
#define DRAGOMAN_CODER_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "events/event.h"
#include "input/document.h"

namespace dragoman {

struct CoderConfig {
  std::string data_dir;  // dragoman's data directory (base/file.h FindDataDir)
};

struct CodedDocument {
  std::vector<Event> events;
  int sentences = 0;
};

class Coder {
 public:
  // Loads every dictionary once. Fails with BadData naming the file and line of a bad entry.
  static Result<std::unique_ptr<Coder>> Create(const CoderConfig& config);
  ~Coder();

  CodedDocument Code(const Document& doc) const;

 private:
  Coder();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_CODER_CODER_H_
