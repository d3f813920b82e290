#include "importers/statement_html_fragment.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>

#include "core/text.h"
#include "importers/statement_layout.h"

namespace nt::importers {
namespace {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

bool IsList(const GumboNode* node) {
  return IsElement(node, GUMBO_TAG_UL) || IsElement(node, GUMBO_TAG_OL);
}

bool EndsSentenceOrLeadIn(std::string_view text) {
  return !text.empty() && (text.back() == '.' || text.back() == ':' || text.back() == ';' ||
                           text.back() == '!' || text.back() == '?');
}

// Appends `next` to `out` as the next item of a run-in list.
void AppendItem(std::string& out, std::string_view next) {
  if (next.empty()) return;
  if (out.empty()) {
    out = next;
  } else {
    out += EndsSentenceOrLeadIn(out) ? " " : "; ";
    out += next;
  }
}

// Appends the text of `node` to `out`; nested lists are left to ListText when skip_lists.
void InlineText(const GumboNode* node, bool skip_lists, std::string& out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      out += node->v.text.text;
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      if (skip_lists && IsList(node)) return;
      if (IsElement(node, GUMBO_TAG_SCRIPT) || IsElement(node, GUMBO_TAG_STYLE)) return;
      if (IsElement(node, GUMBO_TAG_BR)) {
        out += ' ';
        return;
      }
      const GumboVector& children = node->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        InlineText(static_cast<const GumboNode*>(children.data[i]), skip_lists, out);
      }
      // Block boundaries inside an item separate words.
      if (!IsElement(node, GUMBO_TAG_B) && !IsElement(node, GUMBO_TAG_STRONG) &&
          !IsElement(node, GUMBO_TAG_I) && !IsElement(node, GUMBO_TAG_EM) &&
          !IsElement(node, GUMBO_TAG_A) && !IsElement(node, GUMBO_TAG_SPAN)) {
        out += ' ';
      }
      return;
    }
    default:
      return;
  }
}

std::string CleanText(const GumboNode* node, bool skip_lists) {
  std::string text;
  InlineText(node, skip_lists, text);
  return std::string(StripLeadingBullet(CollapseWhitespace(text)));
}

std::string ListText(const GumboNode* list) {
  std::string out;
  const GumboVector& items = list->v.element.children;
  for (unsigned i = 0; i < items.length; ++i) {
    const auto* item = static_cast<const GumboNode*>(items.data[i]);
    if (!IsElement(item, GUMBO_TAG_LI)) continue;
    std::string text = CleanText(item, /*skip_lists=*/true);
    const GumboVector& children = item->v.element.children;
    for (unsigned k = 0; k < children.length; ++k) {
      const auto* child = static_cast<const GumboNode*>(children.data[k]);
      if (!IsList(child)) continue;
      std::string nested = ListText(child);
      if (nested.empty()) continue;
      if (text.empty()) {
        text = nested;
      } else {
        text += EndsSentenceOrLeadIn(text) ? " " : ": ";
        text += nested;
      }
    }
    AppendItem(out, text);
  }
  return out;
}

struct Unit {
  std::string text;
  bool lead_in = false;  // a short line that introduces the list after it
  int line = 1;
};

int LineOf(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return 1;
  return std::max(1, static_cast<int>(node->v.element.start_pos.line));
}

void CollectRows(const GumboNode* node, std::vector<Unit>& units) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  if (IsElement(node, GUMBO_TAG_TR)) {
    std::vector<std::string> cells;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      std::string cell = CleanText(static_cast<const GumboNode*>(children.data[i]), false);
      if (!cell.empty()) cells.push_back(std::move(cell));
    }
    if (cells.empty()) return;
    std::string row = cells.front();
    if (cells.size() > 1) {
      row += ": " + Join(std::vector<std::string>(cells.begin() + 1, cells.end()), "; ");
    }
    units.push_back({std::move(row), false, LineOf(node)});
    return;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectRows(static_cast<const GumboNode*>(children.data[i]), units);
  }
}

void CollectBlocks(const GumboNode* parent, std::vector<Unit>& units) {
  const GumboVector& children = parent->v.element.children;
  std::string loose;  // text and inline elements directly in a container
  auto flush_loose = [&] {
    std::string text = CollapseWhitespace(loose);
    loose.clear();
    if (!text.empty()) units.push_back({std::move(text), false, LineOf(parent)});
  };
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* node = static_cast<const GumboNode*>(children.data[i]);
    if (node->type != GUMBO_NODE_ELEMENT) {
      InlineText(node, false, loose);
      continue;
    }
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
        tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6 || tag == GUMBO_TAG_DT ||
        tag == GUMBO_TAG_DD) {
      flush_loose();
      std::string text = CleanText(node, false);
      if (text.empty()) continue;
      bool lead_in = !EndsSentenceOrLeadIn(text) || text.back() == ':';
      units.push_back({std::move(text), lead_in, LineOf(node)});
    } else if (IsList(node)) {
      flush_loose();
      std::string text = ListText(node);
      if (text.empty()) continue;
      if (!units.empty() && units.back().lead_in) {
        Unit& lead = units.back();
        lead.text += lead.text.back() == ':' ? " " : ": ";
        lead.text += text;
        lead.lead_in = false;
      } else {
        units.push_back({std::move(text), false, LineOf(node)});
      }
    } else if (tag == GUMBO_TAG_TABLE) {
      flush_loose();
      CollectRows(node, units);
    } else if (tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ARTICLE ||
               tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_DL || tag == GUMBO_TAG_HTML ||
               tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN) {
      flush_loose();
      CollectBlocks(node, units);
    } else if (tag != GUMBO_TAG_HEAD && tag != GUMBO_TAG_SCRIPT && tag != GUMBO_TAG_STYLE) {
      InlineText(node, false, loose);
    }
  }
  flush_loose();
}

}  // namespace

std::vector<HtmlParagraph> HtmlFragmentParagraphs(std::string_view html) {
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  if (!output || !output->root) return {};
  std::vector<Unit> units;
  CollectBlocks(output->root, units);
  std::vector<HtmlParagraph> paragraphs;
  for (Unit& unit : units) {
    if (!unit.text.empty()) paragraphs.push_back({std::move(unit.text), unit.line});
  }
  return paragraphs;
}

}  // namespace nt::importers
