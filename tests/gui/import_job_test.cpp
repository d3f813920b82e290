// ImportJob: the worker's progress and result reach the UI thread, in order, once; and calls
// queued for a window that is gone are dropped.

#include <catch2/catch.hpp>

#include <wx/frame.h>

#include "gui/gui_fixture.h"
#include "support/test_paths.h"
#include "app/search_service.h"
#include "ui/import_job.h"

using nt::test::PumpUntil;

TEST_CASE("ImportJob: progress and the report arrive on the UI thread", "[gui][import]") {
  nt::test::TempDir dir;
  const auto home = nt::app::Home::ForDatabase(dir / "library.sqlite3");
  auto* owner = new wxFrame(nullptr, wxID_ANY, "owner");
  const auto ui_thread = std::this_thread::get_id();

  std::vector<nt::ProgressUpdate> updates;
  int done_calls = 0;
  std::optional<nt::Result<nt::app::ImportReport>> result;
  bool all_on_ui_thread = true;
  nt::ui::ImportJob job(owner, home, {nt::test::JointStatementPath(), nt::test::NiscArticlePath()},
                        {.progress =
                             [&](const nt::ProgressUpdate& update) {
                               all_on_ui_thread &= std::this_thread::get_id() == ui_thread;
                               updates.push_back(update);
                             },
                         .done =
                             [&](nt::Result<nt::app::ImportReport> report) {
                               all_on_ui_thread &= std::this_thread::get_id() == ui_thread;
                               ++done_calls;
                               result = std::move(report);
                             }});
  REQUIRE(PumpUntil([&] { return done_calls > 0; }));
  nt::test::PumpFor(std::chrono::milliseconds(50));

  CHECK_FALSE(job.running());
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

  // The job indexed what it stored: nothing is left queued for the next open.
  auto library = nt::app::Library::Open(home);
  REQUIRE(library.has_value());
  auto reference = nt::app::ReferenceData::Shipped();
  REQUIRE(reference.has_value());
  nt::app::SearchService search(**library, *reference);
  auto check = search.Check();
  REQUIRE(check.has_value());
  CHECK(check->pending == 0);
  CHECK(check->index_documents == 2);
  std::string drift;
  for (const auto& sentence : check->drift) drift += sentence + "\n";
  INFO(drift);
  CHECK(check->ok());
  delete owner;
}

TEST_CASE("ImportJob: calls for a destroyed window are dropped", "[gui][import]") {
  nt::test::TempDir dir;
  const auto home = nt::app::Home::ForDatabase(dir / "library.sqlite3");
  auto* owner = new wxFrame(nullptr, wxID_ANY, "owner");
  int calls = 0;
  {
    nt::ui::ImportJob job(owner, home, {nt::test::JointStatementPath()},
                          {.progress = [&](const nt::ProgressUpdate&) { ++calls; },
                           .done = [&](nt::Result<nt::app::ImportReport>) { ++calls; }});
    // Wait for the worker without letting the UI thread run its queued calls.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (job.running() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE_FALSE(job.running());
  }
  delete owner;  // before the queued progress and done calls run
  nt::test::PumpFor(std::chrono::milliseconds(100));
  CHECK(calls == 0);
}
