// Wall-clock timestamps as written in logs and stored rows: ISO 8601 in UTC to the second,
// "2026-12-07T03:04:05Z".
//
// Thread-safety: both functions may be called from any thread (gmtime_r, no shared state).
#ifndef DRAGOMAN_BASE_TIMESTAMP_H_
#define DRAGOMAN_BASE_TIMESTAMP_H_

#include <ctime>
#include <string>

namespace dragoman {

// `t` (seconds since the epoch) as "YYYY-MM-DDTHH:MM:SSZ" in UTC.
std::string UtcTimestamp(std::time_t t);

// The current time as UtcTimestamp() writes it.
std::string UtcNow();

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_TIMESTAMP_H_
