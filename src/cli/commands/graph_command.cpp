// normtrack graph ...: queries over the commitment graph (open commitments, overdue follow-ups,
// an actor's commitments, lineage, norms coverage, paths, centrality, components, ego
// networks, exports and layouts). One adder per subcommand, each with its own options; the
// printing is in cli/graph_output.

#include <CLI/CLI.hpp>

#include "app/graph_queries.h"
#include "app/workspace.h"
#include "cli/cli_context.h"
#include "cli/graph_output.h"
#include "cli/json_output.h"
#include "core/file_io.h"
#include "core/platform.h"
#include "core/printable.h"
#include "core/text.h"

namespace nt::cli {
namespace {

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

// Opens the library and runs `body` with its workspace; errors in arguments are usage errors.
// The one place the graph subcommands open the library: keep it so.
template <typename Body>
void WithGraph(CliContext& context, Body body) {
  auto workspace = context.Open();
  if (!workspace) return context.Report(workspace.error());
  Status status = body(**workspace);
  if (!status) {
    Error error = status.error();
    if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
    context.Report(error);
  }
}

// What ego, export and layout are given to choose a subgraph. The node kinds are checked when
// the command runs, after the library opened, so a missing library is the error a user sees
// first.
struct SubgraphArguments {
  std::string ego;  // KIND:REF; "" = the whole graph
  int depth = 1;
  std::vector<std::string> types;
};

Result<app::SubgraphRequest> ToSubgraphRequest(const SubgraphArguments& arguments) {
  auto kinds = Kinds(arguments.types);
  if (!kinds) return Fail(kinds.error());
  return app::SubgraphRequest{arguments.ego, arguments.depth, *kinds};
}

void AddGraphOpenCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    std::string dialogue;
    int round = 0;
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* open = graph.add_subcommand(
      "open", "Open commitments of a round: no follow-up, or none of them done");
  open->add_option("--dialogue", a->dialogue, "The dialogue (name or unique part)")->required();
  open->add_option("--round", a->round, "The round number")->required();
  open->add_flag("--json", a->json, "Print as JSON");
  open->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto open = service.OpenCommitments(a->dialogue, a->round);
      if (!open) return Fail(open.error());
      if (a->json) {
        PrintJson(ToJsonArray(*open));
      } else {
        PrintOpenCommitments(*open);
      }
      return {};
    });
  });
}

void AddGraphOverdueCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    std::string today;
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* overdue = graph.add_subcommand("overdue", "Follow-ups past their due date");
  overdue->add_option("--today", a->today, "Compare with this date instead of today");
  overdue->add_flag("--json", a->json, "Print as JSON");
  overdue->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto list = service.OverdueFollowUps(a->today);
      if (!list) return Fail(list.error());
      if (a->json) {
        PrintJson(ToJsonArray(*list));
      } else {
        PrintOverdue(*list);
      }
      return {};
    });
  });
}

void AddGraphActorCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    std::string actor;
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* actor = graph.add_subcommand("actor", "An actor's commitments across dialogues");
  actor->add_option("NAME", a->actor, "Actor name, alias or acronym")->required();
  actor->add_flag("--json", a->json, "Print as JSON");
  actor->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto list = service.ActorCommitments(a->actor);
      if (!list) return Fail(list.error());
      if (a->json) {
        PrintJson(ToJsonArray(*list));
      } else {
        PrintActorCommitments(*list);
      }
      return {};
    });
  });
}

void AddGraphLineageCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    std::int64_t commitment = 0;
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* lineage = graph.add_subcommand(
      "lineage", "A commitment and those it continues or that continue it, across rounds");
  lineage->add_option("COMMITMENT", a->commitment, "Commitment id")->required();
  lineage->add_flag("--json", a->json, "Print as JSON");
  lineage->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto steps = service.Lineage(a->commitment);
      if (!steps) return Fail(steps.error());
      if (a->json) {
        PrintJson(ToJsonArray(*steps));
      } else {
        PrintLineage(*steps);
      }
      return {};
    });
  });
}

void AddGraphNormsCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    bool csv = false;
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* norms = graph.add_subcommand("norms", "Norms coverage: actors x norms");
  norms->add_flag("--csv", a->csv, "Print as CSV");
  norms->add_flag("--json", a->json, "Print as JSON");
  norms->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto matrix = service.NormsCoverage();
      if (!matrix) return Fail(matrix.error());
      if (a->json) {
        PrintJson(ToJson(*matrix));
      } else if (a->csv) {
        PrintNormsCsv(*matrix);
      } else {
        PrintNormsTable(*matrix);
      }
      return {};
    });
  });
}

void AddGraphPathCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    std::string from, to;
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* path = graph.add_subcommand("path", "The shortest connection between two actors");
  path->add_option("FROM", a->from, "Actor")->required();
  path->add_option("TO", a->to, "Actor")->required();
  path->add_flag("--json", a->json, "Print as JSON");
  path->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto steps = service.GraphPath(a->from, a->to);
      if (!steps) return Fail(steps.error());
      if (a->json) {
        PrintJson(PathToJson(*steps));
      } else {
        PrintPath(*steps, a->from, a->to);
      }
      return {};
    });
  });
}

void AddGraphCentralCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    std::size_t limit = 10;
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* central = graph.add_subcommand("central", "Actors ranked by betweenness centrality");
  central->add_option("--limit", a->limit, "How many (default 10)");
  central->add_flag("--json", a->json, "Print as JSON");
  central->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto view = service.CentralActors(a->limit);
      if (!view) return Fail(view.error());
      if (a->json) {
        PrintJson(ToJson(*view));
      } else {
        PrintCentral(*view);
      }
      return {};
    });
  });
}

void AddGraphComponentsCommand(CLI::App& graph, CliContext& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* components = graph.add_subcommand("components", "Connected components");
  components->add_flag("--json", *json, "Print as JSON");
  components->callback([&context, json] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto list = service.GraphComponents();
      if (!list) return Fail(list.error());
      if (*json) {
        PrintJson(ToJsonArray(*list));
      } else {
        PrintComponents(*list);
      }
      return {};
    });
  });
}

void AddGraphEgoCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    SubgraphArguments subgraph;
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* ego = graph.add_subcommand("ego", "The ego network of a node to depth N");
  ego->add_option("NODE", a->subgraph.ego, "KIND:REF, e.g. actor:NISC")->required();
  ego->add_option("--depth", a->subgraph.depth, "Hops (default 1)");
  ego->add_option("--types", a->subgraph.types, "Only these node kinds, comma-separated");
  ego->add_flag("--json", a->json, "Print as JSON");
  ego->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto request = ToSubgraphRequest(a->subgraph);
      if (!request) return Fail(request.error());
      auto view = service.GraphNeighbourhood(*request);
      if (!view) return Fail(view.error());
      if (a->json) {
        PrintJson(SubgraphToJson(*view));
      } else {
        PrintSubgraph(*view);
      }
      return {};
    });
  });
}

void AddGraphExportCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    SubgraphArguments subgraph;
    std::string format = "graphml";
    std::string output;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* export_command = graph.add_subcommand(
      "export", "Write the graph, or a filtered subgraph, as GraphViz DOT or GraphML");
  export_command->add_option("--format", a->format, "dot or graphml (default graphml)")
      ->check(CLI::IsMember({"dot", "graphml"}));
  export_command->add_option("--filter", a->subgraph.types,
                             "Only these node kinds, comma-separated");
  export_command->add_option("--ego", a->subgraph.ego,
                             "Only the ego network of this node (KIND:REF)");
  export_command->add_option("--depth", a->subgraph.depth, "Hops for --ego (default 1)");
  export_command->add_option("-o,--output", a->output, "Write to this file (default stdout)");
  export_command->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto request = ToSubgraphRequest(a->subgraph);
      if (!request) return Fail(request.error());
      auto text = service.ExportGraph(
          a->format == "dot" ? GraphExportFormat::kDot : GraphExportFormat::kGraphMl, *request);
      if (!text) return Fail(text.error());
      if (a->output.empty()) {
        PrintExport(*text);
        return {};
      }
      // Whole or not at all: a failed export never leaves a cut-off file in place of a good one.
      NT_TRY(WriteFileAtomically(platform::PathFromUtf8(a->output), *text));
      // Said on stdout, which the file took the place of: what was written, where.
      std::printf("Wrote the graph as %s to %s (%zu bytes).\n",
                  a->format == "dot" ? "DOT" : "GraphML", Printable(a->output).c_str(),
                  text->size());
      return {};
    });
  });
}

void AddGraphLayoutCommand(CLI::App& graph, CliContext& context) {
  struct Arguments {
    SubgraphArguments subgraph;
    std::string algorithm = "fr";
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* layout = graph.add_subcommand(
      "layout", "Node positions for drawing (Fruchterman-Reingold or Kamada-Kawai)");
  layout->add_option("--ego", a->subgraph.ego, "Only the ego network of this node (KIND:REF)");
  layout->add_option("--depth", a->subgraph.depth, "Hops for --ego (default 1)");
  layout->add_option("--filter", a->subgraph.types, "Only these node kinds, comma-separated");
  layout->add_option("--algorithm", a->algorithm, "fr or kk (default fr)")
      ->check(CLI::IsMember({"fr", "kk"}));
  layout->add_flag("--json", a->json, "Print as JSON");
  layout->callback([&context, a] {
    WithGraph(context, [&](app::Workspace& service) -> Status {
      auto request = ToSubgraphRequest(a->subgraph);
      if (!request) return Fail(request.error());
      GraphLayoutOptions options;
      options.algorithm = a->algorithm == "kk" ? GraphLayoutAlgorithm::kKamadaKawai
                                               : GraphLayoutAlgorithm::kFruchtermanReingold;
      auto positions = service.LayoutGraph(*request, options);
      if (!positions) return Fail(positions.error());
      if (a->json) {
        PrintJson(LayoutToJson(*positions));
      } else {
        PrintLayout(*positions);
      }
      return {};
    });
  });
}

}  // namespace

void AddGraphCommand(CLI::App& app, CliContext& context) {
  CLI::App* graph = app.add_subcommand("graph", "Queries over the commitment graph");
  graph->require_subcommand(1);
  AddGraphOpenCommand(*graph, context);
  AddGraphOverdueCommand(*graph, context);
  AddGraphActorCommand(*graph, context);
  AddGraphLineageCommand(*graph, context);
  AddGraphNormsCommand(*graph, context);
  AddGraphPathCommand(*graph, context);
  AddGraphCentralCommand(*graph, context);
  AddGraphComponentsCommand(*graph, context);
  AddGraphEgoCommand(*graph, context);
  AddGraphExportCommand(*graph, context);
  AddGraphLayoutCommand(*graph, context);
}

}  // namespace nt::cli
