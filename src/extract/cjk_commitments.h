#pragma once
// Commitments in Chinese (simplified and traditional) and Japanese paragraphs. These write no
// spaces between words and order the sentence differently from English, so they have their own
// cue lexicon and clause rules on top of the shared tokens (one token per character), sentences
// (ICU ends them at 。！？) and actor mentions (gazetteer aliases such as 中方, 米国, and the
// collectives 双方, 両国 for the document's parties).
//
// Invariants (tests cite them):
//  1. Chinese puts the cue after its subject: a cue binds the actors named between the previous
//     cue (or the start of its comma-delimited segment) and itself, not those marked as
//     modifiers by a following 的 or 之 ("美方的倡议"). A cue with no subject of its own, or whose
//     actors stand in the previous cue's segment (its object: "中方支持美方将…"), continues the
//     open clause of its sentence ("双方同意加强合作，并将..." is one agreement); a new clause
//     begins at a comma. A cue verb (not 将) that opens a later comma segment ("…，歡迎…",
//     "…，並決定…") is a new clause of the sentence's subject. The first cue of a sentence may
//     take a subject named earlier in the sentence across commas. 将 after a subject that opens
//     the sentence and names no actor ("该机制将每年举行两次") is a future fact of the
//     document's parties, unless the subject is a threat or trend ("网络攻击将持续增加") or the
//     text itself ("本协议将于…生效").
//  2. Japanese puts the verb last: a cue counts only where a predicate ends (before 。, 、, or
//     とともに); followed by anything else it is attributive ("確認した原則") or subordinate
//     ("していくことで一致した" is one agreement). The clause runs from the end of the
//     previous predicate to the cue; its subjects are the actors marked by は or が (with the
//     actors coordinated to them). A clause with no subject takes the last subject of its
//     paragraph unless it has a topic of its own that is not an actor ("脅威は…"); 予定 (an
//     intention) with no actor subject binds the document's parties.
//  3. Negated cues (不同意, 未决定), nominal ones (的决定) and relative ones (同意的原则) are not
//     cues, and a sentence that reports others' words (据报道, 報道によれば) gives nothing.
//  4. Actors named in a clause other than its subjects are its counterparts.
//  5. A Chinese sentence that opens with its cue (after a list label: "六、同意…") speaks for
//     the document's parties, as 我们 (we), 双方 and 缔约双方 do; in Japanese a clause without
//     a subject does (invariant 2), and 参加者/当事者 are the parties of a memorandum.
//
// Thread-safety: pure functions over their arguments.

#include <string_view>
#include <vector>

#include "extract/actor_mentions.h"
#include "extract/commitment_extractor.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"

namespace nt::extract {

// Whether a paragraph is written in Chinese or Japanese: more CJK characters than ASCII
// letters. Each paragraph of a bilingual document is judged on its own.
bool IsCjkText(std::string_view text);

// Commitments of one Chinese or Japanese paragraph (Japanese when it holds kana). Reads and
// updates context.last_subject; uses context.parties for 双方 and 予定.
std::vector<ClauseCommitment> ExtractCjkCommitments(std::string_view text,
                                                    const std::vector<Token>& tokens,
                                                    const std::vector<TextSpan>& sentences,
                                                    const std::vector<ActorMention>& mentions,
                                                    SubjectContext& context);

}  // namespace nt::extract
