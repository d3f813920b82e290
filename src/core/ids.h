#pragma once
// Strongly typed row ids: a CommitmentId cannot be passed where a ParagraphId is expected.
// Zero means "not stored yet".

#include <compare>
#include <cstdint>
#include <functional>

namespace nt {

template <typename Tag>
struct Id {
  std::int64_t value = 0;

  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  constexpr explicit operator bool() const { return value != 0; }
  constexpr auto operator<=>(const Id&) const = default;
};

using DocumentId = Id<struct DocumentTag>;
using ParagraphId = Id<struct ParagraphTag>;
using ActorId = Id<struct ActorTag>;
using DialogueId = Id<struct DialogueTag>;
using RoundId = Id<struct RoundTag>;
using CommitmentId = Id<struct CommitmentTag>;
using NormId = Id<struct NormTag>;
using FollowUpId = Id<struct FollowUpTag>;
using FollowUpEventId = Id<struct FollowUpEventTag>;
using LinkId = Id<struct LinkTag>;
using SavedSearchId = Id<struct SavedSearchTag>;

}  // namespace nt

template <typename Tag>
struct std::hash<nt::Id<Tag>> {
  std::size_t operator()(const nt::Id<Tag>& id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
