#include "importers/html.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "importers/nesting_limit.h"
#include "importers/statement_dateline.h"
#include "importers/statement_layout.h"
#include "importers/text_decoding.h"

// How a page becomes a document:
//  1. gumbo parses the decoded text (it never fails: HTML has no well-formedness errors).
//  2. The content root is chosen (main > role=main > largest article > densest p parent > body).
//  3. The root is walked into StatementBlocks; page furniture is skipped on the way; only text
//     nodes are read, so script text and event attributes cannot reach the output.
//  4. LayOutStatement (shared with Markdown and plain text) finds the title, front matter
//     (release type, dateline), labels and paragraphs, so every text format labels alike.
//  5. What the page says in markup fills the gaps: <h1>/<title>, <time>, meta tags, <html lang>.

namespace nt::importers {
namespace {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

bool IsElement(const GumboNode* node) { return node->type == GUMBO_NODE_ELEMENT; }

GumboTag TagOf(const GumboNode* node) {
  return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

std::string_view Attribute(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return "";
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute ? std::string_view(attribute->value) : std::string_view();
}

const GumboVector& ChildrenOf(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

template <typename Visit>
void ForEachChild(const GumboNode* node, const Visit& visit) {
  if (!IsElement(node) && node->type != GUMBO_NODE_DOCUMENT) return;
  const GumboVector& children = ChildrenOf(node);
  for (unsigned int i = 0; i < children.length; ++i) {
    visit(static_cast<const GumboNode*>(children.data[i]));
  }
}

int LineOf(const GumboNode* node) {
  if (IsElement(node)) return static_cast<int>(node->v.element.start_pos.line);
  if (node->type == GUMBO_NODE_DOCUMENT) return 0;
  return static_cast<int>(node->v.text.start_pos.line);
}

// ---- Page furniture -------------------------------------------------------------------------

bool IsFurnitureTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_MENU: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_MATH: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

// Class and id words that name site furniture. Matched as a prefix of a word of the class or
// id split on '-', '_' and spaces, so "site-navigation" and "navbar" match but "unavailable"
// does not.
bool NamesFurniture(std::string_view value) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "nav", "menu", "breadcrumb", "footer", "share", "sharing", "social", "cookie", "sidebar",
      "skip", "related", "subscribe", "masthead", "toolbar"};
  std::string lower = ToLowerAscii(value);
  for (char& c : lower) {
    if (c == '-' || c == '_' || c == '\t' || c == '\n') c = ' ';
  }
  for (const std::string& word : Split(lower, ' ')) {
    if (word.empty() || word == "shared") continue;
    for (std::string_view furniture : kWords) {
      if (word.starts_with(furniture)) return true;
    }
  }
  return false;
}

bool IsFurniture(const GumboNode* node) {
  if (!IsElement(node)) return false;
  if (IsFurnitureTag(TagOf(node))) return true;
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
  if (Attribute(node, "aria-hidden") == "true") return true;
  std::string style = ToLowerAscii(Attribute(node, "style"));
  std::erase(style, ' ');
  if (style.find("display:none") != std::string::npos) return true;
  std::string role = ToLowerAscii(Attribute(node, "role"));
  for (std::string_view landmark :
       {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}) {
    if (role == landmark) return true;
  }
  return NamesFurniture(Attribute(node, "class")) || NamesFurniture(Attribute(node, "id"));
}

// ---- Text -----------------------------------------------------------------------------------

// Marks a <br> in collected text; source newlines are only white space.
constexpr char kLineBreak = '\x1F';

struct InlineText {
  std::string text;
  std::size_t chars = 0;             // non-space bytes
  std::size_t emphasised_chars = 0;  // of them, inside <em>/<i>
  std::size_t strong_chars = 0;      // of them, inside <strong>/<b>
  int source_line = 0;
};

void AppendText(const GumboNode* node, InlineText& out, bool emphasised, bool strong) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    std::string_view text = node->v.text.text;
    if (out.source_line == 0 && !TrimView(text).empty()) out.source_line = LineOf(node);
    for (char c : text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
      ++out.chars;
      if (emphasised) ++out.emphasised_chars;
      if (strong) ++out.strong_chars;
    }
    out.text += text;
    return;
  }
  if (!IsElement(node) || IsFurniture(node)) return;
  GumboTag tag = TagOf(node);
  if (tag == GUMBO_TAG_BR) {
    out.text += kLineBreak;
    return;
  }
  if (tag == GUMBO_TAG_IMG) return;
  emphasised = emphasised || tag == GUMBO_TAG_EM || tag == GUMBO_TAG_I;
  strong = strong || tag == GUMBO_TAG_STRONG || tag == GUMBO_TAG_B;
  ForEachChild(node, [&](const GumboNode* child) { AppendText(child, out, emphasised, strong); });
}

std::string TextOf(const GumboNode* node) {
  InlineText text;
  AppendText(node, text, false, false);
  std::replace(text.text.begin(), text.text.end(), kLineBreak, ' ');
  return CollapseWhitespace(text.text);
}

// Elements that start a new block; everything else is inline and joins the running text.
bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HR:
    case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HGROUP: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

int HeadingLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

// The number a browser prints for the n-th item (0-based) of an <ol>: "3.", "c.", "iv.".
std::string OrderedListLabel(const GumboNode* list, int index) {
  int start = 1;
  std::string_view start_text = Attribute(list, "start");
  if (!start_text.empty()) {
    try {
      start = std::stoi(std::string(start_text));
    } catch (const std::exception&) {
      start = 1;
    }
  }
  int n = start + index;
  std::string_view type = Attribute(list, "type");
  if ((type == "a" || type == "A") && n >= 1 && n <= 26) {
    return std::string(1, static_cast<char>((type == "a" ? 'a' : 'A') + n - 1)) + ".";
  }
  if ((type == "i" || type == "I") && n >= 1 && n < 40) {
    static constexpr std::array<std::string_view, 10> kOnes = {"",  "i",  "ii",  "iii", "iv",
                                                               "v", "vi", "vii", "viii", "ix"};
    static constexpr std::array<std::string_view, 4> kTens = {"", "x", "xx", "xxx"};
    std::string roman = std::string(kTens[static_cast<std::size_t>(n / 10)]) +
                        std::string(kOnes[static_cast<std::size_t>(n % 10)]);
    if (type == "I") std::transform(roman.begin(), roman.end(), roman.begin(), ::toupper);
    return roman + ".";
  }
  return std::to_string(n) + ".";
}

// ---- Blocks ---------------------------------------------------------------------------------

class BlockCollector {
 public:
  void Collect(const GumboNode* root) { Container(root, ""); }
  std::vector<StatementBlock> Take() { return std::move(blocks_); }

 private:
  // Reads a container: runs of inline content between block children become paragraphs; the
  // first one takes `label` (an <ol> item's number).
  void Container(const GumboNode* node, std::string label) {
    InlineText run;
    ForEachChild(node, [&](const GumboNode* child) {
      if (IsElement(child) && IsFurniture(child)) return;
      GumboTag tag = TagOf(child);
      if (!IsElement(child) || !IsBlockTag(tag)) {
        AppendText(child, run, false, false);
        return;
      }
      Flush(run, label);
      Block(child);
    });
    Flush(run, label);
  }

  void Block(const GumboNode* node) {
    GumboTag tag = TagOf(node);
    if (int level = HeadingLevel(tag)) {
      StatementBlock block;
      block.kind = BlockKind::kHeading;
      block.heading_level = level;
      block.lines = {TextOf(node)};
      block.source_line = LineOf(node);
      if (!block.lines.front().empty()) blocks_.push_back(std::move(block));
    } else if (tag == GUMBO_TAG_HR) {
      blocks_.push_back(BreakBlock());
    } else if (tag == GUMBO_TAG_OL || tag == GUMBO_TAG_UL) {
      int index = 0;
      ForEachChild(node, [&](const GumboNode* item) {
        if (TagOf(item) != GUMBO_TAG_LI || IsFurniture(item)) {
          if (IsElement(item) && !IsFurniture(item)) Block(item);
          return;
        }
        Container(item, tag == GUMBO_TAG_OL ? OrderedListLabel(node, index) : "");
        ++index;
      });
    } else if (tag == GUMBO_TAG_TABLE) {
      Table(node);
    } else {
      Container(node, "");
    }
  }

  // A row as "first cell: other; cells", as the Markdown importer writes its tables.
  void Table(const GumboNode* node) {
    ForEachChild(node, [&](const GumboNode* child) {
      GumboTag tag = TagOf(child);
      if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
        Table(child);
      } else if (tag == GUMBO_TAG_CAPTION) {
        Container(child, "");
      } else if (tag == GUMBO_TAG_TR) {
        std::vector<std::string> cells;
        ForEachChild(child, [&](const GumboNode* cell) {
          if (TagOf(cell) != GUMBO_TAG_TD && TagOf(cell) != GUMBO_TAG_TH) return;
          if (std::string text = TextOf(cell); !text.empty()) cells.push_back(std::move(text));
        });
        if (cells.empty()) return;
        std::string row = cells.front();
        if (cells.size() > 1) {
          row += ": " + Join(std::vector<std::string>(cells.begin() + 1, cells.end()), "; ");
        }
        blocks_.push_back(TableRowBlock(std::move(row), LineOf(child)));
      }
    });
  }

  // Turns a run of inline content into paragraph blocks: one line per <br>, and a new block
  // after two <br> in a row (pages that lay out paragraphs with <br><br>).
  void Flush(InlineText& run, std::string& label) {
    if (run.chars > 0) {
      StatementBlock block;
      block.kind = BlockKind::kParagraph;
      block.source_line = run.source_line;
      block.emphasised = run.emphasised_chars == run.chars;
      block.strong = run.strong_chars == run.chars;
      auto push = [&] {
        if (block.lines.empty()) return;
        block.list_label = std::move(label);
        label.clear();
        blocks_.push_back(block);
        block.lines.clear();
      };
      for (const std::string& piece : Split(run.text, kLineBreak)) {
        std::string line = CollapseWhitespace(piece);
        if (line.empty()) {
          push();
        } else {
          block.lines.push_back(std::move(line));
        }
      }
      push();
    }
    run = InlineText{};
  }

  std::vector<StatementBlock> blocks_;
};

// ---- Choosing the content -------------------------------------------------------------------

const GumboNode* FindFirst(const GumboNode* node, const auto& match) {
  const GumboNode* found = nullptr;
  ForEachChild(node, [&](const GumboNode* child) {
    if (found || !IsElement(child)) return;
    if (match(child)) {
      found = child;
    } else if (!IsFurniture(child)) {
      found = FindFirst(child, match);
    }
  });
  return found;
}

void ForEachElement(const GumboNode* node, const auto& visit) {
  ForEachChild(node, [&](const GumboNode* child) {
    if (!IsElement(child)) return;
    visit(child);
    ForEachElement(child, visit);
  });
}

// Text in the paragraphs directly below a node: what a reader came for.
std::size_t ParagraphText(const GumboNode* node) {
  std::size_t total = 0;
  ForEachChild(node, [&](const GumboNode* child) {
    if (TagOf(child) == GUMBO_TAG_P && !IsFurniture(child)) total += TextOf(child).size();
  });
  return total;
}

std::size_t AllParagraphText(const GumboNode* node) {
  std::size_t total = 0;
  ForEachElement(node, [&](const GumboNode* element) {
    if (TagOf(element) == GUMBO_TAG_P) total += TextOf(element).size();
  });
  return total;
}

const GumboNode* ContentRoot(const GumboNode* body) {
  if (auto* main = FindFirst(body, [](const GumboNode* n) { return TagOf(n) == GUMBO_TAG_MAIN; })) {
    return main;
  }
  if (auto* main = FindFirst(body, [](const GumboNode* n) {
        return ToLowerAscii(Attribute(n, "role")) == "main";
      })) {
    return main;
  }
  const GumboNode* best = nullptr;
  std::size_t best_text = 0;
  ForEachElement(body, [&](const GumboNode* element) {
    if (TagOf(element) != GUMBO_TAG_ARTICLE || IsFurniture(element)) return;
    if (std::size_t text = AllParagraphText(element); text > best_text) {
      best = element;
      best_text = text;
    }
  });
  if (best) return best;
  // No semantic markup: the element whose own paragraphs hold the most text.
  ForEachElement(body, [&](const GumboNode* element) {
    if (IsFurniture(element)) return;
    if (std::size_t text = ParagraphText(element); text > best_text) {
      best = element;
      best_text = text;
    }
  });
  return best ? best : body;
}

// Pages without semantic markup put the headline and date beside the text's own container;
// the content is then the smallest element holding both, unless that is the whole body.
const GumboNode* WidenToHeadline(const GumboNode* root, const GumboNode* body) {
  const GumboNode* h1 = FindFirst(body, [](const GumboNode* n) { return TagOf(n) == GUMBO_TAG_H1; });
  if (!h1 || root == body) return root;
  for (const GumboNode* n = h1; n; n = n->parent) {
    if (n == root) return root;  // already inside
  }
  for (const GumboNode* ancestor = root->parent; ancestor && ancestor != body;
       ancestor = ancestor->parent) {
    for (const GumboNode* n = h1; n; n = n->parent) {
      if (n == ancestor) return ancestor;
    }
  }
  return root;
}

// ---- Page metadata --------------------------------------------------------------------------

struct PageFacts {
  std::string title_tag;
  std::string h1;
  std::string lang;
  std::string site_name;
  std::string url;
  std::string published;  // meta tags
  std::string time;       // <time datetime>
  std::optional<Dateline> header_dateline;
};

// "Joint Statement ... - United States Department of State" -> "Joint Statement ...".
std::string WithoutSiteSuffix(std::string title, std::string_view site_name) {
  static constexpr std::array<std::string_view, 4> kSeparators = {" | ", " - ", " \u2013 ",
                                                                  " \u2014 "};
  static constexpr std::array<std::string_view, 12> kSiteWords = {
      "ministry", "department", "government", "office", "embassy", "mission",
      "agency",   "website",    "gov",        "news",   "white house", "mofa"};
  for (std::string_view separator : kSeparators) {
    std::size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    std::string_view suffix = std::string_view(title).substr(at + separator.size());
    bool site = !site_name.empty() && ToLowerAscii(Trim(suffix)) == ToLowerAscii(site_name);
    for (std::string_view word : kSiteWords) site = site || ContainsIgnoreCase(suffix, word);
    if (site) return Trim(std::string_view(title).substr(0, at));
  }
  return title;
}

std::string IsoPrefix(std::string_view value) {
  value = TrimView(value);
  if (value.size() >= 10 && value[4] == '-' && value[7] == '-') {
    std::string date(value.substr(0, 10));
    if (ParseDate(date)) return date;
  }
  if (auto parsed = ParseDate(value)) return *parsed;
  return "";
}

PageFacts ReadPageFacts(const GumboNode* html, const GumboNode* content_root) {
  PageFacts facts;
  std::string lang(Attribute(html, "lang"));
  if (lang.empty()) lang = std::string(Attribute(html, "xml:lang"));
  facts.lang = ToLowerAscii(lang.substr(0, lang.find_first_of("-_")));
  std::string locale;
  ForEachElement(html, [&](const GumboNode* element) {
    GumboTag tag = TagOf(element);
    if (tag == GUMBO_TAG_TITLE && facts.title_tag.empty()) {
      // <title> is furniture for the body walk, so its text is read here directly.
      std::string title;
      ForEachChild(element, [&](const GumboNode* child) {
        if (child->type == GUMBO_NODE_TEXT) title += child->v.text.text;
      });
      facts.title_tag = CollapseWhitespace(title);
    } else if (tag == GUMBO_TAG_META) {
      std::string key = ToLowerAscii(Attribute(element, "property"));
      if (key.empty()) key = ToLowerAscii(Attribute(element, "name"));
      if (key.empty()) key = ToLowerAscii(Attribute(element, "itemprop"));
      if (key.empty()) key = ToLowerAscii(Attribute(element, "http-equiv"));
      std::string value = CollapseWhitespace(Attribute(element, "content"));
      if (value.empty()) return;
      if (key == "og:site_name") facts.site_name = value;
      if (key == "og:url" && facts.url.empty()) facts.url = value;
      if (key == "og:locale") locale = value;
      if (key == "content-language" && facts.lang.empty()) {
        facts.lang = ToLowerAscii(value.substr(0, value.find_first_of("-_,")));
      }
      if ((key == "article:published_time" || key == "datepublished" || key == "date" ||
           key == "dc.date" || key == "dcterms.date" || key == "citation_publication_date") &&
          facts.published.empty()) {
        facts.published = IsoPrefix(value);
      }
    } else if (tag == GUMBO_TAG_LINK && ToLowerAscii(Attribute(element, "rel")) == "canonical") {
      facts.url = std::string(Attribute(element, "href"));
    }
  });
  if (facts.lang.empty() && !locale.empty()) {
    facts.lang = ToLowerAscii(locale.substr(0, locale.find_first_of("-_")));
  }
  auto in_content = [&](const GumboNode* node) {
    for (const GumboNode* n = node; n; n = n->parent) {
      if (n == content_root) return true;
    }
    return false;
  };
  auto in_furniture_outside = [&](const GumboNode* node) {
    for (const GumboNode* n = node->parent; n && n != content_root; n = n->parent) {
      if (IsElement(n) && TagOf(n) != GUMBO_TAG_HEADER && IsFurniture(n)) return true;
    }
    return false;
  };
  // The page's own heading: in the content first, else the first outside navigation, footers
  // and asides (a header may hold it; a logo in a nav may not).
  std::string outside_h1;
  ForEachElement(html, [&](const GumboNode* element) {
    if (TagOf(element) == GUMBO_TAG_H1 && !in_furniture_outside(element)) {
      std::string text = TextOf(element);
      if (text.empty()) return;
      if (in_content(element) && facts.h1.empty()) facts.h1 = text;
      if (outside_h1.empty()) outside_h1 = text;
    }
    if (TagOf(element) == GUMBO_TAG_TIME && facts.time.empty() && !in_furniture_outside(element)) {
      facts.time = IsoPrefix(Attribute(element, "datetime"));
      if (facts.time.empty()) facts.time = IsoPrefix(TextOf(element));
    }
    // An article header is skipped as furniture, but its dateline is the document's.
    if (TagOf(element) == GUMBO_TAG_HEADER && in_content(element) && !facts.header_dateline) {
      ForEachElement(element, [&](const GumboNode* line) {
        if (facts.header_dateline || (TagOf(line) != GUMBO_TAG_P && TagOf(line) != GUMBO_TAG_DIV &&
                                      TagOf(line) != GUMBO_TAG_SPAN)) {
          return;
        }
        facts.header_dateline = ParseDateline(TextOf(line));
      });
    }
  });
  if (facts.h1.empty()) facts.h1 = outside_h1;
  return facts;
}

bool LooksLikeHtmlStart(std::string_view text, int& confidence) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
                               text[i] == '\r')) {
      ++i;
    }
    std::string_view rest = text.substr(i);
    if (rest.starts_with("<!--")) {
      std::size_t end = text.find("-->", i);
      if (end == std::string_view::npos) return false;
      i = end + 3;
    } else if (rest.starts_with("<?xml")) {
      std::size_t end = text.find("?>", i);
      if (end == std::string_view::npos) return false;
      i = end + 2;
    } else {
      break;
    }
  }
  std::string head = ToLowerAscii(text.substr(i, 16));
  if (head.starts_with("<!doctype html") || head.starts_with("<html")) {
    confidence = 90;
    return true;
  }
  if (head.starts_with("<head") || head.starts_with("<body")) {
    confidence = 80;
    return true;
  }
  return false;
}

}  // namespace

int HtmlImporter::Confidence(const SourceFile& file) const {
  std::string decoded;
  auto sniffed = TextForSniffing(file, decoded);
  if (!sniffed) return 0;
  std::string_view text = *sniffed;
  int confidence = 0;
  if (!LooksLikeHtmlStart(text, confidence)) return 0;
  std::string extension = file.Extension();
  return confidence + ((extension == ".html" || extension == ".htm") ? 5 : 0);
}

Result<ImportedDocument> HtmlImporter::Read(const SourceFile& file) const {
  auto text = DecodeText(file);
  if (!text) return Fail(text.error());
  // Before Gumbo, whose cost grows with the square of the nesting depth (nesting_limit.h).
  if (auto at = FindExcessiveHtmlNesting(*text)) {
    return Fail(TooDeeplyNestedError(file.DisplayName(), LineOfOffset(*text, *at)));
  }

  GumboPtr output(gumbo_parse_with_options(&kGumboDefaultOptions, text->data(), text->size()));
  if (!output || !output->root) {
    return Fail(ErrorCode::kParse,
                "File " + Quoted(file.DisplayName()) + " could not be read as HTML.");
  }
  const GumboNode* html = output->root;
  const GumboNode* body =
      FindFirst(html, [](const GumboNode* n) { return TagOf(n) == GUMBO_TAG_BODY; });
  if (!body) body = html;
  const GumboNode* content = WidenToHeadline(ContentRoot(body), body);
  PageFacts facts = ReadPageFacts(html, content);

  BlockCollector collector;
  collector.Collect(content);
  std::vector<StatementBlock> blocks = collector.Take();

  // The title goes first, as a heading, so that the shared layout reads the front matter
  // (release type, dateline) after it. <h1> is the page's own title; <title> carries the site.
  std::string title = facts.h1.empty() ? WithoutSiteSuffix(facts.title_tag, facts.site_name)
                                       : facts.h1;
  auto first_heading = std::find_if(blocks.begin(), blocks.end(), [](const StatementBlock& b) {
    return b.kind == BlockKind::kHeading && b.heading_level == 1;
  });
  bool title_in_blocks = first_heading != blocks.end() && !first_heading->lines.empty() &&
                         first_heading->lines.front() == title;
  if (title_in_blocks) {
    // Anything above the title inside the content (a kicker such as "Media Note") stays front
    // matter: it moves below the title.
    std::rotate(blocks.begin(), first_heading, first_heading + 1);
  } else if (!title.empty()) {
    StatementBlock heading;
    heading.kind = BlockKind::kHeading;
    heading.heading_level = 1;
    heading.lines = {title};
    blocks.insert(blocks.begin(), std::move(heading));
  }

  ImportedDocument document;
  LayOutStatement(blocks, LayoutOptions{}, document);
  if (document.paragraphs.empty()) {
    return Fail(ErrorCode::kParse, "File " + Quoted(file.DisplayName()) +
                                       " has no readable text in its body (only a title, "
                                       "navigation or scripts).");
  }
  if (document.title.empty()) document.title = title;
  if (facts.header_dateline) {
    if (document.date.empty()) document.date = facts.header_dateline->date;
    if (document.place.empty()) document.place = facts.header_dateline->place;
  }
  if (document.date.empty()) document.date = facts.time;
  if (document.date.empty()) document.date = facts.published;
  if (!facts.lang.empty()) document.language = facts.lang;  // declared beats guessed
  if (!facts.url.empty()) document.metadata["url"] = facts.url;
  if (!facts.site_name.empty()) document.metadata["site_name"] = facts.site_name;
  if (!facts.title_tag.empty()) document.metadata["html_title"] = facts.title_tag;
  if (!facts.published.empty()) document.metadata["published"] = facts.published;
  return document;
}

}  // namespace nt::importers
