// The table of files that the build generates into embedded_assets.cc from the built front end
// (see src/server/CMakeLists.txt and embed_assets_main.cc). Read only through assets.h.
#ifndef DRAGOMAN_SERVER_EMBEDDED_ASSETS_H_
#define DRAGOMAN_SERVER_EMBEDDED_ASSETS_H_

#include <cstddef>

namespace dragoman::server::embedded {

struct File {
  const char* path;  // "/index.html", "/assets/index-abc123.js"
  const unsigned char* data;
  size_t size;
};

extern const File kFiles[];
extern const size_t kFileCount;

}  // namespace dragoman::server::embedded

#endif  // DRAGOMAN_SERVER_EMBEDDED_ASSETS_H_
