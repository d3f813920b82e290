#pragma once
// Locality-sensitive hashing over MinHash signatures (precedent.h): finds, among many stored
// texts, the few whose signature may be close to a given one, without comparing it with all.
//
// A signature's kMinHashSize values are cut into bands of `rows_per_band` values; two
// signatures that agree on every value of one band share that band's bucket. Two texts of
// estimated similarity s share at least one bucket with probability 1 - (1 - s^r)^b (r rows,
// b bands): with r = 2 and 32 bands, 0.999 at s = 0.45, 0.27 at s = 0.1. Candidates are then
// checked with EstimatedSimilarity by the caller; a probe costs b bucket look-ups plus the
// candidates, whatever the number of stored texts.
//
// Ids are the caller's (search knows nothing of what they name). Thread-safety: none; one
// thread at a time.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "search/precedent.h"

namespace nt::search {

class MinHashLsh {
 public:
  // `rows_per_band` must divide kMinHashSize.
  explicit MinHashLsh(int rows_per_band = 2);

  // Stores `signature` under `id`, replacing what `id` had.
  void Add(std::int64_t id, const MinHashSignature& signature);
  // Forgets `id` (nothing when it is not stored).
  void Remove(std::int64_t id);

  // The stored ids sharing at least one band with `signature`, ascending, each once.
  std::vector<std::int64_t> Candidates(const MinHashSignature& signature) const;
  // The signature stored under `id`, or nullptr.
  const MinHashSignature* Find(std::int64_t id) const;
  std::size_t size() const { return signatures_.size(); }

 private:
  std::vector<std::uint64_t> BandKeys(const MinHashSignature& signature) const;

  int rows_;
  std::unordered_map<std::uint64_t, std::vector<std::int64_t>> buckets_;
  std::unordered_map<std::int64_t, MinHashSignature> signatures_;
};

}  // namespace nt::search
