#include "search/minhash_lsh.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace nt::search {

MinHashLsh::MinHashLsh(int rows_per_band) : rows_(rows_per_band) {
  assert(rows_ > 0 && kMinHashSize % rows_ == 0);
}

std::vector<std::uint64_t> MinHashLsh::BandKeys(const MinHashSignature& signature) const {
  std::vector<std::uint64_t> keys;
  if (signature.size() != static_cast<std::size_t>(kMinHashSize)) return keys;
  const auto rows = static_cast<std::size_t>(rows_);
  for (std::size_t band = 0; band * rows < signature.size(); ++band) {
    std::uint64_t key = 0x9E3779B97F4A7C15ull * (band + 1);
    bool empty = true;
    for (std::size_t i = band * rows; i < (band + 1) * rows; ++i) {
      // A text without words has no minimum: its values never make it similar to anything.
      if (signature[i] != std::numeric_limits<std::uint64_t>::max()) empty = false;
      key = (key ^ signature[i]) * 0x100000001b3ull;
      key ^= key >> 29;
    }
    if (!empty) keys.push_back(key);
  }
  return keys;
}

void MinHashLsh::Add(std::int64_t id, const MinHashSignature& signature) {
  Remove(id);
  for (std::uint64_t key : BandKeys(signature)) buckets_[key].push_back(id);
  signatures_.emplace(id, signature);
}

void MinHashLsh::Remove(std::int64_t id) {
  auto stored = signatures_.find(id);
  if (stored == signatures_.end()) return;
  for (std::uint64_t key : BandKeys(stored->second)) {
    auto bucket = buckets_.find(key);
    if (bucket == buckets_.end()) continue;
    std::erase(bucket->second, id);
    if (bucket->second.empty()) buckets_.erase(bucket);
  }
  signatures_.erase(stored);
}

std::vector<std::int64_t> MinHashLsh::Candidates(const MinHashSignature& signature) const {
  std::vector<std::int64_t> found;
  for (std::uint64_t key : BandKeys(signature)) {
    auto bucket = buckets_.find(key);
    if (bucket != buckets_.end())
      found.insert(found.end(), bucket->second.begin(), bucket->second.end());
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

const MinHashSignature* MinHashLsh::Find(std::int64_t id) const {
  auto stored = signatures_.find(id);
  return stored == signatures_.end() ? nullptr : &stored->second;
}

}  // namespace nt::search
