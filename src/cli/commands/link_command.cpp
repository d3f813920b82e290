// normtrack link add|remove|list: typed links between any two entities.

#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/link_types.h"
#include "app/link_views.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"

namespace nt::cli {
namespace {

Json ToJson(const app::LinkView& view) {
  const Link& l = view.link;
  return {
      {"id", l.id.value},
      {"source", {{"kind", ToString(l.source.kind)}, {"id", l.source.id}, {"name", view.source}}},
      {"target", {{"kind", ToString(l.target.kind)}, {"id", l.target.id}, {"name", view.target}}},
      {"type", l.type},
      {"label", view.label},
      {"inverse_label", view.inverse_label},
      {"origin", ToString(l.origin)},
      {"confidence", l.confidence},
      {"note", l.note.empty() ? Json(nullptr) : Json(l.note)},
      {"created_at", l.created_at}};
}

void Print(const app::LinkView& view) {
  std::printf("#%lld  %s  %s  %s  (%s, %.2f)%s\n", static_cast<long long>(view.link.id.value),
              view.source.c_str(), view.label.c_str(), view.target.c_str(),
              std::string(ToString(view.link.origin)).c_str(), view.link.confidence,
              view.link.note.empty() ? "" : ("  " + view.link.note).c_str());
}

struct LinkArguments {
  std::string source, type, target, note, entity, origin;
  double confidence = 1.0;
  std::int64_t id = 0;
  bool json = false;
};

void ReportUsage(CliContext& context, Error error) {
  if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
  context.Report(error);
}

}  // namespace

void AddLinkCommand(CLI::App& app, CliContext& context) {
  auto a = std::make_shared<LinkArguments>();
  CLI::App* command = app.add_subcommand(
      "link", "Typed links between entities (KIND:REF, e.g. actor:NISC, commitment:12)");
  command->require_subcommand(1);
  std::vector<std::string> types;
  for (const auto& name : app::kLinkTypes) {
    types.emplace_back(name.type);
    types.emplace_back(name.inverse);
  }

  CLI::App* add = command->add_subcommand("add", "Add a manual link: SOURCE TYPE TARGET");
  add->add_option("SOURCE", a->source, "KIND:REF")->required();
  add->add_option("TYPE", a->type, "Link type or its inverse")
      ->required()
      ->check(CLI::IsMember(types));
  add->add_option("TARGET", a->target, "KIND:REF")->required();
  add->add_option("--confidence", a->confidence, "0..1 (default 1)");
  add->add_option("--note", a->note, "Why");
  add->add_flag("--json", a->json, "Print as JSON");
  add->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    const auto& view =
        (*workspace)->AddLink({a->source, a->type, a->target, a->confidence, a->note}).Wait();
    if (!view) return ReportUsage(context, view.error());
    context.WarnIfIndexBehind(**workspace);
    if (a->json) return PrintJson(ToJson(*view));
    Print(*view);
  });

  CLI::App* remove = command->add_subcommand("remove", "Remove a link by id");
  remove->add_option("ID", a->id, "The link")->required();
  remove->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    const auto& removed = (*workspace)->RemoveLink(a->id).Wait();
    if (!removed) return ReportUsage(context, removed.error());
    context.WarnIfIndexBehind(**workspace);
    std::printf("Removed link #%lld.\n", static_cast<long long>(a->id));
  });

  CLI::App* list = command->add_subcommand("list", "List links, all or of one entity");
  list->add_option("ENTITY", a->entity, "KIND:REF: links from or to it");
  list->add_option("--type", a->type, "Only this stored type");
  list->add_option("--origin", a->origin, "extracted or manual")
      ->check(CLI::IsMember({"extracted", "manual"}));
  list->add_flag("--json", a->json, "Print as JSON");
  list->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto views = (*workspace)->ListLinks({a->entity, a->type, ParseOrigin(a->origin)});
    if (!views) return ReportUsage(context, views.error());
    if (a->json) {
      Json out = Json::array();
      for (const auto& view : *views) out.push_back(ToJson(view));
      return PrintJson(out);
    }
    if (views->empty()) std::printf("No links.\n");
    for (const auto& view : *views) Print(view);
  });
}

}  // namespace nt::cli
