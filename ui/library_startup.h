#pragma once
// Which library the GUI opens at start, and how.

#include <filesystem>
#include <memory>
#include <optional>

#include "app/home.h"
#include "app/library.h"

namespace nt::ui {

// `--db PATH` when given, else the default home (NORMTRACK_HOME or the per-user data folder).
app::Home ChooseHome(const std::optional<std::filesystem::path>& database);

// Opens the library, creating an empty one (and its folder) the first time. Errors as
// app::Library::Open: corrupt, locked, newer schema, unwritable folder; each names the file.
[[nodiscard]] Result<std::unique_ptr<app::Library>> OpenLibraryForGui(const app::Home& home);

}  // namespace nt::ui
