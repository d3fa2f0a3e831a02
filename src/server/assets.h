// The dashboard's static files: the built front end (web/, built by Vite at build time) compiled
// into the binary (the default), or read from a folder (`dragoman serve --assets DIR`, for
// front-end work without rebuilding the binary).
//
// Safety: a request path is looked up, never joined blindly to a folder. Paths with a "..",
// "." or empty segment, a backslash, a NUL or any control character, or that are not valid UTF-8
// are not found; in folder mode the resolved file must also lie inside the folder after every
// symbolic link is followed. Nothing outside the asset root is ever served.
//
// Thread-safety: an AssetSet is immutable; Find() may be called from any thread.
#ifndef DRAGOMAN_SERVER_ASSETS_H_
#define DRAGOMAN_SERVER_ASSETS_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dragoman::server {

struct AssetData {
  std::string body;
  std::string content_type;
  // True for content-hashed file names (Vite's assets/NAME-HASH.js): cacheable for ever.
  bool immutable = false;
};

class AssetSet {
 public:
  // The files compiled into this binary (none when it was configured with DRAGOMAN_WEB=OFF).
  static AssetSet Embedded();
  // The files under `dir`, read at each request. NotFound when `dir` is not a folder.
  static Result<AssetSet> FromDirectory(const std::string& dir);

  // The file for a request path ("/" means "/index.html"); nullopt when there is none or the
  // path is refused (see above).
  std::optional<AssetData> Find(std::string_view request_path) const;

  // Number of embedded files (0 in folder mode).
  size_t embedded_count() const;
  bool from_directory() const { return !dir_.empty(); }

 private:
  std::string dir_;  // canonical; empty for the embedded files
};

// The Content-Type for a file name, by extension ("application/octet-stream" when unknown).
std::string ContentTypeFor(std::string_view name);

// True when `path` ("/assets/x.js") is a safe relative file path under the root: every segment
// non-empty, not "." or "..", no backslash, no control character, valid UTF-8.
bool SafeAssetPath(std::string_view path);

}  // namespace dragoman::server

#endif  // DRAGOMAN_SERVER_ASSETS_H_
