#pragma once
// Printing the answers of the graph command's queries: terminal text (long commitment texts
// wrapped to the terminal) and the stable JSON documented in docs/cli.md. No query runs here:
// each function takes what GraphService returned.

#include <string>
#include <string_view>
#include <vector>

#include "app/graph_queries.h"
#include "core/graph_views.h"
#include "cli/json_output.h"

namespace nt::cli {

void PrintOpenCommitments(const std::vector<OpenCommitment>& open);
void PrintOverdue(const std::vector<OverdueFollowUp>& overdue);
void PrintActorCommitments(const std::vector<ActorCommitment>& commitments);
void PrintLineage(const std::vector<LineageStep>& steps);
// Actors as rows, norms as columns; "." where an actor has no commitment on a norm.
void PrintNormsTable(const NormsMatrix& matrix);
void PrintNormsCsv(const NormsMatrix& matrix);
// `from` and `to` as the user typed them: they name the actors when no path joins them.
void PrintPath(const std::vector<app::PathStep>& steps, const std::string& from,
               const std::string& to);
void PrintCentral(const app::CentralityView& view);
void PrintComponents(const std::vector<app::ComponentView>& components);
void PrintSubgraph(const app::GraphView& view);
void PrintLayout(const std::vector<app::PositionedNode>& positions);
// An exported graph (DOT or GraphML) to stdout as it is: the format ends its own last line.
void PrintExport(std::string_view text);

Json ToJson(const GraphNode& node);
Json ToJson(const OpenCommitment& commitment);
Json ToJson(const OverdueFollowUp& follow_up);
Json ToJson(const ActorCommitment& commitment);
Json ToJson(const LineageStep& step);
Json ToJson(const NormsMatrix& matrix);
Json ToJson(const app::PathStep& step);
Json ToJson(const app::CentralityView& view);
Json ToJson(const app::ComponentView& component);
// {"connected", "hops", "path"}: an empty path is two actors with no connection.
Json PathToJson(const std::vector<app::PathStep>& steps);
// {"nodes", "edges"}: edges name their ends by kind and id, as links do.
Json SubgraphToJson(const app::GraphView& view);
// Each node with its "x" and "y".
Json LayoutToJson(const std::vector<app::PositionedNode>& positions);

// A list prints as an array of its items, in their order (an empty list as []).
template <typename Item>
Json ToJsonArray(const std::vector<Item>& items) {
  Json out = Json::array();
  for (const Item& item : items) out.push_back(ToJson(item));
  return out;
}

}  // namespace nt::cli
