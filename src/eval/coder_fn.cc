// DocumentCodeFn: runs a DocumentCoder over gold documents.
#include <memory>

#include "eval/eval.h"
#include "input/reader.h"

namespace dragoman::eval {

CodeFn DocumentCodeFn(const DocumentCoder& coder) {
  return CodeFn([&coder](const GoldDocument& gold) -> Result<std::vector<Event>> {
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
    return coder.Code(doc).events;
  });
}

}  // namespace dragoman::eval
