#include "bench/synthetic_corpus.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <string_view>

namespace nt::bench {
namespace {

// splitmix64: tiny, fast and fully specified, so a seed means the same corpus everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // In [low, high].
  int Between(int low, int high) {
    return low + static_cast<int>(Next() % static_cast<std::uint64_t>(high - low + 1));
  }
  bool Chance(int percent) { return Between(1, 100) <= percent; }
  template <typename Container>
  const auto& Pick(const Container& items) {
    return items[static_cast<std::size_t>(Next() % items.size())];
  }

 private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 10> kOrdinals = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
constexpr std::array<std::string_view, 10> kCities = {
    "Tokyo", "Washington, DC", "London", "Singapore", "Canberra",
    "Berlin", "Paris", "New Delhi", "Tallinn", "Ottawa"};
constexpr std::array<std::string_view, 8> kDialogues = {
    "Cyber Dialogue", "Cyber Policy Dialogue", "Cyber Consultations", "ICT Security Dialogue",
    "Cybersecurity Dialogue", "Strategic Cyber Dialogue", "Cyber Policy Talks",
    "Digital and Cyber Dialogue"};

// Commitment cues after a plural subject ("Japan and Australia ..."), as the real texts word
// them; the verb phrase follows.
constexpr std::array<std::string_view, 14> kBilateralCues = {
    "affirmed that they will", "committed to", "reaffirmed their commitment to",
    "intend to", "decided to", "agreed to", "confirmed their intention to",
    "will continue to", "pledged to", "resolved to", "shared the view that they should",
    "expressed their determination to", "undertook to", "concurred to"};
constexpr std::array<std::string_view, 10> kReportCues = {
    "should", "are encouraged to", "are called upon to", "concluded that States should",
    "recommended that States", "agreed to", "decided to", "reaffirmed the commitment to",
    "are invited to", "may wish to"};
constexpr std::array<std::string_view, 8> kRecognitions = {
    "recognized that", "noted that", "shared concerns that", "acknowledged that",
    "stressed that", "underlined that", "recalled that", "observed that"};
constexpr std::array<std::string_view, 18> kActions = {
    "enhance information sharing on cyber threats and incidents",
    "strengthen cooperation between their computer emergency response teams",
    "promote the application of international law in cyberspace",
    "support capacity-building for developing countries in the Indo-Pacific region",
    "protect critical infrastructure against malicious cyber activities",
    "deepen public-private partnerships on cybersecurity",
    "develop confidence-building measures to reduce the risk of conflict",
    "combat cybercrime through the Budapest Convention",
    "implement the voluntary, non-binding norms of responsible State behaviour",
    "exchange views on national cyber strategies and organizational structures",
    "improve the security and integrity of the ICT supply chain",
    "encourage responsible reporting of ICT vulnerabilities",
    "hold regular consultations at the working level",
    "cooperate on workforce development and cybersecurity education",
    "respond to requests for assistance from States whose critical infrastructure is attacked",
    "not conduct or knowingly support ICT activity that damages critical infrastructure",
    "share best practices on incident response and recovery",
    "coordinate their positions in multilateral fora"};
constexpr std::array<std::string_view, 12> kTails = {
    "consistent with relevant international and domestic law",
    "in line with norm 13 (j) of the 2015 report of the Group of Governmental Experts",
    "building on the outcomes of the previous round",
    "with various actors including the private sector, academia, and civil society",
    "through existing bilateral and regional mechanisms",
    "taking into account the work of the Open-ended Working Group",
    "as reflected in the norms set out in paragraph 13 (f) of A/70/174",
    "at the earliest possible opportunity",
    "in order to ensure an open, secure, stable, accessible and peaceful ICT environment",
    "while respecting human rights and fundamental freedoms",
    "within their respective national capacities",
    "in close coordination with the relevant ministries and agencies"};
constexpr std::array<std::string_view, 8> kFindings = {
    "the security and resilience of cyberspace can only be achieved through close cooperation",
    "malicious cyber activities have the potential to undermine international peace and security",
    "a number of States are developing ICT capabilities for military purposes",
    "the use of ICTs in future conflicts between States is becoming more likely",
    "existing international law is applicable to the use of ICTs by States",
    "capacity-building is essential for cooperation of States and confidence-building",
    "the private sector plays an important role in the security of ICT products",
    "threats to critical infrastructure continue to grow in scale and sophistication"};
constexpr std::array<std::string_view, 6> kSubHeadings = {
    "Information Sharing", "International Security in Cyberspace", "Critical Infrastructure",
    "Capacity Building", "Cybercrime", "Norms, Rules and Principles"};
constexpr std::array<std::string_view, 5> kReportSections = {
    "Introduction", "Existing and potential threats", "Rules, norms and principles",
    "Confidence-building measures", "Conclusions and recommendations"};

struct Pair {
  std::string first;
  std::string second;
};

std::string Date(Random& random) {
  return std::string(random.Pick(kMonths)) + " " + std::to_string(random.Between(1, 28)) + ", " +
         std::to_string(random.Between(2013, 2024));
}

// One sentence of 20 to 45 words: a subject, a cue and an action with one or two tails.
std::string CommitmentSentence(Random& random, const std::string& subject, bool report) {
  std::string sentence = subject + " " +
                         std::string(report ? random.Pick(kReportCues) : random.Pick(kBilateralCues)) +
                         " " + std::string(random.Pick(kActions));
  sentence += ", " + std::string(random.Pick(kTails));
  if (random.Chance(50)) sentence += ", and " + std::string(random.Pick(kActions));
  if (random.Chance(40)) sentence += " " + std::string(random.Pick(kTails));
  return sentence + ".";
}

std::string FindingSentence(Random& random, const std::string& subject) {
  std::string sentence = subject + " " + std::string(random.Pick(kRecognitions)) + " " +
                         std::string(random.Pick(kFindings));
  if (random.Chance(50)) sentence += ", " + std::string(random.Pick(kTails));
  return sentence + ".";
}

std::string Paragraph(Random& random, const SyntheticCorpusOptions& options, const Pair& pair,
                      bool report) {
  std::string text;
  int sentences = random.Between(2, 5);
  for (int i = 0; i < sentences; ++i) {
    std::string subject;
    if (report) {
      subject = random.Chance(70) ? "States" : "The Group";
    } else {
      switch (random.Between(0, 4)) {
        case 0: subject = pair.first + " and " + pair.second; break;
        case 1: subject = "Both countries"; break;
        case 2: subject = "The two sides"; break;
        case 3: subject = "The " + pair.first + " and the " + pair.second + " delegations"; break;
        default: subject = "The participants"; break;
      }
    }
    if (!text.empty()) text += ' ';
    text += random.Chance(65) ? CommitmentSentence(random, subject, report)
                              : FindingSentence(random, subject);
    if (random.Chance(20) && !options.organisations.empty()) {
      text += " They welcomed the contribution of the " + random.Pick(options.organisations) +
              " to this work.";
    }
  }
  return text;
}

std::string JointStatement(const SyntheticCorpusOptions& options, Random& random) {
  Pair pair{random.Pick(options.states), random.Pick(options.states)};
  while (pair.second == pair.first) pair.second = random.Pick(options.states);
  const std::string dialogue = pair.first + "-" + pair.second + " " +
                               std::string(random.Pick(kDialogues));
  const std::string ordinal(random.Pick(kOrdinals));
  const std::string city(random.Pick(kCities));
  std::string out = "Joint Statement of the " + ordinal + " " + dialogue + "\n\n";
  out += city + ", " + Date(random) + "\n\n";
  out += "1. The Governments of " + pair.first + " and " + pair.second + " held the " + ordinal +
         " " + dialogue + " in " + city + " on " + Date(random) + ". " +
         Paragraph(random, options, pair, false) + "\n\n";
  int paragraphs = random.Between(8, 24);
  for (int number = 2; number <= paragraphs; ++number) {
    if (random.Chance(12)) {
      out += "(" + std::to_string(random.Between(1, 6)) + ") " +
             std::string(random.Pick(kSubHeadings)) + "\n\n";
    }
    out += std::to_string(number) + ". " + Paragraph(random, options, pair, false) + "\n\n";
  }
  out += std::to_string(paragraphs + 1) + ". " + pair.first + " and " + pair.second +
         " decided to hold the next round of the " + dialogue + " in " + std::string(random.Pick(kCities)) +
         " at a mutually convenient time.\n";
  return out;
}

std::string Report(const SyntheticCorpusOptions& options, Random& random) {
  Pair pair{random.Pick(options.states), random.Pick(options.states)};
  const std::string symbol = "A/" + std::to_string(random.Between(68, 79)) + "/" +
                             std::to_string(random.Between(100, 999));
  std::string out = "# Report of the Group of Governmental Experts on Advancing Responsible "
                    "State Behaviour in Cyberspace (" + symbol + ")\n\n";
  out += "New York, " + Date(random) + "\n\n";
  int number = 1;
  const int sections = random.Between(3, 5);
  for (int section = 0; section < sections; ++section) {
    out += "## " + std::string(1, static_cast<char>('A' + section)) + ". " +
           std::string(kReportSections[static_cast<std::size_t>(section)]) + "\n\n";
    const int paragraphs = random.Between(3, 7);
    for (int i = 0; i < paragraphs; ++i, ++number) {
      out += std::to_string(number) + ". " + Paragraph(random, options, pair, true) + "\n";
      if (random.Chance(25)) {
        out += "\n";
        const int items = random.Between(2, 4);
        for (int item = 0; item < items; ++item) {
          out += "    (" + std::string(1, static_cast<char>('a' + item)) + ") " +
                 CommitmentSentence(random, "States", true) + "\n";
        }
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace

std::string SyntheticDocument(const SyntheticCorpusOptions& options, int index, bool markdown) {
  // Each document has its own stream, so document i is the same whatever N is.
  Random random(options.seed * 1000003ULL + static_cast<std::uint64_t>(index));
  return markdown ? Report(options, random) : JointStatement(options, random);
}

Result<SyntheticCorpus> WriteSyntheticCorpus(const std::filesystem::path& folder,
                                             const SyntheticCorpusOptions& options) {
  if (options.states.size() < 2) {
    return Fail(ErrorCode::kUsage, "The synthetic corpus needs at least two states.");
  }
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return Fail(ErrorCode::kIo, "Cannot create " + folder.string() + ": " + ec.message());
  SyntheticCorpus corpus;
  for (int i = 0; i < options.documents; ++i) {
    const bool markdown = i % 5 >= 3;  // 2 in 5: reports
    std::string text = SyntheticDocument(options, i, markdown);
    char name[32];
    std::snprintf(name, sizeof name, "doc-%06d.%s", i, markdown ? "md" : "txt");
    std::filesystem::path path = folder / name;
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) return Fail(ErrorCode::kIo, "Cannot write " + path.string() + ".");
    corpus.files.push_back(std::move(path));
    corpus.bytes += text.size();
  }
  return corpus;
}

}  // namespace nt::bench
