// normtrack graph ...: queries over the commitment graph (open commitments, overdue follow-ups,
// an actor's commitments, lineage, norms coverage, paths, centrality, components, ego
// networks, exports and layouts).

#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/graph_service.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "core/file_io.h"
#include "core/platform.h"
#include "core/text.h"

namespace nt::cli {
namespace {

Json OrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json NodeJson(const graph::NodeInfo& node) {
  return {{"kind", ToString(node.ref.kind)}, {"id", node.ref.id}, {"label", node.label}};
}

struct GraphArguments {
  std::string dialogue;
  int round = 0;
  std::string today;
  std::string actor, other;
  std::int64_t commitment = 0;
  bool csv = false;
  std::size_t limit = 10;
  std::string node;
  int depth = 1;
  std::vector<std::string> types;
  std::string format = "graphml";
  std::string output;
  std::string algorithm = "fr";
  bool json = false;
};

Result<std::vector<EntityKind>> Kinds(const std::vector<std::string>& names) {
  std::vector<EntityKind> kinds;
  for (const std::string& list : names) {
    for (const std::string& name : Split(list, ',')) {
      if (Trim(name).empty()) continue;
      auto kind = ParseEntityKind(Trim(name));
      if (!kind) return Fail(ErrorCode::kUsage, "Unknown node type " + Quoted(name) + ".");
      kinds.push_back(*kind);
    }
  }
  return kinds;
}

// Opens the library and runs `body` with a GraphService; errors in arguments are usage errors.
template <typename Body>
void WithGraph(CliContext& context, Body body) {
  auto library = context.OpenLibrary(app::OpenMode::kExisting);
  if (!library) return context.Report(library.error());
  app::GraphService service(**library);
  Status status = body(service);
  if (!status) {
    Error error = status.error();
    if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
    context.Report(error);
  }
}

std::string Wrapped(const std::string& text, std::size_t indent) {
  const int columns = std::max(40, platform::TerminalColumns(100));
  const std::string pad(indent, ' ');
  return pad + WrapText(text, static_cast<std::size_t>(columns) - indent - 1, pad);
}

}  // namespace

void AddGraphCommand(CLI::App& app, CliContext& context) {
  auto a = std::make_shared<GraphArguments>();
  CLI::App* command = app.add_subcommand("graph", "Queries over the commitment graph");
  command->require_subcommand(1);

  CLI::App* open = command->add_subcommand(
      "open", "Open commitments of a round: no follow-up, or none of them done");
  open->add_option("--dialogue", a->dialogue, "The dialogue (name or unique part)")->required();
  open->add_option("--round", a->round, "The round number")->required();
  open->add_flag("--json", a->json, "Print as JSON");
  open->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto open = service.OpenCommitments(a->dialogue, a->round);
      if (!open) return Fail(open.error());
      if (a->json) {
        Json out = Json::array();
        for (const auto& c : *open) {
          Json follow_ups = Json::array();
          for (FollowUpId id : c.follow_ups) follow_ups.push_back(id.value);
          out.push_back({{"id", c.id.value},
                         {"document_id", c.document_id.value},
                         {"document_title", c.document_title},
                         {"paragraph_label", OrNull(c.paragraph_label)},
                         {"type", c.type},
                         {"text", c.text},
                         {"actors", c.actors},
                         {"follow_ups", follow_ups}});
        }
        PrintJson(out);
        return {};
      }
      for (const auto& c : *open) {
        std::printf("#%-5lld %-7s %-14s %s%s\n", static_cast<long long>(c.id.value),
                    c.paragraph_label.empty() ? "-" : c.paragraph_label.c_str(), c.type.c_str(),
                    c.actors.empty() ? "-" : Join(c.actors, ", ").c_str(),
                    c.follow_ups.empty() ? "  (no follow-up)" : "  (follow-ups not done)");
        std::printf("%s\n", Wrapped(c.text, 7).c_str());
      }
      std::printf("%zu open commitment%s.\n", open->size(), open->size() == 1 ? "" : "s");
      return {};
    });
  });

  CLI::App* overdue = command->add_subcommand("overdue", "Follow-ups past their due date");
  overdue->add_option("--today", a->today, "Compare with this date instead of today");
  overdue->add_flag("--json", a->json, "Print as JSON");
  overdue->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto list = service.Overdue(a->today);
      if (!list) return Fail(list.error());
      if (a->json) {
        Json out = Json::array();
        for (const auto& f : *list) {
          Json commitments = Json::array();
          for (CommitmentId id : f.commitments) commitments.push_back(id.value);
          out.push_back({{"id", f.id.value},
                         {"title", f.title},
                         {"due_date", f.due_date},
                         {"status", ToString(f.status)},
                         {"owner", OrNull(f.owner)},
                         {"commitments", commitments}});
        }
        PrintJson(out);
        return {};
      }
      for (const auto& f : *list) {
        std::printf("#%lld  due %s  %-11s %s%s\n", static_cast<long long>(f.id.value),
                    f.due_date.c_str(), std::string(ToString(f.status)).c_str(), f.title.c_str(),
                    f.owner.empty() ? "" : ("  owner " + f.owner).c_str());
      }
      std::printf("%zu overdue follow-up%s.\n", list->size(), list->size() == 1 ? "" : "s");
      return {};
    });
  });

  CLI::App* actor = command->add_subcommand("actor", "An actor's commitments across dialogues");
  actor->add_option("NAME", a->actor, "Actor name, alias or acronym")->required();
  actor->add_flag("--json", a->json, "Print as JSON");
  actor->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto list = service.ActorCommitments(a->actor);
      if (!list) return Fail(list.error());
      if (a->json) {
        Json out = Json::array();
        for (const auto& c : *list) {
          out.push_back({{"id", c.id.value},
                         {"role", ToString(c.role)},
                         {"dialogue", OrNull(c.dialogue)},
                         {"round", c.round ? Json(c.round) : Json(nullptr)},
                         {"document_id", c.document_id.value},
                         {"document_title", c.document_title},
                         {"date", OrNull(c.date)},
                         {"paragraph_label", OrNull(c.paragraph_label)},
                         {"type", c.type},
                         {"text", c.text}});
        }
        PrintJson(out);
        return {};
      }
      for (const auto& c : *list) {
        std::string where = c.dialogue.empty() ? c.document_title : c.dialogue;
        if (c.round) where += ", round " + std::to_string(c.round);
        std::printf("#%-5lld %-10s %-12s %-14s %s\n", static_cast<long long>(c.id.value),
                    c.date.empty() ? "-" : c.date.c_str(), std::string(ToString(c.role)).c_str(),
                    c.type.c_str(), where.c_str());
        std::printf("%s\n", Wrapped(c.text, 7).c_str());
      }
      std::printf("%zu commitment%s.\n", list->size(), list->size() == 1 ? "" : "s");
      return {};
    });
  });

  CLI::App* lineage = command->add_subcommand(
      "lineage", "A commitment and those it continues or that continue it, across rounds");
  lineage->add_option("COMMITMENT", a->commitment, "Commitment id")->required();
  lineage->add_flag("--json", a->json, "Print as JSON");
  lineage->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto steps = service.Lineage(a->commitment);
      if (!steps) return Fail(steps.error());
      if (a->json) {
        Json out = Json::array();
        for (const auto& s : *steps) {
          Json follow_ups = Json::array();
          for (const auto& [id, status] : s.follow_ups) {
            follow_ups.push_back({{"id", id.value}, {"status", ToString(status)}});
          }
          out.push_back({{"id", s.id.value},
                         {"dialogue", OrNull(s.dialogue)},
                         {"round", s.round ? Json(s.round) : Json(nullptr)},
                         {"document_title", s.document_title},
                         {"date", OrNull(s.date)},
                         {"paragraph_label", OrNull(s.paragraph_label)},
                         {"text", s.text},
                         {"follow_ups", follow_ups}});
        }
        PrintJson(out);
        return {};
      }
      for (const auto& s : *steps) {
        std::printf("#%-5lld %-10s %s%s  %s\n", static_cast<long long>(s.id.value),
                    s.date.empty() ? "-" : s.date.c_str(),
                    s.dialogue.empty() ? s.document_title.c_str() : s.dialogue.c_str(),
                    s.round ? (", round " + std::to_string(s.round)).c_str() : "",
                    s.paragraph_label.c_str());
        std::printf("%s\n", Wrapped(s.text, 7).c_str());
        for (const auto& [id, status] : s.follow_ups) {
          std::printf("       follow-up #%lld: %s\n", static_cast<long long>(id.value),
                      std::string(ToString(status)).c_str());
        }
      }
      return {};
    });
  });

  CLI::App* norms = command->add_subcommand("norms", "Norms coverage: actors x norms");
  norms->add_flag("--csv", a->csv, "Print as CSV");
  norms->add_flag("--json", a->json, "Print as JSON");
  norms->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto matrix = service.NormsCoverage();
      if (!matrix) return Fail(matrix.error());
      if (a->json) {
        PrintJson({{"actors", matrix->actors},
                   {"norms", matrix->norm_codes},
                   {"counts", matrix->counts}});
        return {};
      }
      auto csv_field = [](const std::string& text) {
        std::string quoted = "\"";
        for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        return quoted + "\"";
      };
      if (a->csv) {
        std::printf("actor");
        for (const auto& code : matrix->norm_codes) std::printf(",%s", csv_field(code).c_str());
        std::printf("\n");
        for (std::size_t i = 0; i < matrix->actors.size(); ++i) {
          std::printf("%s", csv_field(matrix->actors[i]).c_str());
          for (int count : matrix->counts[i]) std::printf(",%d", count);
          std::printf("\n");
        }
        return {};
      }
      std::printf("%-40s", "");
      for (const auto& code : matrix->norm_codes) std::printf(" %6s", code.c_str());
      std::printf("\n");
      for (std::size_t i = 0; i < matrix->actors.size(); ++i) {
        std::printf("%-40.40s", matrix->actors[i].c_str());
        for (int count : matrix->counts[i]) {
          count ? std::printf(" %6d", count) : std::printf(" %6s", ".");
        }
        std::printf("\n");
      }
      if (matrix->actors.empty()) std::printf("No commitment relates to a norm yet.\n");
      return {};
    });
  });

  CLI::App* path = command->add_subcommand("path", "The shortest connection between two actors");
  path->add_option("FROM", a->actor, "Actor")->required();
  path->add_option("TO", a->other, "Actor")->required();
  path->add_flag("--json", a->json, "Print as JSON");
  path->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto steps = service.Path(a->actor, a->other);
      if (!steps) return Fail(steps.error());
      if (a->json) {
        Json out = Json::array();
        for (const auto& s : *steps) {
          Json step = NodeJson(s.node);
          step["edge_type"] = OrNull(s.edge_type);
          step["edge_forward"] = s.edge_forward;
          out.push_back(step);
        }
        PrintJson({{"connected", !steps->empty()},
                   {"hops", steps->empty() ? 0 : steps->size() - 1},
                   {"path", out}});
        return {};
      }
      if (steps->empty()) {
        std::printf("%s and %s are not connected.\n", a->actor.c_str(), a->other.c_str());
        return {};
      }
      for (const auto& s : *steps) {
        if (!s.edge_type.empty()) {
          std::printf("   %s %s\n", s.edge_forward ? "--" : "<-", s.edge_type.c_str());
        }
        std::printf("%s %s\n", std::string(ToString(s.node.ref.kind)).c_str(),
                    s.node.label.c_str());
      }
      return {};
    });
  });

  CLI::App* central = command->add_subcommand("central", "Actors ranked by betweenness centrality");
  central->add_option("--limit", a->limit, "How many (default 10)");
  central->add_flag("--json", a->json, "Print as JSON");
  central->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto view = service.Central(a->limit);
      if (!view) return Fail(view.error());
      if (a->json) {
        Json out = Json::array();
        for (const auto& r : view->ranked) {
          Json node = NodeJson(r.node);
          node["score"] = r.score;
          out.push_back(node);
        }
        PrintJson({{"sampled", view->sampled}, {"sources", view->sources}, {"actors", out}});
        return {};
      }
      for (const auto& r : view->ranked) std::printf("%10.2f  %s\n", r.score, r.node.label.c_str());
      if (view->sampled) std::printf("(sampled from %zu sources)\n", view->sources);
      return {};
    });
  });

  CLI::App* components = command->add_subcommand("components", "Connected components");
  components->add_flag("--json", a->json, "Print as JSON");
  components->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto list = service.Components();
      if (!list) return Fail(list.error());
      if (a->json) {
        Json out = Json::array();
        for (const auto& c : *list) {
          Json sample = Json::array();
          for (const auto& n : c.sample) sample.push_back(NodeJson(n));
          out.push_back({{"size", c.size}, {"sample", sample}});
        }
        PrintJson(out);
        return {};
      }
      for (const auto& c : *list) {
        std::vector<std::string> names;
        for (const auto& n : c.sample) names.push_back(n.label);
        std::printf("%6zu nodes  %s\n", c.size, Join(names, ", ").c_str());
      }
      std::printf("%zu component%s.\n", list->size(), list->size() == 1 ? "" : "s");
      return {};
    });
  });

  CLI::App* ego = command->add_subcommand("ego", "The ego network of a node to depth N");
  ego->add_option("NODE", a->node, "KIND:REF, e.g. actor:NISC")->required();
  ego->add_option("--depth", a->depth, "Hops (default 1)");
  ego->add_option("--types", a->types, "Only these node kinds, comma-separated");
  ego->add_flag("--json", a->json, "Print as JSON");
  ego->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto kinds = Kinds(a->types);
      if (!kinds) return Fail(kinds.error());
      app::SubgraphRequest request{a->node, a->depth, *kinds};
      auto sub = service.Subgraph(request);
      if (!sub) return Fail(sub.error());
      auto g = service.Graph();
      if (!g) return Fail(g.error());
      auto edges = (*g)->EdgesWithin(*sub);
      if (a->json) {
        Json nodes = Json::array();
        for (auto n : sub->nodes) nodes.push_back(NodeJson((*g)->node(n)));
        Json links = Json::array();
        for (const auto& e : edges) {
          const auto& s = (*g)->node(e.source).ref;
          const auto& t = (*g)->node(e.target).ref;
          links.push_back({{"source", {{"kind", ToString(s.kind)}, {"id", s.id}}},
                           {"target", {{"kind", ToString(t.kind)}, {"id", t.id}}},
                           {"type", e.type},
                           {"origin", ToString(e.origin)},
                           {"confidence", e.confidence}});
        }
        PrintJson({{"nodes", nodes}, {"edges", links}});
        return {};
      }
      for (auto n : sub->nodes) {
        const auto& node = (*g)->node(n);
        std::printf("%-10s %-6lld %s\n", std::string(ToString(node.ref.kind)).c_str(),
                    static_cast<long long>(node.ref.id), node.label.c_str());
      }
      std::printf("%zu nodes, %zu edges.\n", sub->nodes.size(), edges.size());
      return {};
    });
  });

  CLI::App* export_command = command->add_subcommand(
      "export", "Write the graph, or a filtered subgraph, as GraphViz DOT or GraphML");
  export_command->add_option("--format", a->format, "dot or graphml (default graphml)")
      ->check(CLI::IsMember({"dot", "graphml"}));
  export_command->add_option("--filter", a->types, "Only these node kinds, comma-separated");
  export_command->add_option("--ego", a->node, "Only the ego network of this node (KIND:REF)");
  export_command->add_option("--depth", a->depth, "Hops for --ego (default 1)");
  export_command->add_option("-o,--output", a->output, "Write to this file (default stdout)");
  export_command->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto kinds = Kinds(a->types);
      if (!kinds) return Fail(kinds.error());
      auto text = service.Export(
          a->format == "dot" ? graph::ExportFormat::kDot : graph::ExportFormat::kGraphMl,
          {a->node, a->depth, *kinds});
      if (!text) return Fail(text.error());
      if (a->output.empty()) {
        std::fwrite(text->data(), 1, text->size(), stdout);
        return {};
      }
      // Whole or not at all: a failed export never leaves a cut-off file in place of a good one.
      return WriteFileAtomically(platform::PathFromUtf8(a->output), *text);
    });
  });

  CLI::App* layout = command->add_subcommand(
      "layout", "Node positions for drawing (Fruchterman-Reingold or Kamada-Kawai)");
  layout->add_option("--ego", a->node, "Only the ego network of this node (KIND:REF)");
  layout->add_option("--depth", a->depth, "Hops for --ego (default 1)");
  layout->add_option("--filter", a->types, "Only these node kinds, comma-separated");
  layout->add_option("--algorithm", a->algorithm, "fr or kk (default fr)")
      ->check(CLI::IsMember({"fr", "kk"}));
  layout->add_flag("--json", a->json, "Print as JSON");
  layout->callback([&context, a] {
    WithGraph(context, [&](app::GraphService& service) -> Status {
      auto kinds = Kinds(a->types);
      if (!kinds) return Fail(kinds.error());
      graph::LayoutOptions options;
      options.algorithm = a->algorithm == "kk" ? graph::LayoutAlgorithm::kKamadaKawai
                                               : graph::LayoutAlgorithm::kFruchtermanReingold;
      auto positions = service.Layout({a->node, a->depth, *kinds}, options);
      if (!positions) return Fail(positions.error());
      auto g = service.Graph();
      if (!g) return Fail(g.error());
      if (a->json) {
        Json out = Json::array();
        for (const auto& p : *positions) {
          Json node = NodeJson((*g)->node(p.node));
          node["x"] = p.x;
          node["y"] = p.y;
          out.push_back(node);
        }
        PrintJson(out);
        return {};
      }
      for (const auto& p : *positions) {
        std::printf("%8.1f %8.1f  %s\n", p.x, p.y, (*g)->node(p.node).label.c_str());
      }
      return {};
    });
  });
}

}  // namespace nt::cli
