#pragma once
// Watching a workspace job from a window (DESIGN.md "Threads"): the job's observer calls arrive
// on the writer thread (jobs invariant 3), and are forwarded to the UI thread through the
// window's UiContinuation, so they run only while the window exists. Never wxYield to wait.

#include <functional>
#include <utility>

#include "app/jobs.h"
#include "core/error.h"
#include "core/progress.h"
#include "ui/ui_continuation.h"

namespace nt::ui {

template <typename T, typename Window>
app::JobObserver<T> ObserveOnUiThread(const UiContinuation<Window>& window,
                                      std::function<void(const ProgressUpdate&)> progress,
                                      std::function<void(const Result<T>&)> done) {
  app::JobObserver<T> observer;
  if (progress) {
    observer.progress = [window, progress](const ProgressUpdate& update) {
      window.Post([progress, update](Window&) { progress(update); });
    };
  }
  if (done) {
    observer.done = [window, done](const Result<T>& result) {
      window.Post([done, result](Window&) { done(result); });
    };
  }
  return observer;
}

}  // namespace nt::ui
