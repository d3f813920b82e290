#include "extract/gazetteer.h"

#include <unordered_set>

#include "core/file_io.h"
#include "core/platform.h"
#include "core/text.h"

namespace nt::extract {
namespace {

std::string LowerAscii(std::string_view text) { return ToLowerAscii(text); }

Error RowError(std::string_view source_name, int line, std::string_view what) {
  return Error{ErrorCode::kParse,
               Quoted(source_name) + " line " + std::to_string(line) + ": " + std::string(what) + "."};
}

std::vector<std::string> SplitList(std::string_view field) {
  std::vector<std::string> items;
  for (const std::string& piece : Split(field, '|')) {
    std::string item = CollapseWhitespace(piece);
    if (!item.empty()) items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

Gazetteer::Gazetteer(std::vector<GazetteerActor> actors) : actors_(std::move(actors)) {
  nodes_.emplace_back();
  for (int i = 0; i < size(); ++i) {
    AddAlias(i, actors_[static_cast<std::size_t>(i)].canonical_name, false);
    for (const ActorAlias& alias : actors_[static_cast<std::size_t>(i)].aliases) {
      AddAlias(i, alias.text, alias.is_acronym);
    }
  }
}

void Gazetteer::AddAlias(int actor_index, std::string_view alias, bool case_sensitive) {
  std::vector<Token> tokens = Tokenize(alias);
  if (tokens.empty()) return;
  int node = 0;
  Terminal terminal{actor_index, case_sensitive, {}};
  for (const Token& token : tokens) {
    std::string key = LowerToken(alias, token);
    auto& children = nodes_[static_cast<std::size_t>(node)].children;
    auto it = children.find(std::string_view(key));
    if (it == children.end()) {
      int next = static_cast<int>(nodes_.size());
      nodes_[static_cast<std::size_t>(node)].children.emplace(std::move(key), next);
      nodes_.emplace_back();
      node = next;
    } else {
      node = it->second;
    }
    if (case_sensitive) terminal.exact_tokens.emplace_back(TokenText(alias, token));
  }
  auto& terminals = nodes_[static_cast<std::size_t>(node)].terminals;
  for (const Terminal& existing : terminals) {
    if (existing.case_sensitive == case_sensitive &&
        existing.exact_tokens == terminal.exact_tokens) {
      return;  // same alias again (canonical name repeated as a name): first actor keeps it
    }
  }
  terminals.push_back(std::move(terminal));
}

std::optional<int> Gazetteer::Find(std::string_view name) const {
  std::vector<Token> tokens = Tokenize(name);
  if (tokens.empty()) return std::nullopt;
  auto match = LongestMatchAt(name, tokens, 0);
  if (match && match->token_end == static_cast<int>(tokens.size())) return match->actor_index;
  return std::nullopt;
}

std::optional<ActorMatch> Gazetteer::LongestMatchAt(std::string_view text,
                                                    const std::vector<Token>& tokens,
                                                    int at) const {
  if (nodes_.empty()) return std::nullopt;
  std::optional<ActorMatch> best;
  int node = 0;
  std::array<char, 64> buffer;
  for (int i = at; i < static_cast<int>(tokens.size()); ++i) {
    const Token& token = tokens[static_cast<std::size_t>(i)];
    std::string_view key = LowerInto(TokenText(text, token), buffer);
    const auto& children = nodes_[static_cast<std::size_t>(node)].children;
    auto it = children.find(key);
    if (it == children.end()) break;
    node = it->second;
    for (const Terminal& terminal : nodes_[static_cast<std::size_t>(node)].terminals) {
      if (terminal.case_sensitive) {
        bool same = true;
        for (std::size_t k = 0; k < terminal.exact_tokens.size(); ++k) {
          if (TokenText(text, tokens[static_cast<std::size_t>(at) + k]) !=
              terminal.exact_tokens[k]) {
            same = false;
            break;
          }
        }
        if (!same) continue;
      }
      best = ActorMatch{at, i + 1, terminal.actor_index};
      break;
    }
  }
  return best;
}

std::vector<ActorMatch> Gazetteer::MatchAll(std::string_view text,
                                            const std::vector<Token>& tokens) const {
  std::vector<ActorMatch> matches;
  int i = 0;
  const int n = static_cast<int>(tokens.size());
  while (i < n) {
    // Aliases start with a word or number ("G7", "U.S."); skip punctuation quickly.
    if (tokens[static_cast<std::size_t>(i)].kind != TokenKind::kPunct) {
      if (auto match = LongestMatchAt(text, tokens, i)) {
        matches.push_back(*match);
        i = match->token_end;
        continue;
      }
    }
    ++i;
  }
  return matches;
}

Result<Gazetteer> ParseGazetteer(std::string_view text, std::string_view source_name) {
  if (auto bad = FindInvalidUtf8(text)) {
    return Fail(RowError(source_name, LineOfOffset(text, *bad),
                         "is not valid UTF-8; save the file as UTF-8"));
  }
  struct Row {
    GazetteerActor actor;
    std::string parent_name;
    int line = 0;
  };
  std::vector<Row> rows;
  std::unordered_map<std::string, int> by_name;  // lower-cased canonical name -> row
  int line_number = 0;
  for (const std::string& raw_line : Split(text, '\n')) {
    ++line_number;
    std::string_view line = raw_line;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimView(line).empty() || TrimView(line).front() == '#') continue;
    std::vector<std::string> fields = Split(line, '\t');
    if (fields.size() < 2 || fields.size() > 5) {
      return Fail(RowError(source_name, line_number,
                           "expected 5 tab-separated fields (name, kind, parent, names, acronyms) "
                           "but found " + std::to_string(fields.size())));
    }
    fields.resize(5);
    Row row;
    row.line = line_number;
    row.actor.canonical_name = CollapseWhitespace(fields[0]);
    if (row.actor.canonical_name.empty()) {
      return Fail(RowError(source_name, line_number, "the canonical name is empty"));
    }
    auto kind = ParseActorKind(Trim(fields[1]));
    if (!kind) {
      return Fail(RowError(source_name, line_number,
                           "unknown actor kind " + Quoted(Trim(fields[1])) +
                               " (use state, agency, organisation, group or person)"));
    }
    row.actor.kind = *kind;
    row.parent_name = CollapseWhitespace(fields[2]);
    for (std::string& name : SplitList(fields[3])) {
      row.actor.aliases.push_back({std::move(name), false});
    }
    for (std::string& acronym : SplitList(fields[4])) {
      row.actor.aliases.push_back({std::move(acronym), true});
    }
    std::string key = LowerAscii(row.actor.canonical_name);
    if (by_name.contains(key)) {
      return Fail(RowError(source_name, line_number,
                           "the actor " + Quoted(row.actor.canonical_name) +
                               " is already defined on line " +
                               std::to_string(rows[static_cast<std::size_t>(by_name[key])].line)));
    }
    by_name.emplace(std::move(key), static_cast<int>(rows.size()));
    rows.push_back(std::move(row));
  }

  // Aliases must be unambiguous: a name (case-insensitive) or acronym (exact) used by two
  // actors would make matches depend on file order.
  std::unordered_map<std::string, int> alias_owner;  // "i:lower" or "c:Exact" -> row
  std::vector<GazetteerActor> actors;
  actors.reserve(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Row& row = rows[r];
    std::vector<std::pair<std::string, bool>> all = {{row.actor.canonical_name, false}};
    for (const ActorAlias& alias : row.actor.aliases) all.emplace_back(alias.text, alias.is_acronym);
    for (const auto& [alias, exact] : all) {
      std::string key = exact ? "c:" + alias : "i:" + LowerAscii(alias);
      auto [it, inserted] = alias_owner.emplace(key, static_cast<int>(r));
      if (!inserted && it->second != static_cast<int>(r)) {
        return Fail(RowError(source_name, row.line,
                             "the alias " + Quoted(alias) + " already belongs to " +
                                 // earlier rows were already moved into `actors`
                                 Quoted(actors[static_cast<std::size_t>(it->second)]
                                            .canonical_name) +
                                 " (line " +
                                 std::to_string(rows[static_cast<std::size_t>(it->second)].line) +
                                 ")"));
      }
    }
    if (!row.parent_name.empty()) {
      auto it = by_name.find(LowerAscii(row.parent_name));
      if (it == by_name.end()) {
        return Fail(RowError(source_name, row.line,
                             "the parent " + Quoted(row.parent_name) + " is not an actor in this file"));
      }
      if (it->second == static_cast<int>(r)) {
        return Fail(RowError(source_name, row.line, "an actor cannot be its own parent"));
      }
      row.actor.parent_index = it->second;
    }
    actors.push_back(std::move(row.actor));
  }
  return Gazetteer(std::move(actors));
}

Result<Gazetteer> LoadGazetteer(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes) return Fail(bytes.error());
  return ParseGazetteer(*bytes, platform::PathToUtf8(path));
}

}  // namespace nt::extract
