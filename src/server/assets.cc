#include "server/assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/embedded_assets.h"
#include "server/params.h"

namespace dragoman::server {

namespace fs = std::filesystem;

bool SafeAssetPath(std::string_view path) {
  if (path.empty() || path[0] != '/' || !IsCleanText(path)) return false;
  if (path.find('\\') != std::string_view::npos || path.find('\t') != std::string_view::npos) {
    return false;
  }
  size_t from = 1;
  while (from <= path.size()) {
    size_t slash = path.find('/', from);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(from, slash - from);
    if (seg.empty() || seg == "." || seg == "..") return false;
    from = slash + 1;
  }
  return true;
}

std::string ContentTypeFor(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

AssetSet AssetSet::Embedded() { return AssetSet(); }

Result<AssetSet> AssetSet::FromDirectory(const std::string& dir) {
  std::error_code ec;
  fs::path canonical = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(canonical, ec)) {
    return Status::NotFound(dir + ": no such folder");
  }
  AssetSet s;
  s.dir_ = canonical.string();
  return s;
}

size_t AssetSet::embedded_count() const { return dir_.empty() ? embedded::kFileCount : 0; }

std::optional<AssetData> AssetSet::Find(std::string_view request_path) const {
  std::string path(request_path == "/" ? std::string_view("/index.html") : request_path);
  if (!SafeAssetPath(path)) return std::nullopt;
  AssetData a;
  a.content_type = ContentTypeFor(path);
  a.immutable = path.rfind("/assets/", 0) == 0;
  if (dir_.empty()) {
    for (size_t i = 0; i < embedded::kFileCount; ++i) {
      const embedded::File& f = embedded::kFiles[i];
      if (path == f.path) {
        a.body.assign(reinterpret_cast<const char*>(f.data), f.size);
        return a;
      }
    }
    return std::nullopt;
  }
  std::error_code ec;
  fs::path file = fs::canonical(fs::path(dir_) / path.substr(1), ec);
  if (ec) return std::nullopt;
  // After following every link, the file must still be under the root.
  std::string resolved = file.string();
  if (resolved.compare(0, dir_.size(), dir_) != 0 || resolved.size() <= dir_.size() ||
      resolved[dir_.size()] != '/' || !fs::is_regular_file(file, ec)) {
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  a.body = buf.str();
  return a;
}

}  // namespace dragoman::server
