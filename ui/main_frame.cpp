#include "ui/main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>

#include "ui/command_ids.h"
#include "ui/error_dialog.h"
#include "ui/import_summary.h"
#include "ui/job_observer.h"
#include "ui/panels/document_list_ctrl.h"
#include "ui/panels/document_list_panel.h"
#include "ui/panels/reader_panel.h"
#include "ui/wx_string.h"

namespace nt::ui {
namespace {

wxString Counted(int count, const char* singular, const char* plural) {
  return wxString::Format("%d %s", count, count == 1 ? singular : plural);
}

// Files the Import Files dialog offers; the importers decide what they can read.
constexpr const char* kImportWildcard =
    "Documents (*.md;*.txt;*.html;*.htm;*.xml;*.akn;*.pdf)|*.md;*.markdown;*.txt;*.text;*.html;"
    "*.htm;*.xml;*.akn;*.pdf|All files|*";

// How often the window looks whether another program changed the library (a cheap PRAGMA).
constexpr int kChangePollMilliseconds = 2000;

}  // namespace

MainFrame::MainFrame(std::unique_ptr<app::Workspace> workspace)
    : wxFrame(nullptr, wxID_ANY, "NormTrack"), workspace_(std::move(workspace)) {
  SetTitle(wxString(L"NormTrack \u2014 ") + PathToWx(workspace_->home().database.filename()) +
           (workspace_->read_only() ? wxString(" (read-only)") : wxString()));
  BuildMenuBar();
  CreateStatusBar(kFieldCount);
  const int widths[kFieldCount] = {-3, -2};
  SetStatusWidths(kFieldCount, widths);

  splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxSP_LIVE_UPDATE | wxSP_3DSASH);
  splitter_->SetMinimumPaneSize(FromDIP(200));
  // The list keeps its width when the window grows; the reader takes the extra room.
  splitter_->SetSashGravity(0.0);
  list_panel_ =
      new DocumentListPanel(splitter_, *workspace_, [this](DocumentId id) { OpenDocument(id); });
  reader_ = new ReaderPanel(splitter_);
  splitter_->SplitVertically(list_panel_, reader_, FromDIP(620));

  Bind(wxEVT_MENU, &MainFrame::OnImportFiles, this, kImportFilesCommand);
  Bind(wxEVT_MENU, &MainFrame::OnImportFolder, this, kImportFolderCommand);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { CancelImport(); }, kCancelImportCommand);
  Bind(
      wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& event) { event.Enable(import_running()); },
      kCancelImportCommand);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(wxEVT_MENU, &MainFrame::OnRefresh, this, wxID_REFRESH);
  Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
  Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);

  Bind(wxEVT_ACTIVATE, [this](wxActivateEvent& event) {
    if (event.GetActive()) RefreshIfLibraryChanged();
    event.Skip();
  });
  change_poll_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { RefreshIfLibraryChanged(); });
  change_poll_.Start(kChangePollMilliseconds);

  SetClientSize(FromDIP(wxSize(1280, 800)));
  SetMinSize(FromDIP(wxSize(720, 480)));
  RefreshLibrary();
  StartIndexUpkeep();
}

MainFrame::~MainFrame() {
  change_poll_.Stop();
  if (import_job_.valid()) import_job_.Cancel();
  DestroyChildren();   // the panels borrow the workspace (invariant 1)
  workspace_.reset();  // finishes its jobs first (invariant 3)
}

void MainFrame::BuildMenuBar() {
  auto* file = new wxMenu;
  file->Append(kImportFilesCommand, L"Import &Files\u2026\tCtrl+O",
               "Import documents into the library");
  file->Append(kImportFolderCommand, L"Import F&older\u2026\tCtrl+Shift+O",
               "Import every document in a folder and its subfolders");
  file->Append(kCancelImportCommand, "&Cancel Import",
               "Stop the running import after the file it is reading");
  file->AppendSeparator();
  file->Append(wxID_EXIT, "&Quit\tCtrl+Q");
  auto* view = new wxMenu;
  view->Append(wxID_REFRESH, "&Refresh\tF5", "Read the library again");
  auto* help = new wxMenu;
  help->Append(wxID_ABOUT, "&About NormTrack");
  auto* bar = new wxMenuBar;
  bar->Append(file, "&File");
  bar->Append(view, "&View");
  bar->Append(help, "&Help");
  SetMenuBar(bar);
}

void MainFrame::RefreshLibrary() {
  // Taken first: a change committed while the list is read moves it again and is read next.
  if (auto stamp = workspace_->ChangeStamp()) shown_change_stamp_ = *stamp;
  if (Status status = list_panel_->Reload(); !status) {
    ShowError(this, status.error(), "The document list could not be read.");
  }
  UpdateCounts();
  if (reader_->document_id()) {
    ReloadOpenDocument();
  } else {
    ShowReaderHint();
  }
}

void MainFrame::RefreshIfLibraryChanged() {
  if (IsBeingDeleted()) return;
  auto stamp = workspace_->ChangeStamp();
  if (!stamp || *stamp == shown_change_stamp_) return;
  RefreshLibrary();
}

void MainFrame::ReloadOpenDocument() {
  auto view = workspace_->ShowDocument(std::to_string(reader_->document_id().value));
  if (view) {
    reader_->ShowDocument(*view);
    return;
  }
  if (view.error().code == ErrorCode::kNotFound) {
    // Deleted elsewhere: said in the reader, not in a dialog the user did not ask for.
    reader_->ShowPlaceholder("This document is no longer in the library",
                             "Another program deleted it, or restored the library from a "
                             "backup. Choose a document on the left.");
    return;
  }
  ShowError(this, view.error(), "The document could not be read again.");
}

void MainFrame::ShowReaderHint() {
  if (list_panel_->showing_empty_state()) {
    reader_->ShowPlaceholder("Your library is empty",
                             "Imported documents appear in the list on the left.");
  } else {
    reader_->ShowPlaceholder("Select a document", "Its paragraphs appear here, with their labels.");
  }
}

void MainFrame::UpdateCounts() {
  auto statistics = workspace_->Statistics();
  if (!statistics) {
    SetStatusText(ToWx(statistics.error().message), kCountsField);
    return;
  }
  SetStatusText(Counted(statistics->documents, "document", "documents") + L" \u00b7 " +
                    Counted(statistics->paragraphs, "paragraph", "paragraphs") + L" \u00b7 " +
                    Counted(statistics->commitments, "commitment", "commitments"),
                kCountsField);
}

void MainFrame::OpenDocument(DocumentId id) {
  auto view = workspace_->ShowDocument(std::to_string(id.value));
  if (!view) {
    ShowError(this, view.error(), "The document could not be shown.");
    return;
  }
  reader_->ShowDocument(*view);
}

bool MainFrame::StartImport(std::vector<std::filesystem::path> paths) {
  if (import_job_.valid()) return false;
  SetStatusText(L"Importing\u2026", kJobField);
  // The continuations run on the UI thread while the frame exists (ui/job_observer.h).
  import_job_ = workspace_->Import(
      std::move(paths), {},
      ObserveOnUiThread<app::ImportReport>(
          continuation_, [this](const ProgressUpdate& update) { OnImportProgress(update); },
          [this](const Result<app::ImportReport>& result) { OnImportDone(result); }));
  return true;
}

void MainFrame::CancelImport() {
  if (!import_job_.valid()) return;
  import_job_.Cancel();
  SetStatusText(L"Cancelling the import after the current file\u2026", kJobField);
}

void MainFrame::StartIndexUpkeep() {
  const app::IndexState found = workspace_->index_state_at_open();
  if (workspace_->read_only() || found == app::IndexState::kCurrent) return;
  index_upkeep_running_ = true;
  if (app::NeedsRebuild(found)) {
    SetStatusText(L"Rebuilding the search index\u2026", kJobField);
  }
  workspace_->UpdateIndex(ObserveOnUiThread<app::IndexUpkeepReport>(
      continuation_,
      [this, found](const ProgressUpdate& update) {
        if (!app::NeedsRebuild(found) || update.total == 0) return;
        SetStatusText(wxString::Format(L"Rebuilding the search index: %lu of %lu documents\u2026",
                                       static_cast<unsigned long>(update.done),
                                       static_cast<unsigned long>(update.total)),
                      kJobField);
      },
      [this](const Result<app::IndexUpkeepReport>& result) { OnIndexUpkeepDone(result); }));
}

void MainFrame::OnIndexUpkeepDone(const Result<app::IndexUpkeepReport>& result) {
  if (IsBeingDeleted()) return;
  index_upkeep_running_ = false;
  if (auto error = app::UpkeepFailure(result)) {
    SetStatusText("The search index could not be brought up to date", kJobField);
    ShowError(this, *error, "The search index could not be brought up to date.");
    return;
  }
  if (result->sync.rebuilt) {
    SetStatusText(wxString::Format("Search index rebuilt: %d documents", result->sync.indexed),
                  kJobField);
  }
}

void MainFrame::OnImportProgress(const ProgressUpdate& update) {
  if (IsBeingDeleted() || !import_job_.valid()) return;
  // ImportService reports before each file (done < total) and once at the end (done == total).
  if (update.total > 0 && update.done >= update.total) {
    SetStatusText(L"Finishing the import\u2026", kJobField);
    return;
  }
  wxString line = L"Importing ";
  if (update.total > 0) {
    line += wxString::Format("%lu of %lu: ", static_cast<unsigned long>(update.done + 1),
                             static_cast<unsigned long>(update.total));
  }
  SetStatusText(line + PathToWx(platform::PathFromUtf8(update.current).filename()), kJobField);
}

void MainFrame::OnImportDone(const Result<app::ImportReport>& result) {
  if (IsBeingDeleted() || !import_job_.valid()) return;
  import_job_ = {};
  RefreshLibrary();
  if (!result && result.error().code == ErrorCode::kCancelled) {
    SetStatusText("Import cancelled", kJobField);  // as asked: nothing to explain
    return;
  }
  if (!result) {
    SetStatusText("Import failed", kJobField);
    ShowError(this, result.error(), "The import could not run.");
    return;
  }
  SetStatusText("Import: " + ImportCountsLine(*result), kJobField);
  ShowImportSummary(this, *result);
}

void MainFrame::OnImportFiles(wxCommandEvent&) {
  if (import_job_.valid()) return;
  wxFileDialog dialog(this, "Import documents", "", "", kImportWildcard,
                      wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) return;
  wxArrayString chosen;
  dialog.GetPaths(chosen);
  if (chosen.empty()) return;
  std::vector<std::filesystem::path> paths;
  for (const wxString& path : chosen) paths.push_back(PathFromWx(path));
  StartImport(std::move(paths));
}

void MainFrame::OnImportFolder(wxCommandEvent&) {
  if (import_job_.valid()) return;
  wxDirDialog dialog(this, "Import every document in a folder", "",
                     wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) return;
  StartImport({PathFromWx(dialog.GetPath())});
}

void MainFrame::OnRefresh(wxCommandEvent&) { RefreshLibrary(); }

void MainFrame::OnAbout(wxCommandEvent&) {
  wxAboutDialogInfo info;
  info.SetName("NormTrack");
  info.SetDescription(
      "A knowledge base of diplomatic commitments: what was promised, by whom, and in which "
      "round of a dialogue.");
  info.AddDeveloper("The NormTrack developers");
  wxAboutBox(info, this);
}

void MainFrame::OnClose(wxCloseEvent& event) {
  // Invariant 3. Forgetting the job drops its continuations still queued: a closing window
  // shows no import summary. The workspace waits for the file being imported when it goes.
  if (import_job_.valid()) import_job_.Cancel();
  import_job_ = {};
  event.Skip();  // the default handler destroys the frame
}

}  // namespace nt::ui
