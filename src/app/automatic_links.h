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

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace nt::app {

class WordingSimilarity {
 public:
  virtual ~WordingSimilarity() = default;
  // scores[i][j]: how close `left[i]` is to `right[j]`, 0 (nothing shared) .. 1 (the same
  // wording). One call per imported document, so an implementation may weigh words by how
  // common they are among all the texts it is given.
  virtual std::vector<std::vector<double>> Scores(const std::vector<std::string>& left,
                                                  const std::vector<std::string>& right) const = 0;
  double Score(std::string_view a, std::string_view b) const {
    return Scores({std::string(a)}, {std::string(b)})[0][0];
  }
};

// Overlap coefficient |A ∩ B| / min(|A|, |B|) of the two texts' word shingles (content words,
// lower-cased, stop words and diplomatic framing such as "affirmed" dropped, a plural "s"
// stripped), plus a quarter of the overlap of their word-pair shingles; 0 when fewer than three
// words are shared. Among six or more texts, words found in over 40% of them (the dialogue's
// parties: "Japan", "United States") are not counted. A stand-in for the search module's
// precedents.
class WordShingleSimilarity : public WordingSimilarity {
 public:
  std::vector<std::vector<double>> Scores(const std::vector<std::string>& left,
                                          const std::vector<std::string>& right) const override;
};

struct AutomaticLinkOptions {
  double continues_threshold = 0.45;  // minimum Score for a "continues" link
  std::size_t min_title_length = 24;  // shorter titles are too generic to count as citations
};

struct AutomaticLinkReport {
  int continues = 0;
  int references = 0;
};

// Recomputes the automatic links of `document`, in the caller's transaction: its continuations
// and the documents it cites. That others cite it is found by LinkCitationsOf.
[[nodiscard]] Result<AutomaticLinkReport> RecordAutomaticLinks(
    store::Database& database, DocumentId document, const WordingSimilarity& similarity,
    const AutomaticLinkOptions& options = {});

// Links every document of the library that cites one of `cited` (by symbol, or by a specific
// title) to it, reading the library's paragraphs once; run once per import job, in the caller's
// transaction. Returns the number of links found.
[[nodiscard]] Result<int> LinkCitationsOf(store::Database& database,
                                          const std::vector<DocumentId>& cited,
                                          const AutomaticLinkOptions& options = {});

}  // namespace nt::app
