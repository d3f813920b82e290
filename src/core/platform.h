#pragma once
// The small set of operating-system calls that differ between Windows and POSIX.
// Everything else in NormTrack uses the standard library only.

#include <filesystem>
#include <string>
#include <string_view>

namespace nt::platform {

// The value of an environment variable as UTF-8, or "" when unset.
std::string GetEnv(std::string_view name);

// Sets (or, with an empty value, removes) an environment variable of this process.
void SetEnv(std::string_view name, std::string_view value);

// Where per-user application data lives: %APPDATA% on Windows, $XDG_DATA_HOME or
// ~/.local/share elsewhere (without the application's own folder name).
std::filesystem::path UserDataDirectory();

// The running program's own file, for finding the data installed beside it ("" if unknown).
std::filesystem::path ExecutablePath();

// The name of the operating-system user running NormTrack (recorded with each correction), or
// "unknown" when the system does not say.
std::string CurrentUserName();

// UTF-8 conversions for paths (std::filesystem uses UTF-16 on Windows).
std::string PathToUtf8(const std::filesystem::path& path);
std::filesystem::path PathFromUtf8(std::string_view utf8);

// Whether standard output is an interactive terminal (progress bars, colours).
bool StdoutIsTerminal();
bool StderrIsTerminal();

// Terminal width in columns, or `fallback` when unknown.
int TerminalColumns(int fallback);

// Asks the operating system to put a closed file's bytes (or, for a folder, its entries) on the
// disk before returning, as a commit must. False when the file cannot be opened or the device
// refuses; folders always succeed on Windows, which has no way to sync one.
bool SyncToDisk(const std::filesystem::path& path);

}  // namespace nt::platform
