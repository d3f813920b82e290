// TLC references and the actors they name, for the Akoma Ntoso reader: one pass indexes the
// references (TLCPerson, TLCOrganization, TLCRole... by id) and the meta notes that noteRef
// cites; another turns TLCPerson and TLCOrganization into actors with the role the text gives
// them (party, signatory, speaker) or FRBR does (author), leaving out who made the markup.

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "importers/akoma_ntoso_internal.h"

namespace nt::importers::akn {
namespace {

void ForEachElement(const pugi::xml_node& node, const auto& visit) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    visit(c);
    ForEachElement(c, visit);
  }
}

bool IsAllCaps(std::string_view text) {
  bool has_letter = false;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') has_letter = true;
  }
  return has_letter;
}

}  // namespace

void Reader::CollectReferences(const pugi::xml_node& root) {
  ForEachElement(root, [&](const pugi::xml_node& node) {
    std::string_view name = LocalName(node);
    if (name.starts_with("TLC")) {
      std::string id = IdOf(node);
      if (!id.empty()) {
        tlc_.try_emplace(id, TlcEntry{std::string(name),
                                      CollapseWhitespace(node.attribute("showAs").value())});
      }
    } else if (name == "note" && LocalName(node.parent()) == "notes") {
      meta_notes_.try_emplace(IdOf(node), node);
    }
  });
}

void Reader::ReadActors(const pugi::xml_node& root) {
  // What the text says someone does (party, signatory, speaker) wins over the FRBR author role.
  std::map<std::string, std::string> text_roles;  // TLC id -> role, first one wins
  std::map<std::string, std::string> meta_roles;
  std::set<std::string> editors;  // who made the markup, not the document
  auto role_title = [&](const pugi::xml_node& node) -> std::string {
    for (const char* attribute : {"as", "refersTo"}) {
      auto it = tlc_.find(std::string(RefTarget(node.attribute(attribute).value())));
      if (it != tlc_.end() && it->second.kind == "TLCRole") return it->second.show_as;
    }
    return "";
  };
  ForEachElement(root, [&](const pugi::xml_node& node) {
    std::string_view name = LocalName(node);
    if (name == "identification" || name == "references") {
      editors.insert(std::string(RefTarget(node.attribute("source").value())));
    } else if (name == "FRBRauthor") {
      std::string id(RefTarget(node.attribute("href").value()));
      if (LocalName(node.parent()) == "FRBRWork") {
        meta_roles.try_emplace(id, "author");
      } else {
        editors.insert(id);
      }
    } else if (name == "party") {
      text_roles.try_emplace(std::string(RefTarget(node.attribute("refersTo").value())), "party");
    } else if (name == "person" && LocalName(node.parent()) == "signature") {
      text_roles.try_emplace(std::string(RefTarget(node.attribute("refersTo").value())),
                             "signatory");
    } else if (pugi::xml_attribute by = node.attribute("by")) {
      // A speech, question or answer: the speaker, with the office they speak in when the
      // markup names a TLCRole ("Minister for Education and Sports").
      std::string role = role_title(node);
      text_roles.try_emplace(std::string(RefTarget(by.value())), role.empty() ? "speaker" : role);
    }
  });
  auto role_of = [&](const std::string& id) -> std::optional<std::string> {
    if (auto it = text_roles.find(id); it != text_roles.end()) return it->second;
    if (auto it = meta_roles.find(id); it != meta_roles.end()) return it->second;
    return std::nullopt;
  };

  std::vector<std::string> editor_names;
  std::set<std::string> seen_ids;
  ForEachElement(root, [&](const pugi::xml_node& node) {
    std::string_view kind = LocalName(node);
    if (kind != "TLCPerson" && kind != "TLCOrganization") return;
    std::string id = IdOf(node);
    std::string name = CollapseWhitespace(node.attribute("showAs").value());
    if (name.empty()) name = id;
    if (name.empty()) return;
    std::optional<std::string> role = role_of(id);
    if (!role && editors.contains(id)) {
      if (std::find(editor_names.begin(), editor_names.end(), name) == editor_names.end()) {
        editor_names.push_back(name);
      }
      return;
    }
    std::string role_text = role.value_or("");
    // Components repeat the same references, sometimes in capitals ("EUROPEAN COMMISSION").
    for (ImportedActorMention& actor : document_.actors) {
      if (ToLowerAscii(actor.name) == ToLowerAscii(name)) {
        if (IsAllCaps(actor.name) && !IsAllCaps(name)) actor.name = name;
        if (actor.role.empty()) actor.role = role_text;
        return;
      }
    }
    document_.actors.push_back(ImportedActorMention{
        name, kind == "TLCPerson" ? "person" : "organisation", role_text});
  });
  if (!editor_names.empty()) document_.metadata["markup_editor"] = Join(editor_names, "; ");
}

}  // namespace nt::importers::akn
