// app::JobQueue (src/app/jobs.h) in both modes: where a job runs, in which order, what its
// observer hears, cancellation, Drain() and destroying the queue (jobs invariants 1-5).
//
// Catch2's assertions are not thread-safe: jobs only record what they see, and the test thread
// checks it afterwards.

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/jobs.h"
#include "core/error.h"
#include "core/progress.h"

using namespace nt;
using namespace nt::app;

namespace {

// What an observer heard, in order, and on which threads.
struct Heard {
  std::mutex mutex;
  std::vector<std::string> events;
  std::vector<std::thread::id> threads;
  std::vector<ProgressUpdate> progress;
  std::optional<Result<int>> result;
  int done_calls = 0;

  void Record(std::string event) {
    std::lock_guard lock(mutex);
    events.push_back(std::move(event));
    threads.push_back(std::this_thread::get_id());
  }
  JobObserver<int> Observer() {
    JobObserver<int> observer;
    observer.started = [this](std::string_view description) {
      Record("started: " + std::string(description));
    };
    observer.progress = [this](const ProgressUpdate& update) {
      Record("progress");
      std::lock_guard lock(mutex);
      progress.push_back(update);
    };
    observer.done = [this](const Result<int>& value) {
      Record("done");
      std::lock_guard lock(mutex);
      result = value;
      ++done_calls;
    };
    return observer;
  }
};

// A door a job waits at until the test opens it: no timing involved.
class Gate {
 public:
  Gate() : opened_(promise_.get_future().share()) {}
  void Open() { promise_.set_value(); }
  void Wait() const { opened_.wait(); }

 private:
  std::promise<void> promise_;
  std::shared_future<void> opened_;
};

// Waits for a running job to see its token cancelled by someone the job cannot wait on (the
// queue's destructor). Bounded polling with a generous deadline: the token has no way to notify.
bool SeesCancel(const CancellationToken& cancel) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!cancel.IsCancelled()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

}  // namespace

TEST_CASE("JobQueue: in the foreground a job runs on the calling thread before Submit returns",
          "[app]") {
  JobQueue queue(JobMode::kForeground);
  CHECK(queue.mode() == JobMode::kForeground);
  Heard heard;
  std::thread::id ran_on;
  Job<int> job = queue.Submit<int>(
      "Counting sheep",
      [&](const ProgressCallback& progress, const CancellationToken& cancel) -> Result<int> {
        ran_on = std::this_thread::get_id();
        heard.Record("work");
        progress({1, 2, "first"});
        progress({2, 2, "second"});
        CHECK_FALSE(cancel.IsCancelled());
        return 42;
      },
      heard.Observer());

  // Finished when Submit returned (jobs invariant 5).
  REQUIRE(job.valid());
  CHECK(job.done());
  CHECK(ran_on == std::this_thread::get_id());
  CHECK(heard.events == std::vector<std::string>{"started: Counting sheep", "work", "progress",
                                                 "progress", "done"});
  for (std::thread::id id : heard.threads) CHECK(id == std::this_thread::get_id());
  REQUIRE(heard.progress.size() == 2);
  CHECK(heard.progress[0].done == 1);
  CHECK(heard.progress[1].current == "second");
  CHECK(heard.done_calls == 1);
  REQUIRE(heard.result.has_value());
  REQUIRE(*heard.result);
  CHECK(**heard.result == 42);

  auto result = job.Wait();
  REQUIRE(result);
  CHECK(*result == 42);
  // A copy of the handle shares the job; waiting again does not run it again.
  Job<int> copy = job;
  CHECK(copy.Wait().value() == 42);
  CHECK(heard.done_calls == 1);
  queue.Drain();  // nothing to wait for
}

TEST_CASE("JobQueue: in the foreground a failing job reports its error to done and Wait",
          "[app]") {
  JobQueue queue(JobMode::kForeground);
  Heard heard;
  Job<int> job = queue.Submit<int>(
      "Reading a damaged file",
      [](const ProgressCallback&, const CancellationToken&) -> Result<int> {
        return Fail(ErrorCode::kParse, "'x.md' line 3: not Markdown.");
      },
      heard.Observer());
  CHECK(job.done());
  CHECK(heard.events == std::vector<std::string>{"started: Reading a damaged file", "done"});
  CHECK(heard.done_calls == 1);
  REQUIRE(heard.result.has_value());
  REQUIRE_FALSE(*heard.result);
  CHECK(heard.result->error().code == ErrorCode::kParse);
  auto result = job.Wait();
  REQUIRE_FALSE(result);
  CHECK(result.error().code == ErrorCode::kParse);
  CHECK(result.error().message == "'x.md' line 3: not Markdown.");

  // A job without an observer runs too.
  auto plain = queue.Submit<int>(
      "Plain", [](const ProgressCallback& progress, const CancellationToken&) -> Result<int> {
        if (progress) progress({1, 1, ""});  // no sink: the job must not need one
        return 7;
      });
  CHECK(plain.Wait().value() == 7);
}

TEST_CASE("JobQueue: in the background jobs run one at a time on one other thread, in order",
          "[app]") {
  constexpr int kJobs = 50;
  std::mutex mutex;
  std::vector<int> order;
  std::vector<std::thread::id> threads;
  std::atomic<int> running{0};
  std::atomic<bool> overlapped{false};
  std::vector<Job<int>> jobs;
  {
    JobQueue queue(JobMode::kBackground);
    CHECK(queue.mode() == JobMode::kBackground);
    for (int i = 0; i < kJobs; ++i) {
      jobs.push_back(queue.Submit<int>(
          "Job " + std::to_string(i),
          [&, i](const ProgressCallback&, const CancellationToken&) -> Result<int> {
            if (running.fetch_add(1) != 0) overlapped = true;
            // Give another worker, if there were one, the chance to run alongside.
            for (int spin = 0; spin < 100; ++spin) std::this_thread::yield();
            {
              std::lock_guard lock(mutex);
              order.push_back(i);
              threads.push_back(std::this_thread::get_id());
            }
            running.fetch_sub(1);
            return i * 2;
          }));
    }
    queue.Drain();
    std::vector<int> expected;
    for (int i = 0; i < kJobs; ++i) expected.push_back(i);
    std::lock_guard lock(mutex);
    CHECK(order == expected);
    CHECK_FALSE(overlapped);
    REQUIRE(threads.size() == static_cast<std::size_t>(kJobs));
    for (std::thread::id id : threads) {
      CHECK(id != std::this_thread::get_id());
      CHECK(id == threads.front());
    }
  }
  for (int i = 0; i < kJobs; ++i) {
    REQUIRE(jobs[i].done());
    CHECK(jobs[i].Wait().value() == i * 2);
  }
}

TEST_CASE("JobQueue: in the background Submit returns before the job has run", "[app]") {
  JobQueue queue(JobMode::kBackground);
  Gate gate;
  std::atomic<bool> finished_work{false};
  Heard heard;
  Job<int> job = queue.Submit<int>(
      "Waiting at the gate",
      [&](const ProgressCallback& progress, const CancellationToken&) -> Result<int> {
        gate.Wait();
        progress({1, 1, "through"});
        finished_work = true;
        return 5;
      },
      heard.Observer());
  // The job cannot have finished: it waits for the gate this thread has not opened.
  CHECK_FALSE(job.done());
  CHECK_FALSE(finished_work);
  gate.Open();
  auto result = job.Wait();
  REQUIRE(result);
  CHECK(*result == 5);
  CHECK(finished_work);
  CHECK(job.done());
  // done ran before Wait returned, once, after the progress, on the writer thread.
  std::lock_guard lock(heard.mutex);
  CHECK(heard.done_calls == 1);
  CHECK(heard.events ==
        std::vector<std::string>{"started: Waiting at the gate", "progress", "done"});
  for (std::thread::id id : heard.threads) CHECK(id != std::this_thread::get_id());
}

TEST_CASE("JobQueue: Cancel on a running job is seen by its token", "[app]") {
  JobQueue queue(JobMode::kBackground);
  Gate entered, gate;
  std::atomic<bool> saw_cancel{false};
  Job<int> job = queue.Submit<int>(
      "Cancellable", [&](const ProgressCallback&, const CancellationToken& cancel) -> Result<int> {
        entered.Open();
        gate.Wait();
        if (cancel.IsCancelled()) {
          saw_cancel = true;
          return Fail(ErrorCode::kCancelled, "Stopped.");
        }
        return 1;
      });
  entered.Wait();  // running now, not queued
  job.Cancel();
  gate.Open();
  auto result = job.Wait();
  CHECK(saw_cancel);
  REQUIRE_FALSE(result);
  CHECK(result.error().code == ErrorCode::kCancelled);
}

TEST_CASE("JobQueue: a job cancelled before it starts completes with kCancelled without running",
          "[app]") {
  JobQueue queue(JobMode::kBackground);
  Gate entered, gate;
  Job<int> blocker = queue.Submit<int>(
      "Blocking", [&](const ProgressCallback&, const CancellationToken&) -> Result<int> {
        entered.Open();
        gate.Wait();
        return 1;
      });
  std::atomic<bool> ran{false};
  Heard heard;
  Job<int> queued = queue.Submit<int>(
      "Never runs",
      [&](const ProgressCallback&, const CancellationToken&) -> Result<int> {
        ran = true;
        return 2;
      },
      heard.Observer());
  Job<int> after = queue.Submit<int>(
      "Runs", [](const ProgressCallback&, const CancellationToken&) -> Result<int> { return 3; });
  entered.Wait();
  queued.Cancel();  // still queued behind the blocker
  gate.Open();

  auto result = queued.Wait();
  REQUIRE_FALSE(result);
  CHECK(result.error().code == ErrorCode::kCancelled);
  CHECK_FALSE(ran);
  // Cancelling one job leaves the others alone.
  CHECK(blocker.Wait().value() == 1);
  CHECK(after.Wait().value() == 3);
  std::lock_guard lock(heard.mutex);
  CHECK(heard.done_calls == 1);
  REQUIRE(heard.result.has_value());
  CHECK(heard.result->error().code == ErrorCode::kCancelled);
}

TEST_CASE("JobQueue: Drain waits for every job submitted so far", "[app]") {
  JobQueue queue(JobMode::kBackground);
  constexpr int kJobs = 20;
  std::atomic<int> finished{0};
  std::vector<Job<int>> jobs;
  for (int i = 0; i < kJobs; ++i) {
    jobs.push_back(queue.Submit<int>(
        "Some work", [&, i](const ProgressCallback&, const CancellationToken&) -> Result<int> {
          // Enough work that the queue cannot be empty by chance when Drain is called.
          std::vector<int> scratch(20000, i);
          long sum = 0;
          for (int round = 0; round < 20; ++round) {
            for (int& value : scratch) sum += value += round;
          }
          finished.fetch_add(1);
          return static_cast<int>(sum % 1000);
        }));
  }
  queue.Drain();
  CHECK(finished == kJobs);
  for (const Job<int>& job : jobs) CHECK(job.done());
  queue.Drain();  // and again, with nothing left: returns at once
}

TEST_CASE("JobQueue: destroying the queue cancels the running job and abandons the queued ones",
          "[app]") {
  auto queue = std::make_unique<JobQueue>(JobMode::kBackground);
  Gate entered;
  std::atomic<bool> running_saw_cancel{false};
  Heard running_heard;
  Job<int> running = queue->Submit<int>(
      "Running when the window closes",
      [&](const ProgressCallback&, const CancellationToken& cancel) -> Result<int> {
        entered.Open();
        if (!SeesCancel(cancel)) return 1;  // the destructor never cancelled it
        running_saw_cancel = true;
        return Fail(ErrorCode::kCancelled, "Stopped at the next check.");
      },
      running_heard.Observer());
  constexpr int kQueued = 3;
  std::atomic<int> queued_ran{0};
  std::vector<std::unique_ptr<Heard>> queued_heard;
  std::vector<Job<int>> queued;
  for (int i = 0; i < kQueued; ++i) {
    queued_heard.push_back(std::make_unique<Heard>());
    queued.push_back(queue->Submit<int>(
        "Queued",
        [&](const ProgressCallback&, const CancellationToken&) -> Result<int> {
          queued_ran.fetch_add(1);
          return 2;
        },
        queued_heard.back()->Observer()));
  }
  entered.Wait();  // the first job is running, the others wait behind it
  queue.reset();   // waits for the running job (jobs invariant 4)

  REQUIRE(running.done());
  CHECK(running_saw_cancel);
  auto result = running.Wait();
  REQUIRE_FALSE(result);
  CHECK(result.error().code == ErrorCode::kCancelled);
  CHECK(running_heard.done_calls == 1);

  CHECK(queued_ran == 0);
  for (int i = 0; i < kQueued; ++i) {
    INFO("queued job " << i);
    REQUIRE(queued[i].done());
    auto abandoned = queued[i].Wait();
    REQUIRE_FALSE(abandoned);
    CHECK(abandoned.error().code == ErrorCode::kCancelled);
    CHECK_FALSE(abandoned.error().message.empty());
    CHECK(queued_heard[i]->done_calls == 1);
  }
}
