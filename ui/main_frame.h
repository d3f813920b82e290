#pragma once
// The main window: menu bar, the document list and the reader in a splitter, and a status bar
// with the library's counts and the progress of the running job.
//
// Invariants:
//  1. The frame owns the workspace (app/workspace.h); panels borrow it for reading, on the UI
//     thread, and are destroyed first.
//  2. Writes run as the workspace's background jobs; the frame learns about them only through
//     UI-thread continuations (ui/job_observer.h), and re-reads the library when one ends.
//     At most one import runs at a time.
//  3. Closing the frame cancels a running import; destroying the workspace waits for the file
//     being imported (jobs invariant 4).
//  4. An index that the workspace found missing, outdated or another library's at open is
//     rebuilt as a job at once, its progress in the status bar; searches answer once it is done.
//  5. What the window shows follows the library when another program changes it (an import,
//     a delete or a restore from the CLI): the workspace's change stamp is compared with the
//     one last shown when the window is activated and every few seconds, and the list, the
//     counts and the open document are read again when it moved.
//
// Thread-safety: UI thread only.

#include <wx/frame.h>
#include <wx/timer.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "app/import_report.h"
#include "app/index_reports.h"
#include "app/jobs.h"
#include "app/workspace.h"
#include "core/progress.h"
#include "ui/ui_continuation.h"

class wxSplitterWindow;

namespace nt::ui {

class DocumentListPanel;
class ReaderPanel;

class MainFrame : public wxFrame {
 public:
  enum StatusField { kCountsField, kJobField, kFieldCount };

  explicit MainFrame(std::unique_ptr<app::Workspace> workspace);
  ~MainFrame() override;

  // Starts a background import of `paths` (files or folders); false when one is running.
  bool StartImport(std::vector<std::filesystem::path> paths);
  bool import_running() const { return import_job_.valid(); }
  // Asks the running import to stop after the file it is reading (File › Cancel Import).
  void CancelImport();
  // True while the index upkeep started at open runs (invariant 4).
  bool index_upkeep_running() const { return index_upkeep_running_; }

  // Re-reads the list, the counts and the open document (View › Refresh, and after an import).
  void RefreshLibrary();
  // Re-reads them only when the library changed since they were read (invariant 5).
  void RefreshIfLibraryChanged();
  // Shows a document in the reader; errors go to the error dialog.
  void OpenDocument(DocumentId id);

  app::Workspace& workspace() { return *workspace_; }
  DocumentListPanel* document_list() const { return list_panel_; }
  ReaderPanel* reader() const { return reader_; }

 private:
  void BuildMenuBar();
  void ShowReaderHint();
  void UpdateCounts();
  void OnImportFiles(wxCommandEvent& event);
  void OnImportFolder(wxCommandEvent& event);
  void OnRefresh(wxCommandEvent& event);
  void OnAbout(wxCommandEvent& event);
  void OnClose(wxCloseEvent& event);
  void OnImportProgress(const ProgressUpdate& update);
  void OnImportDone(const Result<app::ImportReport>& result);
  void StartIndexUpkeep();
  void OnIndexUpkeepDone(const Result<app::IndexUpkeepReport>& result);
  void ReloadOpenDocument();

  std::unique_ptr<app::Workspace> workspace_;
  UiContinuation<wxWindow> continuation_{this};
  wxSplitterWindow* splitter_ = nullptr;
  DocumentListPanel* list_panel_ = nullptr;
  ReaderPanel* reader_ = nullptr;
  app::Job<app::ImportReport> import_job_;  // valid while an import runs
  bool index_upkeep_running_ = false;
  std::int64_t shown_change_stamp_ = -1;  // the library's change stamp when last read
  wxTimer change_poll_;
};

}  // namespace nt::ui
