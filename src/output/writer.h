// EventWriter: streams Events to an std::ostream as JSONL, CSV or TSV (one event a line; CSV/TSV
// start with a header row).
//
// Thread-safety: one writer per thread. The stream must outlive the writer.
#ifndef DRAGOMAN_OUTPUT_WRITER_H_
#define DRAGOMAN_OUTPUT_WRITER_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "base/status.h"
#include "events/event.h"

namespace dragoman {

enum class OutputFormat { kJsonl, kCsv, kTsv };
// "jsonl", "csv", "tsv"; nullopt otherwise.
std::optional<OutputFormat> ParseOutputFormat(std::string_view s);

class EventWriter {
 public:
  EventWriter(std::ostream& out, OutputFormat format) : out_(out), format_(format) {}

  // Writes one event. Io error when the stream failed (e.g. a closed pipe: the caller stops and
  // treats it as success, see src/cli/cmd_code.cc).
  Status Write(const Event& e);
  Status Flush();

 private:
  std::ostream& out_;
  OutputFormat format_;
  bool header_written_ = false;
  std::string line_;  // reused for every JSONL line
};

}  // namespace dragoman

#endif  // DRAGOMAN_OUTPUT_WRITER_H_
