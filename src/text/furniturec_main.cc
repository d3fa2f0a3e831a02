// dragoman_furniturec FURNITURE_TXT OUT: compiles every regex and caption line of a furniture
// file alone, exactly as FurniturePatterns::Load() does without a stamp, and when all compile
// writes the check stamp of text/furniture.h to OUT (so that start-up need not compile them
// again). Run by the build for the shipped file (OUT = build/furniture-checked); run it by hand
// to give a data directory of one's own its stamp (OUT = DATA_DIR/text/furniture-checked). The
// stamp is written to OUT.tmp and renamed, so an interrupted run never leaves half a stamp.
//
// Exit codes: 0 written; 2 usage; 4 the file cannot be read or a line does not compile (the
// message names file and line); 6 OUT cannot be written.
#include <cstdio>
#include <fstream>
#include <string>

#include "base/data_file.h"
#include "text/furniture.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: dragoman_furniturec FURNITURE_TXT OUT\n");
    return 2;
  }
  const std::string path = argv[1], out = argv[2], tmp = out + ".tmp";
  auto text = dragoman::ReadDataFile(path);
  if (!text.ok()) {
    std::fprintf(stderr, "dragoman_furniturec: %s\n", text.status().message().c_str());
    return 4;
  }
  // No stamp and no problems sink: every line is compiled, the first bad one fails.
  auto patterns = dragoman::FurniturePatterns::Parse(*text, path, nullptr, /*checked=*/0);
  if (!patterns.ok()) {
    std::fprintf(stderr, "dragoman_furniturec: %s\n", patterns.status().message().c_str());
    return 4;
  }
  const std::string stamp =
      dragoman::FurniturePatterns::StampFor(dragoman::FurniturePatterns::CheckFingerprint(*text));
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << stamp;
    if (!f.flush()) {
      std::fprintf(stderr, "dragoman_furniturec: %s: write failed\n", tmp.c_str());
      return 6;
    }
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::fprintf(stderr, "dragoman_furniturec: cannot rename %s to %s\n", tmp.c_str(), out.c_str());
    return 6;
  }
  return 0;
}
