#include "input/document.h"

namespace dragoman {

std::string_view DateSourceName(DateSource s) {
  switch (s) {
    case DateSource::kNone:
      return "none";
    case DateSource::kMetadata:
      return "metadata";
    case DateSource::kDateline:
      return "dateline";
    case DateSource::kByline:
      return "byline";
    case DateSource::kUpdated:
      return "updated";
    case DateSource::kFlag:
      return "flag";
  }
  return "none";
}

}  // namespace dragoman
