#include "graph/commitment_graph.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/printable.h"
#include "graph/graph_internals.h"

namespace nt::graph {
namespace {

bool IsDone(FollowUpStatus status) { return status == FollowUpStatus::kDone; }

// The start of a text, cut at a character boundary (never inside a UTF-8 sequence).
std::string Excerpt(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

// Where a document was said: its dialogue and round, found by walking its edges.
struct Place {
  std::string dialogue;
  int round = 0;
};

}  // namespace

CommitmentGraph::CommitmentGraph() : impl_(std::make_unique<Impl>()) {}
CommitmentGraph::~CommitmentGraph() = default;
CommitmentGraph::CommitmentGraph(CommitmentGraph&&) noexcept = default;
CommitmentGraph& CommitmentGraph::operator=(CommitmentGraph&&) noexcept = default;

CommitmentGraph CommitmentGraph::Build(const store::GraphSnapshot& s) {
  CommitmentGraph graph;
  Impl& g = *graph.impl_;
  const std::size_t node_count = s.documents.size() + s.commitments.size() + s.actors.size() +
                                 s.dialogues.size() + s.rounds.size() + s.norms.size() +
                                 s.follow_ups.size();
  g.index.reserve(node_count);
  auto add_node = [&](NodeInfo info) {
    const std::uint64_t key = EntityKey(info.ref);
    NodeIndex index = boost::add_vertex(std::move(info), g.model);
    g.index.emplace(key, index);
    return index;
  };
  auto find = [&](EntityKind kind, std::int64_t id) -> std::optional<NodeIndex> {
    auto it = g.index.find(EntityKey({kind, id}));
    if (it == g.index.end()) return std::nullopt;
    return it->second;
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> undirected;
  undirected.reserve(2 * (s.commitments.size() + s.commitment_actors.size() + s.links.size() +
                          s.documents.size() + s.follow_up_commitments.size()));
  auto add_edge = [&](std::optional<NodeIndex> from, std::optional<NodeIndex> to,
                      std::string_view type, Origin origin = Origin::kExtracted,
                      double confidence = 1.0) {
    if (!from || !to) return false;
    boost::add_edge(*from, *to, EdgeProps{std::string(type), origin, confidence}, g.model);
    undirected.emplace_back(static_cast<std::uint32_t>(*from), static_cast<std::uint32_t>(*to));
    undirected.emplace_back(static_cast<std::uint32_t>(*to), static_cast<std::uint32_t>(*from));
    return true;
  };

  // Invariant 1: nodes in kind order, each kind by id (the snapshot is ordered by id).
  // A document without a date of its own is dated by the meeting it reports on.
  std::map<std::int64_t, std::string> round_dates;
  for (const auto& r : s.rounds) round_dates.emplace(r.id.value, r.start_date);
  std::map<std::int64_t, std::string> document_dates;
  for (const auto& d : s.documents) {
    std::string date = d.date.empty() && d.round_id ? round_dates[d.round_id.value] : d.date;
    add_node({{EntityKind::kDocument, d.id.value}, d.title, date, d.symbol});
    document_dates.emplace(d.id.value, date);
  }
  for (const auto& c : s.commitments) {
    // Named by its paragraph's label as every command shows it ("-" without one), not by an id
    // that would read as a label ("commitment 12").
    add_node({{EntityKind::kCommitment, c.id.value},
              ShownParagraphLabel(c.paragraph_label) + ": " + Excerpt(c.text, 60),
              document_dates[c.document_id.value],
              std::string(ToString(c.type)),
              0,
              c.text});
  }
  for (const auto& a : s.actors) {
    add_node({{EntityKind::kActor, a.id.value}, a.name, "", std::string(ToString(a.kind))});
  }
  for (const auto& d : s.dialogues) add_node({{EntityKind::kDialogue, d.id.value}, d.name, "", ""});
  std::map<std::int64_t, std::string> dialogue_names;
  for (const auto& d : s.dialogues) dialogue_names.emplace(d.id.value, d.name);
  for (const auto& r : s.rounds) {
    std::string label = dialogue_names[r.dialogue_id.value] +
                        (r.number > 0 ? ", round " + std::to_string(r.number) : ", meeting");
    add_node({{EntityKind::kRound, r.id.value}, label, r.start_date, r.place, r.number});
  }
  for (const auto& n : s.norms) {
    add_node({{EntityKind::kNorm, n.id.value}, n.code, "", n.short_title});
  }
  for (const auto& f : s.follow_ups) {
    add_node({{EntityKind::kFollowUp, f.id.value},
              f.title,
              f.due_date,
              std::string(ToString(f.status))});
  }

  for (const auto& d : s.documents) {
    auto node = find(EntityKind::kDocument, d.id.value);
    if (d.round_id) {
      add_edge(node, find(EntityKind::kRound, d.round_id.value), kReportsOn);
    } else if (d.dialogue_id) {
      add_edge(node, find(EntityKind::kDialogue, d.dialogue_id.value), kInDialogue);
    }
  }
  for (const auto& r : s.rounds) {
    add_edge(find(EntityKind::kRound, r.id.value), find(EntityKind::kDialogue, r.dialogue_id.value),
             kRoundOf);
  }
  for (const auto& a : s.actors) {
    if (a.parent_id) {
      add_edge(find(EntityKind::kActor, a.id.value), find(EntityKind::kActor, a.parent_id.value),
               kPartOf);
    }
  }
  for (const auto& c : s.commitments) {
    add_edge(find(EntityKind::kCommitment, c.id.value),
             find(EntityKind::kDocument, c.document_id.value), kMadeIn);
  }
  for (const auto& ca : s.commitment_actors) {
    add_edge(find(EntityKind::kCommitment, ca.commitment_id.value),
             find(EntityKind::kActor, ca.actor_id.value), ToString(ca.role));
  }
  for (const auto& f : s.follow_ups) {
    if (f.owner_actor_id) {
      add_edge(find(EntityKind::kFollowUp, f.id.value),
               find(EntityKind::kActor, f.owner_actor_id.value), kOwnedBy);
    }
  }
  for (const auto& fc : s.follow_up_commitments) {
    add_edge(find(EntityKind::kFollowUp, fc.follow_up_id.value),
             find(EntityKind::kCommitment, fc.commitment_id.value), kFollowsUp);
  }
  for (const auto& link : s.links) {
    // Invariant 2.
    if (!add_edge(find(link.source.kind, link.source.id), find(link.target.kind, link.target.id),
                  link.type, link.origin, link.confidence)) {
      ++g.skipped_links;
    }
  }
  g.csr = Csr(boost::edges_are_unsorted_multi_pass, undirected.begin(), undirected.end(),
              static_cast<std::uint32_t>(boost::num_vertices(g.model)));
  return graph;
}

std::size_t CommitmentGraph::NodeCount() const { return boost::num_vertices(impl_->model); }
std::size_t CommitmentGraph::EdgeCount() const { return boost::num_edges(impl_->model); }
int CommitmentGraph::skipped_links() const { return impl_->skipped_links; }

std::optional<NodeIndex> CommitmentGraph::Find(const EntityRef& ref) const {
  auto it = impl_->index.find(EntityKey(ref));
  if (it == impl_->index.end() || impl_->model[it->second].ref != ref) return std::nullopt;
  return it->second;
}

const NodeInfo& CommitmentGraph::node(NodeIndex index) const { return impl_->model[index]; }

std::vector<EdgeInfo> CommitmentGraph::OutEdges(NodeIndex index) const {
  std::vector<EdgeInfo> edges;
  for (auto [it, end] = boost::out_edges(index, impl_->model); it != end; ++it) {
    const EdgeProps& p = impl_->model[*it];
    edges.push_back({index, boost::target(*it, impl_->model), p.type, p.origin, p.confidence});
  }
  return edges;
}

std::vector<EdgeInfo> CommitmentGraph::InEdges(NodeIndex index) const {
  std::vector<EdgeInfo> edges;
  for (auto [it, end] = boost::in_edges(index, impl_->model); it != end; ++it) {
    const EdgeProps& p = impl_->model[*it];
    edges.push_back({boost::source(*it, impl_->model), index, p.type, p.origin, p.confidence});
  }
  return edges;
}

std::vector<EdgeInfo> CommitmentGraph::EdgesWithin(const Subgraph& subgraph) const {
  std::vector<char> inside(NodeCount(), 0);
  for (NodeIndex n : subgraph.nodes) inside[n] = 1;
  std::vector<EdgeInfo> edges;
  for (NodeIndex n : subgraph.nodes) {
    for (auto [it, end] = boost::out_edges(n, impl_->model); it != end; ++it) {
      NodeIndex t = boost::target(*it, impl_->model);
      if (!inside[t]) continue;
      const EdgeProps& p = impl_->model[*it];
      edges.push_back({n, t, p.type, p.origin, p.confidence});
    }
  }
  return edges;
}

Subgraph CommitmentGraph::All() const {
  Subgraph all;
  all.nodes.resize(NodeCount());
  for (NodeIndex i = 0; i < all.nodes.size(); ++i) all.nodes[i] = i;
  return all;
}

Subgraph CommitmentGraph::OfKinds(const std::vector<EntityKind>& kinds) const {
  if (kinds.empty()) return All();
  Subgraph sub;
  for (NodeIndex i = 0; i < NodeCount(); ++i) {
    if (std::find(kinds.begin(), kinds.end(), node(i).ref.kind) != kinds.end()) {
      sub.nodes.push_back(i);
    }
  }
  return sub;
}

namespace {

// Helpers walking the model by edge type.
template <typename F>
void ForOut(const Model& m, NodeIndex n, std::string_view type, F f) {
  for (auto [it, end] = boost::out_edges(n, m); it != end; ++it) {
    if (m[*it].type == type) f(boost::target(*it, m));
  }
}
template <typename F>
void ForIn(const Model& m, NodeIndex n, std::string_view type, F f) {
  for (auto [it, end] = boost::in_edges(n, m); it != end; ++it) {
    if (m[*it].type == type) f(boost::source(*it, m));
  }
}

std::optional<NodeIndex> DocumentOf(const Model& m, NodeIndex commitment) {
  std::optional<NodeIndex> document;
  ForOut(m, commitment, kMadeIn, [&](NodeIndex d) { document = d; });
  return document;
}

Place PlaceOf(const Model& m, NodeIndex document) {
  Place place;
  ForOut(m, document, kReportsOn, [&](NodeIndex round) {
    ForOut(m, round, kRoundOf, [&](NodeIndex dialogue) { place.dialogue = m[dialogue].label; });
    place.round = m[round].round_number;
  });
  ForOut(m, document, kInDialogue, [&](NodeIndex dialogue) { place.dialogue = m[dialogue].label; });
  return place;
}

std::string CommitmentText(const NodeInfo& info) { return info.text; }

std::string ParagraphLabel(const NodeInfo& info) {
  auto colon = info.label.find(": ");
  return colon == std::string::npos ? "" : info.label.substr(0, colon);
}

}  // namespace

std::vector<OpenCommitment> CommitmentGraph::OpenCommitments(RoundId round) const {
  const Model& m = impl_->model;
  std::vector<OpenCommitment> open;
  auto round_node = Find({EntityKind::kRound, round.value});
  if (!round_node) return open;
  std::vector<NodeIndex> documents;
  ForIn(m, *round_node, kReportsOn, [&](NodeIndex d) { documents.push_back(d); });
  std::sort(documents.begin(), documents.end());
  for (NodeIndex d : documents) {
    std::vector<NodeIndex> commitments;
    ForIn(m, d, kMadeIn, [&](NodeIndex c) { commitments.push_back(c); });
    std::sort(commitments.begin(), commitments.end());
    for (NodeIndex c : commitments) {
      auto type = ParseCommitmentType(m[c].detail);
      if (type && !CallsForAction(*type)) continue;  // nothing to follow up
      OpenCommitment item;
      bool done = false;
      ForIn(m, c, kFollowsUp, [&](NodeIndex f) {
        item.follow_ups.push_back(FollowUpId(m[f].ref.id));
        done = done || IsDone(ParseFollowUpStatus(m[f].detail).value_or(FollowUpStatus::kPlanned));
      });
      if (done) continue;
      std::sort(item.follow_ups.begin(), item.follow_ups.end());
      item.id = CommitmentId(m[c].ref.id);
      item.document_id = DocumentId(m[d].ref.id);
      item.document_title = m[d].label;
      item.paragraph_label = ParagraphLabel(m[c]);
      item.type = m[c].detail;
      item.text = CommitmentText(m[c]);
      ForOut(m, c, "subject", [&](NodeIndex a) { item.actors.push_back(m[a].label); });
      open.push_back(std::move(item));
    }
  }
  return open;
}

std::vector<OverdueFollowUp> CommitmentGraph::Overdue(std::string_view today) const {
  const Model& m = impl_->model;
  std::vector<OverdueFollowUp> overdue;
  for (NodeIndex n = 0; n < NodeCount(); ++n) {
    const NodeInfo& info = m[n];
    if (info.ref.kind != EntityKind::kFollowUp || info.date.empty()) continue;
    auto status = ParseFollowUpStatus(info.detail).value_or(FollowUpStatus::kPlanned);
    if (status == FollowUpStatus::kDone || status == FollowUpStatus::kDropped) continue;
    if (!(std::string_view(info.date) < today)) continue;
    OverdueFollowUp item{FollowUpId(info.ref.id), info.label, info.date, status, "", {}};
    ForOut(m, n, kOwnedBy, [&](NodeIndex a) { item.owner = m[a].label; });
    ForOut(m, n, kFollowsUp,
           [&](NodeIndex c) { item.commitments.push_back(CommitmentId(m[c].ref.id)); });
    std::sort(item.commitments.begin(), item.commitments.end());
    overdue.push_back(std::move(item));
  }
  std::stable_sort(overdue.begin(), overdue.end(),
                   [](const auto& a, const auto& b) { return a.due_date < b.due_date; });
  return overdue;
}

std::vector<ActorCommitment> CommitmentGraph::ActorCommitments(ActorId actor) const {
  const Model& m = impl_->model;
  std::vector<ActorCommitment> list;
  auto actor_node = Find({EntityKind::kActor, actor.value});
  if (!actor_node) return list;
  for (auto [it, end] = boost::in_edges(*actor_node, m); it != end; ++it) {
    NodeIndex c = boost::source(*it, m);
    if (m[c].ref.kind != EntityKind::kCommitment) continue;
    auto role = ParseActorRole(m[*it].type);
    if (!role) continue;
    ActorCommitment item;
    item.id = CommitmentId(m[c].ref.id);
    item.role = *role;
    if (auto d = DocumentOf(m, c)) {
      Place place = PlaceOf(m, *d);
      item.dialogue = place.dialogue;
      item.round = place.round;
      item.document_id = DocumentId(m[*d].ref.id);
      item.document_title = m[*d].label;
    }
    item.date = m[c].date;
    item.paragraph_label = ParagraphLabel(m[c]);
    item.type = m[c].detail;
    item.text = CommitmentText(m[c]);
    list.push_back(std::move(item));
  }
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return std::tie(a.date, a.id, a.role) < std::tie(b.date, b.id, b.role);
  });
  return list;
}

std::vector<LineageStep> CommitmentGraph::Lineage(CommitmentId commitment) const {
  const Model& m = impl_->model;
  std::vector<LineageStep> steps;
  auto start = Find({EntityKind::kCommitment, commitment.value});
  if (!start) return steps;
  std::set<NodeIndex> seen{*start};
  std::vector<NodeIndex> stack{*start};
  while (!stack.empty()) {
    NodeIndex c = stack.back();
    stack.pop_back();
    auto visit = [&](NodeIndex other) {
      if (m[other].ref.kind == EntityKind::kCommitment && seen.insert(other).second) {
        stack.push_back(other);
      }
    };
    ForOut(m, c, "continues", visit);
    ForIn(m, c, "continues", visit);
  }
  for (NodeIndex c : seen) {
    LineageStep step;
    step.id = CommitmentId(m[c].ref.id);
    if (auto d = DocumentOf(m, c)) {
      Place place = PlaceOf(m, *d);
      step.dialogue = place.dialogue;
      step.round = place.round;
      step.document_title = m[*d].label;
    }
    step.date = m[c].date;
    step.paragraph_label = ParagraphLabel(m[c]);
    step.text = CommitmentText(m[c]);
    ForIn(m, c, kFollowsUp, [&](NodeIndex f) {
      step.follow_ups.emplace_back(
          FollowUpId(m[f].ref.id),
          ParseFollowUpStatus(m[f].detail).value_or(FollowUpStatus::kPlanned));
    });
    std::sort(step.follow_ups.begin(), step.follow_ups.end());
    steps.push_back(std::move(step));
  }
  std::sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) {
    return std::tie(a.date, a.round, a.id) < std::tie(b.date, b.round, b.id);
  });
  return steps;
}

NormsMatrix CommitmentGraph::NormsCoverage() const {
  const Model& m = impl_->model;
  NormsMatrix matrix;
  std::vector<NodeIndex> norms;
  for (NodeIndex n = 0; n < NodeCount(); ++n) {
    if (m[n].ref.kind == EntityKind::kNorm) norms.push_back(n);
  }
  std::sort(norms.begin(), norms.end(),
            [&](NodeIndex a, NodeIndex b) { return m[a].label < m[b].label; });
  std::map<NodeIndex, std::size_t> column;
  for (NodeIndex n : norms) {
    column.emplace(n, matrix.norm_codes.size());
    matrix.norm_codes.push_back(m[n].label);
  }
  std::map<std::string, std::vector<int>> rows;
  for (NodeIndex c = 0; c < NodeCount(); ++c) {
    if (m[c].ref.kind != EntityKind::kCommitment) continue;
    std::set<std::size_t> columns;
    ForOut(m, c, "relates_to_norm", [&](NodeIndex n) {
      if (auto it = column.find(n); it != column.end()) columns.insert(it->second);
    });
    if (columns.empty()) continue;
    std::set<NodeIndex> actors;
    for (auto [it, end] = boost::out_edges(c, m); it != end; ++it) {
      NodeIndex a = boost::target(*it, m);
      if (m[a].ref.kind == EntityKind::kActor && ParseActorRole(m[*it].type)) actors.insert(a);
    }
    for (NodeIndex a : actors) {
      auto& row = rows[m[a].label];
      row.resize(norms.size(), 0);
      for (std::size_t col : columns) ++row[col];
    }
  }
  for (auto& [name, counts] : rows) {
    matrix.actors.push_back(name);
    matrix.counts.push_back(std::move(counts));
  }
  return matrix;
}

}  // namespace nt::graph
