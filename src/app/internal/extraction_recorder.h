#pragma once
// Stores what extraction found in one document, inside the import's transaction: the actors it
// mentions (with their parents) and which paragraph names which, the norms catalogue, the
// dialogue and round, other rounds mentioned in passing, the commitments with their actors, and
// commitment -> norm links.

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

// The gazetteer actors each paragraph of `imported` names, distinct, in the order first named;
// by paragraph index, empty for boilerplate. These are the actors the index lists for the
// paragraph (Gazetteer::MatchAll, the leftmost-longest names; extraction's own mention finder
// also reads collectives and learned acronyms, which the index never listed). Pure computation:
// the import runs it beside the extraction, before its transaction.
[[nodiscard]] std::vector<std::vector<int>> FindParagraphMentions(
    const extract::Gazetteer& gazetteer, const ImportedDocument& imported);

// `paragraphs` are the stored paragraphs in the order of the ImportedDocument's; commitments
// are not added to paragraphs in `kept` (unchanged in a new revision: theirs are kept).
// `mentions` are FindParagraphMentions' answer for `imported`; they are recorded for every
// paragraph, kept or not. Sets document.dialogue_id and document.round_id, and stores them.
[[nodiscard]] Result<RecordedExtraction> RecordExtraction(
    store::Database& database, const ReferenceData& reference, const ImportedDocument& imported,
    const extract::DocumentExtraction& extraction, const std::vector<std::vector<int>>& mentions,
    const std::vector<Paragraph>& paragraphs, const std::set<ParagraphId>& kept,
    Document& document);

}  // namespace nt::app
