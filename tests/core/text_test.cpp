#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/text.h"

using namespace nt;

TEST_CASE("Text: trim and collapse handle tabs, newlines and no-break spaces", "[core]") {
  CHECK(Trim("  \t a b \n") == "a b");
  CHECK(Trim("\xC2\xA0" "x" "\xC2\xA0") == "x");
  CHECK(Trim("") == "");
  CHECK(CollapseWhitespace(" Media Note  \n Washington,\tDC ") == "Media Note Washington, DC");
  CHECK(CollapseWhitespace("a\xC2\xA0\xC2\xA0" "b") == "a b");
}

TEST_CASE("Text: case-insensitive search and split/join", "[core]") {
  CHECK(ContainsIgnoreCase("Joint Statement of the Japan-U.S. Cyber Dialogue", "cyber dialogue"));
  CHECK_FALSE(ContainsIgnoreCase("Japan", "japanese"));
  CHECK(StartsWithIgnoreCase("Article 3", "article"));
  CHECK(Split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
  CHECK(Join({"x", "y", "z"}, " > ") == "x > y > z");
}

TEST_CASE("Text: invalid UTF-8 is located by byte offset and line", "[core]") {
  CHECK_FALSE(FindInvalidUtf8("plain ASCII").has_value());
  CHECK_FALSE(FindInvalidUtf8("日本とアメリカ — “quoted”").has_value());
  std::string bad = "line one\nline two \xFF" " here";
  REQUIRE(FindInvalidUtf8(bad).has_value());
  CHECK(*FindInvalidUtf8(bad) == 18);
  CHECK(LineOfOffset(bad, 18) == 2);
  CHECK(FindInvalidUtf8("\xC0\xAF").has_value());        // overlong '/'
  CHECK(FindInvalidUtf8("\xED\xA0\x80").has_value());    // UTF-16 surrogate
  CHECK(FindInvalidUtf8("abc\xE3\x81").has_value());     // truncated sequence
}

TEST_CASE("Text: wrapping counts code points and indents continuation lines", "[core]") {
  CHECK(WrapText("one two three four", 9, "  ") == "one two\n  three\n  four");
  CHECK(WrapText("aa bb cc dd", 5, "    ") == "aa bb\n    cc dd");
  CHECK(WrapText("日本 と アメリカ", 6, "") == "日本 と\nアメリカ");
  CHECK(WrapText("", 10, "  ") == "");
  CHECK(CodePointCount("Japan–U.S.") == 10);
}

TEST_CASE("Text: control characters are removed, tabs, line feeds and all other text kept",
          "[core]") {
  CHECK(RemoveControlCharacters("a\x1b]0;title\x07z") == "a]0;titlez");
  CHECK(RemoveControlCharacters("\x1b[31mred\x1b[0m") == "[31mred[0m");
  CHECK(RemoveControlCharacters("csi\xc2\x9b" "2Jend\x7f") == "csi2Jend");
  CHECK(RemoveControlCharacters(std::string("nul\0byte\r\n\tok", 14)) == "nulbyte\n\tok");
  CHECK(RemoveControlCharacters("日本 é \xc2\xa0 ¢") == "日本 é \xc2\xa0 ¢");  // U+00A0, U+00A2 stay
}

TEST_CASE("Error: the command-line advice follows the sentence after a semicolon", "[core]") {
  const nt::Error plain{nt::ErrorCode::kNotFound, "There is no document #3.", ""};
  CHECK(plain.ForCommandLine() == "There is no document #3.");
  const nt::Error advised{nt::ErrorCode::kNotFound, "There is no document #3.",
                          "'normtrack docs' lists the documents"};
  CHECK(advised.ForCommandLine() ==
        "There is no document #3; 'normtrack docs' lists the documents.");
  // Context is put before the sentence; the advice stays at its end.
  CHECK(advised.WithContext("Showing").ForCommandLine() ==
        "Showing: There is no document #3; 'normtrack docs' lists the documents.");
  CHECK(advised.WithContext("Showing").message == "Showing: There is no document #3.");
}
