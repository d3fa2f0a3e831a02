// Fuzz target: TABARI's file formats (doc/tabari.md) — actors, agents, verbs and options
// dictionaries, the .project file, the record format of its validation texts and the JSON Lines
// form of a suite — and the TABARI coder over what was loaded. The first byte picks the format;
// the rest is the file. After a dictionary loads, the coder codes a fixed invented sentence and
// the file's own first line, so that fuzzed patterns and actors are matched, not just parsed.
#include <string>

#include "fuzz/fuzz_util.h"
#include "tabari/coder.h"
#include "tabari/dictionary.h"
#include "tabari/suite.h"

using dragoman::fuzz::CheckError;
namespace tabari = dragoman::tabari;

namespace {

void CodeWith(tabari::Dictionaries& dict, std::string_view text) {
  dict.Finish();
  tabari::TabariCoder coder(dict);
  tabari::CodeResult result;
  coder.Code("THE ENVOY OF FREEDONIA MET THE FOREIGN MINISTER OF SYLVANIA IN THE CAPITAL", 20240308,
             dict.options, &result);
  std::string_view first = text.substr(0, text.find('\n'));
  coder.Code(first, 20240308, dict.options, &result);
  coder.Code(first, 0, dict.options, &result, /*continue_story=*/true);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > dragoman::fuzz::kMaxInput) return 0;
  const std::string_view text = dragoman::fuzz::AsText(data + 1, size - 1);
  tabari::Dictionaries dict;
  dragoman::Status st;
  switch (data[0] % 8) {
    case 0: st = dict.LoadActors(text, "fuzz.actors"); break;
    case 1: st = dict.LoadAgents(text, "fuzz.agents"); break;
    case 2: st = dict.LoadVerbs(text, "fuzz.verbs"); break;
    case 3: st = dict.LoadOptions(text, "fuzz.options"); break;
    case 4: {
      auto p = tabari::ParseProject(text, "/nonexistent/fuzz.project");
      if (!p.ok()) CheckError(p.status());
      return 0;
    }
    case 5: {
      auto r = tabari::ParseTabariText(text, "fuzz.txt");
      if (!r.ok()) CheckError(r.status());
      return 0;
    }
    case 6: {
      auto r = tabari::ParseSuiteJsonl(text, "fuzz.jsonl");
      if (!r.ok()) CheckError(r.status());
      return 0;
    }
    default: {
      // Verbs after actors and agents: a whole small dictionary from one input, split at "~~".
      size_t a = text.find("~~");
      size_t b = a == std::string_view::npos ? a : text.find("~~", a + 2);
      st = dict.LoadActors(text.substr(0, a), "fuzz.actors");
      if (st.ok() && a != std::string_view::npos) {
        st = dict.LoadAgents(text.substr(a + 2, b == std::string_view::npos ? b : b - a - 2),
                             "fuzz.agents");
      }
      if (st.ok() && b != std::string_view::npos) st = dict.LoadVerbs(text.substr(b + 2), "fuzz.verbs");
      break;
    }
  }
  if (!st.ok()) {
    CheckError(st);
    return 0;
  }
  CodeWith(dict, text);
  return 0;
}
