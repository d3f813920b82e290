#include <catch2/catch.hpp>

#include "extract/tokenizer.h"

using namespace nt::extract;

namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.emplace_back(TokenText(text, t));
  return out;
}

}  // namespace

TEST_CASE("Tokenizer: words, numbers and punctuation with byte offsets", "[extract]") {
  CHECK(Texts("DHS's (AIS) program") ==
        std::vector<std::string>{"DHS", "'", "s", "(", "AIS", ")", "program"});
  CHECK(Texts("Japan-U.S. 13(f) 5th") ==
        std::vector<std::string>{"Japan", "-", "U", ".", "S", ".", "13", "(", "f", ")", "5th"});
  std::string text = "T\xC3\xBCrkiye\xE2\x80\x99s \xE2\x80\x9Cview\xE2\x80\x9D";
  auto tokens = Tokenize(text);
  REQUIRE(tokens.size() == 6);
  CHECK(TokenText(text, tokens[0]) == "T\xC3\xBCrkiye");
  CHECK(IsApostrophe(TokenText(text, tokens[1])));
  CHECK(tokens[2].begin == 11);
  CHECK(TokenText(text, tokens[3]) == "\xE2\x80\x9C");
  CHECK(tokens[4].kind == TokenKind::kWord);
  CHECK(TokenText(text, tokens[5]) == "\xE2\x80\x9D");
  CHECK(Tokenize("2017")[0].kind == TokenKind::kNumber);
  CHECK(IsDash("\xE2\x80\x93"));
  CHECK(TokenIs("WILL", Tokenize("WILL")[0], "will"));
  std::array<char, 64> buffer;
  CHECK(LowerInto("U.S. Cyber", buffer) == "u.s. cyber");
}
