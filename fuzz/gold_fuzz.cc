// Fuzz target: the gold readers of `dragoman eval` (doc/eval.md) — the gold file in any of its
// four formats (ParseGold), the country alias file and the PLOVER type vocabulary. The first
// byte picks the reader; the rest is the file. Documents a gold file names are looked up in an
// empty scratch folder, so they are reported missing, never read from elsewhere.
#include <unistd.h>

#include <filesystem>
#include <string>

#include "eval/gold.h"
#include "fuzz/fuzz_util.h"

using dragoman::fuzz::CheckError;
namespace eval = dragoman::eval;
namespace fs = std::filesystem;

namespace {

// Never destroyed: the exit handler that removes it runs after static destructors.
const std::string& EmptyDir() {
  static const std::string* dir = [] {
    auto* d = new std::string(
        (fs::temp_directory_path() / ("dragoman-gold-fuzz-" + std::to_string(getpid()))).string());
    fs::create_directories(*d);
    std::atexit([] { fs::remove_all(EmptyDir()); });
    return d;
  }();
  return *dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > dragoman::fuzz::kMaxInput) return 0;
  const std::string_view text = dragoman::fuzz::AsText(data + 1, size - 1);
  switch (data[0] % 4) {
    case 0: {
      auto r = eval::CountryAliases::Parse(text, "fuzz_aliases.txt");
      if (r.ok()) {
        r->Map("JAP");
      } else {
        CheckError(r.status());
      }
      break;
    }
    case 1: {
      auto r = eval::TypeVocabulary::Parse(text, "fuzz_types.txt");
      if (r.ok()) {
        r->Rename("CONSULT", "043");
      } else {
        CheckError(r.status());
      }
      break;
    }
    default: {
      static const eval::CountryAliases aliases =
          eval::CountryAliases::Parse("JAP JPN\n", "aliases").value();
      eval::GoldOptions options;
      options.aliases = &aliases;
      if (data[0] & 4) options.docs_dir = EmptyDir();
      auto r = eval::ParseGold(text, "fuzz_gold.jsonl", EmptyDir(), options);
      if (!r.ok()) CheckError(r.status());
      break;
    }
  }
  return 0;
}
