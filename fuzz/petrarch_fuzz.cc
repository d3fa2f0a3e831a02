// Fuzz target: PETRARCH-1's file formats (doc/tabari.md, "PETRARCH-1") — the Phoenix actors,
// agents and discards dictionaries, CAMEO.verbpatterns, and the JSON Lines unit suite — each
// under both bad-entry policies, then the coder over what was loaded. The first byte picks the
// format and the policy; the rest is the file.
#include <string>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "tabari/coder.h"
#include "tabari/petrarch.h"

using dragoman::fuzz::Check;
using dragoman::fuzz::CheckError;
namespace tabari = dragoman::tabari;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > dragoman::fuzz::kMaxInput) return 0;
  const std::string_view text = dragoman::fuzz::AsText(data + 1, size - 1);
  tabari::PetrarchLoadOptions opt;
  opt.on_bad_entry = (data[0] & 8) ? tabari::BadEntryPolicy::kSkip : tabari::BadEntryPolicy::kFail;
  tabari::Dictionaries dict;
  dict.options = tabari::PetrarchOptions();
  std::vector<std::string> warnings;
  dragoman::Status st;
  switch (data[0] % 8) {
    case 0: st = tabari::LoadPetrarchActors(text, "fuzz.actors.txt", opt, &dict, &warnings); break;
    case 1: st = tabari::LoadPetrarchAgents(text, "fuzz.agents.txt", opt, &dict, &warnings); break;
    case 2:
      st = tabari::LoadPetrarchDiscards(text, "fuzz.discards.txt", opt, &dict, &warnings);
      break;
    case 3: case 4: case 5:
      st = tabari::LoadPetrarchVerbs(text, "fuzz.verbpatterns.txt", opt, &dict, &warnings);
      break;
    default: {
      auto r = tabari::ParsePetrarchSuiteJsonl(text, "fuzz.jsonl");
      if (!r.ok()) CheckError(r.status());
      return 0;
    }
  }
  for (const std::string& w : warnings) Check(w.find('\n') == std::string::npos, "warning lines");
  if (!st.ok()) {
    CheckError(st);
    return 0;
  }
  dict.Finish();
  tabari::TabariCoder coder(dict);
  tabari::CodeResult result;
  coder.Code("THE ENVOY OF FREEDONIA DID NOT MEET THE MINISTER OF SYLVANIA", 20240308, dict.options,
             &result);
  coder.Code(text.substr(0, text.find('\n')), 20240308, dict.options, &result);
  return 0;
}
