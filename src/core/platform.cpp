#include "core/platform.h"

#include <cstdio>
#include <cstdlib>

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif

namespace nt::platform {

std::string GetEnv(std::string_view name) {
#ifdef _WIN32
  std::wstring wide_name = PathFromUtf8(name).wstring();
  const wchar_t* value = _wgetenv(wide_name.c_str());
  return value ? PathToUtf8(std::filesystem::path(value)) : std::string();
#else
  const char* value = std::getenv(std::string(name).c_str());
  return value ? std::string(value) : std::string();
#endif
}

void SetEnv(std::string_view name, std::string_view value) {
#ifdef _WIN32
  std::wstring assignment = PathFromUtf8(std::string(name) + "=" + std::string(value)).wstring();
  _wputenv(assignment.c_str());
#else
  if (value.empty()) {
    unsetenv(std::string(name).c_str());
  } else {
    setenv(std::string(name).c_str(), std::string(value).c_str(), 1);
  }
#endif
}

std::filesystem::path UserDataDirectory() {
#ifdef _WIN32
  return PathFromUtf8(GetEnv("APPDATA"));
#else
  if (std::string xdg = GetEnv("XDG_DATA_HOME"); !xdg.empty() && xdg.front() == '/') {
    return xdg;
  }
  std::string home = GetEnv("HOME");
  if (home.empty()) return std::filesystem::current_path();
  return std::filesystem::path(home) / ".local" / "share";
#endif
}

std::filesystem::path ExecutablePath() {
#ifdef _WIN32
  std::wstring buffer(32768, L'\0');
  DWORD length = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
  buffer.resize(length);
  return std::filesystem::path(buffer);
#else
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : path;
#endif
}

std::string PathToUtf8(const std::filesystem::path& path) {
  auto u8 = path.u8string();
  return std::string(u8.begin(), u8.end());
}

std::filesystem::path PathFromUtf8(std::string_view utf8) {
  return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

bool StdoutIsTerminal() {
#ifdef _WIN32
  return _isatty(_fileno(stdout)) != 0;
#else
  return isatty(fileno(stdout)) != 0;
#endif
}

bool StderrIsTerminal() {
#ifdef _WIN32
  return _isatty(_fileno(stderr)) != 0;
#else
  return isatty(fileno(stderr)) != 0;
#endif
}

int TerminalColumns(int fallback) {
  if (std::string columns = GetEnv("COLUMNS"); !columns.empty()) {
    int value = std::atoi(columns.c_str());
    if (value > 0) return value;
  }
#ifdef _WIN32
  CONSOLE_SCREEN_BUFFER_INFO info;
  if (GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &info)) {
    return info.srWindow.Right - info.srWindow.Left + 1;
  }
#else
  winsize size{};
  if (isatty(fileno(stdout)) && ioctl(fileno(stdout), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
#endif
  return fallback;
}

bool SyncToDisk(const std::filesystem::path& path) {
#ifdef _WIN32
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return true;
  HANDLE file = CreateFileW(path.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                            nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) return false;
  const bool synced = FlushFileBuffers(file) != 0;
  CloseHandle(file);
  return synced;
#else
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = fsync(fd) == 0;
  close(fd);
  return synced;
#endif
}

std::string CurrentUserName() {
#ifdef _WIN32
  std::string name = GetEnv("USERNAME");
#else
  // The account's own name first: USER can be unset (cron, containers) or stale (su).
  std::string name;
  if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name) name = entry->pw_name;
  if (name.empty()) name = GetEnv("USER");
  if (name.empty()) name = GetEnv("LOGNAME");
#endif
  return name.empty() ? "unknown" : name;
}

}  // namespace nt::platform
