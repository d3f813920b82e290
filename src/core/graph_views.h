#pragma once
// The vocabulary of the commitment graph, as plain values: the nodes and edges a front end draws
// and the answers of the graph queries (what is open, overdue, who committed to what, lineage,
// the norms matrix). Produced by src/graph, shown by the application layer and front ends.
// No Boost type here.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/commitment.h"
#include "core/follow_up.h"
#include "core/ids.h"
#include "core/link.h"

namespace nt {

// A node's position in its graph: dense, 0..nodes-1, stable for the same data.
using GraphNodeIndex = std::size_t;

struct GraphNode {
  EntityRef ref;
  std::string label;     // display name: actor name, document title, "7(1) will", "13(f)"
  std::string date;      // document date, round start, commitment's document date, follow-up due
  std::string detail;    // commitment type, follow-up status, actor kind, norm title, round place
  int round_number = 0;  // rounds: their number (0 = unnumbered)
  std::string text;      // commitments: the whole clause (the label holds its start)
};

struct GraphEdge {
  GraphNodeIndex source = 0;
  GraphNodeIndex target = 0;
  std::string type;
  Origin origin = Origin::kExtracted;  // derived edges are "extracted"
  double confidence = 1.0;
};

// Edge types the graph derives from the data model (stored links keep their own types).
inline constexpr std::string_view kMadeIn = "made_in";          // commitment -> document
inline constexpr std::string_view kReportsOn = "reports_on";    // document -> round
inline constexpr std::string_view kInDialogue = "in_dialogue";  // document -> dialogue (no round)
inline constexpr std::string_view kRoundOf = "round_of";        // round -> dialogue
inline constexpr std::string_view kPartOf = "part_of";          // actor -> parent actor
inline constexpr std::string_view kFollowsUp = "follows_up";    // follow-up -> commitment
inline constexpr std::string_view kOwnedBy = "owned_by";        // follow-up -> actor
// commitment -> actor edges are typed by the actor's role: "subject", "counterpart", "addressee".

struct OpenCommitment {
  CommitmentId id;
  DocumentId document_id;
  std::string document_title;
  std::string paragraph_label;
  std::string type;
  std::string text;
  std::vector<std::string> actors;     // subjects
  std::vector<FollowUpId> follow_ups;  // none, or none of them done
};

struct OverdueFollowUp {
  FollowUpId id;
  std::string title;
  std::string due_date;
  FollowUpStatus status = FollowUpStatus::kPlanned;
  std::string owner;  // "" when none
  std::vector<CommitmentId> commitments;
};

struct ActorCommitment {
  CommitmentId id;
  ActorRole role = ActorRole::kSubject;
  std::string dialogue;  // "" when the document belongs to none
  int round = 0;         // 0 = none or unnumbered
  DocumentId document_id;
  std::string document_title;
  std::string date;
  std::string paragraph_label;
  std::string type;
  std::string text;
};

struct LineageStep {
  CommitmentId id;
  std::string dialogue;
  int round = 0;
  std::string document_title;
  std::string date;
  std::string paragraph_label;
  std::string text;
  std::vector<std::pair<FollowUpId, FollowUpStatus>> follow_ups;
};

struct NormsMatrix {
  std::vector<std::string> actors;       // rows, by name
  std::vector<std::string> norm_codes;   // columns, catalogue order
  std::vector<std::vector<int>> counts;  // [actor][norm]: commitments naming the actor that
                                         // relate to the norm
};

enum class GraphExportFormat { kDot, kGraphMl };
enum class GraphLayoutAlgorithm { kFruchtermanReingold, kKamadaKawai };

struct GraphLayoutOptions {
  GraphLayoutAlgorithm algorithm = GraphLayoutAlgorithm::kFruchtermanReingold;
  double width = 1000;
  double height = 1000;
  unsigned seed = 42;
};

}  // namespace nt
