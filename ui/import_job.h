#pragma once
// An import running on a worker thread, reporting back to a window on the UI thread.
//
// Invariants:
//  1. The worker opens its own Library on the same Home (SQLite WAL lets the UI's connection
//     keep reading while the worker commits); no connection is shared between threads.
//  2. Handlers run on the UI thread through UiContinuation, only while `owner` exists; the
//     worker never touches a window.
//  3. `done` runs exactly once per job (if the owner still exists), after the last `progress`.
//  4. Destroying the job cancels it and joins the worker; ImportService checks cancellation
//     between files, so this waits at most for the file being imported.
//
// Thread-safety: construct, call and destroy on the UI thread.

#include <wx/window.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

#include "app/home.h"
#include "app/import_service.h"
#include "core/progress.h"
#include "ui/ui_continuation.h"

namespace nt::ui {

class ImportJob {
 public:
  struct Handlers {
    std::function<void(const ProgressUpdate&)> progress;
    std::function<void(Result<app::ImportReport>)> done;
  };

  // Starts importing `paths` at once.
  ImportJob(wxWindow* owner, app::Home home, std::vector<std::filesystem::path> paths,
            Handlers handlers);
  ~ImportJob();
  ImportJob(const ImportJob&) = delete;
  ImportJob& operator=(const ImportJob&) = delete;

  void Cancel() { cancel_.Cancel(); }
  // True until the worker has posted its result.
  bool running() const { return running_.load(); }

 private:
  void Run(app::Home home, std::vector<std::filesystem::path> paths);

  UiContinuation<wxWindow> owner_;
  Handlers handlers_;
  CancellationToken cancel_;
  std::atomic<bool> running_{true};
  std::thread worker_;  // last: starts after every other member is ready
};

}  // namespace nt::ui
