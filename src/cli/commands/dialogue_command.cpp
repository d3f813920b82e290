// normtrack dialogue rename|merge: corrections of the dialogues extraction found (kept over
// re-imports: a merged dialogue's spelling resolves to the one it joined).

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/correction_output.h"

namespace nt::cli {
namespace {

struct DialogueArguments {
  std::string first;
  std::string second;
  bool json = false;
};

void Finish(CliContext& context, app::Workspace& workspace, const Result<Dialogue>& dialogue,
            bool json, const char* done) {
  if (!dialogue) return ReportCorrectionError(context, dialogue.error());
  if (json) {
    PrintJson(Json{{"id", dialogue->id.value}, {"name", dialogue->name}, {"key", dialogue->key}});
  } else {
    std::printf("%s dialogue #%lld %s\n", done, static_cast<long long>(dialogue->id.value),
                dialogue->name.c_str());
  }
  context.WarnIfIndexBehind(workspace);
}

}  // namespace

void AddDialogueCommand(CLI::App& app, CliContext& context) {
  auto a = std::make_shared<DialogueArguments>();
  CLI::App* command = app.add_subcommand("dialogue", "Correct dialogues: rename one, merge two");
  command->require_subcommand(1);

  CLI::App* rename = command->add_subcommand("rename", "Rename a dialogue");
  rename->add_option("DIALOGUE", a->first, "The dialogue (any spelling, or a unique part)")
      ->required();
  rename->add_option("NEWNAME", a->second, "Its new name")->required();
  rename->add_flag("--json", a->json, "Print as JSON");
  rename->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    Finish(context, **workspace, (*workspace)->RenameDialogue(a->first, a->second).Wait(),
           a->json, "Renamed");
  });

  CLI::App* merge = command->add_subcommand(
      "merge", "Make B part of A: B's rounds and documents move to A (rounds of the same "
               "number become one)");
  merge->add_option("A", a->first, "The dialogue that stays")->required();
  merge->add_option("B", a->second, "The dialogue merged into it")->required();
  merge->add_flag("--json", a->json, "Print as JSON");
  merge->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    Finish(context, **workspace, (*workspace)->MergeDialogues(a->first, a->second).Wait(),
           a->json, "Merged into");
  });
}

}  // namespace nt::cli
