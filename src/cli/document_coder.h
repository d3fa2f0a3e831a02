// The document coder a command runs, chosen by --dictionaries (cli/dictionaries_flag.h): dragoman's
// own Coder, or the TABARI adapter (tabari/sentence_coder.h). Either way a Document goes in and a
// CodedDocument (events in the output contract, sentences) comes out.
//
// Thread-safety: the returned function may be called from several threads at once (both coders
// are); it owns what it loaded.
#ifndef DRAGOMAN_CLI_DOCUMENT_CODER_H_
#define DRAGOMAN_CLI_DOCUMENT_CODER_H_

#include <cstddef>
#include <functional>
#include <limits>
#include <string>

#include "base/status.h"
#include "cli/dictionaries_flag.h"
#include "coder/coder.h"
#include "input/document.h"

namespace dragoman::cli {

using DocumentCoderFn = std::function<CodedDocument(const Document&)>;

struct LoadedCoder {
  DocumentCoderFn code;
  // A one-line remark for the user ("" for none), e.g. that a TABARI dictionary's codes are not
  // CAMEO and so carry no PLOVER type.
  std::string note;
};

// Loads the dictionaries `spec` names once (dragoman's from `data_dir`; TABARI's from the
// project, with `data_dir` still used for sentence splitting and the CAMEO table). BadData
// "file:line: reason" for a malformed or missing dictionary file.
// With dragoman's coder, a document coding to more than `max_events` events stops being coded
// there (Coder::Code(doc, max_events)): the caller refuses it, and its memory stays bounded.
Result<LoadedCoder> LoadDocumentCoder(const DictionariesSpec& spec, const std::string& data_dir,
                                      size_t max_events = std::numeric_limits<size_t>::max());

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_DOCUMENT_CODER_H_
