#include "base/timestamp.h"

namespace dragoman {

std::string UtcTimestamp(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string UtcNow() { return UtcTimestamp(std::time(nullptr)); }

}  // namespace dragoman
