// The one place that maps outcomes to process exit codes (documented in doc/cli.md).
#ifndef DRAGOMAN_CLI_EXIT_CODES_H_
#define DRAGOMAN_CLI_EXIT_CODES_H_

#include "base/status.h"

namespace dragoman::cli {

enum ExitCode : int {
  kExitOk = 0,           // success
  kExitCheckFailed = 1,  // ran to the end, but a check failed (validate: a record failed;
                         // eval: a score under --min-f1)
  kExitUsage = 2,        // bad command line: unknown flag, missing argument, bad value
  kExitBadInput = 3,     // an input file could not be read (binary, invalid UTF-8, empty, too
                         // large); the other inputs were still processed and stored
  kExitBadData = 4,      // a dictionary or data file is malformed or missing
  kExitStore = 5,        // the database failed or belongs to a newer dragoman
  kExitIo = 6,           // writing output failed (other than a closed pipe, which is success)
  kExitInternal = 70,    // a bug
};

inline int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kInvalidArgument:
      return kExitUsage;
    case Status::Code::kNotFound:
      return kExitBadInput;
    case Status::Code::kBadInput:
      return kExitBadInput;
    case Status::Code::kBadData:
      return kExitBadData;
    case Status::Code::kStore:
      return kExitStore;
    case Status::Code::kIo:
      return kExitIo;
    case Status::Code::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_EXIT_CODES_H_
