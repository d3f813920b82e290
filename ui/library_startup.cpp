#include "ui/library_startup.h"

namespace nt::ui {

app::Home ChooseHome(const std::optional<std::filesystem::path>& database) {
  return database ? app::Home::ForDatabase(*database) : app::Home::Default();
}

Result<std::unique_ptr<app::Workspace>> OpenWorkspaceForGui(const app::Home& home) {
  app::WorkspaceOptions options;
  options.home = home;
  options.create_if_missing = true;
  options.jobs = app::JobMode::kBackground;
  options.index_upkeep_at_open = false;
  return app::Workspace::Open(options);
}

}  // namespace nt::ui
