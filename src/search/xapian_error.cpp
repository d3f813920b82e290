#include "search/xapian_error.h"

#include <xapian.h>

#include <string>

#include "core/printable.h"

namespace nt::search {

Error XapianError(const Xapian::Error& error, std::string_view what) {
  const std::string type = error.get_type();
  // Xapian's messages can quote the query (a 100 KB query must not come back whole).
  constexpr std::size_t kDetailCharacters = 200;
  const std::string message = PrintableExcerpt(error.get_msg(), kDetailCharacters);
  std::string detail = message;
  if (!error.get_error_string() || std::string(error.get_error_string()).empty()) {
  } else {
    detail += " (" + std::string(error.get_error_string()) + ")";
  }
  ErrorCode code = ErrorCode::kIo;
  std::string advice;
  std::string cli_advice;  // a command to run: for the command line only
  if (type == "QueryParserError") {
    code = ErrorCode::kUsage;
    return Error{code, std::string(what) + ": the query is malformed (" + message +
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
