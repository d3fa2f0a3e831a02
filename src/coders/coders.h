// Opening a DocumentCoder (coder/document_coder.h) from a coder spec: the one factory every
// consumer of coding calls (the CLI's code, ingest and eval; a server; a queue worker).
//
// Spec syntax (the --dictionaries flag, doc/cli.md):
//   dragoman            dragoman's own dictionaries and coder (the default; also the empty value)
//   rules               the same without the event-type classifier (classify/classifier.h):
//                       the rules alone, the ablation's baseline (doc/classify.md)
//   tabari:PATH         a TABARI .project file: its actors, agents, verbs and options files,
//                       coded by the TABARI coder (tabari/sentence_coder.h)
//   petrarch:SPEC       PETRARCH-1 dictionaries: a directory or a comma list of files
//                       (ResolvePetrarchSpec in tabari/petrarch.h), coded by the same coder
//                       with PETRARCH's options
// A new kind of coder is one more CoderSpec::Kind, one more row in kKinds (coders.cc) and one
// more case in OpenDocumentCoder.
//
// Thread-safety: stateless functions; the coder returned is safe for concurrent Code() calls.
#ifndef DRAGOMAN_CODERS_CODERS_H_
#define DRAGOMAN_CODERS_CODERS_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "coder/document_coder.h"

namespace dragoman {

struct CoderSpec {
  // kDragoman (the default) and kRules: dragoman's rules alone; kClassify: the rules plus the
  // event-type classifier (doc/classify.md), which does not pay on the measure-only parts
  // (doc/eval.md, "The classifier's ablation") and so is not the default.
  enum class Kind { kDragoman, kRules, kClassify, kTabari, kPetrarch };
  Kind kind = Kind::kDragoman;
  // kTabari: the .project file; kPetrarch: the directory or comma list of files (not checked
  // here: opening reports it).
  std::string path;
};

// The accepted forms, for help texts and error messages.
inline constexpr const char* kCoderSpecForms =
    "dragoman, rules, classify, tabari:PATH.project or petrarch:DIR|FILE,FILE,...";

// Parses a spec. InvalidArgument naming the bad value and the accepted forms for an unknown kind
// or a missing path (the CLI reports it as a usage error); the files are checked when opened.
Result<CoderSpec> ParseCoderSpec(std::string_view spec);

// Loads the coder `spec` names once: dragoman's dictionaries from `data_dir`; TABARI's or
// PETRARCH's from their files, with `data_dir` still used for sentence splitting and the CAMEO
// table. BadData "file:line: reason" for a malformed or missing dictionary file.
Result<std::unique_ptr<const DocumentCoder>> OpenDocumentCoder(const CoderSpec& spec,
                                                                const std::string& data_dir);

}  // namespace dragoman

#endif  // DRAGOMAN_CODERS_CODERS_H_
