// The XML layer under the Akoma Ntoso reader: the checks made on a file before and after pugixml
// parses it (entity declarations, nesting depth), pugixml's parse result turned into one Error
// with a line and column, and the lookups over the parsed tree by local name and id that every
// other piece of the reader uses.

#include <pugixml.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "importers/akoma_ntoso_internal.h"
#include "importers/nesting_limit.h"

namespace nt::importers::akn {
namespace {

// 1-based line and column (in code points) of a byte offset.
std::pair<int, int> LineAndColumn(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = (line_start == std::string_view::npos || offset == 0) ? 0 : line_start + 1;
  int column = 1 + static_cast<int>(CodePointCount(text.substr(line_start, offset - line_start)));
  return {LineOfOffset(text, offset), column};
}

}  // namespace

// ---- Errors -------------------------------------------------------------------------------

Error PugixmlError(const SourceFile& file, const pugi::xml_parse_result& result,
                   std::string_view text) {
  const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
  // pugixml stops at (or just before) the end of a file that was cut short.
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  const std::size_t content_end = last == std::string_view::npos ? 0 : last + 1;
  const bool at_end = offset + 1 >= content_end;
  std::string description;
  switch (result.status) {
    case pugi::status_unrecognized_tag: description = "a tag that cannot be read"; break;
    case pugi::status_bad_pi: description = "a malformed processing instruction"; break;
    case pugi::status_bad_comment: description = "a malformed comment"; break;
    case pugi::status_bad_cdata: description = "a malformed CDATA section"; break;
    case pugi::status_bad_doctype: description = "a malformed DOCTYPE"; break;
    case pugi::status_bad_pcdata: description = "malformed text"; break;
    case pugi::status_bad_start_element: description = "a malformed start tag"; break;
    case pugi::status_bad_attribute: description = "a malformed attribute"; break;
    case pugi::status_bad_end_element: description = "a malformed end tag"; break;
    case pugi::status_end_element_mismatch:
      description = "an end tag that does not match its start tag";
      break;
    case pugi::status_no_document_element: description = "no root element"; break;
    case pugi::status_append_invalid_root: description = "a second root element"; break;
    default: description = "an internal parser error"; break;
  }
  // A file cut short fails at its very end, or inside a tag that never closes; saying so
  // helps more than naming the construct.
  const bool unclosed_tag = text.find('>', offset) == std::string_view::npos;
  if (result.status != pugi::status_no_document_element && (at_end || unclosed_tag)) {
    description = "the text ends before all elements are closed (is the file truncated?)";
  }
  auto [line, column] = LineAndColumn(text, offset);
  return Error{ErrorCode::kParse, "File " + Quoted(file.DisplayName()) +
                                      " is not well-formed XML: " + description + " at line " +
                                      std::to_string(line) + ", column " +
                                      std::to_string(column) + "."};
}

// Entities are never expanded (pugixml does not, by design), and a DOCTYPE that declares them
// is refused outright: its only uses in the wild are attacks (external entities reading local
// files, "billion laughs") and text that would silently lose words.
std::optional<Error> EntityDeclarationError(const SourceFile& file, std::string_view text) {
  std::size_t at = text.find("<!ENTITY");
  if (at == std::string_view::npos) return std::nullopt;
  return Error{ErrorCode::kParse,
               "File " + Quoted(file.DisplayName()) + " declares XML entities in its DOCTYPE (line " +
                   std::to_string(LineOfOffset(text, at)) +
                   "), which NormTrack never expands for safety; remove the DOCTYPE and import "
                   "the file again."};
}

// The first element nested deeper than kMaxNestingDepth, found without recursion (pugixml's
// walker keeps its own stack): the Reader's walkers recurse once per level.
pugi::xml_node TooDeepElement(pugi::xml_document& xml) {
  struct DepthWalker : pugi::xml_tree_walker {
    pugi::xml_node found;
    bool for_each(pugi::xml_node& node) override {
      if (depth() < kMaxNestingDepth) return true;
      found = node;
      return false;
    }
  } walker;
  xml.traverse(walker);
  return walker.found;
}

// ---- Small helpers over the tree ----------------------------------------------------------

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  }
  return {};
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) out.push_back(c);
  }
  return out;
}

pugi::xml_node Find(const pugi::xml_node& node, std::string_view local, std::string_view skip) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (LocalName(c) == local) return c;
    if (!skip.empty() && LocalName(c) == skip) continue;
    if (pugi::xml_node found = Find(c, local, skip)) return found;
  }
  return {};
}

std::string IdOf(const pugi::xml_node& node) {
  if (pugi::xml_attribute a = node.attribute("eId")) return a.value();
  return node.attribute("id").value();
}

std::string_view RefTarget(std::string_view href) {
  if (href.starts_with('#')) href.remove_prefix(1);
  return href;
}

}  // namespace nt::importers::akn
