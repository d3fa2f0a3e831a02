#include "cli/coder_flags.h"

#include <ostream>

namespace dragoman::cli {

FlagSpec DictionariesFlag() {
  return {"dictionaries", "dragoman|rules|classify|tabari:PROJECT|petrarch:DIR",
          "code with dragoman's own dictionaries and rules (rules: the same; classify: plus the "
          "event-type classifier, doc/classify.md), or "
          "with a TABARI .project's dictionaries, or PETRARCH-1 dictionaries (a directory or a "
          "comma list of files), and the TABARI coder",
          "dragoman"};
}

Result<CoderSpec> CoderSpecFromFlags(const ParsedArgs& args) {
  return ParseCoderSpec(args.Get("dictionaries"));
}

Result<std::unique_ptr<const DocumentCoder>> OpenCoder(const CoderSpec& spec,
                                                       const std::string& data_dir,
                                                       std::string_view command,
                                                       CommandContext& ctx, bool quiet) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<const DocumentCoder> coder,
                            OpenDocumentCoder(spec, data_dir));
  if (!quiet) {
    for (const std::string& note : coder->Notes())
      ctx.err << "dragoman " << command << ": note: " << note << "\n";
  }
  return coder;
}

}  // namespace dragoman::cli
