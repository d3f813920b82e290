// Walking the Akoma Ntoso body into paragraphs: one per text block (p, recital text, table row,
// debate summary...) in reading order, the printed `num` of the enclosing element given to its
// first block as the label, and a heading path built on the way down from the enclosing
// headings, unheaded numbers, a synthetic "Preamble", component titles and debate speakers.

#include <pugixml.hpp>

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "importers/akoma_ntoso_internal.h"

namespace nt::importers::akn {
namespace {

bool HasDirectText(const pugi::xml_node& node) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
        !TrimView(c.value()).empty()) {
      return true;
    }
  }
  return false;
}

// Elements that hold running text. Anything else with text of its own (an inline element
// placed directly in a container, a crossHeading) is read as a block too.
bool IsTextBlock(const pugi::xml_node& node) {
  static const std::set<std::string_view> kTextBlocks = {
      "p", "block", "listIntroduction", "listWrapUp", "narrative", "summary", "scene",
      "tocItem", "crossHeading", "docTitle", "docNumber", "docDate"};
  return kTextBlocks.contains(LocalName(node)) || HasDirectText(node);
}

}  // namespace

void Reader::Walk(const pugi::xml_node& node, const Context& context) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == "authorialNote" || name == "note") {
      AddNote(c, c.attribute("marker").value());
    } else if (name == "omissis") {
      omitted_text_ = true;
    } else if (IsSilent(name) || name == "num" || name == "heading" || name == "subheading" ||
               name == "from") {
      continue;  // silent, or read by the enclosing container
    } else if (name == "table") {
      EmitTable(c, context);
    } else if (IsTextBlock(c)) {
      Emit(Flatten(c), c, context);
    } else {
      WalkContainer(c, context);
    }
  }
}

void Reader::WalkContainer(const pugi::xml_node& node, const Context& context) {
  Context inner = context;
  std::string_view name = LocalName(node);
  // The preface and cover page repeat what the metadata holds; editorial insertions such as
  // "Page 125 STAT. 754" are not the document's text.
  if (name == "preface" || name == "coverPage" ||
      std::string_view(node.attribute("status").value()) == "editorial") {
    inner.boilerplate = true;
  }
  if (name == "component") {
    inner.label_slot = nullptr;
    inner.unheaded_number.clear();
    if (std::string title = ComponentTitle(node); !title.empty()) {
      inner.heading_path.push_back(std::move(title));
    }
  }
  pugi::xml_node num_node = Child(node, "num");
  std::string num = num_node ? Flatten(num_node) : "";
  std::string heading;
  if (pugi::xml_node h = Child(node, "heading")) heading = Flatten(h);
  if (pugi::xml_node sub = Child(node, "subheading")) {
    heading = CollapseWhitespace(heading + " " + Flatten(sub));
  }
  if ((!num.empty() || !heading.empty()) && !inner.unheaded_number.empty()) {
    inner.heading_path.push_back(inner.unheaded_number);
    inner.unheaded_number.clear();
  }
  if (!heading.empty()) {
    inner.heading_path.push_back(num.empty() ? heading : num + " " + heading);
  } else if (!num.empty()) {
    inner.unheaded_number = num;
  } else if (name == "preamble") {
    // Not printed, but it matters: preambular paragraphs recall and recognise, they do not
    // commit, and extraction needs to know which paragraphs are operative.
    inner.heading_path.push_back("Preamble");
  }
  std::string label = num;  // the slot the first block below this element takes
  if (!num.empty()) inner.label_slot = &label;

  std::string speaker;
  if (pugi::xml_node from = Child(node, "from")) speaker = Flatten(from);
  while (!speaker.empty() && (speaker.back() == ':' || speaker.back() == ' ')) speaker.pop_back();
  if (speaker.empty() && (name == "speech" || name == "question" || name == "answer")) {
    speaker = ShowAs(node.attribute("by").value());
  }
  if (!speaker.empty()) inner.heading_path.push_back(std::move(speaker));

  Walk(node, inner);
}

void Reader::EmitTable(const pugi::xml_node& table, const Context& context) {
  // Rows become "cell | cell" paragraphs: a row is the unit a reader cites.
  auto emit_rows = [&](const pugi::xml_node& parent, const auto& self) -> void {
    for (pugi::xml_node row = parent.first_child(); row; row = row.next_sibling()) {
      if (row.type() != pugi::node_element) continue;
      std::string_view name = LocalName(row);
      if (name == "caption") {
        Emit(Flatten(row), row, context);
      } else if (name == "tr") {
        std::vector<std::string> cells;
        for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling()) {
          if (cell.type() != pugi::node_element) continue;
          if (std::string text = Flatten(cell); !text.empty()) cells.push_back(std::move(text));
        }
        Emit(Join(cells, " | "), row, context);
      } else if (name == "thead" || name == "tbody" || name == "tfoot") {
        self(row, self);
      }
    }
  };
  emit_rows(table, emit_rows);
}

void Reader::Emit(std::string text, const pugi::xml_node& node, const Context& context) {
  if (text.empty()) return;
  ImportedParagraph paragraph;
  if (context.label_slot) {
    paragraph.label = std::move(*context.label_slot);
    context.label_slot->clear();
  }
  paragraph.heading_path = context.heading_path;
  paragraph.text = std::move(text);
  paragraph.is_boilerplate = context.boilerplate;
  paragraph.source_line = LineOf(node);
  document_.paragraphs.push_back(std::move(paragraph));
}

// A component's own title ("EXPLANATORY MEMORANDUM"), from the preface of the document in it.
std::string Reader::ComponentTitle(const pugi::xml_node& component) {
  for (pugi::xml_node doc = component.first_child(); doc; doc = doc.next_sibling()) {
    if (doc.type() != pugi::node_element || !Child(doc, "meta")) continue;
    pugi::xml_node preface = Child(doc, "preface");
    if (pugi::xml_node title = Find(preface, "docTitle")) return Flatten(title);
    if (pugi::xml_node title = Find(preface, "longTitle")) return Flatten(title);
    return CollapseWhitespace(doc.attribute("name").value());
  }
  return "";
}

}  // namespace nt::importers::akn
