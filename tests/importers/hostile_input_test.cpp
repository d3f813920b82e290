// Hostile inputs (docs/reliability.md, "Hostile inputs"): documents built to exhaust the stack or
// memory, or to smuggle live markup in. Every importer either reads them as text or refuses
// them with one sentence naming the file; none crashes, hangs or keeps script text. The XML
// entity attacks (external entities, billion laughs) are in akoma_ntoso_test.cpp, encrypted and
// damaged PDFs in pdf_test.cpp.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "importers/nesting_limit.h"
#include "importers/registry.h"

using namespace nt;
using nt::importers::FindExcessiveHtmlNesting;
using nt::importers::kMaxNestingDepth;
using nt::importers::Registry;
using nt::importers::SourceFile;

namespace {

constexpr int kHostileDepth = 100'000;

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  out.reserve(piece.size() * static_cast<std::size_t>(times));
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// What an import does with these bytes: the registry chooses the importer by content.
Result<importers::ReadDocument> ReadAs(std::string name, std::string bytes) {
  return Registry::WithBuiltinFormats().Read(SourceFile{name, std::move(bytes)});
}

std::string AllText(const ImportedDocument& document) {
  std::string all = document.title + "\n";
  for (const auto& paragraph : document.paragraphs) {
    all += paragraph.label + " " + paragraph.text + "\n";
    for (const auto& heading : paragraph.heading_path) all += heading + "\n";
  }
  for (const auto& [key, value] : document.metadata) all += key + "=" + value + "\n";
  return all;
}

}  // namespace

TEST_CASE("Hostile input: 100,000 nested Akoma Ntoso elements are refused, not recursed into",
          "[importers][hostile]") {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<akomaNtoso "
      "xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n<doc name=\"x\"><meta/>"
      "<mainBody>\n" +
      Repeat("<div>", kHostileDepth) + "deep" + Repeat("</div>", kHostileDepth) +
      "</mainBody></doc></akomaNtoso>\n";
  auto read = ReadAs("deep.xml", xml);
  REQUIRE_FALSE(read);
  CHECK(read.error().code == ErrorCode::kParse);
  CHECK(read.error().message ==
        "File 'deep.xml' nests elements more than 512 levels deep (line 4), far deeper than any "
        "real document; NormTrack refuses it rather than exhaust memory.");
}

TEST_CASE("Hostile input: Akoma Ntoso nested just within the limit is still read",
          "[importers][hostile]") {
  const int depth = kMaxNestingDepth - 10;
  const std::string xml =
      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\">"
      "<meta/><mainBody>" +
      Repeat("<div>", depth) + "<p>Japan will cooperate.</p>" + Repeat("</div>", depth) +
      "</mainBody></doc></akomaNtoso>\n";
  auto read = ReadAs("nested.xml", xml);
  INFO((read ? "" : read.error().message));
  REQUIRE(read);
  CHECK(AllText(read->document).find("Japan will cooperate.") != std::string::npos);
}

TEST_CASE("Hostile input: 100,000 nested HTML elements are refused before parsing",
          "[importers][hostile]") {
  for (std::string_view open : {"<div>", "<div/>", "<b>", "<div></span>"}) {
    INFO(open);
    const std::string html = "<!DOCTYPE html>\n<html><head><title>Deep</title></head><body>\n" +
                             Repeat(open, kHostileDepth) + "deep</body></html>\n";
    auto read = ReadAs("deep.html", html);
    REQUIRE_FALSE(read);
    CHECK(read.error().code == ErrorCode::kParse);
    CHECK_THAT(read.error().message, Catch::StartsWith("File 'deep.html' nests elements more "
                                                       "than 512 levels deep (line 3)"));
  }
}

TEST_CASE("Hostile input: deep Markdown nesting is read or refused, never a crash",
          "[importers][hostile]") {
  SECTION("100,000 nested block quotes") {
    auto read = ReadAs("quotes.md", "# Deep quotes\n\n" + Repeat(">", kHostileDepth) +
                                        " Japan will cooperate.\n");
    if (read) CHECK(AllText(read->document).find("Japan will cooperate.") != std::string::npos);
  }
  SECTION("5,000 nested list items") {
    std::string markdown = "# Deep lists\n\n";
    for (int i = 0; i < 5000; ++i) markdown += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- item\n";
    (void)ReadAs("lists.md", markdown);
  }
  SECTION("100,000 unclosed emphasis and link brackets") {
    (void)ReadAs("spans.md", "# Spans\n\n" + Repeat("*[_", kHostileDepth) + " text\n");
  }
  SECTION("an HTML block of 100,000 nested elements") {
    auto read = ReadAs("html-block.md", "# Statement\n\nJapan will act.\n\n" +
                                            Repeat("<div>", kHostileDepth) + "\n");
    REQUIRE_FALSE(read);
    CHECK(read.error().code == ErrorCode::kParse);
    CHECK(read.error().message ==
          "File 'html-block.md' could not be read as Markdown (the parser stopped: its HTML nests "
          "elements more than 512 levels deep (line 5)).");
  }
}

TEST_CASE("FindExcessiveHtmlNesting: real pages pass, nesting attacks are found",
          "[importers][hostile]") {
  const int many = kMaxNestingDepth * 3;
  // Siblings and elements that open nothing: no depth, however many there are.
  CHECK_FALSE(FindExcessiveHtmlNesting(Repeat("<p>text", many)));
  CHECK_FALSE(FindExcessiveHtmlNesting("<ul>" + Repeat("<li>item", many) + "</ul>"));
  CHECK_FALSE(FindExcessiveHtmlNesting("<table>" + Repeat("<tr><td>cell", many) + "</table>"));
  CHECK_FALSE(FindExcessiveHtmlNesting(Repeat("<br><img src=x><hr>", many)));
  CHECK_FALSE(FindExcessiveHtmlNesting(Repeat("<a name=x>anchor", many)));
  CHECK_FALSE(FindExcessiveHtmlNesting("<svg>" + Repeat("<path d=\"M0 0\"/>", many) + "</svg>"));
  CHECK_FALSE(FindExcessiveHtmlNesting(Repeat("<div>a</div>", many)));
  CHECK_FALSE(FindExcessiveHtmlNesting("<script>" + Repeat("<div>", many) + "</script>"));
  CHECK_FALSE(FindExcessiveHtmlNesting("<!-- " + Repeat("<div>", many) + " -->"));
  CHECK_FALSE(FindExcessiveHtmlNesting(Repeat("a < b and c > d ", many)));
  CHECK_FALSE(FindExcessiveHtmlNesting(Repeat("<div>", kMaxNestingDepth)));
  // An end tag closes everything opened inside its element, as the parser does.
  CHECK_FALSE(
      FindExcessiveHtmlNesting(Repeat("<section>" + Repeat("<div>", 300) + "</section>", many)));

  CHECK(FindExcessiveHtmlNesting(Repeat("<div>", kMaxNestingDepth + 1)) ==
        5 * static_cast<std::size_t>(kMaxNestingDepth));
  CHECK(FindExcessiveHtmlNesting(Repeat("<DIV class='a>b'>", many)));
  // "/>" does not close an HTML element, and a stray end tag closes nothing.
  CHECK(FindExcessiveHtmlNesting(Repeat("<div/>", many)));
  CHECK(FindExcessiveHtmlNesting(Repeat("<span></div>", many)));
  CHECK(FindExcessiveHtmlNesting("<ul>" + Repeat("<li><ul>", many)));
}

TEST_CASE("Hostile input: script, style, event attributes and javascript: URLs never become text",
          "[importers][hostile]") {
  const std::string page =
      "<!DOCTYPE html>\n<html><head><title>Joint Statement</title>\n"
      "<script>alert('head-script')</script><style>body{background:url(javascript:alert(1))}"
      "</style></head>\n"
      "<body onload=\"alert('onload')\"><main><article><h1 onclick=\"alert('onclick')\">Joint "
      "Statement</h1>\n"
      "<p onmouseover=\"alert('onmouseover')\">1. Japan and the United States will cooperate on "
      "cyber incidents.</p>\n"
      "<script type=\"text/javascript\">document.write('body-script')</script>\n"
      "<p>2. They intend to <a href=\"javascript:alert('href')\">share</a> approaches.</p>\n"
      "<p>3. <img src=x onerror=\"alert('onerror')\">They will meet again.<noscript>no-script"
      "</noscript></p>\n"
      "<iframe src=\"javascript:alert('iframe')\">iframe-text</iframe><style>p{color:red}</style>"
      "\n</article></main></body></html>\n";
  const std::string markdown =
      "# Joint Statement\n\n1. Japan and the United States will cooperate on cyber incidents.\n\n"
      "<script>alert('body-script')</script>\n\n"
      "<style>p { background: url(javascript:alert(1)) }</style>\n\n"
      "<div onclick=\"alert('onclick')\">2. They intend to share approaches.</div>\n\n"
      "3. They will [meet again](javascript:alert('href')).\n";
  for (const auto& [name, bytes] :
       std::vector<std::pair<std::string, std::string>>{{"page.html", page}, {"page.md", markdown}}) {
    INFO(name);
    auto read = ReadAs(name, bytes);
    INFO((read ? "" : read.error().message));
    REQUIRE(read);
    const std::string text = AllText(read->document);
    INFO(text);
    CHECK(text.find("cooperate on cyber incidents") != std::string::npos);
    CHECK(text.find("share approaches") != std::string::npos);
    for (const char* forbidden :
         {"alert", "script", "javascript", "onload", "onclick", "onmouseover", "onerror",
          "background", "color:red", "iframe-text", "<", ">"}) {
      CHECK(text.find(forbidden) == std::string::npos);
    }
  }
}

TEST_CASE("Hostile input: terminal escape sequences and other control characters are not imported",
          "[importers][hostile]") {
  auto read = ReadAs("escapes.txt",
                     "Statement \x1b]0;pwned\x07of the day\n\n"
                     "1. Japan \x1b[2J\x1b[31mwill\xc2\x9b" "0m cooperate.\x7f\n");
  INFO((read ? "" : read.error().message));
  REQUIRE(read);
  const std::string text = AllText(read->document);
  INFO(text);
  for (const char* control : {"\x1b", "\x07", "\xc2\x9b", "\x7f"}) {
    CHECK(text.find(control) == std::string::npos);
  }
  CHECK_THAT(text, Catch::Contains("cooperate."));
}
