#pragma once
// The main window: menu bar, the document list and the reader in a splitter, and a status bar
// with the library's counts and the progress of a running import.
//
// Invariants:
//  1. The frame owns the UI thread's Library; panels borrow it and are destroyed first.
//  2. At most one import runs at a time, on its own Library (see ImportJob); the frame learns
//     about it only through UI-thread callbacks, and reloads the list when it ends.
//  3. Closing the frame cancels a running import and waits for the file being imported.
//
// Thread-safety: UI thread only.

#include <wx/frame.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "app/import_service.h"
#include "app/library.h"
#include "core/progress.h"

class wxSplitterWindow;

namespace nt::ui {

class DocumentListPanel;
class ImportJob;
class ReaderPanel;

class MainFrame : public wxFrame {
 public:
  enum StatusField { kCountsField, kJobField, kFieldCount };

  explicit MainFrame(std::unique_ptr<app::Library> library);
  ~MainFrame() override;

  // Starts a background import of `paths` (files or folders); false when one is running.
  bool StartImport(std::vector<std::filesystem::path> paths);
  bool import_running() const { return import_job_ != nullptr; }

  // Re-reads the list and the counts (View › Refresh, and after an import).
  void RefreshLibrary();
  // Shows a document in the reader; errors go to the error dialog.
  void OpenDocument(DocumentId id);

  app::Library& library() { return *library_; }
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
  void OnImportDone(Result<app::ImportReport> result);

  std::unique_ptr<app::Library> library_;
  wxSplitterWindow* splitter_ = nullptr;
  DocumentListPanel* list_panel_ = nullptr;
  ReaderPanel* reader_ = nullptr;
  std::unique_ptr<ImportJob> import_job_;
};

}  // namespace nt::ui
