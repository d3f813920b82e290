#pragma once
// Links found at import time, kept in step on re-import (a document's earlier extracted links
// of these types are deleted and found again; manual links are never touched):
//  - "continues": a commitment continues an earlier commitment of the same dialogue when their
//    wording is close (WordingSimilarity; the later one is the source);
//  - "references": a document references another when it cites its symbol or its title.
// "relates_to_norm" links are stored by extraction (extraction_recorder.cpp).
//
// The similarity is an interface so the search module's precedent machinery can replace
// WordShingleSimilarity, a self-contained stand-in, once it is merged.

#include <string_view>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace nt::app {

class WordingSimilarity {
 public:
  virtual ~WordingSimilarity() = default;
  // 0 (nothing shared) .. 1 (the same wording).
  virtual double Score(std::string_view a, std::string_view b) const = 0;
};

// Overlap coefficient of the two texts' shingles (content words and word pairs, lower-cased,
// stop words and a plural "s" dropped): |A ∩ B| / min(|A|, |B|). A stand-in for precedents.
class WordShingleSimilarity : public WordingSimilarity {
 public:
  double Score(std::string_view a, std::string_view b) const override;
};

struct AutomaticLinkOptions {
  double continues_threshold = 0.5;  // minimum Score for a "continues" link
  std::size_t min_title_length = 24;  // shorter titles are too generic to count as citations
};

struct AutomaticLinkReport {
  int continues = 0;
  int references = 0;
};

// Recomputes the automatic links of `document`, in the caller's transaction.
[[nodiscard]] Result<AutomaticLinkReport> RecordAutomaticLinks(
    store::Database& database, DocumentId document, const WordingSimilarity& similarity,
    const AutomaticLinkOptions& options = {});

}  // namespace nt::app
