#include "cli/graph_output.h"

#include <algorithm>
#include <cstdio>

#include "core/platform.h"
#include "core/printable.h"
#include "core/text.h"

namespace nt::cli {
namespace {

Json OrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

std::string Wrapped(const std::string& text, std::size_t indent) {
  const int columns = std::max(40, platform::TerminalColumns(100));
  const std::string pad(indent, ' ');
  return pad + WrapText(text, static_cast<std::size_t>(columns) - indent - 1, pad);
}

std::string CsvField(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

void PrintOpenCommitments(const std::vector<OpenCommitment>& open) {
  for (const auto& c : open) {
    std::printf("#%-5lld %-7s %-14s %s%s\n", static_cast<long long>(c.id.value),
                ShownParagraphLabel(c.paragraph_label).c_str(), c.type.c_str(),
                c.actors.empty() ? "-" : Join(c.actors, ", ").c_str(),
                c.follow_ups.empty() ? "  (no follow-up)" : "  (follow-ups not done)");
    std::printf("%s\n", Wrapped(c.text, 7).c_str());
  }
  std::printf("%zu open commitment%s (recognitions and welcomes promise nothing, so they are "
              "never open).\n",
              open.size(), open.size() == 1 ? "" : "s");
}

void PrintOverdue(const std::vector<OverdueFollowUp>& overdue) {
  for (const auto& f : overdue) {
    std::printf("#%lld  due %s  %-11s %s%s\n", static_cast<long long>(f.id.value),
                f.due_date.c_str(), std::string(ToString(f.status)).c_str(), f.title.c_str(),
                f.owner.empty() ? "" : ("  owner " + f.owner).c_str());
  }
  std::printf("%zu overdue follow-up%s.\n", overdue.size(), overdue.size() == 1 ? "" : "s");
}

void PrintActorCommitments(const std::vector<ActorCommitment>& commitments) {
  for (const auto& c : commitments) {
    std::string where = c.dialogue.empty() ? c.document_title : c.dialogue;
    if (c.round) where += ", round " + std::to_string(c.round);
    std::printf("#%-5lld %-10s %-12s %-14s %s\n", static_cast<long long>(c.id.value),
                c.date.empty() ? "-" : c.date.c_str(), std::string(ToString(c.role)).c_str(),
                c.type.c_str(), where.c_str());
    std::printf("%s\n", Wrapped(c.text, 7).c_str());
  }
  std::printf("%zu commitment%s.\n", commitments.size(), commitments.size() == 1 ? "" : "s");
}

void PrintLineage(const std::vector<LineageStep>& steps) {
  for (const auto& s : steps) {
    std::printf("#%-5lld %-10s %s%s  %s\n", static_cast<long long>(s.id.value),
                s.date.empty() ? "-" : s.date.c_str(),
                s.dialogue.empty() ? s.document_title.c_str() : s.dialogue.c_str(),
                s.round ? (", round " + std::to_string(s.round)).c_str() : "",
                ShownParagraphLabel(s.paragraph_label).c_str());
    std::printf("%s\n", Wrapped(s.text, 7).c_str());
    for (const auto& [id, status] : s.follow_ups) {
      std::printf("       follow-up #%lld: %s\n", static_cast<long long>(id.value),
                  std::string(ToString(status)).c_str());
    }
  }
}

void PrintNormsTable(const NormsMatrix& matrix) {
  std::printf("%-40s", "");
  for (const auto& code : matrix.norm_codes) std::printf(" %6s", code.c_str());
  std::printf("\n");
  for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
    std::printf("%-40.40s", matrix.actors[i].c_str());
    for (int count : matrix.counts[i]) {
      count ? std::printf(" %6d", count) : std::printf(" %6s", ".");
    }
    std::printf("\n");
  }
  if (matrix.actors.empty()) std::printf("No commitment relates to a norm yet.\n");
}

void PrintNormsCsv(const NormsMatrix& matrix) {
  std::printf("actor");
  for (const auto& code : matrix.norm_codes) std::printf(",%s", CsvField(code).c_str());
  std::printf("\n");
  for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
    std::printf("%s", CsvField(matrix.actors[i]).c_str());
    for (int count : matrix.counts[i]) std::printf(",%d", count);
    std::printf("\n");
  }
}

void PrintPath(const std::vector<app::PathStep>& steps, const std::string& from,
               const std::string& to) {
  if (steps.empty()) {
    std::printf("%s and %s are not connected.\n", from.c_str(), to.c_str());
    return;
  }
  for (const auto& s : steps) {
    if (!s.edge_type.empty()) {
      std::printf("   %s %s\n", s.edge_forward ? "--" : "<-", s.edge_type.c_str());
    }
    // The node's id (what other commands take), then its name: "commitment #12  7(2)a: ...".
    std::printf("%s #%lld  %s\n", std::string(ToString(s.node.ref.kind)).c_str(),
                static_cast<long long>(s.node.ref.id), s.node.label.c_str());
  }
}

void PrintCentral(const app::CentralityView& view) {
  for (const auto& r : view.ranked) std::printf("%10.2f  %s\n", r.score, r.node.label.c_str());
  if (view.sampled) std::printf("(sampled from %zu sources)\n", view.sources);
}

void PrintComponents(const std::vector<app::ComponentView>& components) {
  for (const auto& c : components) {
    std::vector<std::string> names;
    for (const auto& n : c.sample) names.push_back(n.label);
    std::printf("%6zu nodes  %s\n", c.size, Join(names, ", ").c_str());
  }
  std::printf("%zu component%s.\n", components.size(), components.size() == 1 ? "" : "s");
}

void PrintSubgraph(const app::GraphView& view) {
  for (const GraphNode& node : view.nodes) {
    std::printf("%-10s %-6lld %s\n", std::string(ToString(node.ref.kind)).c_str(),
                static_cast<long long>(node.ref.id), node.label.c_str());
  }
  std::printf("%zu nodes, %zu edges.\n", view.nodes.size(), view.edges.size());
}

void PrintLayout(const std::vector<app::PositionedNode>& positions) {
  for (const auto& p : positions) {
    std::printf("%8.1f %8.1f  %s\n", p.x, p.y, p.node.label.c_str());
  }
}

void PrintExport(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

Json ToJson(const GraphNode& node) {
  return {{"kind", ToString(node.ref.kind)}, {"id", node.ref.id}, {"label", node.label}};
}

Json ToJson(const OpenCommitment& commitment) {
  Json follow_ups = Json::array();
  for (FollowUpId id : commitment.follow_ups) follow_ups.push_back(id.value);
  return {{"id", commitment.id.value},
          {"document_id", commitment.document_id.value},
          {"document_title", commitment.document_title},
          {"paragraph_label", OrNull(commitment.paragraph_label)},
          {"type", commitment.type},
          {"text", commitment.text},
          {"actors", commitment.actors},
          {"follow_ups", follow_ups}};
}

Json ToJson(const OverdueFollowUp& follow_up) {
  Json commitments = Json::array();
  for (CommitmentId id : follow_up.commitments) commitments.push_back(id.value);
  return {{"id", follow_up.id.value},         {"title", follow_up.title},
          {"due_date", follow_up.due_date},   {"status", ToString(follow_up.status)},
          {"owner", OrNull(follow_up.owner)}, {"commitments", commitments}};
}

Json ToJson(const ActorCommitment& commitment) {
  return {{"id", commitment.id.value},
          {"role", ToString(commitment.role)},
          {"dialogue", OrNull(commitment.dialogue)},
          {"round", commitment.round ? Json(commitment.round) : Json(nullptr)},
          {"document_id", commitment.document_id.value},
          {"document_title", commitment.document_title},
          {"date", OrNull(commitment.date)},
          {"paragraph_label", OrNull(commitment.paragraph_label)},
          {"type", commitment.type},
          {"text", commitment.text}};
}

Json ToJson(const LineageStep& step) {
  Json follow_ups = Json::array();
  for (const auto& [id, status] : step.follow_ups) {
    follow_ups.push_back({{"id", id.value}, {"status", ToString(status)}});
  }
  return {{"id", step.id.value},
          {"dialogue", OrNull(step.dialogue)},
          {"round", step.round ? Json(step.round) : Json(nullptr)},
          {"document_title", step.document_title},
          {"date", OrNull(step.date)},
          {"paragraph_label", OrNull(step.paragraph_label)},
          {"text", step.text},
          {"follow_ups", follow_ups}};
}

Json ToJson(const NormsMatrix& matrix) {
  return {{"actors", matrix.actors}, {"norms", matrix.norm_codes}, {"counts", matrix.counts}};
}

Json ToJson(const app::PathStep& step) {
  Json out = ToJson(step.node);
  out["edge_type"] = OrNull(step.edge_type);
  out["edge_forward"] = step.edge_forward;
  return out;
}

Json ToJson(const app::CentralityView& view) {
  Json actors = Json::array();
  for (const auto& r : view.ranked) {
    Json node = ToJson(r.node);
    node["score"] = r.score;
    actors.push_back(node);
  }
  return {{"sampled", view.sampled}, {"sources", view.sources}, {"actors", actors}};
}

Json ToJson(const app::ComponentView& component) {
  return {{"size", component.size}, {"sample", ToJsonArray(component.sample)}};
}

Json PathToJson(const std::vector<app::PathStep>& steps) {
  return {{"connected", !steps.empty()},
          {"hops", steps.empty() ? 0 : steps.size() - 1},
          {"path", ToJsonArray(steps)}};
}

Json SubgraphToJson(const app::GraphView& view) {
  Json nodes = Json::array();
  for (const GraphNode& node : view.nodes) nodes.push_back(ToJson(node));
  Json links = Json::array();
  for (const auto& e : view.edges) {
    const auto& s = view.nodes[e.source].ref;
    const auto& t = view.nodes[e.target].ref;
    links.push_back({{"source", {{"kind", ToString(s.kind)}, {"id", s.id}}},
                     {"target", {{"kind", ToString(t.kind)}, {"id", t.id}}},
                     {"type", e.type},
                     {"origin", ToString(e.origin)},
                     {"confidence", e.confidence}});
  }
  return {{"nodes", nodes}, {"edges", links}};
}

Json LayoutToJson(const std::vector<app::PositionedNode>& positions) {
  Json out = Json::array();
  for (const auto& p : positions) {
    Json node = ToJson(p.node);
    node["x"] = p.x;
    node["y"] = p.y;
    out.push_back(node);
  }
  return out;
}

}  // namespace nt::cli
