#include "core/error.h"

#include "core/printable.h"

namespace nt {

std::string_view ToString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAmbiguous: return "ambiguous";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kCorrupt: return "corrupt";
    case ErrorCode::kLocked: return "locked";
    case ErrorCode::kReadOnly: return "read_only";
    case ErrorCode::kSchemaTooNew: return "schema_too_new";
    case ErrorCode::kParse: return "parse";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kConstraint: return "constraint";
    case ErrorCode::kCancelled: return "cancelled";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error Error::WithContext(std::string_view context) const {
  std::string text(context);
  text += ": ";
  text += message;
  return Error{code, std::move(text), cli_advice};
}

std::string Error::ForCommandLine() const {
  if (cli_advice.empty()) return message;
  std::string text = message;
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  text += "; ";
  text += cli_advice;
  if (text.back() != '.') text += '.';
  return text;
}

std::string Quoted(std::string_view text) {
  // Control characters escaped: a file name with a newline stays on the message's one line.
  std::string out = "'";
  out += Printable(text);
  out += "'";
  return out;
}

}  // namespace nt
