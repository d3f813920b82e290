#pragma once
// Reading whole files with errors that name the file.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"

namespace nt {

// Reads a file's bytes. Errors: kNotFound (missing), kIo (unreadable, a folder), kUnsupported
// (larger than max_bytes: refused before anything is read, so memory stays bounded).
[[nodiscard]] Result<std::string> ReadFileBytes(const std::filesystem::path& path,
                                                std::uintmax_t max_bytes = UINTMAX_MAX);

// Writes `bytes` to `path` whole or not at all: into a new temporary file beside it (same folder,
// so the final rename stays on one file system), which is then renamed over `path`. On any
// failure (disk full, a size limit, a folder that does not exist or cannot be written) the
// temporary file is removed, `path` is exactly as it was, and the error names `path`. No other
// file is written: `path` is used as given (a relative path or one with ".." is resolved by the
// operating system against the current folder, never rewritten). A symbolic link at `path` is
// replaced by the file, not followed. Errors: kIo (also for a missing folder), kReadOnly.
[[nodiscard]] Status WriteFileAtomically(const std::filesystem::path& path,
                                         std::string_view bytes);

// Turns a std::filesystem error into one sentence naming the path.
Error FilesystemError(const std::filesystem::path& path, const std::error_code& ec,
                      std::string_view action);

}  // namespace nt
