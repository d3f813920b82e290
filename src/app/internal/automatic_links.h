#pragma once
// Links found at import time, kept in step on re-import (a document's earlier extracted links
// of these types are deleted and found again; manual links are never touched):
//  - "continues": a commitment continues a commitment of the same dialogue from an earlier
//    round (or, when the rounds are not both numbered, an earlier date) when their wording is
//    close (WordingSimilarity, on the search module's MinHash signatures) and one of the two is
//    the closest to the other among its document's commitments; the later one is the source.
//    The rule is symmetric, so the links are a function of the library's content: any order,
//    split or interruption of the imports gives the same links;
//  - "references": a document references another when it cites its symbol or its title.
// "relates_to_norm" links are stored by extraction (extraction_recorder.cpp).
//
// Cost (why AutomaticLinker exists): an import job reads the library's document identities and
// which documents belong to which dialogue once, and each dialogue's commitments the first time
// a document of it is imported, and keeps all of it up to date as it stores documents. Linking one
// document then costs lookups in a hash map of citation needles (keyed by their rarest word) and
// probes of a MinHash LSH index of the dialogue's commitments (search/minhash_lsh.h), whatever
// the size of the library (docs/performance.md: the same CPU per document at 1 000 and 10 000).

#include <memory>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace nt::app {

struct AutomaticLinkOptions {
  double continues_threshold = 0.4;   // minimum WordingSimilarity for a "continues" link
  std::size_t min_title_length = 24;  // shorter titles are too generic to count as citations
};

struct AutomaticLinkReport {
  int continues = 0;
  int references = 0;
};

// How close two commitments' wordings are, 0 .. 1: how much of the shorter one's content words
// and word pairs the longer one holds (overlap coefficient), estimated from the search module's
// MinHash signatures (search/precedent.h: SplitWords, MinHash, EstimatedSimilarity). Content
// words are lower-cased, without a plural "s", stop words, the diplomatic framing every
// commitment shares ("affirmed", "agreed", "both governments") and the words of `who` (the
// names of those bound). 0 when either has fewer than three content words.
double WordingSimilarity(std::string_view a, std::string_view b, std::string_view who = {});

// The automatic link rules of one import job, with the caches that make them incremental.
// Usage per stored document, inside its transaction: Link(document); after that transaction
// commits: Committed() (the document then counts for the documents that follow; a rolled-back
// document never does). After the job's documents: LinkCitationsOf(the stored ones).
// The library must not be changed by anyone else while a linker is in use.
// Thread-safety: one thread at a time.
class AutomaticLinker {
 public:
  explicit AutomaticLinker(store::Database& database, AutomaticLinkOptions options = {});
  ~AutomaticLinker();
  AutomaticLinker(const AutomaticLinker&) = delete;
  AutomaticLinker& operator=(const AutomaticLinker&) = delete;

  // Recomputes the automatic links of `document` in the caller's transaction: its
  // continuations (in both directions: a document imported after a later round's statement is
  // continued by it) and the documents it cites. That others cite it is found by
  // LinkCitationsOf.
  [[nodiscard]] Result<AutomaticLinkReport> Link(DocumentId document);

  // The transaction of the last Link call committed.
  void Committed();

  // Links every document of the library that cites one of `cited` (by symbol, or by a specific
  // title) to it, reading the library's paragraphs once, in the caller's transaction. Returns
  // the number of links found.
  [[nodiscard]] Result<int> LinkCitationsOf(const std::vector<DocumentId>& cited);

 private:
  class Citations;
  class Continuations;
  struct Pending;  // what Link read of its document, for Committed

  // After a Link whose transaction rolled back, forgets what was read while it was open.
  void DiscardIfRolledBack();

  store::Database& database_;
  AutomaticLinkOptions options_;
  std::unique_ptr<Citations> citations_;
  std::unique_ptr<Continuations> continuations_;
  std::unique_ptr<Pending> pending_;
};

}  // namespace nt::app
