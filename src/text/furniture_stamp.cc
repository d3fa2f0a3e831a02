// Check stamps of the furniture patterns (text/furniture.h): the fingerprint of a furniture file
// whose every line the build compiled alone, so that Load() need not compile them again.
#include <unicode/uversion.h>

#include <cinttypes>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "text/furniture.h"

namespace dragoman {
namespace {

// The version of the per-line check a stamp vouches for: bump it whenever Parse() checks lines
// differently, so that stamps written by an older check are ignored.
constexpr int kCheckVersion = 1;
constexpr std::string_view kStampTag = "dragoman-furniture-checked";

}  // namespace

uint64_t FurniturePatterns::CheckFingerprint(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a-64
  auto add = [&h](std::string_view bytes) {
    for (char c : bytes) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
  };
  add(kStampTag);
  add(std::to_string(kCheckVersion));
  add(" ICU " U_ICU_VERSION "\n");
  add(text);
  return h == 0 ? 1 : h;
}

std::string FurniturePatterns::StampFor(uint64_t fingerprint) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, fingerprint);
  return std::string(kStampTag) + " " + std::to_string(kCheckVersion) + " " + hex + "\n";
}

uint64_t FurniturePatterns::ParseStamp(std::string_view stamp) {
  const std::string prefix = std::string(kStampTag) + " " + std::to_string(kCheckVersion) + " ";
  if (stamp.substr(0, prefix.size()) != prefix) return 0;
  std::string_view hex = stamp.substr(prefix.size());
  if (hex.size() != 17 || hex[16] != '\n') return 0;
  uint64_t v = 0;
  for (char c : hex.substr(0, 16)) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
    if (d < 0) return 0;
    v = v << 4 | static_cast<uint64_t>(d);
  }
  return v;
}

std::vector<std::string> FurniturePatterns::DefaultStamps(const std::string& data_dir) {
  // DRAGOMAN_FURNITURE_STAMP is defined by src/text/CMakeLists.txt; DRAGOMAN_INSTALL_DATA_DIR
  // by cmake/dragoman.cmake.
  return {data_dir + "/text/furniture-checked", DRAGOMAN_FURNITURE_STAMP,
          std::string(DRAGOMAN_INSTALL_DATA_DIR) + "/furniture-checked"};
}

}  // namespace dragoman
