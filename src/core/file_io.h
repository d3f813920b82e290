#pragma once
// Reading whole files with errors that name the file.

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/error.h"

namespace nt {

// Reads a file's bytes. Errors: kNotFound (missing), kIo (unreadable, a folder), kUnsupported
// (larger than max_bytes: refused before anything is read, so memory stays bounded).
[[nodiscard]] Result<std::string> ReadFileBytes(const std::filesystem::path& path,
                                                std::uintmax_t max_bytes = UINTMAX_MAX);

// Turns a std::filesystem error into one sentence naming the path.
Error FilesystemError(const std::filesystem::path& path, const std::error_code& ec,
                      std::string_view action);

}  // namespace nt
