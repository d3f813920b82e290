#include "app/home.h"

#include "core/platform.h"

namespace nt::app {

Home Home::InFolder(const std::filesystem::path& folder) {
  return Home{folder / "normtrack.sqlite3", folder / "search-index"};
}

Home Home::ForDatabase(const std::filesystem::path& database) {
  std::filesystem::path index = database;
  index += ".index";
  return Home{database, index};
}

Home Home::Default() {
  if (std::string home = platform::GetEnv("NORMTRACK_HOME"); !home.empty()) {
    return InFolder(platform::PathFromUtf8(home));
  }
#ifdef _WIN32
  return InFolder(platform::UserDataDirectory() / "NormTrack");
#else
  return InFolder(platform::UserDataDirectory() / "normtrack");
#endif
}

}  // namespace nt::app
