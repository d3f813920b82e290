#pragma once
// Typed links between entities as front ends add and read them (the types: app/link_types.h).
#include <optional>
#include <string>
#include <vector>

#include "core/commitment.h"
#include "core/link.h"

namespace nt::app {

struct LinkInput {
  std::string source;  // "KIND:REF" (entity_reference.h)
  std::string type;    // a type or its inverse name: "continues", "continued_by"
  std::string target;
  double confidence = 1.0;
  std::string note;
};

struct LinkView {
  Link link;
  std::string source;  // described: "actor NISC"
  std::string target;
  std::string label;          // "continues"
  std::string inverse_label;  // "continued by"
};

struct LinkFilter {
  std::string entity;  // "KIND:REF": links from or to it; "" = all
  std::string type;    // a stored type; "" = any
  std::optional<Origin> origin;
};

}  // namespace nt::app
