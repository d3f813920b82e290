#pragma once
// Errors as values. Every expected failure in NormTrack is a Result<T> carrying an Error:
// a code (for exit codes and tests) and one sentence for the user that says what failed,
// which file (and line, where it applies) and, when useful, what to do.
//
// Third-party exceptions are converted to Error at the edge of the one module that uses the
// library (SqliteError in store, XapianError in search, ...) and never cross app/.

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace nt {

enum class ErrorCode {
  kUsage,         // the caller asked for something malformed (bad argument, bad query)
  kNotFound,      // the named thing does not exist (file, document, id)
  kAmbiguous,     // a reference matched several things
  kIo,            // the operating system refused a read or write
  kCorrupt,       // a file is damaged or is not what it claims to be
  kLocked,        // another process holds the database
  kReadOnly,      // the database or its folder cannot be written
  kSchemaTooNew,  // the database was written by a newer NormTrack
  kParse,         // an input document could not be read in its format
  kUnsupported,   // no importer reads this kind of file
  kConstraint,    // a change would break the data model (duplicate, dangling reference)
  kCancelled,     // the user cancelled a job
  kInternal,      // a bug: should never be seen
};

std::string_view ToString(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // one sentence for the user, whichever front end shows it
  // The command that puts it right, for the command line only ("'normtrack docs' lists the
  // documents"): a window never tells its user to run a command (it offers its own action).
  std::string cli_advice;

  // Prefixes the message with context ("Importing 'x.md': ..."), keeping the code and advice.
  [[nodiscard]] Error WithContext(std::string_view context) const;
  // The sentence the CLI prints: the message, with the advice after a semicolon when there is
  // one ("There is no document #13; 'normtrack docs' lists the documents.").
  [[nodiscard]] std::string ForCommandLine() const;
};

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> Fail(ErrorCode code, std::string message) {
  return std::unexpected<Error>(Error{code, std::move(message)});
}
// `cli_advice` as Error::cli_advice.
[[nodiscard]] inline std::unexpected<Error> Fail(ErrorCode code, std::string message,
                                                 std::string cli_advice) {
  return std::unexpected<Error>(Error{code, std::move(message), std::move(cli_advice)});
}
[[nodiscard]] inline std::unexpected<Error> Fail(Error error) {
  return std::unexpected<Error>(std::move(error));
}

// Quotes a path or name for a message: 'name', control characters escaped (core/printable.h).
std::string Quoted(std::string_view text);

}  // namespace nt

// Propagates the error of an expression returning Result/Status; yields nothing.
#define NT_TRY(expr)                                        \
  do {                                                      \
    if (auto nt_try_result_ = (expr); !nt_try_result_) {    \
      return std::unexpected(std::move(nt_try_result_).error()); \
    }                                                       \
  } while (false)
