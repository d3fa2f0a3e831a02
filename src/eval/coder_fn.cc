// CoderCodeFn: runs dragoman's own coder over gold documents (built only when the coder and
// input stages are; see CMakeLists.txt).
#include <memory>

#include "coder/coder.h"
#include "eval/eval.h"
#include "input/reader.h"

namespace dragoman::eval {

CodeFn DocumentCodeFn(std::function<std::vector<Event>(const Document&)> code) {
  return CodeFn([code = std::move(code)](const GoldDocument& gold) -> Result<std::vector<Event>> {
    // The gold text is the document exactly as a user would hand it to `dragoman code`: the
    // reader dates it from its dateline or byline; a metadata date (peer records) wins.
    ReaderConfig config;
    config.format = InputFormat::kText;
    DRAGOMAN_ASSIGN_OR_RETURN(Document doc,
                              DocumentFromText(gold.id, gold.text, InputFormat::kText, config));
    doc.id = gold.id;
    if (gold.date) {
      doc.date = gold.date;
      doc.date_source = DateSource::kMetadata;
    }
    return code(doc);
  });
}

Result<CodeFn> CoderCodeFn(const std::string& data_dir) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<Coder> coder, Coder::Create(CoderConfig{data_dir}));
  std::shared_ptr<const Coder> shared(std::move(coder));
  return DocumentCodeFn([shared](const Document& doc) { return shared->Code(doc).events; });
}

}  // namespace dragoman::eval
