#include "ui/library_startup.h"

namespace nt::ui {

app::Home ChooseHome(const std::optional<std::filesystem::path>& database) {
  return database ? app::Home::ForDatabase(*database) : app::Home::Default();
}

Result<std::unique_ptr<app::Library>> OpenLibraryForGui(const app::Home& home) {
  return app::Library::Open(home, {.mode = app::OpenMode::kCreateIfMissing});
}

}  // namespace nt::ui
