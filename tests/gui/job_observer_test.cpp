// A workspace job watched from a window (ui/job_observer.h): the writer thread's progress and
// result reach the UI thread, in order, once; calls queued for a window that is gone are
// dropped; and the import job leaves nothing queued for the index (workspace invariant 3).

#include <catch2/catch.hpp>

#include <wx/frame.h>

#include <thread>

#include "app/workspace.h"
#include "core/file_io.h"
#include "gui/gui_fixture.h"
#include "support/test_paths.h"
#include "ui/job_observer.h"
#include "ui/library_startup.h"

using nt::test::PumpUntil;

TEST_CASE("Job observer: an import's progress and report arrive on the UI thread",
          "[gui][import]") {
  nt::test::TempDir dir;
  const auto home = nt::app::Home::ForDatabase(dir / "library.sqlite3");
  auto workspace = nt::ui::OpenWorkspaceForGui(home);
  REQUIRE(workspace);
  auto* owner = new wxFrame(nullptr, wxID_ANY, "owner");
  nt::ui::UiContinuation<wxWindow> continuation(owner);
  const auto ui_thread = std::this_thread::get_id();

  std::vector<nt::ProgressUpdate> updates;
  int done_calls = 0;
  std::optional<nt::Result<nt::app::ImportReport>> result;
  bool all_on_ui_thread = true;
  auto job = (*workspace)->Import(
      {nt::test::JointStatementPath(), nt::test::NiscArticlePath()}, {},
      nt::ui::ObserveOnUiThread<nt::app::ImportReport>(
          continuation,
          [&](const nt::ProgressUpdate& update) {
            all_on_ui_thread &= std::this_thread::get_id() == ui_thread;
            updates.push_back(update);
          },
          [&](const nt::Result<nt::app::ImportReport>& report) {
            all_on_ui_thread &= std::this_thread::get_id() == ui_thread;
            ++done_calls;
            result = report;
          }));
  // Submitting returned at once: the import runs on the writer thread (jobs invariant 4).
  REQUIRE(PumpUntil([&] { return done_calls > 0; }));
  nt::test::PumpFor(std::chrono::milliseconds(50));

  CHECK(job.done());
  CHECK(done_calls == 1);
  CHECK(all_on_ui_thread);
  // ImportService reports before each file and once at the end.
  REQUIRE(updates.size() == 3);
  CHECK(updates[0].done == 0);
  CHECK(updates[1].done == 1);
  CHECK(updates[2].done == 2);
  CHECK(updates[2].total == 2);
  REQUIRE(result.has_value());
  REQUIRE(result->has_value());
  CHECK((*result)->Count(nt::app::ImportOutcome::kImported) == 2);
  CHECK_FALSE((*result)->index_error.has_value());

  // The upkeep behind the import indexed what it stored: nothing is left queued, and the
  // UI thread's reads see both documents and find them.
  auto check = (*workspace)->CheckIndex();
  REQUIRE(check.has_value());
  CHECK(check->pending == 0);
  CHECK(check->index_documents == 2);
  std::string drift;
  for (const auto& sentence : check->drift) drift += sentence + "\n";
  INFO(drift);
  CHECK(check->ok());
  auto found = (*workspace)->Search({.query = "\"critical infrastructure\""});
  REQUIRE(found);
  CHECK_FALSE(found->hits.empty());
  delete owner;
}

TEST_CASE("Job observer: calls for a destroyed window are dropped", "[gui][import]") {
  nt::test::TempDir dir;
  auto workspace = nt::ui::OpenWorkspaceForGui(nt::app::Home::ForDatabase(dir / "l.sqlite3"));
  REQUIRE(workspace);
  auto* owner = new wxFrame(nullptr, wxID_ANY, "owner");
  int calls = 0;
  {
    nt::ui::UiContinuation<wxWindow> continuation(owner);
    auto job = (*workspace)->Import(
        {nt::test::JointStatementPath()}, {},
        nt::ui::ObserveOnUiThread<nt::app::ImportReport>(
            continuation, [&](const nt::ProgressUpdate&) { ++calls; },
            [&](const nt::Result<nt::app::ImportReport>&) { ++calls; }));
    // Wait for the writer without letting the UI thread run its queued calls.
    REQUIRE(job.Wait().has_value());
    (*workspace)->WaitForJobs();
  }
  delete owner;  // before the queued progress and done calls run
  nt::test::PumpFor(std::chrono::milliseconds(100));
  CHECK(calls == 0);
}

TEST_CASE("Job observer: closing the workspace cancels a running import and waits for it",
          "[gui][import]") {
  nt::test::TempDir dir;
  auto workspace = nt::ui::OpenWorkspaceForGui(nt::app::Home::ForDatabase(dir / "l.sqlite3"));
  REQUIRE(workspace);
  // Many files, so the import is still running when the workspace goes.
  std::vector<std::filesystem::path> paths;
  for (int i = 0; i < 40; ++i) {
    const auto file = dir / ("statement-" + std::to_string(i) + ".txt");
    REQUIRE(nt::WriteFileAtomically(file, "Joint Statement " + std::to_string(i) +
                                  "\n\nJapan and the United States intend to cooperate on topic " +
                                  std::to_string(i) + ".\n"));
    paths.push_back(file);
  }
  auto job = (*workspace)->Import(paths);
  workspace->reset();  // jobs invariant 4: cancels, and returns once the writer has stopped
  REQUIRE(job.done());
  const auto& report = job.Wait();
  // Cancelled part-way (or before it started): whatever was stored is whole, the rest was not
  // attempted.
  if (report) {
    CHECK(report->Count(nt::app::ImportOutcome::kImported) +
              report->Count(nt::app::ImportOutcome::kCancelled) ==
          static_cast<int>(paths.size()));
    CHECK(report->Count(nt::app::ImportOutcome::kCancelled) > 0);
  } else {
    CHECK(report.error().code == nt::ErrorCode::kCancelled);
  }
  auto reopened = nt::ui::OpenWorkspaceForGui(nt::app::Home::ForDatabase(dir / "l.sqlite3"));
  REQUIRE(reopened);
  auto count = (*reopened)->DocumentCount();
  REQUIRE(count);
  CHECK(*count < static_cast<int>(paths.size()));
}
