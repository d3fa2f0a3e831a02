// dragoman_lemmac WORDNET_DIR OUT: compiles WordNet's lemma and exception lists into the mapped
// table format of text/lemma_table.h. Run by the build; the file is written to OUT.tmp and
// renamed, so an interrupted build never leaves a half table under OUT.
#include <cstdio>
#include <fstream>
#include <string>

#include "text/lemma_table.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: dragoman_lemmac WORDNET_DIR OUT\n");
    return 2;
  }
  auto blob = dragoman::LemmaTable::Compile(argv[1]);
  if (!blob.ok()) {
    std::fprintf(stderr, "dragoman_lemmac: %s\n", blob.status().message().c_str());
    return 4;
  }
  std::string out = argv[2], tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(blob->data(), static_cast<std::streamsize>(blob->size()));
    if (!f.flush()) {
      std::fprintf(stderr, "dragoman_lemmac: %s: write failed\n", tmp.c_str());
      return 6;
    }
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::fprintf(stderr, "dragoman_lemmac: cannot rename %s to %s\n", tmp.c_str(), out.c_str());
    return 6;
  }
  return 0;
}
