#pragma once
// Reading an extracted commitment's actors in the extraction tests: the actors of one role,
// sorted, to compare with a sorted list of gazetteer indices.

#include <algorithm>
#include <vector>

#include "extract/document_extractor.h"

namespace nt::test {

inline std::vector<int> Sorted(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  return v;
}

inline std::vector<int> WithRole(const extract::ExtractedCommitment& c, ActorRole role) {
  std::vector<int> out;
  for (const extract::ExtractedActorRef& a : c.actors) {
    if (a.role == role) out.push_back(a.actor_index);
  }
  return Sorted(std::move(out));
}

}  // namespace nt::test
