// normtrack actor merge|rename: corrections of the actors extraction found (kept over
// re-imports: the old names resolve to the corrected actor).

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/correction_output.h"
#include "core/text.h"

namespace nt::cli {
namespace {

struct ActorArguments {
  std::string first;
  std::string second;
  bool json = false;
};

Json ToJson(const Actor& actor) {
  Json aliases = Json::array();
  for (const ActorAlias& alias : actor.aliases) aliases.push_back(alias.text);
  return {{"id", actor.id.value},
          {"name", actor.canonical_name},
          {"kind", ToString(actor.kind)},
          {"aliases", aliases}};
}

void Finish(CliContext& context, app::Workspace& workspace, const Result<Actor>& actor,
            bool json, const char* done) {
  if (!actor) return ReportCorrectionError(context, actor.error());
  if (json) {
    PrintJson(ToJson(*actor));
  } else {
    std::vector<std::string> aliases;
    for (const ActorAlias& alias : actor->aliases) aliases.push_back(alias.text);
    std::printf("%s actor #%lld %s%s\n", done, static_cast<long long>(actor->id.value),
                actor->canonical_name.c_str(),
                aliases.empty() ? "" : (" (also: " + Join(aliases, ", ") + ")").c_str());
  }
  context.WarnIfIndexBehind(workspace);
}

}  // namespace

void AddActorCommand(CLI::App& app, CliContext& context) {
  auto a = std::make_shared<ActorArguments>();
  CLI::App* command = app.add_subcommand("actor", "Correct actors: merge two, rename one");
  command->require_subcommand(1);

  CLI::App* merge = command->add_subcommand(
      "merge", "Make B part of A: B's commitments, roles and mentions move to A, B's names "
               "become A's aliases");
  merge->add_option("A", a->first, "The actor that stays (name, alias or acronym)")->required();
  merge->add_option("B", a->second, "The actor merged into it")->required();
  merge->add_flag("--json", a->json, "Print as JSON");
  merge->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    Finish(context, **workspace, (*workspace)->MergeActors(a->first, a->second).Wait(), a->json,
           "Merged into");
  });

  CLI::App* rename = command->add_subcommand(
      "rename", "Rename an actor (the old name stays an alias)");
  rename->add_option("A", a->first, "The actor (name, alias or acronym)")->required();
  rename->add_option("NEWNAME", a->second, "Its new name")->required();
  rename->add_flag("--json", a->json, "Print as JSON");
  rename->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    Finish(context, **workspace, (*workspace)->RenameActor(a->first, a->second).Wait(), a->json,
           "Renamed");
  });
}

}  // namespace nt::cli
