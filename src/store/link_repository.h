#pragma once
// Typed, directed links between any two entities.

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/link.h"
#include "store/database.h"

namespace nt::store {

class LinkRepository {
 public:
  explicit LinkRepository(Database& database) : database_(database) {}

  // Inserts a link; an identical link (same ends and type) is updated instead (confidence,
  // origin, note). Sets link.id.
  [[nodiscard]] Status Upsert(Link& link);
  [[nodiscard]] Result<Link> Get(LinkId id);
  [[nodiscard]] Result<std::vector<Link>> From(const EntityRef& source);
  [[nodiscard]] Result<std::vector<Link>> To(const EntityRef& target);
  [[nodiscard]] Result<std::vector<Link>> List();
  // The codes of the norms the document's commitments link to, in one query: a
  // (commitment, norm code) pair per link, in link order (as From lists them).
  [[nodiscard]] Result<std::vector<std::pair<CommitmentId, std::string>>>
  NormCodesForDocumentCommitments(DocumentId document);
  [[nodiscard]] Result<int> Count();
  [[nodiscard]] Status Delete(LinkId id);

 private:
  Database& database_;
};

}  // namespace nt::store
