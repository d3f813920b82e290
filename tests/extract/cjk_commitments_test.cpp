// Commitments in Chinese and Japanese texts (cjk_commitments.h): one token per character so
// that aliases such as 中方 and 豪州 are found without spaces, sentences ended by 。, the
// Chinese and Japanese cue families with their subjects, and what must not be taken (reported
// speech, background, negated, nominal and attributive cues). Each fixture in
// tests/fixtures/extract/cjk/ is read through the importers' registry, then extracted.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/cjk_commitments.h"
#include "extract/commitment_roles.h"
#include "extract/fixture_extraction.h"
#include "extract/tokenizer.h"

using namespace nt;
using namespace nt::extract;
using nt::test::Actors;
using nt::test::Describe;
using nt::test::Extracted;
using nt::test::Expect;
using nt::test::Find;
using nt::test::Taken;
using nt::test::WithRole;

namespace {

Extracted ExtractCjk(const std::string& name) { return test::ExtractFixtureIn("cjk", name); }


}  // namespace

TEST_CASE("Tokenizer: CJK characters are one token each and their punctuation is punctuation",
          "[extract]") {
  std::string_view text = "中方欢迎美方参与，ASEAN诸国。";
  std::vector<Token> tokens = Tokenize(text);
  REQUIRE(tokens.size() == 13);
  CHECK(TokenText(text, tokens[0]) == "中");
  CHECK(tokens[0].kind == TokenKind::kWord);
  CHECK(TokenText(text, tokens[8]) == "，");
  CHECK(tokens[8].kind == TokenKind::kPunct);
  CHECK(TokenText(text, tokens[9]) == "ASEAN");
  CHECK(tokens[12].kind == TokenKind::kPunct);
}

TEST_CASE("Gazetteer: Chinese and Japanese aliases match inside running text", "[extract]") {
  const Gazetteer& g = test::CorpusGazetteer();
  std::string_view text = "中华人民共和国与美利坚合众国、日本国及豪州";
  std::vector<ActorMatch> matches = g.MatchAll(text, Tokenize(text));
  REQUIRE(matches.size() == 4);
  CHECK(g.actor(matches[0].actor_index).canonical_name == "China");
  CHECK(g.actor(matches[1].actor_index).canonical_name == "United States");
  CHECK(g.actor(matches[2].actor_index).canonical_name == "Japan");
  CHECK(g.actor(matches[3].actor_index).canonical_name == "Australia");
  CHECK(g.Find("中方") == g.Find("China"));
  CHECK(g.Find("米国") == g.Find("United States"));
  CHECK(g.Find("俄羅斯") == g.Find("Russia"));
}

TEST_CASE("IsCjkText: each paragraph is judged by its own script", "[extract]") {
  CHECK(IsCjkText("双方同意加强合作。"));
  CHECK(IsCjkText("日本は、ASEANとの協力を歓迎した。"));
  CHECK_FALSE(IsCjkText("Both sides agreed to strengthen cooperation."));
  CHECK_FALSE(IsCjkText("China (中国) will host the next round."));
}

TEST_CASE("CjkCommitments: a simplified Chinese MFA statement gives each cue family",
          "[extract]") {
  Extracted e = ExtractCjk("zh-mfa-china-uk-cybersecurity-dialogue.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"China", "United Kingdom"});
  const std::vector<int> china = Actors({"China"});
  const std::vector<int> uk = Actors({"United Kingdom"});
  // 双方 are the document's parties; 并将 continues the agreement (invariant 1).
  Expect(e, "双方同意加强在打击网络犯罪领域的合作，并将建立热线联络机制", CommitmentType::kAgreement, both);
  CHECK(e.extraction.commitments.size() == 10);
  Expect(e, "中方欢迎英方参与", CommitmentType::kWelcome, china);
  CHECK(WithRole(*Find(e, "中方欢迎英方参与"), ActorRole::kCounterpart) == uk);
  Expect(e, "英方承诺在下一次对话前", CommitmentType::kPledge, uk);
  Expect(e, "双方重申，各国应遵守", CommitmentType::kRecognition, both);
  Expect(e, "中方认为，网络空间应当", CommitmentType::kRecognition, china);
  Expect(e, "双方呼吁国际社会", CommitmentType::kRecommendation, both);
  // Two subjects, two clauses in one sentence.
  Expect(e, "中方支持英方举办网络安全研讨会", CommitmentType::kPledge, china);
  CHECK_FALSE(Taken(e, "中方支持英方举办网络安全研讨会，英方"));
  Expect(e, "英方愿意为此提供资金", CommitmentType::kPledge, uk);
  // A sentence opening with its cue after a list label speaks for the parties (invariant 5);
  // the label's ideographic spaces are not part of the text.
  Expect(e, "三、同意在双边框架下设立网络安全专家组", CommitmentType::kAgreement, both);
  CHECK(Find(e, "三、同意在双边框架下")->text.starts_with("三"));
  // 英方 is the object of 支持, not the subject of 将: one clause (invariant 1).
  Expect(e, "中方支持英方将于明年举办网络安全论坛", CommitmentType::kPledge, china);
  // Not commitments: relative and nominal cues, background, reported speech, negation.
  CHECK_FALSE(Taken(e, "同意的合作事项"));
  CHECK_FALSE(Taken(e, "英方的决定"));
  CHECK_FALSE(Taken(e, "网络空间安全形势将更加严峻"));
  CHECK_FALSE(Taken(e, "据报道"));
  CHECK_FALSE(Taken(e, "不同意"));
  CHECK_FALSE(Taken(e, "在北京举行"));
}

TEST_CASE("CjkCommitments: a traditional Chinese statement uses the traditional cues",
          "[extract]") {
  Extracted e = ExtractCjk("zh-hant-china-australia-cyber-affairs-dialogue.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Australia", "China"});
  CHECK(e.extraction.commitments.size() == 6);
  Expect(e, "雙方同意每年舉行一次網絡事務對話", CommitmentType::kAgreement, both);
  Expect(e, "中方將繼續支持亞太地區", CommitmentType::kPledge, Actors({"China"}));
  Expect(e, "澳方歡迎中方提出的合作倡議", CommitmentType::kWelcome, Actors({"Australia"}));
  Expect(e, "雙方重申致力於維護", CommitmentType::kRecognition, both);
  Expect(e, "中方認為，各國應尊重", CommitmentType::kRecognition, Actors({"China"}));
  Expect(e, "雙方呼籲各國加強", CommitmentType::kRecommendation, both);
  CHECK_FALSE(Taken(e, "據報導"));
  CHECK_FALSE(Taken(e, "網絡犯罪案件將持續增加"));
}

TEST_CASE("CjkCommitments: a Japanese MOFA press release ends each clause with its verb",
          "[extract]") {
  Extracted e = ExtractCjk("ja-mofa-japan-australia-cyber-consultations.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Australia", "Japan"});
  Expect(e, "双方は、サイバー空間における法の支配の重要性を確認した", CommitmentType::kRecognition, both);
  Expect(e, "日本側は、豪州のサイバーセキュリティ戦略の策定を歓迎した", CommitmentType::kWelcome,
         Actors({"Japan"}));
  CHECK(WithRole(*Find(e, "日本側は、豪州の"), ActorRole::kCounterpart) == Actors({"Australia"}));
  // していく before ことで一致した is subordinate: one agreement (invariant 2).
  Expect(e, "両国は、能力構築支援において協力していくことで一致した", CommitmentType::kAgreement, both);
  Expect(e, "豪州は、2027年に地域ワークショップを主催する予定である", CommitmentType::kIntention,
         Actors({"Australia"}));
  Expect(e, "日本は、ASEAN諸国に対する能力構築支援を継続する", CommitmentType::kPledge,
         Actors({"Japan"}));
  // Two predicates, two clauses; the second takes the first's subject.
  Expect(e, "双方は、責任ある国家の行動規範の実施を各国に求めることを確認し", CommitmentType::kRecognition, both);
  Expect(e, "脅威情報の共有を強化していくことで一致した", CommitmentType::kAgreement, both);
  CHECK_FALSE(Taken(e, "双方は、責任ある国家の行動規範の実施を各国に求めることを確認し、脅威"));
  // 予定 with no actor subject binds the parties.
  Expect(e, "次回協議は2027年にキャンベラで開催する予定である", CommitmentType::kIntention, both);
  // Not commitments: background with a topic of its own, reported speech, attributive cue.
  CHECK_FALSE(Taken(e, "年々増大している"));
  CHECK_FALSE(Taken(e, "脅威は今後も拡大する"));
  CHECK_FALSE(Taken(e, "報道によれば"));
  CHECK_FALSE(Taken(e, "確認した原則"));
  CHECK_FALSE(Taken(e, "開催されました"));
  CHECK(e.extraction.commitments.size() == 8);
}

TEST_CASE("CjkCommitments: a bilingual statement gives commitments in both languages",
          "[extract]") {
  Extracted e = ExtractCjk("bilingual-eu-china-cybersecurity-consultations.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"China", "European Union"});
  Expect(e, "Both sides agreed to strengthen cooperation against ransomware", CommitmentType::kAgreement, both);
  Expect(e, "双方同意加强打击勒索软件的合作", CommitmentType::kAgreement, both);
  Expect(e, "The EU welcomed China", CommitmentType::kWelcome, Actors({"European Union"}));
  Expect(e, "欧盟欢迎中方参加网络事件应对研讨会", CommitmentType::kWelcome,
         Actors({"European Union"}));
  Expect(e, "China will host the next round", CommitmentType::kPledge, Actors({"China"}));
  Expect(e, "中方将在北京主办下一轮磋商", CommitmentType::kPledge, Actors({"China"}));
  CHECK(e.extraction.commitments.size() == 6);
}

TEST_CASE("CjkCommitments: a Japanese memorandum binds its participants", "[extract]") {
  Extracted e = ExtractCjk("ja-moc-japan-estonia-cooperation.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Estonia", "Japan"});
  Expect(e, "両参加者は、サイバーセキュリティ分野における情報交換を促進する意図を有する",
         CommitmentType::kIntention, both);
  Expect(e, "参加者は、本覚書の実施のため、連絡窓口を指定するよう努める",
         CommitmentType::kPledge, both);
  CHECK_FALSE(Taken(e, "効力を生ずる"));
  CHECK(e.extraction.commitments.size() == 2);
}
