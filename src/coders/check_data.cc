#include "coders/check_data.h"

#include "actors/actor.h"
#include "base/data_file.h"
#include "events/extractor.h"
#include "lexicon/lexicon.h"
#include "place/gazetteer.h"
#include "text/analysis.h"

namespace dragoman {

std::vector<Status> CheckCoderData(const CoderSpec& spec, const std::string& data_dir) {
  DataProblems problems;
  // A loader that gives up despite the sink (an unreadable file, a missing system file) returns
  // its Status: that is one more problem.
  auto keep = [&](const Status& s) {
    if (!s.ok()) problems.Add(s);
  };
  TextConfig tc;
  tc.data_dir = data_dir;
  tc.problems = &problems;
  auto text = TextAnalyzer::Create(tc);
  keep(text.status());
  if (text.ok()) {
    // Until every stage reads its word classes through the coder, the lexicon is loaded here on
    // its own.
    keep(Lexicon::Load(data_dir + "/lexicon", &problems).status());
    ActorConfig ac;
    ac.data_dir = data_dir;
    ac.problems = &problems;
    keep(ActorDictionaryHandle::Load(ac, **text).status());
    keep(Gazetteer::Load(data_dir, **text, &problems).status());
    EventConfig ec;
    ec.data_dir = data_dir;
    ec.problems = &problems;
    keep(EventExtractor::Create(ec).status());
  }
  if (spec.kind != CoderSpec::Kind::kDragoman) keep(OpenDocumentCoder(spec, data_dir).status());
  return problems.all();
}

}  // namespace dragoman
