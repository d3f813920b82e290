#include "extract/norm_catalogue.h"


#include "core/file_io.h"
#include "core/platform.h"
#include "core/text.h"

namespace nt::extract {
namespace {

Error RowError(std::string_view source_name, int line, std::string_view what) {
  return Error{ErrorCode::kParse,
               Quoted(source_name) + " line " + std::to_string(line) + ": " + std::string(what) + "."};
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string NormaliseNormCode(std::string_view code) {
  std::string compact;
  for (char c : code) {
    if (c == ' ' || c == '(' || c == ')') continue;
    compact.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  std::size_t digits = 0;
  while (digits < compact.size() && IsDigit(compact[digits])) ++digits;
  if (digits == 0 || digits + 1 != compact.size()) return {};
  char letter = compact.back();
  if (letter < 'a' || letter > 'z') return {};
  return compact.substr(0, digits) + "(" + letter + ")";
}

NormCatalogue::NormCatalogue(std::vector<NormEntry> entries) : entries_(std::move(entries)) {
  for (int i = 0; i < size(); ++i) {
    for (const std::string& keyword : entries_[static_cast<std::size_t>(i)].keywords) {
      Keyword compiled{i, {}};
      for (const Token& token : Tokenize(keyword)) {
        compiled.tokens.push_back(LowerToken(keyword, token));
      }
      if (compiled.tokens.empty()) continue;
      by_first_token_[compiled.tokens.front()].push_back(std::move(compiled));
    }
  }
}

std::optional<int> NormCatalogue::FindCode(std::string_view code) const {
  std::string wanted = NormaliseNormCode(code);
  if (wanted.empty()) return std::nullopt;
  for (int i = 0; i < size(); ++i) {
    if (entries_[static_cast<std::size_t>(i)].code == wanted) return i;
  }
  return std::nullopt;
}

std::vector<NormKeywordHit> NormCatalogue::FindKeywords(std::string_view text,
                                                        const std::vector<Token>& tokens) const {
  std::vector<NormKeywordHit> hits;
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (tokens[i].kind == TokenKind::kPunct) continue;
    std::array<char, 64> buffer;
    std::string_view lower = LowerInto(TokenText(text, tokens[i]), buffer);
    auto it = by_first_token_.find(lower);
    if (it == by_first_token_.end()) {
      // Plural of a one-word keyword's first token ("CSIRTs" for "csirt").
      if (lower.size() < 3 || lower.back() != 's') continue;
      it = by_first_token_.find(lower.substr(0, lower.size() - 1));
      if (it == by_first_token_.end()) continue;
    }
    for (const Keyword& keyword : it->second) {
      std::size_t k = 0;
      for (; k < keyword.tokens.size() && i + k < n; ++k) {
        std::array<char, 64> word_buffer;
        std::string_view word = LowerInto(TokenText(text, tokens[i + k]), word_buffer);
        if (word == keyword.tokens[k]) continue;
        // Tolerate a plural "s" on the keyword's last word only.
        bool last = k + 1 == keyword.tokens.size();
        if (last && word.size() == keyword.tokens[k].size() + 1 && word.back() == 's' &&
            word.starts_with(keyword.tokens[k])) {
          continue;
        }
        break;
      }
      if (k == keyword.tokens.size()) {
        hits.push_back({keyword.norm_index, static_cast<int>(i), static_cast<int>(i + k)});
      }
    }
  }
  return hits;
}

Result<NormCatalogue> ParseNormCatalogue(std::string_view text, std::string_view source_name) {
  if (auto bad = FindInvalidUtf8(text)) {
    return Fail(RowError(source_name, LineOfOffset(text, *bad),
                         "is not valid UTF-8; save the file as UTF-8"));
  }
  std::vector<NormEntry> entries;
  std::unordered_map<std::string, int> line_of_code;
  int line_number = 0;
  for (const std::string& raw_line : Split(text, '\n')) {
    ++line_number;
    std::string_view line = raw_line;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimView(line).empty() || TrimView(line).front() == '#') continue;
    std::vector<std::string> fields = Split(line, '\t');
    if (fields.size() != 4) {
      return Fail(RowError(source_name, line_number,
                           "expected 4 tab-separated fields (code, source symbol, short title, "
                           "keywords) but found " + std::to_string(fields.size())));
    }
    NormEntry entry;
    entry.code = NormaliseNormCode(Trim(fields[0]));
    if (entry.code.empty()) {
      return Fail(RowError(source_name, line_number,
                           Quoted(Trim(fields[0])) + " is not a norm code like 13(a)"));
    }
    if (auto it = line_of_code.find(entry.code); it != line_of_code.end()) {
      return Fail(RowError(source_name, line_number,
                           "the norm " + entry.code + " is already defined on line " +
                               std::to_string(it->second)));
    }
    entry.source_symbol = Trim(fields[1]);
    entry.short_title = CollapseWhitespace(fields[2]);
    if (entry.short_title.empty()) {
      return Fail(RowError(source_name, line_number,
                           "the norm " + entry.code + " has no short title"));
    }
    for (const std::string& piece : Split(fields[3], '|')) {
      std::string keyword = CollapseWhitespace(piece);
      if (!keyword.empty()) entry.keywords.push_back(std::move(keyword));
    }
    line_of_code.emplace(entry.code, line_number);
    entries.push_back(std::move(entry));
  }
  return NormCatalogue(std::move(entries));
}

Result<NormCatalogue> LoadNormCatalogue(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes) return Fail(bytes.error());
  return ParseNormCatalogue(*bytes, platform::PathToUtf8(path));
}

}  // namespace nt::extract
