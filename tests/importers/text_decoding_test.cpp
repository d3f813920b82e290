#include <catch2/catch.hpp>

#include <string>

#include "core/file_io.h"
#include "importers/plain_text.h"
#include "importers/registry.h"
#include "importers/text_decoding.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::importers;

namespace {

// 日本と米国はサイバー対話を開催した。
constexpr std::string_view kJapaneseUtf8 =
    "\u65E5\u672C\u3068\u7C73\u56FD\u306F\u30B5\u30A4\u30D0\u30FC\u5BFE\u8A71\u3092\u958B\u50AC"
    "\u3057\u305F\u3002";
// The same sentence in Shift_JIS.
constexpr std::string_view kJapaneseShiftJis =
    "\x93\xFA\x96\x7B\x82\xC6\x95\xC4\x8D\x91\x82\xCD\x83\x54\x83\x43\x83\x6F\x81\x5B\x91\xCE"
    "\x98\x62\x82\xF0\x8A\x4A\x8D\xC3\x82\xB5\x82\xBD\x81\x42";

// UTF-16 bytes with a byte-order mark, from UTF-16 code units.
std::string Utf16Bytes(std::u16string_view units, bool little_endian) {
  std::string bytes = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t unit : units) {
    char low = static_cast<char>(unit & 0xFF);
    char high = static_cast<char>(unit >> 8);
    bytes += little_endian ? low : high;
    bytes += little_endian ? high : low;
  }
  return bytes;
}

DecodedText Decode(std::string bytes, std::string name = "input.txt") {
  auto decoded = DecodeTextWithEncoding(SourceFile{std::move(name), std::move(bytes)});
  if (!decoded) FAIL(decoded.error().message);
  return std::move(*decoded);
}

}  // namespace

TEST_CASE("TextDecoding: UTF-8 with and without a byte-order mark", "[importers]") {
  std::string text = "Joint statement\r\n" + std::string(kJapaneseUtf8) + "\rend\n";
  DecodedText plain = Decode(text);
  CHECK(plain.encoding == "UTF-8");
  CHECK(plain.text == "Joint statement\n" + std::string(kJapaneseUtf8) + "\nend\n");
  DecodedText with_bom = Decode("\xEF\xBB\xBF" + text);
  CHECK(with_bom.text == plain.text);
  CHECK(with_bom.encoding == "UTF-8");
}

TEST_CASE("TextDecoding: UTF-16 little and big endian with a byte-order mark", "[importers]") {
  std::u16string units = u"日本と米国はサイバー対話を開催した。\r\n\U0001F30F ok";
  std::string expected = std::string(kJapaneseUtf8) + "\n\U0001F30F ok";
  DecodedText little = Decode(Utf16Bytes(units, true));
  CHECK(little.encoding == "UTF-16LE");
  CHECK(little.text == expected);
  DecodedText big = Decode(Utf16Bytes(units, false));
  CHECK(big.encoding == "UTF-16BE");
  CHECK(big.text == expected);

  // A lone high surrogate on line 2 is refused with that line.
  auto broken = DecodeText(SourceFile{"broken.txt", Utf16Bytes(u"a\nb\xD800", true)});
  REQUIRE_FALSE(broken.has_value());
  CHECK(broken.error().code == ErrorCode::kParse);
  CHECK(broken.error().message == "File 'broken.txt' has a broken UTF-16 character on line 2.");
}

TEST_CASE("TextDecoding: Japanese Shift_JIS is decoded when it is not UTF-8", "[importers]") {
  DecodedText decoded = Decode("Title\n" + std::string(kJapaneseShiftJis) + "\n");
  CHECK(decoded.encoding == "Shift_JIS");
  CHECK(decoded.text == "Title\n" + std::string(kJapaneseUtf8) + "\n");
}

TEST_CASE("TextDecoding: a Shift_JIS statement file imports as Japanese", "[importers]") {
  auto path = test::FixturesDir() / "importers" / "statements" / "shift_jis_statement.txt";
  auto read = Registry::WithBuiltinFormats().ReadFile(path);
  if (!read) FAIL(read.error().message);
  const ImportedDocument& document = read->document;
  CHECK(read->importer == "plain_text");
  CHECK(document.metadata.at("encoding") == "Shift_JIS");
  CHECK(document.title ==
        "\u65E5\u7C73\u30B5\u30A4\u30D0\u30FC\u5BFE\u8A71\u5171\u540C\u58F0\u660E");
  CHECK(document.place == "\u6771\u4EAC");
  CHECK(document.date == "2017-07-24");
  CHECK(document.language == "ja");
  REQUIRE(document.paragraphs.size() == 2);
  CHECK(document.paragraphs[0].label == "1");
  CHECK(document.paragraphs[0].text == kJapaneseUtf8);
  CHECK(document.paragraphs[1].label == "2");
}

TEST_CASE("TextDecoding: invalid UTF-8 that is not Shift_JIS names the file and line",
          "[importers]") {
  // Latin-1 "Café à Paris" on line 3: 0xE9 followed by a space is not Shift_JIS either.
  auto result = DecodeText(SourceFile{"latin1.txt", "Line one\nLine two\nCaf\xE9 \xE0 Paris\n"});
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kParse);
  CHECK(result.error().message ==
        "File 'latin1.txt' is not valid UTF-8 text (line 3) nor Japanese Shift_JIS text; save "
        "it as UTF-8 and import it again.");
}

TEST_CASE("TextDecoding: valid Shift_JIS bytes that do not read as Japanese are refused",
          "[importers]") {
  // Latin-1 "Résumés": every byte pair happens to be valid Shift_JIS, but it gives kanji without
  // any hiragana, which no Japanese sentence does.
  auto result = DecodeText(SourceFile{"resume.txt", "Intro\nR\xE9sum\xE9s\n"});
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kParse);
  CHECK(result.error().message.find("'resume.txt'") != std::string::npos);
  CHECK(result.error().message.find("(line 2)") != std::string::npos);
}

TEST_CASE("TextDecoding: NUL bytes mean binary unless the file is UTF-16", "[importers]") {
  CHECK_FALSE(LooksLikeText(std::string("PK\x03\x04\0\0", 6)));
  CHECK(LooksLikeText(Utf16Bytes(u"ab", true)));
  CHECK(LooksLikeText("plain"));
  auto result = DecodeText(SourceFile{"archive.txt", std::string("PK\x03\x04\0\0", 6)});
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kUnsupported);
  CHECK(result.error().message == "File 'archive.txt' is a binary file, not a text document.");
}
