#include "cli/alert_flags.h"

namespace dragoman::cli {

Status AlertSink::Open(const ParsedArgs& args, std::ostream& default_out) {
  webhook_ = args.Get("webhook");
  if (!webhook_.empty() && webhook_.rfind("http://", 0) != 0) {
    return Status::InvalidArgument("--webhook must be an http:// URL, got '" + webhook_ + "'");
  }
  if (args.Has("alerts")) {
    DRAGOMAN_ASSIGN_OR_RETURN(rules_, LoadAlertRules(args.Get("alerts")));
  }
  out_ = &default_out;
  if (args.Has("alerts-out")) {
    file_.open(args.Get("alerts-out"), std::ios::app);
    if (!file_) return Status::Io(args.Get("alerts-out") + ": cannot open for appending");
    out_ = &file_;
  }
  return Status::Ok();
}

void AlertSink::Emit(const AlertFiring& f, const std::function<void(const Status&)>& report) {
  *out_ << f.json << "\n" << std::flush;
  if (!webhook_.empty()) {
    if (Status st = PostWebhook(webhook_, f.json); !st.ok()) report(st);
  }
}

}  // namespace dragoman::cli
