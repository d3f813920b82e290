#include "search/xapian_error.h"

#include <xapian.h>

#include <string>

namespace nt::search {

Error XapianError(const Xapian::Error& error, std::string_view what) {
  const std::string type = error.get_type();
  std::string detail = error.get_msg();
  if (!error.get_error_string() || std::string(error.get_error_string()).empty()) {
  } else {
    detail += " (" + std::string(error.get_error_string()) + ")";
  }
  ErrorCode code = ErrorCode::kIo;
  std::string advice;
  std::string cli_advice;  // a command to run: for the command line only
  if (type == "QueryParserError") {
    code = ErrorCode::kUsage;
    return Error{code, std::string(what) + ": the query is malformed (" + error.get_msg() +
                           "); see docs/search.md for the syntax."};
  } else if (type == "DatabaseLockError") {
    code = ErrorCode::kLocked;
    advice = "; another NormTrack is writing it, try again when it has finished";
  } else if (type == "DatabaseCorruptError" || type == "DatabaseVersionError") {
    code = ErrorCode::kCorrupt;
    cli_advice = "run 'normtrack index --rebuild' to recreate it from the database";
  } else if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError") {
    code = ErrorCode::kNotFound;
    cli_advice = "run 'normtrack index --rebuild' to create it";
  } else if (type == "NetworkError" || type == "NetworkTimeoutError") {
    code = ErrorCode::kIo;
    advice = "; check that the xapian-tcpsrv shard is running and reachable";
  } else if (type == "InvalidArgumentError" || type == "RangeError") {
    code = ErrorCode::kUsage;
  }
  return Error{code, std::string(what) + " failed: " + type + ": " + detail + advice + ".",
               cli_advice};
}

}  // namespace nt::search
