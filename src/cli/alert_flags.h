// The alert flags `watch` and `worker` share: --alerts FILE (the rules), --alerts-out FILE (where
// each firing's JSON line goes; standard output by default) and --webhook URL (also POSTed there).
#ifndef DRAGOMAN_CLI_ALERT_FLAGS_H_
#define DRAGOMAN_CLI_ALERT_FLAGS_H_

#include <fstream>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "cli/flags.h"
#include "stream/alerts.h"

namespace dragoman::cli {

class AlertSink {
 public:
  // Reads the three flags. InvalidArgument (a usage error) for a webhook that is not http://;
  // the rules file's BadData, or Io when --alerts-out cannot be opened for appending.
  Status Open(const ParsedArgs& args, std::ostream& default_out);
  // The rules read from --alerts (empty without it), handed over once.
  std::vector<AlertRule> TakeRules() { return std::move(rules_); }
  // Writes one firing's JSON line and POSTs it to the webhook; a failed POST goes to `report`.
  void Emit(const AlertFiring& f, const std::function<void(const Status&)>& report);

 private:
  std::vector<AlertRule> rules_;
  std::string webhook_;
  std::ofstream file_;
  std::ostream* out_ = nullptr;
};

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_ALERT_FLAGS_H_
