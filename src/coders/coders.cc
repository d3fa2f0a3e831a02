#include "coders/coders.h"

#include "coder/coder.h"
#include "tabari/sentence_coder.h"

namespace dragoman {
namespace {

struct KindRow {
  std::string_view name;
  CoderSpec::Kind kind;
  bool takes_path;
};
// Every kind a spec may name; add a row (and a Kind) for a new coder.
constexpr KindRow kKinds[] = {
    {"dragoman", CoderSpec::Kind::kDragoman, false},
    {"rules", CoderSpec::Kind::kRules, false},
    {"classify", CoderSpec::Kind::kClassify, false},
    {"tabari", CoderSpec::Kind::kTabari, true},
    {"petrarch", CoderSpec::Kind::kPetrarch, true},
};

}  // namespace

Result<CoderSpec> ParseCoderSpec(std::string_view spec) {
  if (spec.empty()) return CoderSpec{};
  size_t colon = spec.find(':');
  std::string_view name = spec.substr(0, colon);
  for (const KindRow& row : kKinds) {
    if (row.name != name) continue;
    CoderSpec out;
    out.kind = row.kind;
    if (!row.takes_path) {
      if (colon != std::string_view::npos) {
        return Status::InvalidArgument("--dictionaries " + std::string(name) +
                                       " takes no path, got '" + std::string(spec) + "'");
      }
      return out;
    }
    if (colon == std::string_view::npos || colon + 1 == spec.size()) {
      return Status::InvalidArgument(
          "--dictionaries " + std::string(name) + ": needs a path, as in " + std::string(name) +
          (row.kind == CoderSpec::Kind::kTabari ? ":PATH.project" : ":DIR"));
    }
    out.path = std::string(spec.substr(colon + 1));
    return out;
  }
  return Status::InvalidArgument("--dictionaries must be " + std::string(kCoderSpecForms) +
                                 ", not '" + std::string(spec) + "'");
}

Result<std::unique_ptr<const DocumentCoder>> OpenDocumentCoder(const CoderSpec& spec,
                                                                const std::string& data_dir) {
  switch (spec.kind) {
    case CoderSpec::Kind::kDragoman:
    case CoderSpec::Kind::kRules:
    case CoderSpec::Kind::kClassify: {
      CoderConfig config{data_dir};
      config.classify = spec.kind == CoderSpec::Kind::kClassify;
      DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<Coder> coder, Coder::Create(config));
      return std::unique_ptr<const DocumentCoder>(std::move(coder));
    }
    case CoderSpec::Kind::kTabari:
    case CoderSpec::Kind::kPetrarch: {
      tabari::SentenceCoderConfig c;
      (spec.kind == CoderSpec::Kind::kTabari ? c.project : c.petrarch) = spec.path;
      c.data_dir = data_dir;
      DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<tabari::SentenceCoder> coder,
                                tabari::SentenceCoder::Create(c));
      return std::unique_ptr<const DocumentCoder>(std::move(coder));
    }
  }
  return Status::Internal("unknown coder kind");
}

}  // namespace dragoman
