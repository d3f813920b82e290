#pragma once
// Builds a whole index from scratch on several threads (the rebuild path).
//
// Invariants (continuing indexer.h; tests cite them):
//  1. The target folder is untouched until Finish() succeeds: workers write private shards in
//     temporary folders beside it (FOLDER.shardW-N, worker W's Nth), and Finish() merges them
//     with Xapian's compactor into a third folder that then takes the target's place. An
//     abandoned or failed build (an error, a crash, the destructor without Finish) leaves the
//     previous index as it was.
//  2. The shards are private to this object, so each worker owning a WritableDatabase does not
//     break "one writer per index" (DESIGN.md "Threads"): nothing else opens them.
//  3. The result is the same index an Indexer would write (the same TermBuilder terms, values,
//     data and per-document records), only compacted and with other Xapian document ids.
//
// Thread-safety: Add() and Finish() from one thread; the workers are internal.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/error.h"
#include "search/index_types.h"

namespace nt::search {

// Items a worker writes into one shard before it starts the next: each flush costs more as a
// shard's B-trees grow (positions are keyed by term, so a flush writes all over that table), and
// the compactor merges many small shards about as fast as two big ones (performance.md).
inline constexpr std::size_t kDefaultItemsPerShard = 50000;

using nt::RebuildLeftovers;

// What an interrupted rebuild of `folder` left beside it (core/search_results.h). Folders with a
// file written in the last `quiet_for` are left out: they may belong to a rebuild still running
// in another program.
[[nodiscard]] RebuildLeftovers FindRebuildLeftovers(const std::filesystem::path& folder,
                                                    std::chrono::seconds quiet_for);
// Errors: kIo naming the first folder that cannot be removed.
[[nodiscard]] Status RemoveRebuildLeftovers(const RebuildLeftovers& leftovers);

// Completes a rebuild killed between Finish's two renames: the old index moved aside
// (FOLDER.old) and the merged one (FOLDER.new) not yet in its place. True when it put FOLDER.new
// in place, false when there was nothing to complete. Errors: kIo.
[[nodiscard]] Result<bool> CompleteInterruptedSwap(const std::filesystem::path& folder);

class IndexBuilder {
 public:
  // Starts `workers` threads (at least 1) writing an index in `layout`, each starting a new
  // shard after `items_per_shard` items (between two documents). Shards a crashed build left
  // beside the folder are removed first. Errors: kIo when they cannot be.
  [[nodiscard]] static Result<std::unique_ptr<IndexBuilder>> Start(
      const std::filesystem::path& folder, int workers, IndexLayout layout = IndexLayout::kLocal,
      std::size_t items_per_shard = kDefaultItemsPerShard);
  // Abandons an unfinished build (invariant 1).
  ~IndexBuilder();
  IndexBuilder(const IndexBuilder&) = delete;
  IndexBuilder& operator=(const IndexBuilder&) = delete;

  // Queues a document for a worker; waits while the queue is full. Returns a worker's error, if
  // one failed since.
  [[nodiscard]] Status Add(IndexDocument document);
  // Waits for the workers, merges their shards and puts the result in place of the folder.
  [[nodiscard]] Status Finish();

 private:
  struct Impl;
  explicit IndexBuilder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace nt::search
