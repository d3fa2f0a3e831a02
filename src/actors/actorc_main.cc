// dragoman_actorc DATA_DIR OUT [ISO_CODES_JSON]: analyses every phrase of DATA_DIR's actor
// dictionaries (and iso-codes' country names) with the text stage, exactly as
// ActorDictionary::Load() would, and writes the table of actors/compiled_phrases.h to OUT.
// Run by the build for the shipped data (OUT = build/actor-phrases.bin); run it by hand to give
// a data directory of one's own its table (OUT = DATA_DIR/actor-phrases.bin). The file is written
// to OUT.tmp and renamed, so an interrupted run never leaves half a table under OUT.
//
// Exit codes: 0 written; 2 usage; 4 a data file is bad (the message names file and line); 6 OUT
// cannot be written.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "actors/compiled_phrases.h"
#include "actors/dictionary.h"
#include "text/analysis.h"

namespace {

int Fail(const std::string& message, int code) {
  std::fprintf(stderr, "dragoman_actorc: %s\n", message.c_str());
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: dragoman_actorc DATA_DIR OUT [ISO_CODES_JSON]\n");
    return 2;
  }
  const std::string data = argv[1], out = argv[2];
  dragoman::TextConfig tc;
  tc.data_dir = data;
  auto text = dragoman::TextAnalyzer::Create(tc);
  if (!text.ok()) return Fail(text.status().message(), 4);
  dragoman::ActorConfig ac;
  ac.data_dir = data;
  if (argc == 4) ac.iso_codes_json = argv[3];
  // No table in front: every phrase goes through the text analyzer and is recorded.
  dragoman::PhraseAnalyser analyser(**text, nullptr, /*record=*/true);
  ac.phrase_analyser = &analyser;
  auto dict = dragoman::ActorDictionary::Load(ac, **text);
  if (!dict.ok()) return Fail(dict.status().message(), 4);

  auto fingerprint = dragoman::CompiledPhrases::AnalyzerFingerprint(data);
  if (!fingerprint.ok()) return Fail(fingerprint.status().message(), 4);
  // The sources: every file under actors/ (what the dictionary may read), sorted so that the
  // table does not depend on directory order, and the iso-codes file.
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(data + "/actors", ec)) {
    if (e.is_regular_file()) {
      names.push_back(std::filesystem::relative(e.path(), data).generic_string());
    }
  }
  if (ec) return Fail(data + "/actors: " + ec.message(), 4);
  std::sort(names.begin(), names.end());
  std::vector<dragoman::CompiledPhrases::Source> sources;
  for (const std::string& n : names) {
    auto s = dragoman::CompiledPhrases::HashSource(n, data + "/" + n);
    if (!s.ok()) return Fail(s.status().message(), 4);
    sources.push_back(*s);
  }
  auto iso = dragoman::CompiledPhrases::HashSource(ac.iso_codes_json, ac.iso_codes_json);
  if (!iso.ok()) return Fail(iso.status().message(), 4);
  sources.push_back(*iso);

  auto blob = dragoman::CompiledPhrases::Compile(*fingerprint, sources, analyser.recorded());
  if (!blob.ok()) return Fail(blob.status().message(), 4);
  const std::string tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(blob->data(), static_cast<std::streamsize>(blob->size()));
    if (!f.flush()) return Fail(tmp + ": write failed", 6);
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    return Fail("cannot rename " + tmp + " to " + out, 6);
  }
  return 0;
}
