#pragma once
// A fresh folder per test, removed afterwards (kept when NORMTRACK_KEEP_TEST_DIRS is set).

#include <filesystem>
#include <string>
#include <string_view>

namespace nt::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

  // Writes a file (creating folders) and returns its path.
  std::filesystem::path Write(std::string_view name, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

std::string ReadAll(const std::filesystem::path& path);

}  // namespace nt::test
