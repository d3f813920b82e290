#include "core/file_io.h"

#include <fstream>

#include "core/fault.h"
#include "core/platform.h"

namespace nt {

Error FilesystemError(const std::filesystem::path& path, const std::error_code& ec,
                      std::string_view action) {
  ErrorCode code = ec == std::errc::no_such_file_or_directory ? ErrorCode::kNotFound
                   : ec == std::errc::read_only_file_system || ec == std::errc::permission_denied
                       ? ErrorCode::kReadOnly
                       : ErrorCode::kIo;
  return Error{code, "Could not " + std::string(action) + " " +
                         Quoted(platform::PathToUtf8(path)) + ": " + ec.message() + "."};
}

Result<std::string> ReadFileBytes(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return Fail(ErrorCode::kNotFound,
                "File " + Quoted(platform::PathToUtf8(path)) + " does not exist.");
  }
  if (std::filesystem::is_directory(status)) {
    return Fail(ErrorCode::kIo, Quoted(platform::PathToUtf8(path)) + " is a folder, not a file.");
  }
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Fail(FilesystemError(path, ec, "read"));
  if (size > max_bytes) {
    return Fail(ErrorCode::kUnsupported,
                "File " + Quoted(platform::PathToUtf8(path)) + " is too large to be read as one " +
                    "document (" + std::to_string(size / (1024 * 1024)) + " MB; the limit is " +
                    std::to_string(max_bytes / (1024 * 1024)) + " MB).");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in || !fault::Check("file.read")) {
    return Fail(ErrorCode::kIo, "File " + Quoted(platform::PathToUtf8(path)) +
                                    " cannot be read (check its permissions).");
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    return Fail(ErrorCode::kIo, "File " + Quoted(platform::PathToUtf8(path)) +
                                    " could not be read to the end.");
  }
  return bytes;
}

}  // namespace nt
