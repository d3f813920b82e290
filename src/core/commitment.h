#pragma once
// A commitment: what actors bind themselves (or others) to, found in one paragraph.

#include <optional>
#include <string>
#include <vector>

#include "core/enum_names.h"
#include "core/ids.h"

namespace nt {

enum class CommitmentType {
  kObligation,      // shall, undertake to: legally binding
  kPledge,          // will, committed to: political
  kAgreement,       // agreed to, decided to: political
  kIntention,       // intend to, plan to: aspirational
  kRecommendation,  // should, encourage, urge: addressed to others
  kRecognition,     // recognized, shared the view: no action
  kWelcome,         // welcomed, appreciated: no action
};

inline constexpr EnumNames<CommitmentType, 7> kCommitmentTypeNames{{
    {CommitmentType::kObligation, "obligation"},
    {CommitmentType::kPledge, "pledge"},
    {CommitmentType::kAgreement, "agreement"},
    {CommitmentType::kIntention, "intention"},
    {CommitmentType::kRecommendation, "recommendation"},
    {CommitmentType::kRecognition, "recognition"},
    {CommitmentType::kWelcome, "welcome"},
}};
constexpr std::string_view ToString(CommitmentType type) {
  return NameOf(kCommitmentTypeNames, type);
}
constexpr std::optional<CommitmentType> ParseCommitmentType(std::string_view name) {
  return ValueOf(kCommitmentTypeNames, name);
}

enum class CommitmentStrength { kBinding, kPolitical, kAspirational, kAdvisory, kNone };

inline constexpr EnumNames<CommitmentStrength, 5> kCommitmentStrengthNames{{
    {CommitmentStrength::kBinding, "binding"},
    {CommitmentStrength::kPolitical, "political"},
    {CommitmentStrength::kAspirational, "aspirational"},
    {CommitmentStrength::kAdvisory, "advisory"},
    {CommitmentStrength::kNone, "none"},
}};
constexpr std::string_view ToString(CommitmentStrength strength) {
  return NameOf(kCommitmentStrengthNames, strength);
}
constexpr std::optional<CommitmentStrength> ParseCommitmentStrength(std::string_view name) {
  return ValueOf(kCommitmentStrengthNames, name);
}

// The usual strength of a type; a coder may override it (a "will" inside a treaty).
constexpr CommitmentStrength DefaultStrength(CommitmentType type) {
  switch (type) {
    case CommitmentType::kObligation: return CommitmentStrength::kBinding;
    case CommitmentType::kPledge:
    case CommitmentType::kAgreement: return CommitmentStrength::kPolitical;
    case CommitmentType::kIntention: return CommitmentStrength::kAspirational;
    case CommitmentType::kRecommendation: return CommitmentStrength::kAdvisory;
    case CommitmentType::kRecognition:
    case CommitmentType::kWelcome: return CommitmentStrength::kNone;
  }
  return CommitmentStrength::kNone;
}

// Whether a commitment of this type asks someone to act, and so can be left undone: a
// recognition or a welcome records a view and never stays "open".
constexpr bool CallsForAction(CommitmentType type) {
  return DefaultStrength(type) != CommitmentStrength::kNone;
}

enum class ActorRole { kSubject, kCounterpart, kAddressee };

inline constexpr EnumNames<ActorRole, 3> kActorRoleNames{{
    {ActorRole::kSubject, "subject"},          // bound by the commitment
    {ActorRole::kCounterpart, "counterpart"},  // the other side (DHS for NISC joining AIS)
    {ActorRole::kAddressee, "addressee"},      // asked to act (recommendations)
}};
constexpr std::string_view ToString(ActorRole role) { return NameOf(kActorRoleNames, role); }
constexpr std::optional<ActorRole> ParseActorRole(std::string_view name) {
  return ValueOf(kActorRoleNames, name);
}

struct CommitmentActor {
  ActorId actor_id;
  ActorRole role = ActorRole::kSubject;
  auto operator<=>(const CommitmentActor&) const = default;
};

enum class Origin { kExtracted, kManual };

inline constexpr EnumNames<Origin, 2> kOriginNames{{
    {Origin::kExtracted, "extracted"},
    {Origin::kManual, "manual"},
}};
constexpr std::string_view ToString(Origin origin) { return NameOf(kOriginNames, origin); }
constexpr std::optional<Origin> ParseOrigin(std::string_view name) {
  return ValueOf(kOriginNames, name);
}

struct Commitment {
  CommitmentId id;
  ParagraphId paragraph_id;
  int span_begin = 0;  // byte offsets of the commitment in the paragraph's text
  int span_end = 0;
  std::string text;    // the clause itself
  std::string cue;     // the words that carry the commitment: "affirmed that they will"
  CommitmentType type = CommitmentType::kPledge;
  CommitmentStrength strength = CommitmentStrength::kPolitical;
  std::string deadline;  // ISO 8601 when the text sets one
  Origin origin = Origin::kExtracted;
  std::vector<CommitmentActor> actors;
};

}  // namespace nt
