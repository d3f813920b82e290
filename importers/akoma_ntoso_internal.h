#pragma once
// What the pieces of the Akoma Ntoso importer share; not for use outside importers/akoma_ntoso*.
// One Reader turns a parsed, checked document into an ImportedDocument. Its members are defined
// by concern: akoma_ntoso.cpp (Read: the order of the passes), akoma_ntoso_references.cpp (TLC
// references, actors), akoma_ntoso_metadata.cpp (FRBR, preface, kind), akoma_ntoso_text.cpp
// (inline text and footnotes) and akoma_ntoso_body.cpp (the walk into labelled paragraphs);
// akoma_ntoso_xml.cpp holds the parse checks and the lookups over the tree they all use.

#include <pugixml.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/imported_document.h"
#include "importers/importer.h"

namespace nt::importers::akn {

// ---- The XML layer (akoma_ntoso_xml.cpp) ---------------------------------------------------

// Elements are matched on their local names, so both AKN namespaces read the same way.
inline std::string_view LocalName(std::string_view qualified) {
  std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

inline std::string_view LocalName(const pugi::xml_node& node) { return LocalName(node.name()); }

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local);
std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view local);
// The first descendant (document order) with a local name, skipping subtrees named `skip`.
pugi::xml_node Find(const pugi::xml_node& node, std::string_view local, std::string_view skip = "");
// AKN 3.0 identifies elements by eId, 2.0 by id.
std::string IdOf(const pugi::xml_node& node);
// "#cnd" or "cnd" -> "cnd".
std::string_view RefTarget(std::string_view href);

// pugixml's parse result as one user sentence: what is wrong and where.
Error PugixmlError(const SourceFile& file, const pugi::xml_parse_result& result,
                   std::string_view text);
// The refusal of a DOCTYPE that declares entities, or nullopt when the text declares none.
std::optional<Error> EntityDeclarationError(const SourceFile& file, std::string_view text);
// The first element nested deeper than kMaxNestingDepth, or a null node.
pugi::xml_node TooDeepElement(pugi::xml_document& xml);

// ---- Text flattening (akoma_ntoso_text.cpp) ------------------------------------------------

// Elements whose text is never part of a paragraph.
bool IsSilent(std::string_view name);

// ---- The reader ----------------------------------------------------------------------------

struct TlcEntry {
  std::string kind;  // local name: TLCPerson, TLCOrganization, TLCRole...
  std::string show_as;
};

// Where a paragraph is: its enclosing headings, the label waiting for its first block, whether
// it is boilerplate. Copied on the way down; the label slot lives in the numbered element's
// stack frame so that only the first block below that element takes it.
struct Context {
  std::vector<std::string> heading_path;
  std::string* label_slot = nullptr;
  std::string unheaded_number;  // an enclosing number not yet on the heading path
  bool boilerplate = false;
};

class Reader {
 public:
  Reader(const SourceFile& file, std::string_view text) : file_(file), text_(text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  Result<ImportedDocument> Read(const pugi::xml_document& xml);

 private:
  int LineOf(const pugi::xml_node& node) const {
    std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return 0;
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(),
                               static_cast<std::size_t>(offset));
    return 1 + static_cast<int>(it - line_starts_.begin());
  }

  void CollectReferences(const pugi::xml_node& root);
  void ReadMetadata(const pugi::xml_node& main);
  void ReadActors(const pugi::xml_node& root);
  std::string ShowAs(std::string_view href) const {
    auto it = tlc_.find(std::string(RefTarget(href)));
    return it == tlc_.end() ? "" : it->second.show_as;
  }

  std::string Flatten(const pugi::xml_node& node);
  void FlattenInto(const pugi::xml_node& node, std::string& out);
  void AddNote(const pugi::xml_node& note, std::string marker);

  void Walk(const pugi::xml_node& node, const Context& context);
  void WalkContainer(const pugi::xml_node& node, const Context& context);
  void EmitBlock(const pugi::xml_node& node, const Context& context);
  void EmitTable(const pugi::xml_node& table, const Context& context);
  void Emit(std::string text, const pugi::xml_node& node, const Context& context);
  std::string ComponentTitle(const pugi::xml_node& component);

  const SourceFile& file_;
  std::string_view text_;
  std::vector<std::size_t> line_starts_{0};
  std::map<std::string, TlcEntry> tlc_;                  // by eId/id, first definition wins
  std::map<std::string, pugi::xml_node> meta_notes_;     // meta/notes/note by eId/id
  std::set<std::string> notes_seen_;
  std::vector<ImportedParagraph> notes_;
  bool omitted_text_ = false;
  ImportedDocument document_;
};

}  // namespace nt::importers::akn
