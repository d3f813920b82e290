#include "extract/cjk_commitments.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace nt::extract {
namespace {

using enum CommitmentType;

struct CjkCue {
  std::string_view text;
  CommitmentType type;
};

// Chinese cues, simplified and traditional; at one position the longest wins.
constexpr std::array<CjkCue, 62> kChineseCues = {{
    {"一致同意", kAgreement},   {"同意", kAgreement},       {"商定", kAgreement},
    {"达成一致", kAgreement},   {"達成一致", kAgreement},   {"决定", kAgreement},
    {"決定", kAgreement},       {"同意将", kAgreement},     {"同意將", kAgreement},
    {"将", kPledge},            {"將", kPledge},            {"承诺", kPledge},
    {"承諾", kPledge},          {"致力于", kPledge},        {"致力於", kPledge},
    {"支持", kPledge},
    // 愿意, 愿同/愿与 ("is ready to work with"): an offer the speaker binds itself to.
    {"愿意", kPledge},          {"願意", kPledge},          {"愿同", kPledge},
    {"願同", kPledge},          {"愿与", kPledge},          {"願與", kPledge},
    {"欢迎", kWelcome},         {"歡迎", kWelcome},         {"赞赏", kWelcome},
    {"讚賞", kWelcome},         {"认为", kRecognition},     {"認為", kRecognition},
    {"一致认为", kRecognition}, {"一致認為", kRecognition}, {"重申", kRecognition},
    {"强调", kRecognition},     {"強調", kRecognition},     {"确认", kRecognition},
    {"確認", kRecognition},     {"认识到", kRecognition},   {"認識到", kRecognition},
    {"注意到", kRecognition},   {"呼吁", kRecommendation},  {"呼籲", kRecommendation},
    {"敦促", kRecommendation},  {"鼓励", kRecommendation},  {"鼓勵", kRecommendation},
    {"计划", kIntention},       {"計劃", kIntention},       {"打算", kIntention},
    // 高度评价 (praised), 主张 (advocate), 反对 (oppose), 决心 (resolved to), 希望 and 期待 (hope
    // for, look forward to), 愿 (is willing to), 倡导 (champion).
    {"高度评价", kWelcome},     {"高度評價", kWelcome},     {"主张", kRecognition},
    {"主張", kRecognition},     {"反对", kRecognition},     {"反對", kRecognition},
    {"决心", kPledge},          {"決心", kPledge},          {"希望", kIntention},
    {"期待", kIntention},       {"倡导", kRecognition},     {"倡導", kRecognition},
    {"坚持", kPledge},          {"堅持", kPledge},          {"赞同", kAgreement},
    {"贊同", kAgreement},
}};

// Japanese cues: a stem and the endings that make it a finished predicate.
struct JapaneseCue {
  std::string_view stem;
  CommitmentType type;
  int endings;  // index into kEndings
};
constexpr std::array<std::array<std::string_view, 8>, 4> kEndings = {{
    // する-verbs: 確認した, 確認し、, 確認する, 確認している, 確認していく, 希望して、
    {"していく", "しました", "している", "します", "した", "する", "して", "し"},
    // 求める
    {"ました", "ます", "た", "る", "", "", "", ""},
    // 予定である, 予定。
    {"である", "です", "だ", "", "", "", "", ""},
    // the cue is complete as written
    {"", "", "", "", "", "", "", ""},
}};
constexpr std::array<JapaneseCue, 24> kJapaneseCues = {{
    {"決意を表明", kPledge, 0},   {"再確認", kRecognition, 0}, {"確認", kRecognition, 0},
    {"一致", kAgreement, 0},      {"合意", kAgreement, 0},     {"表明", kRecognition, 0},
    {"歓迎", kWelcome, 0},        {"決定", kAgreement, 0},     {"強調", kRecognition, 0},
    {"要請", kRecommendation, 0}, {"求め", kRecommendation, 1}, {"予定", kIntention, 2},
    {"ものとする", kObligation, 3}, {"していく", kPledge, 3}, {"ていく", kPledge, 3},
    {"していきます", kPledge, 3},
    // Memoranda of cooperation: "…協力する意図を有する" (intend), "…よう努める" (endeavour).
    {"意図を有する", kIntention, 3}, {"意図", kIntention, 0}, {"努める", kPledge, 3},
    {"努めた", kPledge, 3},
    // A memorandum's preamble: "…を認識し，", "…に留意し，", "…を希望して，"; a shared view:
    // "…との認識を共有した".
    {"認識を共有", kRecognition, 0}, {"認識", kRecognition, 0}, {"留意", kRecognition, 0},
    {"希望", kIntention, 0},
}};

// Sentences that report what others said.
constexpr std::array<std::string_view, 12> kReported = {
    "据报", "據報", "报道称", "報導稱", "報道稱", "据悉", "據悉", "据称", "據稱",
    "有报道", "報道によ", "伝えられ"};

bool IsSentenceEnd(std::string_view rest) {
  return rest.empty() || rest.starts_with("。") || rest.starts_with("！") ||
         rest.starts_with("？") || rest.starts_with(".");
}
bool IsClauseEnd(std::string_view rest) {
  return IsSentenceEnd(rest) || rest.starts_with("、") || rest.starts_with("，") ||
         rest.starts_with(",") || rest.starts_with("；") || rest.starts_with("とともに");
}
bool IsHardBreak(std::string_view t) { return t == "；" || t == ";"; }
bool IsSoftBreak(std::string_view t) {
  return t == "，" || t == "," || t == "：" || t == ":" || t == "、";
}

bool IsHiragana(std::string_view t) {
  return t.size() == 3 && static_cast<unsigned char>(t[0]) == 0xE3 &&
         (static_cast<unsigned char>(t[1]) == 0x81 ||
          (static_cast<unsigned char>(t[1]) == 0x82 && static_cast<unsigned char>(t[2]) <= 0x9F));
}

struct Found {
  int token = 0;      // first token of the cue
  int begin = 0;      // bytes
  int end = 0;
  CommitmentType type = kPledge;
  // A negated cue (不同意): no commitment, and the cues after it in its clause are its own.
  bool negated = false;
};

int TokenAtByte(const std::vector<Token>& tokens, int byte) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), byte,
                             [](const Token& t, int b) { return t.begin < b; });
  return static_cast<int>(it - tokens.begin());
}

std::optional<Found> ChineseCueAt(std::string_view text, const std::vector<Token>& tokens,
                                  int at) {
  std::string_view rest = text.substr(static_cast<std::size_t>(tokens[static_cast<std::size_t>(at)].begin));
  const CjkCue* best = nullptr;
  for (const CjkCue& cue : kChineseCues) {
    if (rest.starts_with(cue.text) && (!best || cue.text.size() > best->text.size())) best = &cue;
  }
  if (!best) return std::nullopt;
  int begin = tokens[static_cast<std::size_t>(at)].begin;
  int end = begin + static_cast<int>(best->text.size());
  std::string_view before = at > 0 ? TokenText(text, tokens[static_cast<std::size_t>(at - 1)]) : "";
  std::string_view after = text.substr(static_cast<std::size_t>(end));
  // Negated (不同意), nominal (的决定) or relative (同意的原则): not a commitment (invariant 3).
  for (std::string_view neg : {"不", "未", "没", "沒", "无", "無"}) {
    if (before == neg) return Found{at, begin, end, best->type, true};
  }
  if (before == "的") return std::nullopt;
  if (after.starts_with("的")) return std::nullopt;
  // 将来 (the future), 将近 (nearly), 将军 (a general) are words, not the future marker.
  if (best->text == "将" || best->text == "將") {
    for (std::string_view word : {"来", "來", "近", "军", "軍"}) {
      if (after.starts_with(word)) return std::nullopt;
    }
  }
  return Found{at, begin, end, best->type};
}

std::optional<Found> JapaneseCueAt(std::string_view text, const std::vector<Token>& tokens,
                                   int at) {
  int begin = tokens[static_cast<std::size_t>(at)].begin;
  std::string_view rest = text.substr(static_cast<std::size_t>(begin));
  for (const JapaneseCue& cue : kJapaneseCues) {
    if (!rest.starts_with(cue.stem)) continue;
    std::string_view tail = rest.substr(cue.stem.size());
    for (std::string_view ending : kEndings[static_cast<std::size_t>(cue.endings)]) {
      if (!tail.starts_with(ending)) continue;
      // Only a finished predicate counts (invariant 2): "確認した原則" is attributive.
      if (!IsClauseEnd(tail.substr(ending.size()))) {
        if (ending.empty()) break;
        continue;
      }
      int end = begin + static_cast<int>(cue.stem.size() + ending.size());
      return Found{at, begin, end, cue.type};
    }
  }
  return std::nullopt;
}

struct MentionSpan {
  const ActorMention* mention;
  int begin;  // bytes
  int end;
};

// Whether the mention is a subject marked by は or が, directly or through actors
// coordinated with it ("日本及び米国は").
bool IsMarkedSubject(std::string_view text, const std::vector<MentionSpan>& spans,
                     std::size_t index, int limit) {
  std::string_view rest = text.substr(static_cast<std::size_t>(spans[index].end));
  if (rest.starts_with("は") || rest.starts_with("が")) return true;
  if (index + 1 >= spans.size() || spans[index + 1].begin >= limit) return false;
  std::string_view gap = text.substr(static_cast<std::size_t>(spans[index].end),
                                     static_cast<std::size_t>(spans[index + 1].begin -
                                                              spans[index].end));
  for (std::string_view joiner : {"と", "及び", "および", "並びに", "、", "・"}) {
    if (gap == joiner) return IsMarkedSubject(text, spans, index + 1, limit);
  }
  return false;
}

// A topic of its own that is not an actor: "脅威は" (but not "会合では", "ついては").
bool HasOtherTopic(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<MentionSpan>& spans, int from, int to) {
  for (int i = TokenAtByte(tokens, from); i < static_cast<int>(tokens.size()); ++i) {
    const Token& t = tokens[static_cast<std::size_t>(i)];
    if (t.begin >= to) break;
    if (TokenText(text, t) != "は" || i == 0) continue;
    std::string_view before = TokenText(text, tokens[static_cast<std::size_t>(i - 1)]);
    if (before == "で" || before == "に" || before == "と" || before == "て") continue;
    // "…（以下「両参加者」という。）は，": the topic is the subject the definition closes.
    if (before == "）" || before == ")" || before == "」") continue;
    bool after_actor = std::any_of(spans.begin(), spans.end(),
                                   [&](const MentionSpan& s) { return s.end == t.begin; });
    if (!after_actor) return true;
  }
  return false;
}

// Whether only white space, a list label ("六、", "（1）", "1.") or a bullet stands before `at`.
// Whether text[begin, at) is made only of the given pieces, in any order and number.
template <std::size_t N>
bool MadeOf(std::string_view text, int begin, int at, const std::string_view (&pieces)[N]) {
  std::string_view before = text.substr(static_cast<std::size_t>(begin),
                                        static_cast<std::size_t>(at - begin));
  while (!before.empty()) {
    bool stripped = false;
    for (std::string_view piece : pieces) {
      if (before.starts_with(piece)) {
        before.remove_prefix(piece.size());
        stripped = true;
        break;
      }
    }
    if (!stripped) return false;
  }
  return true;
}

bool OpensSentence(std::string_view text, int begin, int at) {
  static constexpr std::string_view kLabelChars[] = {
      "\u3000", " ", "、", "．", ".", "（", "）", "(", ")", "一", "二", "三", "四", "五", "六",
      "七", "八", "九", "十", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "\u2022", "-"};
  return MadeOf(text, begin, at, kLabelChars);
}

void AddUnique(std::vector<int>& list, int value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::string_view TrimClause(std::string_view text, int& begin, int& end) {
  auto starts = [&](std::string_view p) {
    return text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin))
        .starts_with(p);
  };
  auto ends = [&](std::string_view p) {
    return text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin))
        .ends_with(p);
  };
  bool changed = true;
  while (changed && begin < end) {
    changed = false;
    for (std::string_view p : {" ", "\u3000", "，", "、", "；", ",", ";"}) {
      if (starts(p)) {
        begin += static_cast<int>(p.size());
        changed = true;
      }
      if (begin < end && ends(p)) {
        end -= static_cast<int>(p.size());
        changed = true;
      }
    }
  }
  return text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
}

// Whether only conjunctions and adverbs (并, 並, 且, 还, 也, 同时, 均, 共同) stand between the
// segment's start and the cue: the cue is the segment's predicate, not inside its content.
bool OpensSegment(std::string_view text, int segment_begin, int cue_begin) {
  static constexpr std::string_view kJoiners[] = {" ", "\u3000", "并且", "並且", "并", "並",
                                                  "且", "还", "還", "也", "同时", "同時",
                                                  "均", "都", "共同", "一致", "又"};
  return MadeOf(text, segment_begin, cue_begin, kJoiners);
}

bool IsFutureMarker(std::string_view text, const Found& cue) {
  std::string_view word = text.substr(static_cast<std::size_t>(cue.begin),
                                      static_cast<std::size_t>(cue.end - cue.begin));
  return word == "将" || word == "將";
}

// Whether the Chinese sentence around a 将 at its first cue states a future fact of the parties:
// no actor before it (the caller checked), not about the document itself (本协议, 本声明) and
// not a final clause (生效, 终止, 失效, 有效期).
bool IsAbstractFutureFact(std::string_view text, const TextSpan& sentence, const Found& cue) {
  std::string_view before = text.substr(static_cast<std::size_t>(sentence.begin),
                                        static_cast<std::size_t>(cue.begin - sentence.begin));
  // The subject opens the sentence: no comma before the cue.
  if (before.empty() || before.find("，") != std::string_view::npos ||
      before.find(",") != std::string_view::npos || before.find("、") != std::string_view::npos) {
    return false;
  }
  // Threats and trends are no one's action: "网络犯罪案件将持续增加".
  for (std::string_view threat : {"威胁", "威脅", "风险", "風險", "攻击", "攻擊", "犯罪", "案件",
                                  "事件", "挑战", "挑戰", "形势", "形勢", "危险", "危險"}) {
    if (before.find(threat) != std::string_view::npos) return false;
  }
  for (std::string_view self : {"本协", "本協", "本备忘录", "本備忘錄", "本声明", "本聲明",
                                "本文件", "本议定书", "本議定書", "本谅解", "本諒解"}) {
    if (before.find(self) != std::string_view::npos) return false;
  }
  std::string_view after = text.substr(static_cast<std::size_t>(cue.end),
                                       static_cast<std::size_t>(sentence.end - cue.end));
  for (std::string_view final_clause : {"生效", "终止", "終止", "失效", "有效", "届满", "屆滿",
                                        "更加", "日益", "持续增", "持續增", "增加", "增长",
                                        "增長"}) {
    const std::size_t at = after.find(final_clause);
    if (at != std::string_view::npos && at < 30) return false;
  }
  return true;
}

}  // namespace

bool IsCjkText(std::string_view text) {
  int cjk = 0;
  int ascii = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++ascii;
    // Lead bytes E3..E9 start U+3000..U+9FFF: kana, CJK punctuation and ideographs.
    if (c >= 0xE3 && c <= 0xE9) ++cjk;
    i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  }
  return cjk > 0 && cjk >= ascii;
}

std::vector<ClauseCommitment> ExtractCjkCommitments(std::string_view text,
                                                    const std::vector<Token>& tokens,
                                                    const std::vector<TextSpan>& sentences,
                                                    const std::vector<ActorMention>& mentions,
                                                    SubjectContext& context) {
  std::vector<ClauseCommitment> out;
  bool japanese = std::any_of(tokens.begin(), tokens.end(),
                              [&](const Token& t) { return IsHiragana(TokenText(text, t)); });
  std::vector<MentionSpan> spans;
  for (const ActorMention& m : mentions) {
    if (m.kind == MentionKind::kPronoun || m.absorbed || m.actors.empty()) continue;
    spans.push_back({&m, tokens[static_cast<std::size_t>(m.token_begin)].begin,
                     tokens[static_cast<std::size_t>(m.token_end - 1)].end});
  }
  auto is_modifier = [&](const MentionSpan& s) {
    std::string_view rest = text.substr(static_cast<std::size_t>(s.end));
    return s.mention->modifier || rest.starts_with("的") || rest.starts_with("之") ||
           rest.starts_with("の");
  };

  for (const TextSpan& sentence : sentences) {
    std::string_view sentence_text =
        text.substr(static_cast<std::size_t>(sentence.begin),
                    static_cast<std::size_t>(sentence.end - sentence.begin));
    if (std::any_of(kReported.begin(), kReported.end(), [&](std::string_view r) {
          return sentence_text.find(r) != std::string_view::npos;
        })) {
      continue;
    }
    const int first = TokenAtByte(tokens, sentence.begin);
    int last = first;
    while (last < static_cast<int>(tokens.size()) &&
           tokens[static_cast<std::size_t>(last)].end <= sentence.end) {
      ++last;
    }
    // Cues in order, with the byte where the segment holding each begins.
    struct Cue {
      Found found;
      int segment_begin;
    };
    std::vector<Cue> cues;
    int segment_begin = sentence.begin;
    for (int i = first; i < last; ++i) {
      const Token& t = tokens[static_cast<std::size_t>(i)];
      std::string_view word = TokenText(text, t);
      if (IsHardBreak(word) || IsSoftBreak(word)) {
        segment_begin = t.end;
        continue;
      }
      if (t.kind != TokenKind::kWord) continue;
      auto found = japanese ? JapaneseCueAt(text, tokens, i) : ChineseCueAt(text, tokens, i);
      if (!found || found->end > sentence.end) continue;
      cues.push_back({*found, segment_begin});
      i = TokenAtByte(tokens, found->end) - 1;
      if (japanese) segment_begin = found->end;  // the next clause starts after a predicate
    }
    // A sentence-final "…する。" with an actor subject is a pledge (Japanese).
    if (japanese && (cues.empty() || cues.back().found.end < sentence.end - 6)) {
      std::string_view body = sentence_text;
      if (body.ends_with("。")) body.remove_suffix(std::string_view("。").size());
      for (std::string_view verb : {"します", "する"}) {
        if (!body.ends_with(verb) || body.ends_with("とする")) continue;
        int begin = sentence.begin + static_cast<int>(body.size() - verb.size());
        cues.push_back({{TokenAtByte(tokens, begin), begin,
                         begin + static_cast<int>(verb.size()), kPledge},
                        cues.empty() ? sentence.begin : cues.back().found.end});
        break;
      }
    }

    std::vector<int> sentence_subject;
    int prev_cue_end = sentence.begin;
    for (std::size_t c = 0; c < cues.size(); ++c) {
      const Found& cue = cues[c].found;
      if (cue.negated) {
        prev_cue_end = cue.end;
        continue;
      }
      const bool plain_verb = japanese && cue.type == kPledge &&
                              (TokenText(text, tokens[static_cast<std::size_t>(cue.token)]) ==
                               "す");
      // Japanese clauses run from the previous predicate; Chinese ones from the segment too.
      int from = japanese ? prev_cue_end : std::max(cues[c].segment_begin, prev_cue_end);
      std::vector<int> subjects;
      bool explicit_subject = true;
      if (japanese) {
        for (std::size_t s = 0; s < spans.size(); ++s) {
          if (spans[s].begin < from || spans[s].end > cue.begin) continue;
          if (IsMarkedSubject(text, spans, s, cue.begin)) {
            for (int a : spans[s].mention->actors) AddUnique(subjects, a);
          }
        }
        if (subjects.empty()) {
          explicit_subject = false;
          bool other_topic = HasOtherTopic(text, tokens, spans, from, cue.begin);
          if (cue.type == kIntention) {
            subjects = context.parties;
          } else if (!other_topic && !plain_verb) {
            subjects = !sentence_subject.empty()       ? sentence_subject
                       : !context.last_subject.empty() ? context.last_subject
                                                       : context.parties;
          }
        }
      } else {
        auto collect = [&](int lo) {
          std::vector<int> found;
          for (const MentionSpan& s : spans) {
            if (s.begin >= lo && s.end <= cue.begin && !is_modifier(s)) {
              for (int a : s.mention->actors) AddUnique(found, a);
            }
          }
          return found;
        };
        subjects = collect(from);
        const bool open_clause = c > 0 && !out.empty() && out.back().span_end > sentence.begin;
        // A cue verb of its own after a comma ("…，歡迎…", "…，並決定…") is the subject's next
        // predicate: a clause of the same subject. 将 there is the open clause's content.
        if (open_clause && subjects.empty() && cues[c].segment_begin >= prev_cue_end &&
            !IsFutureMarker(text, cue) && !sentence_subject.empty() &&
            OpensSegment(text, cues[c].segment_begin, cue.begin)) {
          subjects = sentence_subject;
        }
        // No subject of its own, or one in the segment of the previous cue ("中方支持美方将…",
        // where 美方 is the object): the cue continues the open clause (invariant 1).
        if (open_clause && (subjects.empty() || cues[c].segment_begin < prev_cue_end)) {
          prev_cue_end = cue.end;
          continue;
        }
        if (subjects.empty() && c == 0) subjects = collect(sentence.begin);
        // A sentence that opens with its cue ("同意加强…", a statement's item): the speaker,
        // that is the document's parties (invariant 5).
        if (subjects.empty() && c == 0 && OpensSentence(text, sentence.begin, cue.begin)) {
          subjects = context.parties;
        }
        // "该机制将每年举行两次": 将 after a subject that is no actor states what the parties
        // will do (the English invariant 9), unless it is the text's own life ("本协议将于…生效").
        if (subjects.empty() && c == 0 && IsFutureMarker(text, cue) &&
            IsAbstractFutureFact(text, sentence, cue)) {
          subjects = !context.parties.empty() ? context.parties : context.last_subject;
        }
        explicit_subject = !subjects.empty();
      }
      if (subjects.empty() || (plain_verb && !explicit_subject)) {
        prev_cue_end = cue.end;
        continue;
      }
      // The clause: from the sentence start (first clause) or the segment holding the cue's
      // subject, to the next clause or the sentence end.
      int begin = out.empty() || out.back().span_end <= sentence.begin
                      ? sentence.begin
                      : (japanese ? from : cues[c].segment_begin);
      if (!out.empty() && out.back().span_end > begin && out.back().span_end <= sentence.end) {
        // Close the previous clause of this sentence where this one begins.
        ClauseCommitment& prev = out.back();
        int pb = prev.span_begin;
        int pe = begin;
        prev.text = std::string(TrimClause(text, pb, pe));
        prev.span_begin = pb;
        prev.span_end = pe;
      }
      ClauseCommitment clause;
      int b = begin;
      int e = sentence.end;
      clause.text = std::string(TrimClause(text, b, e));
      clause.span_begin = b;
      clause.span_end = e;
      clause.cue = std::string(text.substr(static_cast<std::size_t>(cue.begin),
                                           static_cast<std::size_t>(cue.end - cue.begin)));
      clause.type = cue.type;
      for (int a : subjects) clause.actors.push_back({a, ActorRole::kSubject});
      out.push_back(std::move(clause));
      sentence_subject = subjects;
      context.last_subject = subjects;
      prev_cue_end = cue.end;
    }
  }
  // Counterparts: other actors named inside each clause (invariant 4).
  for (ClauseCommitment& clause : out) {
    for (const MentionSpan& s : spans) {
      if (s.begin < clause.span_begin || s.end > clause.span_end) continue;
      for (int a : s.mention->actors) {
        bool known = std::any_of(clause.actors.begin(), clause.actors.end(),
                                 [&](const ClauseActor& x) { return x.actor_index == a; });
        if (!known) clause.actors.push_back({a, ActorRole::kCounterpart});
      }
    }
  }
  return out;
}

}  // namespace nt::extract
