#include "extract/tokenizer.h"

#include <array>
#include <optional>

namespace nt::extract {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes, so
// malformed input still advances).
int SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Non-ASCII characters that behave as punctuation or space; everything else non-ASCII is
// treated as a letter, which is right for accented names ("Türkiye", "Côte d'Ivoire").
constexpr std::array<std::string_view, 14> kNonAsciiPunct = {
    "\u2019", "\u2018", "\u201C", "\u201D", "\u2013", "\u2014", "\u2026",
    "\u00AB", "\u00BB", "\u2022", "\u25A0", "\u00B7", "\u2212", "\u2010"};
constexpr std::array<std::string_view, 4> kNonAsciiSpace = {"\u00A0", "\u2009", "\u202F",
                                                            "\u3000"};

enum class CharClass { kSpace, kAlnum, kDigit, kPunct, kCjk };

// The code point of a complete UTF-8 sequence (0 for malformed ones).
char32_t DecodePoint(std::string_view ch) {
  auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(ch[k])); };
  if (ch.size() == 2) return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
  if (ch.size() == 3) return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  if (ch.size() == 4) {
    return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
           (byte(3) & 0x3F);
  }
  return 0;
}

// Chinese and Japanese write words without spaces, so each ideograph or kana is a token of its
// own: a gazetteer alias ("中华人民共和国") is then a run of such tokens, found wherever it
// stands in a sentence. Their punctuation (。，、「」（）！？) is punctuation.
std::optional<CharClass> ClassifyCjk(char32_t cp) {
  if (cp == 0x3005 || cp == 0x30FC) return CharClass::kCjk;  // 々 and ー belong to words
  if (cp == 0x30FB) return CharClass::kPunct;                // ・
  if (cp >= 0x3001 && cp <= 0x303F) return CharClass::kPunct;
  if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F)) {
    return CharClass::kCjk;
  }
  // Full-width punctuation (！，：；（）？); full-width letters and digits stay word characters.
  if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65)) {
    return CharClass::kPunct;
  }
  return std::nullopt;
}

CharClass Classify(std::string_view text, std::size_t i, int& length) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    length = 1;
    if (IsAsciiSpace(c)) return CharClass::kSpace;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (IsAsciiAlnum(c)) return CharClass::kAlnum;
    return CharClass::kPunct;
  }
  length = SequenceLength(c);
  if (i + static_cast<std::size_t>(length) > text.size()) {
    length = static_cast<int>(text.size() - i);
  }
  std::string_view ch = text.substr(i, static_cast<std::size_t>(length));
  for (std::string_view p : kNonAsciiPunct) {
    if (ch == p) return CharClass::kPunct;
  }
  for (std::string_view s : kNonAsciiSpace) {
    if (ch == s) return CharClass::kSpace;
  }
  if (auto cjk = ClassifyCjk(DecodePoint(ch))) return *cjk;
  return CharClass::kAlnum;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 4);
  std::size_t i = 0;
  while (i < text.size()) {
    int length = 1;
    CharClass cls = Classify(text, i, length);
    if (cls == CharClass::kSpace) {
      i += static_cast<std::size_t>(length);
      continue;
    }
    if (cls == CharClass::kPunct || cls == CharClass::kCjk) {
      tokens.push_back({static_cast<int>(i), static_cast<int>(i) + length,
                        cls == CharClass::kCjk ? TokenKind::kWord : TokenKind::kPunct});
      i += static_cast<std::size_t>(length);
      continue;
    }
    std::size_t begin = i;
    bool all_digits = true;
    while (i < text.size()) {
      int n = 1;
      CharClass c = Classify(text, i, n);
      if (c != CharClass::kAlnum && c != CharClass::kDigit) break;
      if (c != CharClass::kDigit) all_digits = false;
      i += static_cast<std::size_t>(n);
    }
    tokens.push_back({static_cast<int>(begin), static_cast<int>(i),
                      all_digits ? TokenKind::kNumber : TokenKind::kWord});
  }
  return tokens;
}

std::string LowerToken(std::string_view text, const Token& token) {
  std::string out(TokenText(text, token));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view LowerInto(std::string_view word, std::array<char, 64>& buffer) {
  if (word.size() > buffer.size()) return word;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buffer.data(), word.size());
}

bool TokenIs(std::string_view text, const Token& token, std::string_view word) {
  std::string_view t = TokenText(text, token);
  if (t.size() != word.size()) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char a = t[i];
    char b = word[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

bool IsApostrophe(std::string_view token_text) {
  return token_text == "'" || token_text == "\u2019";
}

bool IsDash(std::string_view token_text) {
  return token_text == "-" || token_text == "\u2013" || token_text == "\u2014" ||
         token_text == "\u2010" || token_text == "\u2212";
}

}  // namespace nt::extract
