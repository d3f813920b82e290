#pragma once
// Commitments in a paragraph: clauses whose subject is one or more actors and whose predicate
// carries a cue ("affirmed that they will", "agreed to", "should", "welcomed").
//
// Invariants (tests cite them):
//  1. A cue binds only through a subject: actors (or a collective or pronoun resolved to
//     actors) right before it, before it across "and" (a coordinated predicate shares the
//     subject), or the sentence's subject when the cue is the sentence's first predicate.
//     A cue with no subject is no commitment ("This Memorandum shall enter into force"). A
//     bare modal coordinated after a "that" clause belongs to that clause ("recognized that
//     the threat grows and will require ..." is one recognition). "The Parties" bind even
//     when the document's parties are unknown (a multilateral treaty): no actors, still kept.
//  2. Cues inside a relative clause ("their joint statement which reaffirmed that ... will")
//     report someone else's earlier words and are skipped.
//  3. Each cue yields one clause; clauses of one sentence never overlap and are split at the
//     "and" that joins the predicates, so "recognized ... and affirmed that they will ..."
//     gives a recognition and a pledge.
//  4. Verbs that report the past ("reviewed", "discussed", "continue to make progress") are
//     not cues, so such sentences give nothing.
//  5. Roles: the subject's actors are kSubject; other actors named in the clause are
//     kCounterpart. In a recommendation the actors asked to act are kAddressee: those before
//     "should" or a passive cue ("States are encouraged to"), or the group right after an
//     active one ("encourage all States to", "recommends that States").
//  6. Pronouns: "they" is the previous subject (in the sentence, else the last sentence's),
//     "it" the latest single actor, "we" the appositive ("We, the Leaders of the G7,") or the
//     document's parties.
//  7. Chapeaux: a paragraph ending in ":" ("The two sides decided to:") or naming only its
//     speaker ("The General Assembly,") opens a chapeau. In an item under it (the caller says
//     which paragraphs are items) a cue that opens the item with no subject of its own binds
//     to the chapeau's actors ("A commitment to ...", "Calls upon Member States to"); an item
//     with no cue at all is one commitment of the chapeau's cue and type. A chapeau whose cue
//     has nothing after it but ":" is no commitment itself: its items are.
//  8. A sentence opening with a cue that needs no subject in its text (a resolution's
//     "Recognizing", "Calls upon", "Decides to", a leaders' statement's base-form items
//     "Recognise that", "Reaffirm our commitment to", "Will explore") binds the speaker: the
//     chapeau's actors, else the document's parties. A chapeau may carry the parties'
//     definition: "X and Y (hereinafter referred to as the "Participants"),".
//  9. Future facts: "will", "shall" or "must" after a sentence-opening noun phrase that names
//     no actor ("There will be joint research", "Cooperation will be intensified", "Requests
//     shall be made in writing"), and a plan stated as a fact ("A first course is planned for
//     2024"), bind the document's parties, else the nearest earlier subject. Not for the
//     document itself ("This Memorandum will come into effect", "Nothing in this Agreement
//     shall"), final and definitional clauses ("will enter into force", "will commence",
//     "shall include"), threats and risks at the head of the subject ("The threat of attacks
//     will grow", but "Courses on incident response will be held" are courses), or a body the
//     gazetteer does not know ("The Chair will", "the working group will"), which is a subject
//     of its own. "will take place" is a meeting to be held.
// 10. Reported and relative clauses: "Australia announced it will fund" opens at Australia; a
//     relative clause with a subject of its own states that subject's commitment ("under which
//     the Participants will", "..., which the United States welcomed"), one without ("which
//     reaffirmed", "the norms it recommends") reports someone else's words (invariant 2).
// 11. Coordination: ", and will" after a that-clause is the sentence's own predicate again;
//     the items of a run-in list ("The Participants: a) noted ...; b) affirmed ...", "; -
//     welcomed") share the subject.
//
// Thread-safety: pure functions over their arguments.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/commitment.h"
#include "extract/actor_mentions.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"

namespace nt::extract {

struct ClauseActor {
  int actor_index = -1;
  ActorRole role = ActorRole::kSubject;
  auto operator<=>(const ClauseActor&) const = default;
};

struct ClauseCommitment {
  int span_begin = 0;  // byte offsets of the clause in the paragraph text
  int span_end = 0;
  std::string text;    // the clause
  std::string cue;     // the cue words as written: "affirmed that they will"
  CommitmentType type = CommitmentType::kPledge;
  std::vector<ClauseActor> actors;  // subjects first, then others in text order
};

// The paragraph that introduces list items (invariant 7).
struct Chapeau {
  bool open = false;
  std::vector<int> actors;  // who speaks in the items
  bool bound = false;       // actors known, or "the Parties" of unnamed parties
  bool has_cue = false;     // "decided to:"; false for "The General Assembly," or "include:"
  bool bare = false;        // nothing but ":" after the cue: the items complete it
  std::string cue;
  CommitmentType type = CommitmentType::kPledge;
  bool fresh = false;  // opened by the paragraph just read; the caller clears it
};

// What a document carries from sentence to sentence: who "they" are.
struct SubjectContext {
  std::vector<int> parties;       // the document's parties: "we", and "they" when nothing else
  std::vector<int> last_subject;  // the most recent sentence subject
  Chapeau chapeau;                // set by ExtractCommitments, closed by the caller
  bool item = false;              // set by the caller: this paragraph is an item of the chapeau
};

// A cue found at a token position: tokens [token_begin, token_end).
struct CueMatch {
  int token_begin = 0;
  int token_end = 0;
  CommitmentType type = CommitmentType::kPledge;
  bool passive = false;  // "are encouraged to": the actors before it are addressees
  // A preambular participle ("Recognizing", "Concerned that"): a cue only when it opens a
  // sentence; elsewhere it is an ordinary participle ("..., noting that").
  bool opening_only = false;
};

// The cue starting at token `at`, if any (longest form: "affirmed their determination to"
// before "affirmed").
std::optional<CueMatch> MatchCueAt(std::string_view text, const std::vector<Token>& tokens,
                                   int at);

// Commitments of one paragraph, given its tokens, sentences and actor mentions.
std::vector<ClauseCommitment> ExtractCommitments(std::string_view text,
                                                 const std::vector<Token>& tokens,
                                                 const std::vector<TextSpan>& sentences,
                                                 const std::vector<ActorMention>& mentions,
                                                 SubjectContext& context);

}  // namespace nt::extract
