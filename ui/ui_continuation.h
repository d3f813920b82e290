#pragma once
// Running code on the UI thread for a window that may be gone by then (DESIGN.md "Threads":
// UI continuations run through CallAfter guarded by a wxWeakRef).
//
// Invariants:
//  1. The wxWeakRef is created, read and released on the UI thread only: the worker copies a
//     shared_ptr to it (an atomic count), never the wxWeakRef itself.
//  2. The window keeps one UiContinuation as a member, so the wxWeakRef outlives every posted
//     call that is still queued while the window lives; once the window is destroyed the
//     wxWeakRef reads null and queued calls do nothing.
//  3. Posting never blocks: wxApp::CallAfter queues an event and wakes the UI thread.

#include <wx/app.h>
#include <wx/weakref.h>

#include <memory>
#include <utility>

namespace nt::ui {

template <typename Window>
class UiContinuation {
 public:
  // UI thread only.
  explicit UiContinuation(Window* window) : window_(std::make_shared<wxWeakRef<Window>>(window)) {}

  // Any thread: runs `call(window)` later on the UI thread, if the window still exists.
  template <typename Call>
  void Post(Call call) const {
    wxTheApp->CallAfter([window = window_, call = std::move(call)]() mutable {
      if (Window* alive = window->get()) call(*alive);
    });
  }

 private:
  std::shared_ptr<wxWeakRef<Window>> window_;
};

}  // namespace nt::ui
