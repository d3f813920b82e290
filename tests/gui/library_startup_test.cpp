// Opening the library at start: created when missing, and an unreadable one explained in one
// dialog (the app then exits with a failure status).

#include <catch2/catch.hpp>

#include "gui/gui_fixture.h"
#include "ui/error_dialog.h"
#include "ui/library_startup.h"

using Catch::Matchers::Contains;

TEST_CASE("Library startup: a missing library is created", "[gui][startup]") {
  nt::test::TempDir dir;
  const auto home = nt::ui::ChooseHome(dir / "sub" / "new.sqlite3");
  auto library = nt::ui::OpenWorkspaceForGui(home);
  REQUIRE(library);
  CHECK(std::filesystem::exists(dir / "sub" / "new.sqlite3"));
  CHECK((*library)->DocumentCount().value_or(-1) == 0);
}

TEST_CASE("Library startup: a corrupt library is explained in one dialog", "[gui][startup]") {
  nt::test::TempDir dir;
  const auto file = dir.Write("broken.sqlite3", std::string(4096, 'x'));
  auto library = nt::ui::OpenWorkspaceForGui(nt::ui::ChooseHome(file));
  REQUIRE_FALSE(library);
  CHECK_FALSE(library.error().message.empty());

  nt::test::DialogRecorder dialogs;
  nt::ui::ShowError(nullptr, library.error(), "NormTrack could not open its library.");
  REQUIRE(dialogs.texts().size() == 1);
  CHECK_THAT(dialogs.texts()[0], Contains("NormTrack could not open its library."));
  CHECK_THAT(dialogs.texts()[0], Contains(library.error().message));
  CHECK_THAT(dialogs.texts()[0], Contains("broken.sqlite3"));
}
