#pragma once
// Dialogues and their rounds.

#include <optional>
#include <string_view>
#include <vector>

#include "core/dialogue.h"
#include "core/error.h"
#include "store/database.h"

namespace nt::store {

class DialogueRepository {
 public:
  explicit DialogueRepository(Database& database) : database_(database) {}

  // The dialogue with `dialogue.key` (or the one it was merged into), inserted when new;
  // returns its id.
  [[nodiscard]] Result<DialogueId> Upsert(const Dialogue& dialogue);
  [[nodiscard]] Result<Dialogue> Get(DialogueId id);
  // The dialogue with the key, or the one a user merged the key's dialogue into.
  [[nodiscard]] Result<std::optional<Dialogue>> FindByKey(std::string_view key);
  // By id, exact name or key, or a unique case-insensitive part of the name.
  [[nodiscard]] Result<Dialogue> Resolve(std::string_view reference);
  [[nodiscard]] Result<std::vector<Dialogue>> List();

  // A numbered round is unique per dialogue: an existing one is completed with the dates and
  // place it lacked. Unnumbered rounds are always new. Returns the round's id.
  [[nodiscard]] Result<RoundId> UpsertRound(const Round& round);
  [[nodiscard]] Result<Round> GetRound(RoundId id);
  [[nodiscard]] Result<std::optional<Round>> FindRound(DialogueId dialogue, int number);
  // Rounds in order: numbered by number, then unnumbered by date.
  [[nodiscard]] Result<std::vector<Round>> Rounds(DialogueId dialogue);

  [[nodiscard]] Status Delete(DialogueId id);

 private:
  Database& database_;
};

}  // namespace nt::store
