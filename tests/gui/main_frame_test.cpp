// The main window over a real temporary library: empty state, the list of the seed documents,
// selecting one into the reader, the status bar, and a background import.

#include <catch2/catch.hpp>

#include <algorithm>

#include <wx/listctrl.h>
#include <wx/statusbr.h>
#include <wx/uiaction.h>

#include "gui/gui_fixture.h"
#include "core/platform.h"
#include "support/cli_runner.h"
#include "support/test_paths.h"
#include "ui/command_ids.h"
#include "ui/main_frame.h"
#include "ui/panels/document_list_ctrl.h"
#include "ui/panels/document_list_panel.h"
#include "ui/panels/reader_panel.h"
#include "ui/wx_string.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nt::test::DialogRecorder;
using nt::test::LibraryFixture;
using nt::test::PumpUntil;
using nt::ui::DocumentListCtrl;
using nt::ui::MainFrame;
using nt::ui::ToUtf8;

namespace {

std::string StatusText(const MainFrame& frame, MainFrame::StatusField field) {
  return ToUtf8(frame.GetStatusBar()->GetStatusText(field));
}

std::string Cell(const DocumentListCtrl& list, long row, DocumentListCtrl::Column column) {
  return ToUtf8(list.GetItemText(row, column));
}

// Clicks the middle of a row's title cell the way a user would; falls back to selecting it
// programmatically when the simulated click does not arrive (Xvfb has no window manager to
// give the window focus, and some setups drop synthetic input).
void SelectRow(MainFrame& frame, DocumentListCtrl& list, long row) {
  const auto wanted = list.RowAt(row);
  REQUIRE(wanted);
  auto shown = [&] { return frame.reader()->document_id() == wanted->document.id; };
  wxRect rect;
  REQUIRE(list.GetSubItemRect(row, DocumentListCtrl::kTitleColumn, rect));
  const wxPoint target = list.ClientToScreen(rect.GetPosition() + wxPoint(20, rect.height / 2));
  wxUIActionSimulator simulator;
  simulator.MouseMove(target);
  nt::test::PumpFor(std::chrono::milliseconds(50));
  simulator.MouseClick();
  if (PumpUntil(shown, std::chrono::seconds(2))) return;
  WARN("the simulated click did not select the row; selecting it programmatically");
  list.SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                    wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  REQUIRE(PumpUntil(shown, std::chrono::seconds(2)));
}

}  // namespace

TEST_CASE("MainFrame: an empty library shows a helpful empty state", "[gui][main_frame]") {
  LibraryFixture fixture;
  MainFrame& frame = fixture.OpenFrame();

  CHECK(ToUtf8(frame.GetTitle()) == "NormTrack \u2014 library.sqlite3");
  CHECK(frame.document_list()->showing_empty_state());
  CHECK(frame.document_list()->list()->GetItemCount() == 0);
  const std::string hint = ToUtf8(frame.document_list()->EmptyStateText());
  CHECK_THAT(hint, Contains("No documents yet"));
  CHECK_THAT(hint, Contains("File \u203a Import Files\u2026"));
  CHECK_THAT(ToUtf8(frame.reader()->PageText()), Contains("Your library is empty"));
  CHECK(StatusText(frame, MainFrame::kCountsField) ==
        "0 documents \u00b7 0 paragraphs \u00b7 0 commitments");
  nt::test::SaveScreenshot(frame, "empty-state");
}

TEST_CASE("MainFrame: lists the seed documents from a virtual list", "[gui][main_frame]") {
  LibraryFixture fixture;
  fixture.ImportSeeds();
  MainFrame& frame = fixture.OpenFrame();
  DocumentListCtrl& list = *frame.document_list()->list();

  CHECK_FALSE(frame.document_list()->showing_empty_state());
  CHECK(list.HasFlag(wxLC_VIRTUAL));
  REQUIRE(list.GetItemCount() == 2);
  CHECK_THAT(Cell(list, 0, DocumentListCtrl::kTitleColumn),
             Contains("Joint Statement of the Japan-U.S. Cyber Dialogue"));
  CHECK_THAT(Cell(list, 1, DocumentListCtrl::kTitleColumn),
             Contains("International Strategy on Cybersecurity Cooperation"));
  CHECK(Cell(list, 0, DocumentListCtrl::kIdColumn) == "1");
  CHECK(std::stoi(Cell(list, 0, DocumentListCtrl::kParagraphsColumn)) > 10);
  // Both rows came from one page read.
  CHECK(list.page_loads() == 1);

  CHECK_THAT(StatusText(frame, MainFrame::kCountsField), StartsWith("2 documents \u00b7 "));
  CHECK_THAT(StatusText(frame, MainFrame::kCountsField), Contains(" paragraphs \u00b7 "));
  CHECK_THAT(ToUtf8(frame.reader()->PageText()), Contains("Select a document"));
}

TEST_CASE("MainFrame: selecting a document shows it in the reader", "[gui][main_frame]") {
  LibraryFixture fixture;
  fixture.ImportSeeds();
  MainFrame& frame = fixture.OpenFrame();
  DocumentListCtrl& list = *frame.document_list()->list();
  REQUIRE(list.GetItemCount() == 2);

  SelectRow(frame, list, 0);
  REQUIRE(frame.reader()->document_id().value == 1);
  const std::string text = ToUtf8(frame.reader()->PageText());
  CHECK_THAT(text, Contains("Joint Statement of the Japan-U.S. Cyber Dialogue"));
  CHECK_THAT(text, Contains("held the fifth Japan-U.S. Cyber Dialogue in Tokyo"));
  CHECK_THAT(text, Contains("Statement"));
  // Printed labels sit in their own column, before the paragraph's text.
  const std::string html = ToUtf8(frame.reader()->page_source());
  CHECK_THAT(html, Contains("<b>1</b></font></td><td valign=\"top\">Following the meeting"));
  CHECK_THAT(html, Contains("<b>8</b></font></td>"));
  nt::test::SaveScreenshot(frame, "main-window");

  SelectRow(frame, list, 1);
  CHECK_THAT(ToUtf8(frame.reader()->PageText()),
             Contains("International Strategy on Cybersecurity Cooperation"));
  nt::test::SaveScreenshot(frame, "reader-article");
}

TEST_CASE("MainFrame: an import runs in the background and refreshes the list",
          "[gui][main_frame][import]") {
  LibraryFixture fixture;
  MainFrame& frame = fixture.OpenFrame();
  REQUIRE(frame.document_list()->showing_empty_state());
  DialogRecorder dialogs;

  REQUIRE(frame.StartImport({nt::test::JointStatementPath(), nt::test::NiscArticlePath()}));
  CHECK_FALSE(frame.StartImport({nt::test::JointStatementPath()}));  // one at a time
  // The UI thread keeps running while the worker imports (ImportJob's own tests check the
  // progress calls); the status bar says an import is under way.
  std::vector<std::string> job_texts;
  REQUIRE(PumpUntil([&] {
    const std::string text = StatusText(frame, MainFrame::kJobField);
    if (job_texts.empty() || job_texts.back() != text) job_texts.push_back(text);
    return !frame.import_running();
  }));
  CHECK(std::any_of(job_texts.begin(), job_texts.end(),
                    [](const std::string& text) { return text.starts_with("Importing"); }));

  CHECK_FALSE(frame.document_list()->showing_empty_state());
  CHECK(frame.document_list()->list()->GetItemCount() == 2);
  CHECK_THAT(StatusText(frame, MainFrame::kCountsField), StartsWith("2 documents"));
  CHECK(StatusText(frame, MainFrame::kJobField) == "Import: 2 imported");
  REQUIRE(dialogs.texts().size() == 1);
  CHECK_THAT(dialogs.texts()[0], Contains("Import finished."));
  CHECK_THAT(dialogs.texts()[0], Contains("2 imported."));
}

TEST_CASE("MainFrame: a file that cannot be imported is named in the summary",
          "[gui][main_frame][import]") {
  LibraryFixture fixture;
  MainFrame& frame = fixture.OpenFrame();
  const auto bad = fixture.dir().Write("broken.pdf", std::string("\x00\x01 not a pdf", 11));
  DialogRecorder dialogs;

  REQUIRE(frame.StartImport({nt::test::JointStatementPath(), bad}));
  REQUIRE(PumpUntil([&] { return !frame.import_running(); }));

  CHECK(frame.document_list()->list()->GetItemCount() == 1);
  REQUIRE(dialogs.texts().size() == 1);
  CHECK_THAT(dialogs.texts()[0], Contains("Import finished with failures."));
  CHECK_THAT(dialogs.texts()[0], Contains("1 imported, 1 failed."));
  CHECK_THAT(dialogs.texts()[0], Contains("broken.pdf: "));
}

TEST_CASE("MainFrame: closing during an import cancels it without a crash",
          "[gui][main_frame][import]") {
  nt::test::TempDir dir;
  std::vector<std::filesystem::path> many;
  for (int i = 0; i < 40; ++i) {
    many.push_back(dir.Write("note-" + std::to_string(i) + ".txt",
                             "Note " + std::to_string(i) + "\n\n1. Japan will cooperate.\n"));
  }
  LibraryFixture fixture;
  MainFrame& frame = fixture.OpenFrame();
  DialogRecorder dialogs;
  REQUIRE(frame.StartImport(many));
  // Closing destroys the job: it cancels and joins; queued progress calls then find no job.
  frame.Close(true);
  nt::test::PumpFor(std::chrono::milliseconds(100));
  CHECK(dialogs.texts().empty());
}

TEST_CASE("MainFrame: File, Cancel Import stops the running import after the current file",
          "[gui][main_frame][import]") {
  // Enough work that the import is still running when the cancel arrives: 300 statements the
  // size of the joint statement (each a few milliseconds to read, extract and store).
  constexpr int kFiles = 300;
  nt::test::TempDir dir;
  const std::string statement = nt::test::ReadAll(nt::test::JointStatementPath());
  std::vector<std::filesystem::path> many;
  for (int i = 0; i < kFiles; ++i) {
    many.push_back(dir.Write("statement-" + std::to_string(i) + ".txt",
                             statement + "\nCopy " + std::to_string(i) + ".\n"));
  }
  LibraryFixture fixture;
  MainFrame& frame = fixture.OpenFrame();
  DialogRecorder dialogs;
  auto menu_enabled = [&] {
    wxUpdateUIEvent update(nt::ui::kCancelImportCommand);
    update.SetEventObject(&frame);
    frame.GetEventHandler()->ProcessEvent(update);
    return update.GetEnabled();
  };
  CHECK_FALSE(menu_enabled());  // nothing to cancel yet
  REQUIRE(frame.StartImport(many));
  CHECK(menu_enabled());
  // A person sees the import under way, then cancels it, as the menu item does.
  REQUIRE(PumpUntil([&] {
    return StatusText(frame, MainFrame::kJobField).find(" of 300") != std::string::npos ||
           !frame.import_running();
  }));
  wxCommandEvent cancel(wxEVT_MENU, nt::ui::kCancelImportCommand);
  frame.GetEventHandler()->ProcessEvent(cancel);
  REQUIRE(PumpUntil([&] { return !frame.import_running(); }));
  CHECK_FALSE(menu_enabled());

  // What was imported before the cancel is in the list, whole; the rest is reported cancelled.
  const int listed = frame.document_list()->list()->GetItemCount();
  CHECK(listed < kFiles);
  REQUIRE(dialogs.texts().size() == 1);
  CHECK_THAT(dialogs.texts()[0], Contains("cancelled"));
  CHECK_THAT(dialogs.texts()[0], Contains(std::to_string(kFiles - listed) + " cancelled"));
  CHECK_THAT(StatusText(frame, MainFrame::kJobField), Contains("cancelled"));
}

TEST_CASE("MainFrame: an import cancelled before it started says so without an error dialog",
          "[gui][main_frame][import]") {
  LibraryFixture fixture;
  MainFrame& frame = fixture.OpenFrame();
  DialogRecorder dialogs;
  REQUIRE(frame.StartImport({nt::test::JointStatementPath()}));
  frame.CancelImport();  // before the writer thread has picked the job up, most of the time
  REQUIRE(PumpUntil([&] { return !frame.import_running(); }));
  const std::string status = StatusText(frame, MainFrame::kJobField);
  if (frame.document_list()->list()->GetItemCount() == 0) {
    CHECK(status == "Import cancelled");
    CHECK(dialogs.texts().empty());
  } else {  // the writer was quicker: the file was imported whole, and summarised
    REQUIRE(dialogs.texts().size() == 1);
    CHECK_THAT(dialogs.texts()[0], Contains("1 imported"));
  }
}

TEST_CASE(
    "MainFrame: a library copied without its search index gets one at open, with progress in "
    "the status bar",
    "[gui][main_frame][index]") {
  LibraryFixture fixture;
  fixture.ImportSeeds();
  std::filesystem::remove_all(fixture.home().index);
  MainFrame& frame = fixture.OpenFrame();
  // The rebuild runs as a job of its own; the window is up and readable meanwhile.
  CHECK(frame.document_list()->list()->GetItemCount() == 2);
  REQUIRE(PumpUntil([&] { return !frame.index_upkeep_running(); }));
  CHECK(StatusText(frame, MainFrame::kJobField) == "Search index rebuilt: 2 documents");
  auto found = frame.workspace().Search({.query = "botnets"});
  REQUIRE(found);
  REQUIRE_FALSE(found->hits.empty());
  CHECK(found->hits.front().label == "7(2)d");
  nt::test::SaveScreenshot(frame, "index-rebuilt-at-open");
}

TEST_CASE("MainFrame: a click on the Title header sorts the list by title",
          "[gui][main_frame][document_list]") {
  LibraryFixture fixture;
  fixture.ImportSeeds();
  MainFrame& frame = fixture.OpenFrame();
  DocumentListCtrl& list = *frame.document_list()->list();

  wxListEvent click(wxEVT_LIST_COL_CLICK, list.GetId());
  click.SetEventObject(&list);
  click.m_col = DocumentListCtrl::kTitleColumn;
  list.GetEventHandler()->ProcessEvent(click);
  nt::test::PumpFor(std::chrono::milliseconds(50));

  CHECK(list.order() == nt::DocumentOrder::kByTitle);
  CHECK_THAT(Cell(list, 0, DocumentListCtrl::kTitleColumn),
             Contains("International Strategy on Cybersecurity Cooperation"));
  CHECK_THAT(Cell(list, 1, DocumentListCtrl::kTitleColumn),
             Contains("Joint Statement of the Japan-U.S. Cyber Dialogue"));
  SelectRow(frame, list, 1);
  CHECK_THAT(ToUtf8(frame.reader()->PageText()), Contains("held the fifth Japan-U.S."));
}

TEST_CASE("MainFrame: the empty state's button opens the import dialog",
          "[gui][main_frame][import]") {
  LibraryFixture fixture;
  MainFrame& frame = fixture.OpenFrame();
  DialogRecorder dialogs;
  auto* button = frame.FindWindow(nt::ui::kImportFilesCommand);
  REQUIRE(button != nullptr);
  wxCommandEvent click(wxEVT_BUTTON, button->GetId());
  click.SetEventObject(button);
  button->GetEventHandler()->ProcessEvent(click);
  REQUIRE(PumpUntil([&] { return !dialogs.texts().empty(); }, std::chrono::seconds(2)));
  CHECK(dialogs.texts()[0] == "Import documents");
  CHECK_FALSE(frame.import_running());  // the recorder chose no files
}

TEST_CASE("MainFrame: a document another program deletes leaves the list and the reader",
          "[gui][main_frame][refresh]") {
  LibraryFixture fixture;
  fixture.ImportSeeds();
  MainFrame& frame = fixture.OpenFrame();
  DocumentListCtrl& list = *frame.document_list()->list();
  REQUIRE(list.GetItemCount() == 2);
  SelectRow(frame, list, 0);
  REQUIRE(frame.reader()->document_id().value == 1);

  // Another process, the CLI, changes the library while the window shows it.
  DialogRecorder dialogs;
  const nt::test::CliRun deleted =
      nt::test::RunCli({"--db", nt::platform::PathToUtf8(fixture.home().database), "delete", "1"},
                       fixture.dir().path());
  REQUIRE(deleted.exit_code == 0);

  // No F5: the window notices on its own (its poll, or activation).
  REQUIRE(PumpUntil([&] { return list.GetItemCount() == 1; }, std::chrono::seconds(8)));
  CHECK_THAT(Cell(list, 0, DocumentListCtrl::kTitleColumn),
             Contains("International Strategy on Cybersecurity Cooperation"));
  CHECK_THAT(StatusText(frame, MainFrame::kCountsField), StartsWith("1 document \u00b7 "));
  CHECK_FALSE(frame.reader()->document_id());
  // The row that now holds the other document is not left selected as if it were shown.
  CHECK(list.GetSelectedItemCount() == 0);
  const std::string reader = ToUtf8(frame.reader()->PageText());
  CHECK_THAT(reader, Contains("This document is no longer in the library"));
  // Said in the reader, not in a dialog, and never as a command to run.
  CHECK(dialogs.texts().empty());
  CHECK_THAT(reader, !Contains("normtrack"));
  nt::test::PumpFor(std::chrono::milliseconds(300));  // let the list repaint its rows
  nt::test::SaveScreenshot(frame, "document-deleted-elsewhere");

  // An import by the other program appears the same way.
  const nt::test::CliRun imported = nt::test::RunCli(
      {"--db", nt::platform::PathToUtf8(fixture.home().database), "import",
       nt::platform::PathToUtf8(nt::test::CorpusDocumentsDir() / "japan-us-cyber-dialogue-2017-joint-statement.txt")},
      fixture.dir().path());
  REQUIRE(imported.exit_code == 0);
  REQUIRE(PumpUntil([&] { return list.GetItemCount() == 2; }, std::chrono::seconds(8)));
  CHECK(dialogs.texts().empty());
}
