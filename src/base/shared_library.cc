#include "base/shared_library.h"

#include <dlfcn.h>

#include <utility>

namespace dragoman {

Result<SharedLibrary> SharedLibrary::Open(const std::string& soname, const std::string& purpose) {
  // RTLD_LOCAL: the library's symbols serve only the functions resolved from it. RTLD_NOW: a
  // library that cannot be linked fails here, with its message, not at its first call.
  void* handle = dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return Status::Io(soname + " is needed for " + purpose +
                      " but cannot be loaded: " + (why ? why : "unknown error"));
  }
  return SharedLibrary(handle, soname);
}

void* SharedLibrary::Symbol(const char* name) const {
  dlerror();  // clear an earlier error so that the one below is this lookup's
  return dlsym(handle_, name);
}

Status SharedLibrary::MissingSymbol(const char* name) const {
  return Status::Io(soname_ + " has no function " + name +
                    " (older than the version dragoman was built against?)");
}

}  // namespace dragoman
