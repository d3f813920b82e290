#pragma once
// Mentions of recurring dialogues and their rounds: "the fifth Japan-U.S. Cyber Dialogue",
// "the Seventh U.S.-Japan Bilateral Cyber Dialogue", "the 4th Japan–US cyber dialogue", "the
// sixth dialogue" (a round of whatever dialogue the document is about), "an intersessional
// meeting of the ... Dialogue" (no number).
//
// One dialogue, one key: the parties as an order-insensitive set of canonical gazetteer names
// plus the topic words without "Bilateral", so "U.S.-Japan Cyber Dialogue", "United
// States-Japan Bilateral Cyber Dialogue" and "Japan–US cyber dialogue" share the key
// "japan+united states|cyber dialogue".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/actor_mentions.h"
#include "extract/gazetteer.h"
#include "extract/tokenizer.h"

namespace nt::extract {

struct DialogueNameMention {
  int token_begin = 0;  // from the ordinal (if any) to the word "Dialogue"
  int token_end = 0;
  std::string name;     // as written, from the first party to "Dialogue": "Japan-U.S. Cyber Dialogue"
  std::string key;      // "" for an unnamed round ("the sixth dialogue")
  std::vector<int> parties;  // gazetteer indices, in written order
  std::optional<int> round;
  bool intersessional = false;
  // A round only hoped for: "work to hold the 8th dialogue at an early date", "look forward to
  // the third ... Dialogue". It is no round held or announced: its number is dropped (round is
  // empty) so that nothing attaches to it. A round announced with its time ("will be held in
  // Tokyo on July 22, 2015") is not hoped for and keeps its number.
  bool hoped = false;
  // Named in passing as a time reference: "shortly after the U.S.-China Strategic Dialogue of
  // 1 November", "ahead of the 5th Japan-U.S. Cyber Dialogue". Such a dialogue is not the one
  // the document reports on; the choice of the document's dialogue should skip it.
  bool in_passing = false;
};

// Dialogue mentions in a tokenised text whose actor mentions are already known.
std::vector<DialogueNameMention> FindDialogueMentions(std::string_view text,
                                                      const std::vector<Token>& tokens,
                                                      const std::vector<ActorMention>& mentions,
                                                      const Gazetteer& gazetteer);

// The key of a dialogue name on its own ("U.S.-Japan Cyber Dialogue"), "" if the name does not
// have the form party-party ... Dialogue.
std::string DialogueKeyOf(std::string_view name, const Gazetteer& gazetteer);

// 5 for "fifth", "Fifth", "5th"; 1 for "inaugural"; nullopt otherwise.
std::optional<int> ParseOrdinal(std::string_view word);

}  // namespace nt::extract
