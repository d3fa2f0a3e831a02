// A shared library opened at run time (dlopen) for the commands that need it, and the functions
// resolved from it by name.
//
// Why: the binary links only what every command uses. Libraries that one or two commands need
// (libpq for a postgresql:// store, libnats for `publish` and `worker`) pull in dozens of others
// (Kerberos, LDAP, GnuTLS, ...) whose mapping and relocation cost every run of `code` several
// milliseconds (doc/performance.md). Each such library gets a loader beside its only user
// (store/pg/libpq.h, stream/libnats.h) that opens it here and resolves the functions it calls.
//
// Ownership and lifetime: a library, once opened, stays loaded until the process exits (it is
// never closed: libpq and libnats keep threads and exit handlers that must not outlive their code).
// Thread-safety: Open and Resolve may be called from any thread.
#ifndef DRAGOMAN_BASE_SHARED_LIBRARY_H_
#define DRAGOMAN_BASE_SHARED_LIBRARY_H_

#include <string>

#include "base/status.h"

namespace dragoman {

class SharedLibrary {
 public:
  // Opens `soname` ("libpq.so.5") where the dynamic linker would look for it. `purpose` says what
  // it is needed for. On failure an Io status of one line:
  // "libpq.so.5 is needed for PURPOSE but cannot be loaded: DLERROR".
  static Result<SharedLibrary> Open(const std::string& soname, const std::string& purpose);

  // Sets *fn to the function `name` of the library. REQUIRES: F is the function's own type
  // (declared by the library's header, so the call is checked). On failure an Io status naming
  // the library and the function (a library older than the one dragoman was built against).
  template <typename F>
  Status Resolve(const char* name, F** fn) const {
    void* p = Symbol(name);
    if (p == nullptr) return MissingSymbol(name);
    *fn = reinterpret_cast<F*>(p);
    return Status::Ok();
  }

  const std::string& soname() const { return soname_; }

 private:
  SharedLibrary(void* handle, std::string soname) : handle_(handle), soname_(std::move(soname)) {}
  void* Symbol(const char* name) const;
  Status MissingSymbol(const char* name) const;

  void* handle_;  // from dlopen; never closed (see above)
  std::string soname_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_SHARED_LIBRARY_H_
