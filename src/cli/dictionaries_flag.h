// The --dictionaries flag: which dictionaries and which coder a command codes text with.
// Shared by the commands that code documents (code, ingest); declared once here with its help.
//
// Spec syntax (doc/cli.md):
//   dragoman            dragoman's own dictionaries and coder (the default; also the empty value)
//   tabari:PATH         a TABARI .project file: its actors, agents, verbs and options files,
//                       coded by the TABARI coder (tabari/sentence_coder.h)
//   petrarch:SPEC       PETRARCH-1 dictionaries: a directory or a comma list of files
//                       (ResolvePetrarchSpec in tabari/petrarch.h), coded by the same coder
//                       with PETRARCH's options
// A new kind is one more DictionariesSpec::Kind, one more row in kKinds (dictionaries_flag.cc),
// and one more case in LoadDocumentCoder (cli/document_coder.h).
//
// Thread-safety: stateless functions.
#ifndef DRAGOMAN_CLI_DICTIONARIES_FLAG_H_
#define DRAGOMAN_CLI_DICTIONARIES_FLAG_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "cli/flags.h"

namespace dragoman::cli {

struct DictionariesSpec {
  enum class Kind { kDragoman, kTabari, kPetrarch };
  Kind kind = Kind::kDragoman;
  // kTabari: the .project file; kPetrarch: the directory or comma list of files (not checked
  // here: loading reports it).
  std::string path;
};

// The --dictionaries flag with its help text.
FlagSpec DictionariesFlag();

// Parses a spec. InvalidArgument (a usage error, exit 2) naming the bad value and the accepted
// forms for an unknown kind or a missing path; the files themselves are checked when loaded.
Result<DictionariesSpec> ParseDictionariesSpec(std::string_view spec);

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_DICTIONARIES_FLAG_H_
