#include "app/internal/graph_service.h"

#include <algorithm>
#include <map>

#include "app/internal/dialogue_reference.h"
#include "app/internal/entity_reference.h"
#include "core/clock.h"
#include "store/actor_repository.h"
#include "store/dialogue_repository.h"
#include "store/graph_snapshot.h"

namespace nt::app {

GraphService::GraphService(Library& library) : library_(library) {}
GraphService::~GraphService() = default;

Result<std::shared_ptr<const graph::CommitmentGraph>> GraphService::Graph() {
  auto stamp = store::ReadChangeStamp(library_.database());
  if (!stamp) return Fail(stamp.error());
  if (graph_ && *stamp == stamp_) return graph_;
  auto snapshot = store::ReadGraphSnapshot(library_.database());
  if (!snapshot) return Fail(snapshot.error());
  graph_ = std::make_shared<const graph::CommitmentGraph>(graph::CommitmentGraph::Build(*snapshot));
  // Read after the snapshot: its read transaction does not change the stamp.
  auto after = store::ReadChangeStamp(library_.database());
  if (!after) return Fail(after.error());
  stamp_ = *after;
  return graph_;
}

Result<graph::NodeIndex> GraphService::NodeOf(std::string_view reference) {
  auto ref = ResolveEntity(library_.database(), reference);
  if (!ref) return Fail(ref.error());
  auto g = Graph();
  if (!g) return Fail(g.error());
  auto node = (*g)->Find(*ref);
  if (!node) {
    return Fail(ErrorCode::kNotFound, Quoted(reference) +
                                          " is not a node of the graph "
                                          "(paragraphs are not; name their document).");
  }
  return *node;
}

Result<std::vector<graph::OpenCommitment>> GraphService::OpenCommitments(std::string_view dialogue,
                                                                         int round) {
  store::DialogueRepository dialogues(library_.database());
  auto found = ResolveDialogue(library_.database(), dialogue);
  if (!found) return Fail(found.error());
  auto r = dialogues.FindRound(found->id, round);
  if (!r) return Fail(r.error());
  if (!*r) {
    return Fail(ErrorCode::kNotFound, "The " + found->name + " has no round " +
                                          std::to_string(round) + " in this library.");
  }
  auto g = Graph();
  if (!g) return Fail(g.error());
  return (*g)->OpenCommitments((*r)->id);
}

Result<std::vector<graph::OverdueFollowUp>> GraphService::Overdue(std::string today) {
  if (today.empty()) today = UtcDateToday();
  if (today.size() != 10 || !IsIsoDate(today)) {
    return Fail(ErrorCode::kUsage, "The day to compare with (--today) " + Quoted(today) +
                                       " is not a date: write a real day as YYYY-MM-DD.");
  }
  auto g = Graph();
  if (!g) return Fail(g.error());
  return (*g)->Overdue(today);
}

Result<std::vector<graph::ActorCommitment>> GraphService::ActorCommitments(std::string_view actor) {
  auto found = store::ActorRepository(library_.database()).FindByName(actor);
  if (!found) return Fail(found.error());
  if (!*found) {
    return Fail(ErrorCode::kNotFound, "No actor is called " + Quoted(actor) + " in this library.");
  }
  auto g = Graph();
  if (!g) return Fail(g.error());
  return (*g)->ActorCommitments((*found)->id);
}

Result<std::vector<graph::LineageStep>> GraphService::Lineage(std::int64_t commitment) {
  auto g = Graph();
  if (!g) return Fail(g.error());
  if (!(*g)->Find({EntityKind::kCommitment, commitment})) {
    return Fail(ErrorCode::kNotFound,
                "There is no commitment #" + std::to_string(commitment) + ".");
  }
  return (*g)->Lineage(CommitmentId(commitment));
}

Result<graph::NormsMatrix> GraphService::NormsCoverage() {
  auto g = Graph();
  if (!g) return Fail(g.error());
  return (*g)->NormsCoverage();
}

Result<std::vector<PathStep>> GraphService::Path(std::string_view from, std::string_view to) {
  auto a = NodeOf("actor:" + std::string(from));
  if (!a) return Fail(a.error());
  auto b = NodeOf("actor:" + std::string(to));
  if (!b) return Fail(b.error());
  auto g = Graph();
  if (!g) return Fail(g.error());
  std::vector<graph::NodeIndex> nodes = graph::ShortestPath(**g, *a, *b);
  std::vector<PathStep> steps;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    PathStep step{(*g)->node(nodes[i]), "", true};
    if (i > 0) {
      for (const auto& e : (*g)->OutEdges(nodes[i - 1])) {
        if (e.target == nodes[i]) step.edge_type = e.type;
      }
      if (step.edge_type.empty()) {
        step.edge_forward = false;
        for (const auto& e : (*g)->OutEdges(nodes[i])) {
          if (e.target == nodes[i - 1]) step.edge_type = e.type;
        }
      }
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

Result<CentralityView> GraphService::Central(std::size_t limit,
                                             const graph::CentralityOptions& options) {
  auto g = Graph();
  if (!g) return Fail(g.error());
  auto result = graph::Betweenness(**g, EntityKind::kActor, options);
  if (!result) return Fail(result.error());
  CentralityView view{{}, result->sampled, result->sources};
  for (const auto& score : result->scores) {
    if (view.ranked.size() >= limit) break;
    view.ranked.push_back({(*g)->node(score.node), score.score});
  }
  return view;
}

Result<std::vector<ComponentView>> GraphService::Components() {
  auto g = Graph();
  if (!g) return Fail(g.error());
  std::vector<ComponentView> views;
  for (const auto& component : graph::Components(**g)) {
    ComponentView view{component.nodes.size(), {}};
    for (graph::NodeIndex n : component.nodes) {
      if ((*g)->node(n).ref.kind == EntityKind::kActor && view.sample.size() < 5) {
        view.sample.push_back((*g)->node(n));
      }
    }
    for (std::size_t i = 0; view.sample.empty() && i < component.nodes.size() && i < 5; ++i) {
      view.sample.push_back((*g)->node(component.nodes[i]));
    }
    views.push_back(std::move(view));
  }
  return views;
}

Result<graph::Subgraph> GraphService::Subgraph(const SubgraphRequest& request) {
  if (request.depth < 0) return Fail(ErrorCode::kUsage, "A depth is 0 or more.");
  auto g = Graph();
  if (!g) return Fail(g.error());
  if (request.ego.empty()) return (*g)->OfKinds(request.kinds);
  auto center = NodeOf(request.ego);
  if (!center) return Fail(center.error());
  return graph::Ego(**g, *center, request.depth, request.kinds);
}

Result<std::string> GraphService::Export(graph::ExportFormat format,
                                         const SubgraphRequest& request) {
  auto sub = Subgraph(request);
  if (!sub) return Fail(sub.error());
  auto g = Graph();
  if (!g) return Fail(g.error());
  return format == graph::ExportFormat::kDot ? graph::ToDot(**g, *sub)
                                             : graph::ToGraphMl(**g, *sub);
}

Result<GraphView> GraphService::View(const SubgraphRequest& request) {
  auto sub = Subgraph(request);
  if (!sub) return Fail(sub.error());
  auto g = Graph();
  if (!g) return Fail(g.error());
  GraphView view;
  std::map<graph::NodeIndex, std::size_t> position;
  for (graph::NodeIndex node : sub->nodes) {
    position.emplace(node, view.nodes.size());
    view.nodes.push_back((*g)->node(node));
  }
  for (graph::EdgeInfo edge : (*g)->EdgesWithin(*sub)) {
    edge.source = position.at(edge.source);
    edge.target = position.at(edge.target);
    view.edges.push_back(std::move(edge));
  }
  return view;
}

Result<std::vector<PositionedNode>> GraphService::Layout(const SubgraphRequest& request,
                                                         const graph::LayoutOptions& options) {
  auto sub = Subgraph(request);
  if (!sub) return Fail(sub.error());
  auto g = Graph();
  if (!g) return Fail(g.error());
  std::vector<PositionedNode> out;
  for (const graph::NodePosition& p : graph::Layout(**g, *sub, options)) {
    out.push_back({(*g)->node(p.node), p.x, p.y});
  }
  return out;
}

}  // namespace nt::app
