#pragma once
// Which library the GUI opens at start, and how.

#include <filesystem>
#include <memory>
#include <optional>

#include "app/home.h"
#include "app/workspace.h"

namespace nt::ui {

// `--db PATH` when given, else the default home (NORMTRACK_HOME or the per-user data folder).
app::Home ChooseHome(const std::optional<std::filesystem::path>& database);

// Opens the library with background jobs, creating an empty one (and its folder) the first
// time. The index upkeep the library needs is left to the main window, which shows its
// progress (MainFrame invariant 4). Errors as app::Workspace::Open: corrupt, locked, newer
// schema, unwritable folder; each names the file.
[[nodiscard]] Result<std::unique_ptr<app::Workspace>> OpenWorkspaceForGui(const app::Home& home);

}  // namespace nt::ui
