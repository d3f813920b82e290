#pragma once
// Progress reporting and cooperative cancellation for long jobs (imports, index rebuilds).
// Thread-safety: a CancellationToken may be cancelled from any thread; a Progress callback is
// invoked on the thread that runs the job, so front ends forward it to their own thread.

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace nt {

class CancellationToken {
 public:
  CancellationToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void Cancel() const { flag_->store(true, std::memory_order_relaxed); }
  bool IsCancelled() const { return flag_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;  // shared so copies cancel together
};

struct ProgressUpdate {
  std::size_t done = 0;
  std::size_t total = 0;  // 0 = unknown
  std::string current;    // what is being worked on now (a file name)
};

using ProgressCallback = std::function<void(const ProgressUpdate&)>;

}  // namespace nt
