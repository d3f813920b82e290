#pragma once
// Manual typed links between any two entities (link_types.h), and listings of every link,
// extracted or manual, read in both directions.
// Thread-safety: as the Library (one thread at a time).

#include <string>
#include <vector>

#include "app/library.h"
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

class LinkService {
 public:
  explicit LinkService(Library& library) : library_(library) {}

  // Stores a manual link (an existing identical link becomes manual with the new confidence).
  // Errors: kUsage (unknown type, confidence outside 0..1, a link to itself), kNotFound.
  [[nodiscard]] Result<LinkView> Add(const LinkInput& input);
  // Errors: kNotFound.
  [[nodiscard]] Status Remove(std::int64_t id);
  [[nodiscard]] Result<std::vector<LinkView>> List(const LinkFilter& filter = {});

 private:
  LinkView Describe(Link link);

  Library& library_;
};

}  // namespace nt::app
