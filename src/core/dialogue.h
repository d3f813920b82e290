#pragma once
// Recurring dialogues and their meetings (rounds).

#include <optional>
#include <string>

#include "core/ids.h"

namespace nt {

struct Dialogue {
  DialogueId id;
  std::string name;  // canonical display name: "Japan-U.S. Cyber Dialogue"
  std::string key;   // normalised identity: the same for every spelling of the dialogue
};

struct Round {
  RoundId id;
  DialogueId dialogue_id;
  std::optional<int> number;  // 5 for "the fifth"; empty for an unnumbered meeting
  std::string start_date;     // ISO 8601
  std::string end_date;
  std::string place;          // "Tokyo"
};

}  // namespace nt
