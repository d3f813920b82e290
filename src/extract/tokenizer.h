#pragma once
// Word and punctuation tokens with UTF-8 byte offsets: the one tokenisation that the gazetteer
// trie, the cue lexicon, the date scanner and the dialogue detector all share, so an alias
// written in the gazetteer ("U.S.") and the same words in a document tokenise identically.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nt::extract {

enum class TokenKind : std::uint8_t { kWord, kNumber, kPunct };

struct Token {
  int begin = 0;  // byte offsets into the tokenised text
  int end = 0;
  TokenKind kind = TokenKind::kPunct;
};

// Splits into words (letters, digits and non-ASCII letters), numbers (ASCII digits only) and
// single punctuation marks (ASCII or the common typographic ones: ’ “ ” – — …). White space is
// dropped. Chinese and Japanese characters (ideographs, kana) are one word token each, and their
// punctuation (。，、「」 and full-width marks) is punctuation. Apostrophes are punctuation, so "DHS's" is DHS ' s and possessives need no rule.
std::vector<Token> Tokenize(std::string_view text);

// The token's text.
inline std::string_view TokenText(std::string_view text, const Token& token) {
  return text.substr(static_cast<std::size_t>(token.begin),
                     static_cast<std::size_t>(token.end - token.begin));
}

// ASCII-lowercased token text (non-ASCII bytes unchanged).
std::string LowerToken(std::string_view text, const Token& token);

// Lower-cases an ASCII word into `buffer` and returns a view of it, without allocating; a word
// longer than the buffer comes back unchanged (no alias, cue or keyword word is that long).
std::string_view LowerInto(std::string_view word, std::array<char, 64>& buffer);

// Hash for unordered maps keyed by std::string that are searched with a string_view.
struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

// Case-insensitive (ASCII) comparison of a token with a word.
bool TokenIs(std::string_view text, const Token& token, std::string_view word);

// True for ’ and ' (possessives, elisions).
bool IsApostrophe(std::string_view token_text);
// True for -, – and — (compounds such as "Japan-U.S." and ranges such as "20-21").
bool IsDash(std::string_view token_text);

}  // namespace nt::extract
