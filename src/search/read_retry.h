#pragma once
// Internal to src/search: reading an index while a writer keeps committing to it.
//
// Xapian keeps the revision a reader opened only until the writer commits twice more; then the
// read throws DatabaseModifiedError and must start again from the newest revision. A slow read
// on a busy machine (a page of many hits with snippets, twenty readers on two cores) can see two
// commits during each try, so the read is tried at least kReadAttempts times and for as long as
// kReadRetryFor since the first try; after that the error goes to the caller.

#include <xapian.h>

#include <chrono>

namespace nt::search {

inline constexpr int kReadAttempts = 5;
inline constexpr auto kReadRetryFor = std::chrono::seconds(10);

// Runs `read` until it does not throw DatabaseModifiedError, calling `before_retry` (a reopen,
// or nothing when `read` opens the database itself) between tries. Other errors, and the last
// DatabaseModifiedError, propagate.
template <typename Read, typename BeforeRetry>
auto RetryWhileModified(Read read, BeforeRetry before_retry) -> decltype(read()) {
  const auto first_try = std::chrono::steady_clock::now();
  for (int attempt = 1;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      const bool long_enough = std::chrono::steady_clock::now() - first_try >= kReadRetryFor;
      if (attempt >= kReadAttempts && long_enough) throw;
      before_retry();
    }
  }
}

template <typename Read>
auto RetryWhileModified(Read read) -> decltype(read()) {
  return RetryWhileModified(read, [] {});
}

}  // namespace nt::search
