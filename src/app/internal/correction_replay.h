#pragma once
// Corrections win over extraction (corrections invariant 2, correction_service.h): when a
// changed file becomes a new revision of its document, what users corrected is applied again
// after the revision's extraction, inside the import's transaction.
//
//  - Document fields set by hand (document_overrides) replace what the importer and extraction
//    found (title, date, kind, dialogue, round).
//  - A rejected commitment's clause, found again anywhere in the document, is dropped.
//  - A manual commitment (edited or added) whose paragraph changed is put back, under its id
//    when that is free, in the revision's paragraph that holds its text (the one nearest its old
//    place), replacing what extraction found overlapping it there. A commitment whose paragraph
//    kept its text kept its row; if extraction or another pass rewrote it, its manual fields are
//    written back. A manual commitment whose text is in no paragraph any more is lost, and the
//    history says so.
//
// The same file imported again is skipped whole (import invariant 3), so there is nothing to
// apply then.

#include <string>
#include <vector>

#include "core/commitment.h"
#include "core/document.h"
#include "core/error.h"
#include "store/database.h"

namespace nt::app {

struct ManualCommitment {
  Commitment commitment;
  int paragraph_ordinal = 0;
  std::string paragraph_text;  // as it was before the revision
};

// What a revision must not lose, read before the revision replaces the paragraphs.
struct CapturedCorrections {
  std::vector<ManualCommitment> commitments;
};

[[nodiscard]] Result<CapturedCorrections> CaptureCorrections(store::Database& database,
                                                             DocumentId document);

// After the revision's paragraphs and extraction are stored: applies the corrections to
// `document` (and stores it) and to its commitments.
[[nodiscard]] Status ReplayCorrections(store::Database& database,
                                       const CapturedCorrections& captured, Document& document);

}  // namespace nt::app
