#pragma once
// The writer job queue: the one place where a library is written.
//
// Invariants (tests cite them as "jobs invariant N"):
//  1. One writer. Every write to a workspace's SQLite database and the only Xapian writer of its
//     index run as jobs on its queue, one at a time, in the order they were submitted. Reads
//     use connections of their own and never write.
//  2. A job gets a progress sink and a cancellation token (its Job handle's Cancel()); a
//     cancelled job stops at its next check and still reports a result (often kCancelled, or a
//     report of what it did before it stopped).
//  3. An observer's `started`, `progress` and `done` run on the thread that runs the job: the
//     writer thread in the background mode (front ends forward them to their own thread), the
//     submitting thread in the foreground mode. `done` runs exactly once per job, after its last
//     `progress`, and before Wait() returns.
//  4. Background mode: Submit returns at once. Destroying the queue cancels every job not yet
//     finished (queued ones complete with kCancelled without running) and waits for the running
//     one, so nothing is left half-written when a window closes.
//  5. Foreground mode (the CLI): Submit runs the job on the calling thread and returns a finished
//     handle. The same jobs, the same code, no thread.
//
// Thread-safety: Submit, and every Job method, from any thread.

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "core/error.h"
#include "core/progress.h"

namespace nt::app {

enum class JobMode {
  kForeground,  // run each job on the thread that submits it (the CLI)
  kBackground,  // run jobs on the queue's own writer thread (the GUI)
};

// What a front end is told about a job as it runs (invariant 3).
template <typename T>
struct JobObserver {
  std::function<void(std::string_view description)> started;  // one sentence: what it does
  ProgressCallback progress;
  std::function<void(const Result<T>& result)> done;
};

namespace detail {

template <typename T>
struct JobState {
  std::mutex mutex;
  std::condition_variable finished;
  std::optional<Result<T>> result;
  CancellationToken cancel;
  JobObserver<T> observer;

  void Complete(Result<T> value) {
    if (observer.done) observer.done(value);
    {
      std::lock_guard lock(mutex);
      result = std::move(value);
    }
    finished.notify_all();
  }
};

}  // namespace detail

// A handle on a submitted job; copies share the job.
template <typename T>
class Job {
 public:
  Job() = default;
  explicit Job(std::shared_ptr<detail::JobState<T>> state) : state_(std::move(state)) {}

  bool valid() const { return state_ != nullptr; }
  bool done() const {
    std::lock_guard lock(state_->mutex);
    return state_->result.has_value();
  }
  // Asks the job to stop at its next check (invariant 2).
  void Cancel() const { state_->cancel.Cancel(); }
  // Blocks until the job has finished (in the foreground mode it already has). A copy, so that
  // `workspace.Import(...).Wait()` outlives the handle.
  Result<T> Wait() const {
    std::unique_lock lock(state_->mutex);
    state_->finished.wait(lock, [&] { return state_->result.has_value(); });
    return *state_->result;
  }

 private:
  std::shared_ptr<detail::JobState<T>> state_;
};

class JobQueue {
 public:
  explicit JobQueue(JobMode mode);
  ~JobQueue();  // invariant 4
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  JobMode mode() const { return mode_; }

  // Runs `work(progress, cancel)` as a job (invariants 1-5). `description` is what the
  // observer's `started` is told; `cancel` is the job's token, shared with whoever else may
  // cancel it (a new one by default).
  template <typename T>
  Job<T> Submit(std::string description,
                std::function<Result<T>(const ProgressCallback&, const CancellationToken&)> work,
                JobObserver<T> observer = {}, CancellationToken cancel = {}) {
    auto state = std::make_shared<detail::JobState<T>>();
    state->observer = std::move(observer);
    state->cancel = std::move(cancel);
    Post(
        [state, description = std::move(description), work = std::move(work)]() {
          if (state->observer.started) state->observer.started(description);
          if (state->cancel.IsCancelled()) {
            state->Complete(
                std::unexpected(Error{ErrorCode::kCancelled, "Cancelled before it started."}));
            return;
          }
          state->Complete(work(state->observer.progress, state->cancel));
        },
        [state]() {
          state->Complete(std::unexpected(
              Error{ErrorCode::kCancelled, "Cancelled: the library was closed first."}));
        },
        state->cancel);
    return Job<T>(std::move(state));
  }

  // Waits until every job submitted so far has finished.
  void Drain();

 private:
  struct Task {
    std::function<void()> run;
    std::function<void()> abandon;  // completes a job that will never run (invariant 4)
    CancellationToken cancel;
  };
  void Post(std::function<void()> run, std::function<void()> abandon, CancellationToken cancel);
  void WorkerLoop();

  const JobMode mode_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Task> tasks_;
  bool running_task_ = false;
  CancellationToken running_cancel_;  // the running job's, cancelled by the destructor
  bool stopping_ = false;
  std::thread worker_;  // last: started once the members above are ready
};

}  // namespace nt::app
