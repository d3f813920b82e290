#pragma once
// Manual typed links between any two entities (link_types.h), and listings of every link,
// extracted or manual, read in both directions.
// Thread-safety: as the Library (one thread at a time).

#include <string>
#include <vector>

#include "app/link_views.h"
#include "app/internal/library.h"
#include "core/link.h"

namespace nt::app {

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
