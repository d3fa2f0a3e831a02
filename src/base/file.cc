#include "base/file.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

namespace dragoman {

Result<std::string> ReadFile(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::Io(path + ": " + std::strerror(errno));
  }
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) out.append(buf, n);
  if (std::ferror(f.get())) return Status::Io(path + ": read error: " + std::strerror(errno));
  return out;
}

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: the data files are mostly ASCII, and this check runs on every
    // one of them at start-up (~3 M instructions a byte at a time).
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

LineCol LineColAt(std::string_view s, size_t pos) {
  LineCol lc{1, 1};
  if (pos > s.size()) pos = s.size();
  for (size_t i = 0; i < pos; ++i) {
    if (s[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else {
      ++lc.column;
    }
  }
  return lc;
}

std::string Where(std::string_view name, std::string_view s, size_t pos) {
  LineCol lc = LineColAt(s, pos);
  return std::string(name) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

bool LooksBinary(std::string_view s) {
  return s.substr(0, 8192).find('\0') != std::string_view::npos;
}

Result<std::string> FindDataDir(const std::string& flag) {
  namespace fs = std::filesystem;
  auto has_version = [](const std::string& dir) {
    std::error_code ec;
    return fs::exists(fs::path(dir) / "VERSION", ec);
  };
  if (!flag.empty()) {
    if (has_version(flag)) return flag;
    return Status::BadData(flag + ": not a dragoman data directory (no VERSION file)");
  }
  if (const char* env = std::getenv("DRAGOMAN_DATA"); env && *env) {
    if (has_version(env)) return std::string(env);
    return Status::BadData(std::string(env) +
                           ": $DRAGOMAN_DATA is not a dragoman data directory (no VERSION file)");
  }
  for (const char* dir : {DRAGOMAN_SOURCE_DATA_DIR, DRAGOMAN_INSTALL_DATA_DIR}) {
    if (has_version(dir)) return std::string(dir);
  }
  return Status::BadData(
      "cannot find dragoman's data directory; pass --data DIR or set "
      "$DRAGOMAN_DATA");
}

}  // namespace dragoman
