#include "cli/document_coder.h"

#include <memory>

#include "tabari/sentence_coder.h"

namespace dragoman::cli {

Result<LoadedCoder> LoadDocumentCoder(const DictionariesSpec& spec, const std::string& data_dir,
                                      size_t max_events) {
  LoadedCoder out;
  switch (spec.kind) {
    case DictionariesSpec::Kind::kDragoman: {
      DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<Coder> coder, Coder::Create(CoderConfig{data_dir}));
      std::shared_ptr<const Coder> shared(std::move(coder));
      out.code = [shared, max_events](const Document& d) { return shared->Code(d, max_events); };
      return out;
    }
    case DictionariesSpec::Kind::kTabari:
    case DictionariesSpec::Kind::kPetrarch: {
      tabari::SentenceCoderConfig c;
      (spec.kind == DictionariesSpec::Kind::kTabari ? c.project : c.petrarch) = spec.path;
      c.data_dir = data_dir;
      DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<tabari::SentenceCoder> coder,
                                tabari::SentenceCoder::Create(c));
      if (!coder->cameo() && !coder->petrarch()) {
        out.note = "note: " + coder->non_cameo() +
                   " is not a CAMEO code: the event codes pass through without PLOVER type or "
                   "Goldstein weight";
      }
      if (!coder->load_warnings().empty()) {
        if (!out.note.empty()) out.note += "; ";
        out.note += "note: skipped " + std::to_string(coder->load_warnings().size()) +
                    " malformed dictionary entries, the first: " + coder->load_warnings().front();
      }
      std::shared_ptr<const tabari::SentenceCoder> shared(std::move(coder));
      out.code = [shared](const Document& d) { return shared->Code(d); };
      return out;
    }
  }
  return Status::Internal("unknown --dictionaries kind");
}

}  // namespace dragoman::cli
