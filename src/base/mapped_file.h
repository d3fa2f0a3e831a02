// A read-only memory mapping of a whole file.
//
// The bytes are the file's as of the mapping; the caller must not let the file be truncated while
// it is mapped (SIGBUS on access otherwise). An empty file maps to an empty view.
//
// Ownership: a MappedFile owns its mapping and unmaps it on destruction; views into data() must
// not outlive it. Thread-safety: immutable; any number of threads may read data() at once.
#ifndef DRAGOMAN_BASE_MAPPED_FILE_H_
#define DRAGOMAN_BASE_MAPPED_FILE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dragoman {

class MappedFile {
 public:
  // NotFound when `path` does not exist, Io when it cannot be opened or mapped.
  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }

 private:
  MappedFile(void* addr, size_t size) : addr_(addr), size_(size) {}
  void* addr_;
  size_t size_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_MAPPED_FILE_H_
