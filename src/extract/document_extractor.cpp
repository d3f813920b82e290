#include "extract/document_extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"
#include "extract/actor_mentions.h"
#include "extract/cjk_commitments.h"
#include "extract/commitment_extractor.h"
#include "extract/date_finder.h"
#include "extract/dialogue_finder.h"
#include "extract/norm_references.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"

namespace nt::extract {
namespace {

// One piece of text being analysed: the title (paragraph -1) or a paragraph.
struct Unit {
  int paragraph_index = -1;
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<ActorMention> mentions;
  std::vector<TextSpan> sentences;
  std::vector<DialogueNameMention> dialogues;
};

Result<SentenceSplitter*> ThreadSplitter() {
  thread_local std::optional<SentenceSplitter> splitter;
  if (!splitter) {
    auto created = SentenceSplitter::Create();
    if (!created) return Fail(created.error());
    splitter.emplace(std::move(*created));
  }
  return &*splitter;
}

// Token range [first, end) of the sentence containing token `at`.
std::pair<int, int> SentenceTokens(const Unit& unit, int at) {
  int byte = unit.tokens[static_cast<std::size_t>(at)].begin;
  TextSpan span{0, static_cast<int>(unit.text.size())};
  for (const TextSpan& s : unit.sentences) {
    if (s.begin <= byte && byte < s.end) span = s;
  }
  int first = 0;
  const int n = static_cast<int>(unit.tokens.size());
  while (first < n && unit.tokens[static_cast<std::size_t>(first)].begin < span.begin) ++first;
  int end = first;
  while (end < n && unit.tokens[static_cast<std::size_t>(end)].end <= span.end) ++end;
  return {first, end};
}

bool SentenceHasAny(const Unit& unit, std::pair<int, int> range,
                    std::initializer_list<std::string_view> words) {
  for (int i = range.first; i < range.second; ++i) {
    for (std::string_view w : words) {
      if (TokenIs(unit.text, unit.tokens[static_cast<std::size_t>(i)], w)) return true;
    }
  }
  return false;
}

bool IsCapitalised(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

// "in Tokyo", "in Washington, DC" between tokens [from, to).
std::string FindPlace(const Unit& unit, int from, int to) {
  auto word = [&](int i) { return TokenText(unit.text, unit.tokens[static_cast<std::size_t>(i)]); };
  for (int i = from; i + 1 < to; ++i) {
    if (!TokenIs(unit.text, unit.tokens[static_cast<std::size_t>(i)], "in")) continue;
    int k = i + 1;
    std::string place;
    while (k < to && unit.tokens[static_cast<std::size_t>(k)].kind == TokenKind::kWord &&
           IsCapitalised(word(k)) && MonthNumber(word(k)) == 0 && k - i <= 3) {
      if (!place.empty()) place += ' ';
      place += word(k);
      ++k;
    }
    if (place.empty()) continue;
    // "Washington, DC"
    if (k + 1 < to && word(k) == "," && LooksLikeAcronym(word(k + 1), false) &&
        word(k + 1).size() <= 3) {
      place += ", ";
      place += word(k + 1);
    }
    return place;
  }
  return {};
}

struct RoundFacts {
  std::string start_date, end_date, place;
};

RoundFacts FactsNear(const Unit& unit, const DialogueNameMention& mention) {
  RoundFacts facts;
  auto range = SentenceTokens(unit, mention.token_begin);
  // Stop before the next dialogue mention of the same sentence: its date is its own.
  int stop = range.second;
  for (const DialogueNameMention& other : unit.dialogues) {
    if (other.token_begin >= mention.token_end && other.token_begin < stop) {
      stop = other.token_begin;
    }
  }
  std::vector<Token> sentence_tokens(unit.tokens.begin() + range.first, unit.tokens.begin() + stop);
  std::vector<DateMention> dates = FindDates(unit.text, sentence_tokens);
  const DateMention* chosen = nullptr;
  for (const DateMention& d : dates) {
    if (d.token_begin + range.first >= mention.token_end) {
      chosen = &d;
      break;
    }
  }
  // "On 20-21 July 2017, ... held the fifth ..." puts the date first.
  if (!chosen && !dates.empty() && unit.dialogues.size() == 1) chosen = &dates.front();
  if (chosen) {
    facts.start_date = chosen->start;
    facts.end_date = chosen->end;
  }
  int place_end = chosen ? chosen->token_begin + range.first : stop;
  if (place_end <= mention.token_end) place_end = stop;
  facts.place = FindPlace(unit, mention.token_end, place_end);
  return facts;
}

void AddUnique(std::vector<int>& list, int value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// Whether token `at` names the parties as a defined term: "(hereinafter referred to as "the
// Participants")", "(each a "Participant" and together "the Participants")". Returns the
// token the definition opens at ("hereinafter" or its "("), or -1.
int DefinitionStart(const Unit& unit, int at, int sentence_first) {
  const Token& t = unit.tokens[static_cast<std::size_t>(at)];
  if (!TokenIs(unit.text, t, "participants") && !TokenIs(unit.text, t, "parties") &&
      !TokenIs(unit.text, t, "sides") && !TokenIs(unit.text, t, "signatories")) {
    return -1;
  }
  for (int k = at - 1; k >= sentence_first && k >= at - 12; --k) {
    const Token& before = unit.tokens[static_cast<std::size_t>(k)];
    if (TokenIs(unit.text, before, "hereinafter")) return k;
    std::string_view w = TokenText(unit.text, before);
    if (w == ")") return -1;
    if (w == "(") return k;
  }
  return -1;
}

// The parties a document defines: "the Ministry of ... of Japan and the Information System
// Authority of Estonia (hereinafter referred to as "the Participants")" names them before the
// definition, after "between" when the sentence has one. Empty unless two or more.
std::vector<int> DefinedParties(const std::vector<Unit>& units) {
  for (const Unit& unit : units) {
    const int n = static_cast<int>(unit.tokens.size());
    for (int i = 0; i < n; ++i) {
      const auto [first, end] = SentenceTokens(unit, i);
      const int start = DefinitionStart(unit, i, first);
      if (start < 0) continue;
      int from = first;
      for (int k = first; k < start; ++k) {
        if (TokenIs(unit.text, unit.tokens[static_cast<std::size_t>(k)], "between")) from = k + 1;
      }
      std::vector<int> defined;
      for (const ActorMention& m : unit.mentions) {
        if (m.kind != MentionKind::kNamed || m.modifier || m.absorbed) continue;
        if (m.token_begin >= from && m.token_end <= start) AddUnique(defined, m.actors.front());
      }
      if (defined.size() >= 2) return defined;
    }
  }
  return {};
}

bool EndsWithAny(std::string_view text, std::initializer_list<std::string_view> endings) {
  std::string_view trimmed = TrimView(text);
  return std::any_of(endings.begin(), endings.end(),
                     [&](std::string_view e) { return trimmed.ends_with(e); });
}

bool StartsWithBullet(std::string_view text) {
  std::string_view trimmed = TrimView(text);
  for (std::string_view bullet : {"\u2022", "\u25AA", "\u25CF", "\u25E6", "\u2023", "\u2043",
                                  "\u25A0", "- ", "\u2013 ", "* "}) {
    if (trimmed.starts_with(bullet)) return true;
  }
  return false;
}

// Whether `paragraph` is an item of the chapeau opened by the paragraph labelled
// `chapeau_label` (commitment_extractor.h, invariant 7): the previous paragraph left its
// sentence open (":", ";", ","), or the paragraph is a bullet, or it carries a label under the
// chapeau's ("7(a)" under "7"; any label when the chapeau has none).
bool IsChapeauItem(const ImportedParagraph& paragraph, std::string_view chapeau_label,
                   std::string_view previous_text) {
  if (EndsWithAny(previous_text, {":", ";", ",", "; and", "; or", ", and", ", or"})) return true;
  if (StartsWithBullet(paragraph.text)) return true;
  if (paragraph.label.empty()) return false;
  return chapeau_label.empty() || (paragraph.label.size() > chapeau_label.size() &&
                                   paragraph.label.starts_with(chapeau_label));
}

}  // namespace

Result<DocumentExtraction> ExtractDocument(const ImportedDocument& document,
                                           const Gazetteer& gazetteer,
                                           const NormCatalogue& catalogue) {
  auto splitter = ThreadSplitter();
  if (!splitter) return Fail(splitter.error());
  DocumentExtraction result;

  std::vector<Unit> units;
  units.reserve(document.paragraphs.size() + 1);
  units.push_back({-1, document.title, Tokenize(document.title), {}, {}, {}});
  for (std::size_t p = 0; p < document.paragraphs.size(); ++p) {
    const ImportedParagraph& paragraph = document.paragraphs[p];
    if (paragraph.is_boilerplate) continue;
    units.push_back({static_cast<int>(p), paragraph.text, Tokenize(paragraph.text), {}, {}, {}});
  }

  DocumentActors actors(gazetteer);
  for (const Unit& unit : units) actors.Learn(unit.text, unit.tokens);
  for (Unit& unit : units) {
    unit.mentions = actors.Find(unit.text, unit.tokens);
    unit.dialogues = FindDialogueMentions(unit.text, unit.tokens, unit.mentions, gazetteer);
    auto sentences = (*splitter)->Split(unit.text);
    if (!sentences) return Fail(sentences.error());
    unit.sentences = std::move(*sentences);
  }

  // The document's dialogue: the first named one, the title's first.
  const DialogueNameMention* named = nullptr;
  for (const Unit& unit : units) {
    for (const DialogueNameMention& m : unit.dialogues) {
      if (!m.key.empty()) {
        named = &m;
        break;
      }
    }
    if (named) break;
  }

  // Parties: the dialogue's, else the importer's, else the title's actors (two or more, or
  // one group speaking for itself), else the two states named most.
  std::vector<int> parties = DefinedParties(units);
  if (parties.empty() && named) parties = named->parties;
  if (parties.empty()) {
    for (const ImportedActorMention& a : document.actors) {
      if (a.role != "party") continue;
      if (auto index = gazetteer.Find(a.name)) AddUnique(parties, *index);
    }
  }
  if (parties.empty()) {
    std::vector<int> from_title;
    for (const ActorMention& m : units.front().mentions) {
      if (m.kind == MentionKind::kNamed && !m.absorbed) AddUnique(from_title, m.actors.front());
    }
    // "G7 Leaders' Statement": one group or organisation speaks for itself.
    bool single_body = from_title.size() == 1 &&
                       (gazetteer.actor(from_title[0]).kind == ActorKind::kGroup ||
                        gazetteer.actor(from_title[0]).kind == ActorKind::kOrganisation);
    if (from_title.size() >= 2 || single_body) parties = from_title;
  }
  if (parties.empty()) {
    std::map<int, int> counts;
    for (const Unit& unit : units) {
      for (const ActorMention& m : unit.mentions) {
        if (m.kind == MentionKind::kNamed && !m.modifier &&
            gazetteer.actor(m.actors.front()).kind == ActorKind::kState) {
          ++counts[m.actors.front()];
        }
      }
    }
    std::vector<std::pair<int, int>> ranked(counts.begin(), counts.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (ranked.size() >= 2) parties = {ranked[0].first, ranked[1].first};
  }
  result.parties = parties;
  actors.SetParties(parties);
  for (Unit& unit : units) {
    for (ActorMention& m : unit.mentions) {
      if (m.kind == MentionKind::kCollective) m.actors = parties;
    }
  }

  // Rounds.
  if (named) {
    DialogueMention base{named->name, named->key, std::nullopt, {}, {}, {}, false};
    bool have_round = false;
    std::set<std::pair<std::string, int>> seen;
    for (const Unit& unit : units) {
      for (const DialogueNameMention& m : unit.dialogues) {
        bool same_dialogue = m.key.empty() || m.key == named->key;
        if (!m.round) {
          if (same_dialogue && m.intersessional && !have_round && !result.dialogue) {
            DialogueMention d = base;
            RoundFacts facts = FactsNear(unit, m);
            d.start_date = facts.start_date;
            d.end_date = facts.end_date;
            d.place = facts.place;
            d.is_document_round = true;
            result.dialogue = d;
          }
          continue;
        }
        DialogueMention d = same_dialogue ? base : DialogueMention{m.name, m.key, {}, {}, {}, {}, false};
        d.round = m.round;
        RoundFacts facts = FactsNear(unit, m);
        d.start_date = facts.start_date;
        d.end_date = facts.end_date;
        d.place = facts.place;
        bool earlier = unit.paragraph_index >= 0 &&
                       SentenceHasAny(unit, SentenceTokens(unit, m.token_begin),
                                      {"previous", "last", "prior", "preceding", "since"});
        if (same_dialogue && !earlier && (!have_round || result.dialogue->round == m.round)) {
          if (!have_round) {
            d.is_document_round = true;
            result.dialogue = d;
            have_round = true;
          } else if (result.dialogue->start_date.empty() && !d.start_date.empty()) {
            // The title names the round; the text says when and where.
            result.dialogue->start_date = d.start_date;
            result.dialogue->end_date = d.end_date;
            if (result.dialogue->place.empty()) result.dialogue->place = d.place;
          }
          continue;
        }
        if (have_round && same_dialogue && result.dialogue->round == m.round) continue;
        if (!seen.insert({d.key, *d.round}).second) continue;
        result.other_rounds.push_back(std::move(d));
      }
    }
    if (!result.dialogue) {
      // A meeting of the dialogue that is not a numbered round.
      base.is_document_round = !units.front().dialogues.empty();
      result.dialogue = base;
    }
  }

  // Commitments and norms, paragraph by paragraph.
  SubjectContext context{parties, {}, {}, false};
  std::string chapeau_label;
  std::string_view previous_text;
  std::set<int> mentioned;
  for (const Unit& unit : units) {
    for (const ActorMention& m : unit.mentions) {
      for (int a : m.actors) mentioned.insert(a);
    }
    if (unit.paragraph_index < 0) continue;
    std::vector<NormReference> refs = FindNormReferences(unit.text, unit.tokens, catalogue);
    for (const NormReference& ref : refs) {
      result.norm_references.push_back(
          {unit.paragraph_index, ref.begin, ref.end, ref.code, ref.confidence, ref.is_explicit});
    }
    const ImportedParagraph& paragraph =
        document.paragraphs[static_cast<std::size_t>(unit.paragraph_index)];
    context.item = context.chapeau.open &&
                   IsChapeauItem(paragraph, chapeau_label, previous_text);
    if (!context.item) context.chapeau = {};
    // Each paragraph keeps its language: a bilingual document alternates the two rule sets.
    const bool cjk = IsCjkText(unit.text);
    if (cjk) context.chapeau = {};
    std::vector<ClauseCommitment> clauses =
        cjk ? ExtractCjkCommitments(unit.text, unit.tokens, unit.sentences, unit.mentions,
                                    context)
            : ExtractCommitments(unit.text, unit.tokens, unit.sentences, unit.mentions, context);
    if (context.chapeau.fresh) {
      context.chapeau.fresh = false;
      chapeau_label = paragraph.label;
    }
    previous_text = unit.text;
    for (ClauseCommitment& clause : clauses) {
      ExtractedCommitment c;
      c.paragraph_index = unit.paragraph_index;
      c.span_begin = clause.span_begin;
      c.span_end = clause.span_end;
      c.text = std::move(clause.text);
      c.cue = std::move(clause.cue);
      c.type = clause.type;
      for (const ClauseActor& a : clause.actors) c.actors.push_back({a.actor_index, a.role});
      c.norm_codes = NormCodesIn(refs, c.span_begin, c.span_end, catalogue);
      result.commitments.push_back(std::move(c));
    }
  }
  result.actors_mentioned.assign(mentioned.begin(), mentioned.end());
  result.unknown_acronyms = actors.UnknownAcronyms();
  return result;
}

}  // namespace nt::extract
