#pragma once
// Stores what extraction found in one document, inside the import's transaction: the actors it
// mentions (with their parents), the norms catalogue, the dialogue and round, other rounds
// mentioned in passing, the commitments with their actors, and commitment -> norm links.

#include <set>
#include <vector>

#include "app/internal/reference_data.h"
#include "core/document.h"
#include "core/error.h"
#include "core/imported_document.h"
#include "extract/document_extractor.h"
#include "store/database.h"

namespace nt::app {

struct RecordedExtraction {
  int commitments = 0;
  int actors = 0;
};

// `paragraphs` are the stored paragraphs in the order of the ImportedDocument's; commitments
// are not added to paragraphs in `kept` (unchanged in a new revision: theirs are kept).
// Sets document.dialogue_id and document.round_id, and stores them.
[[nodiscard]] Result<RecordedExtraction> RecordExtraction(
    store::Database& database, const ReferenceData& reference, const ImportedDocument& imported,
    const extract::DocumentExtraction& extraction, const std::vector<Paragraph>& paragraphs,
    const std::set<ParagraphId>& kept, Document& document);

}  // namespace nt::app
