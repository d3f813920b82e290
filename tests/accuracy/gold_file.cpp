#include "accuracy/gold_file.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "core/text.h"

namespace nt::accuracy {
namespace {

Error ParseError(const std::filesystem::path& file, int line, const std::string& what) {
  return Error{ErrorCode::kParse,
               file.filename().string() + ":" + std::to_string(line) + ": " + what};
}

std::optional<std::string> Optional(const std::string& value) {
  if (value == "-" || value.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::string Folded(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

Result<GoldDocument> ReadGoldFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::unexpected(Error{ErrorCode::kIo, "Cannot read " + file.string() + "."});
  GoldDocument gold;
  gold.gold_file = file;
  gold.name = file.filename().string();
  if (auto at = gold.name.find(".gold.tsv"); at != std::string::npos) gold.name.resize(at);
  std::string line;
  int number = 0;
  bool has_kind = false, has_title = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields = Split(line, '\t');
    for (std::string& field : fields) field = Trim(field);
    const std::string& record = fields[0];
    auto need = [&](std::size_t count) -> Status {
      if (fields.size() < count) {
        return std::unexpected(ParseError(file, number, "'" + record + "' needs " +
                                                            std::to_string(count - 1) +
                                                            " TAB-separated fields"));
      }
      return {};
    };
    if (record == "commitment") {
      NT_TRY(need(4));
      GoldCommitment commitment;
      commitment.fragment = fields[1];
      commitment.type = fields[2];
      for (const std::string& subject : Split(fields[3], ';')) {
        if (!Trim(subject).empty()) commitment.subjects.insert(Trim(subject));
      }
      commitment.line = number;
      if (commitment.fragment.empty()) {
        return std::unexpected(ParseError(file, number, "an empty fragment"));
      }
      gold.commitments.push_back(std::move(commitment));
      continue;
    }
    NT_TRY(need(2));
    const std::string& value = fields[1];
    if (record == "source") {
      gold.source = value;
    } else if (record == "title") {
      gold.title = value;
      has_title = true;
    } else if (record == "date") {
      gold.date = Optional(value);
    } else if (record == "kind") {
      gold.kind = value;
      has_kind = true;
    } else if (record == "dialogue") {
      gold.dialogue = Optional(value);
    } else if (record == "round") {
      if (auto round = Optional(value)) {
        int n = 0;
        auto [end, error] = std::from_chars(round->data(), round->data() + round->size(), n);
        if (error != std::errc() || end != round->data() + round->size()) {
          return std::unexpected(ParseError(file, number, "a round is a number or '-'"));
        }
        gold.round = n;
      }
    } else if (record == "scope") {
      NT_TRY(need(3));
      if (value == "from") {
        gold.scope_from = fields[2];
      } else if (value == "until") {
        gold.scope_until = fields[2];
      } else {
        return std::unexpected(
            ParseError(file, number, "scope takes 'from FRAGMENT' or 'until FRAGMENT'"));
      }
    } else {
      return std::unexpected(ParseError(file, number, "unknown record '" + record + "'"));
    }
  }
  if (gold.source.empty() || !has_title || !has_kind) {
    return std::unexpected(ParseError(file, number, "needs source, title and kind records"));
  }
  return gold;
}

std::filesystem::path SourcePath(const GoldDocument& gold, const std::filesystem::path& set_dir,
                                 const std::filesystem::path& shared_dir) {
  constexpr std::string_view kShared = "shared:";
  if (gold.source.starts_with(kShared)) return shared_dir / gold.source.substr(kShared.size());
  return set_dir / gold.source;
}

}  // namespace nt::accuracy
