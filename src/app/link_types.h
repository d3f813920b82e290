#pragma once
// The vocabulary of typed links. Each type is stored in one direction and read in both:
// "A continues B" is "B continued by A". Users may write either name; the stored link always
// has the forward type, with its ends swapped for an inverse name.

#include <array>
#include <optional>
#include <string_view>

namespace nt::app {

struct LinkTypeName {
  std::string_view type;           // stored: "continues"
  std::string_view inverse;        // accepted from users: "continued_by"
  std::string_view label;          // for reading source -> target: "continues"
  std::string_view inverse_label;  // for reading target -> source: "continued by"
};

inline constexpr std::array<LinkTypeName, 6> kLinkTypes{{
    {"continues", "continued_by", "continues", "continued by"},
    {"implements", "implemented_by", "implements", "implemented by"},
    {"references", "referenced_by", "references", "referenced by"},
    {"reaffirms", "reaffirmed_by", "reaffirms", "reaffirmed by"},
    {"supersedes", "superseded_by", "supersedes", "superseded by"},
    {"relates_to_norm", "norm_related_to", "relates to norm", "norm related to"},
}};

struct ParsedLinkType {
  const LinkTypeName* name = nullptr;
  bool inverse = false;  // the user wrote the inverse name: swap the ends
};

constexpr std::optional<ParsedLinkType> ParseLinkType(std::string_view text) {
  for (const LinkTypeName& name : kLinkTypes) {
    if (text == name.type) return ParsedLinkType{&name, false};
    if (text == name.inverse) return ParsedLinkType{&name, true};
  }
  return std::nullopt;
}

// The labels of a stored type; other stored types ("mentions", "party") read as themselves.
constexpr LinkTypeName LabelsOf(std::string_view type) {
  for (const LinkTypeName& name : kLinkTypes) {
    if (type == name.type) return name;
  }
  return {type, type, type, type};
}

}  // namespace nt::app
