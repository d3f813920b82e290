// Inline text flattening for the Akoma Ntoso reader: an element's text with its inline markup
// dropped, block children kept apart by a space and white space normalised the way a human
// would have typed it. Footnotes met on the way (authorialNote, and meta notes cited by noteRef)
// leave the running text here and are kept for the "Notes" paragraphs at the end.

#include <pugixml.hpp>

#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/text.h"
#include "importers/akoma_ntoso_internal.h"

namespace nt::importers::akn {

// Elements whose text is never part of a paragraph.
bool IsSilent(std::string_view name) {
  static const std::set<std::string_view> kSilent = {
      "meta", "toc", "img", "marker", "eol", "eop", "documentRef", "componentRef", "noteRef",
      "authorialNote", "note", "omissis"};
  return kSilent.contains(name);
}

namespace {

// Marks where a footnote was taken out of the running text (see NormaliseFlattened).
constexpr char kNoteMark = '\x01';

// Block-level elements: their text is separated from what follows even without white space.
bool IsBlockName(std::string_view name) {
  static const std::set<std::string_view> kBlocks = {
      "p", "block", "blockList", "item", "listIntroduction", "listWrapUp", "tr", "td", "th",
      "intro", "wrapUp", "content", "list", "num", "heading", "subheading", "from", "container",
      "formula", "citation", "recital", "tblock", "li", "ul", "ol"};
  return kBlocks.contains(name);
}

// Collapses white space, and removes the space that pretty-printing or a removed footnote left
// before punctuation or after an opening bracket or quote ("products\n   ;" -> "products;",
// "‘<term>\n mixture</term>’" -> "‘mixture’"), which a human never typed.
std::string NormaliseFlattened(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == kNoteMark;
  };
  for (std::size_t i = 0; i < raw.size();) {
    if (!is_space(raw[i])) {
      out += raw[i++];
      continue;
    }
    std::size_t end = i;
    bool artificial = false;
    while (end < raw.size() && is_space(raw[end])) {
      if (raw[end] == '\n' || raw[end] == kNoteMark) artificial = true;
      ++end;
    }
    bool before_punctuation =
        end < raw.size() && std::string_view(",;:.)").find(raw[end]) != std::string_view::npos;
    bool after_opening = out.ends_with('(') || out.ends_with('[') ||
                         out.ends_with("\u2018") || out.ends_with("\u201C");
    if (!(artificial && !out.empty() && (before_punctuation || after_opening))) out += ' ';
    i = end;
  }
  return CollapseWhitespace(out);
}

}  // namespace

std::string Reader::Flatten(const pugi::xml_node& node) {
  std::string raw;
  FlattenInto(node, raw);
  return NormaliseFlattened(raw);
}

void Reader::FlattenInto(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == "authorialNote" || name == "note") {
      AddNote(c, c.attribute("marker").value());
      out += kNoteMark;
    } else if (name == "noteRef") {
      auto it = meta_notes_.find(std::string(RefTarget(c.attribute("href").value())));
      if (it != meta_notes_.end()) AddNote(it->second, c.attribute("marker").value());
      out += kNoteMark;
    } else if (name == "omissis") {
      omitted_text_ = true;
      out += ' ';
    } else if (IsSilent(name)) {
      out += ' ';
    } else {
      bool block = IsBlockName(name);
      if (block) out += ' ';
      FlattenInto(c, out);
      if (block) out += ' ';
    }
  }
}

// Footnotes leave the running text (they would split its sentences) and are kept apart, at
// the end, as boilerplate: they cite sources rather than say what anyone commits to.
void Reader::AddNote(const pugi::xml_node& note, std::string marker) {
  std::string key = IdOf(note);
  if (key.empty()) key = std::to_string(note.offset_debug());
  if (!notes_seen_.insert(key).second) return;
  ImportedParagraph paragraph;
  paragraph.label = CollapseWhitespace(marker);
  paragraph.heading_path = {"Notes"};
  paragraph.text = Flatten(note);
  paragraph.is_boilerplate = true;
  paragraph.source_line = LineOf(note);
  if (!paragraph.text.empty()) notes_.push_back(std::move(paragraph));
}

}  // namespace nt::importers::akn
