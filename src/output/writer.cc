#include "output/writer.h"

#include "output/event_json.h"

namespace dragoman {

std::optional<OutputFormat> ParseOutputFormat(std::string_view s) {
  if (s == "jsonl" || s == "json") return OutputFormat::kJsonl;
  if (s == "csv") return OutputFormat::kCsv;
  if (s == "tsv") return OutputFormat::kTsv;
  return std::nullopt;
}

namespace {
void WriteRow(std::ostream& out, const std::vector<std::string>& row, OutputFormat f) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out << (f == OutputFormat::kCsv ? ',' : '\t');
    out << (f == OutputFormat::kCsv ? CsvField(row[i]) : TsvField(row[i]));
  }
  out << '\n';
}
}  // namespace

Status EventWriter::Write(const Event& e) {
  if (format_ == OutputFormat::kJsonl) {
    line_.clear();
    AppendEventJson(e, &line_);
    line_.push_back('\n');
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  } else {
    if (!header_written_) {
      WriteRow(out_, EventColumns(), format_);
      header_written_ = true;
    }
    WriteRow(out_, EventRow(e), format_);
  }
  if (!out_) return Status::Io("writing output failed");
  return Status::Ok();
}

Status EventWriter::Flush() {
  out_.flush();
  if (!out_) return Status::Io("writing output failed");
  return Status::Ok();
}

}  // namespace dragoman
