#include "app/jobs.h"

namespace nt::app {

JobQueue::JobQueue(JobMode mode) : mode_(mode) {
  if (mode_ == JobMode::kBackground) worker_ = std::thread([this] { WorkerLoop(); });
}

JobQueue::~JobQueue() {
  if (mode_ != JobMode::kBackground) return;
  std::deque<Task> abandoned;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    abandoned.swap(tasks_);
    if (running_task_) running_cancel_.Cancel();
  }
  changed_.notify_all();
  worker_.join();
  for (Task& task : abandoned) task.abandon();
}

void JobQueue::Post(std::function<void()> run, std::function<void()> abandon,
                    CancellationToken cancel) {
  if (mode_ == JobMode::kForeground) {
    run();
    return;
  }
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      tasks_.push_back({std::move(run), std::move(abandon), std::move(cancel)});
      changed_.notify_all();
      return;
    }
  }
  abandon();
}

void JobQueue::Drain() {
  if (mode_ == JobMode::kForeground) return;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return tasks_.empty() && !running_task_; });
}

void JobQueue::WorkerLoop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
    if (stopping_) return;
    Task task = std::move(tasks_.front());
    tasks_.pop_front();
    running_task_ = true;
    running_cancel_ = task.cancel;
    lock.unlock();
    task.run();
    lock.lock();
    running_task_ = false;
    changed_.notify_all();
  }
}

}  // namespace nt::app
