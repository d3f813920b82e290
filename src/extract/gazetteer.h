#pragma once
// The actor gazetteer: every state, agency, organisation, group and person that extraction can
// recognise, with the names and acronyms they go by, precompiled once into a token trie so that
// matching a document costs one trie walk per token (imports of 10k documents reuse one
// Gazetteer).
//
// File format (corpus/actors.tsv), UTF-8, one actor per line, five tab-separated fields:
//
//   canonical name <TAB> kind <TAB> parent <TAB> names <TAB> acronyms
//
//   - kind: state, agency, organisation, group or person;
//   - parent: the canonical name of another actor in the file (METI -> Japan), or empty;
//   - names: other full names separated by '|', matched case-insensitively ("Government of
//     Japan|Japanese Government"); the canonical name is always a name too;
//   - acronyms: separated by '|', matched case-sensitively ("U.S.|US|USA"), so "US" is never
//     the pronoun "us". Use this column for any alias whose case matters ("States").
//   Blank lines and lines starting with '#' are ignored. Trailing empty fields may be omitted.
//   An alias may belong to one actor only; the loader reports the line of the second use.
//
// Thread-safety: a Gazetteer is immutable after loading; share it freely between threads.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/actor.h"
#include "core/error.h"
#include "extract/tokenizer.h"

namespace nt::extract {

struct GazetteerActor {
  std::string canonical_name;  // "United States"
  ActorKind kind = ActorKind::kState;
  int parent_index = -1;       // index of the parent actor in the gazetteer, -1 for none
  std::vector<ActorAlias> aliases;  // names (case-insensitive) and acronyms (case-sensitive)
};

// A run of tokens [token_begin, token_end) naming one gazetteer actor.
struct ActorMatch {
  int token_begin = 0;
  int token_end = 0;
  int actor_index = -1;
};

class Gazetteer {
 public:
  Gazetteer() = default;

  // Builds the trie. The actors' parent indices must be valid or -1. Aliases that collide
  // resolve to the earlier actor (the loader rejects collisions before this).
  explicit Gazetteer(std::vector<GazetteerActor> actors);

  const std::vector<GazetteerActor>& actors() const { return actors_; }
  const GazetteerActor& actor(int index) const {
    return actors_[static_cast<std::size_t>(index)];
  }
  int size() const { return static_cast<int>(actors_.size()); }

  // The actor whose canonical name or any alias equals `name` (names case-insensitively,
  // acronyms exactly), or nullopt.
  std::optional<int> Find(std::string_view name) const;

  // The longest alias starting at token `at`, or nullopt. "U.S. Department of Defense" wins
  // over "U.S."; a match never ends inside a word because tokens are whole words.
  std::optional<ActorMatch> LongestMatchAt(std::string_view text, const std::vector<Token>& tokens,
                                           int at) const;

  // Leftmost-longest, non-overlapping matches over a tokenised text.
  std::vector<ActorMatch> MatchAll(std::string_view text, const std::vector<Token>& tokens) const;

 private:
  struct Terminal {
    int actor_index = -1;
    bool case_sensitive = false;
    std::vector<std::string> exact_tokens;  // for case-sensitive aliases
  };
  struct Node {
    // lower-cased token -> node
    std::unordered_map<std::string, int, StringViewHash, std::equal_to<>> children;
    std::vector<Terminal> terminals;
  };

  void AddAlias(int actor_index, std::string_view alias, bool case_sensitive);

  std::vector<GazetteerActor> actors_;
  std::vector<Node> nodes_;
};

// Parses gazetteer text; `source_name` names the file in errors ("'actors.tsv' line 7: ...").
[[nodiscard]] Result<Gazetteer> ParseGazetteer(std::string_view text, std::string_view source_name);

// Reads and parses a gazetteer file. Errors: kNotFound/kIo for the file, kParse for a malformed
// row (naming the file and line).
[[nodiscard]] Result<Gazetteer> LoadGazetteer(const std::filesystem::path& path);

}  // namespace nt::extract
