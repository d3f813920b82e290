#include "core/file_io.h"

#include <atomic>
#include <cerrno>
#include <chrono>
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

namespace {

// A name beside `path` that no other writer picks: the target's name, the process clock and a
// counter. Opening it with noreplace makes a clash an error rather than a shared file.
std::filesystem::path TemporaryBeside(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
  std::filesystem::path name = path.filename();
  name += ".tmp-" + std::to_string(ticks) + "-" + std::to_string(counter++);
  return path.parent_path() / name;
}

}  // namespace

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
  const std::string name = Quoted(platform::PathToUtf8(path));
  std::error_code ec;
  if (path.filename().empty()) {
    return Fail(ErrorCode::kUsage, "Cannot write to " + name + ": it names a folder, not a file.");
  }
  if (std::filesystem::is_directory(path, ec)) {
    return Fail(ErrorCode::kIo, "Cannot write to " + name + ": it is a folder, not a file.");
  }
  const std::filesystem::path folder =
      path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  if (!std::filesystem::is_directory(folder, ec)) {
    return Fail(ErrorCode::kIo, "Cannot write to " + name + ": the folder " +
                                          Quoted(platform::PathToUtf8(folder)) +
                                          " does not exist.");
  }

  const std::filesystem::path temporary = TemporaryBeside(path);
  auto failed = [&](std::string why) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return Fail(ErrorCode::kIo, "Could not write " + name + " (" + why + "); nothing was written.");
  };
  std::ofstream out(temporary, std::ios::binary | std::ios::noreplace);
  if (!out) {
    const std::error_code reason(errno, std::generic_category());
    if (reason == std::errc::permission_denied || reason == std::errc::read_only_file_system) {
      return Fail(ErrorCode::kReadOnly,
                  "Could not write " + name + ": its folder cannot be written.");
    }
    return failed("the folder refused a new file");
  }
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();  // flushes; closed before any removal, which Windows refuses on an open file
  if (!out || !fault::Check("file.write")) return failed("the disk is full or refused the write");
  // On the disk before the rename: otherwise a power cut soon after can leave the chosen name
  // on an empty file, the previous version gone.
  if (!platform::SyncToDisk(temporary)) return failed("the disk refused to store it");
  std::filesystem::rename(temporary, path, ec);
  if (ec) return failed(ec.message());
  // The rename itself is durable once the folder's entry is; a failure here loses nothing
  // that was there before, so it is not reported.
  (void)platform::SyncToDisk(folder);
  return {};
}

}  // namespace nt
