#include "cli/json_output.h"

#include <cstdio>

#include "core/platform.h"

namespace nt::cli {
namespace {

// Unknown optional text is null in JSON, not "".
Json OrNull(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json(text);
}

}  // namespace

Json ToJson(const Document& d) {
  return {{"id", d.id.value},
          {"kind", ToString(d.kind)},
          {"title", d.title},
          {"symbol", OrNull(d.symbol)},
          {"date", OrNull(d.date)},
          {"place", OrNull(d.place)},
          {"language", OrNull(d.language)},
          {"source_path", OrNull(d.source_path)},
          {"sha256", d.sha256},
          {"importer", d.importer},
          {"importer_version", d.importer_version},
          {"revision", d.revision},
          {"imported_at", d.imported_at},
          {"dialogue_id", d.dialogue_id ? Json(d.dialogue_id.value) : nullptr},
          {"round_id", d.round_id ? Json(d.round_id.value) : nullptr}};
}

Json ToJson(const DocumentSummary& summary) {
  Json json = ToJson(summary.document);
  json["paragraph_count"] = summary.paragraph_count;
  json["commitment_count"] = summary.commitment_count;
  return json;
}

Json ToJson(const Paragraph& p) {
  return {{"id", p.id.value},
          {"ordinal", p.ordinal},
          {"label", OrNull(p.label)},
          {"heading_path", p.heading_path},
          {"text", p.text},
          {"language", OrNull(p.language)},
          {"page", p.page ? Json(*p.page) : nullptr},
          {"boilerplate", p.is_boilerplate}};
}

Json ToJson(const app::DocumentView& view) {
  Json json = ToJson(view.document);
  json["dialogue"] = view.dialogue ? Json{{"id", view.dialogue->id.value},
                                                    {"name", view.dialogue->name}}
                                   : Json(nullptr);
  if (view.round) {
    json["round"] = {{"id", view.round->id.value},
                     {"number", view.round->number ? Json(*view.round->number)
                                                   : Json(nullptr)},
                     {"start_date", OrNull(view.round->start_date)},
                     {"end_date", OrNull(view.round->end_date)},
                     {"place", OrNull(view.round->place)}};
  } else {
    json["round"] = nullptr;
  }
  json["paragraphs"] = Json::array();
  for (const Paragraph& p : view.paragraphs) json["paragraphs"].push_back(ToJson(p));
  return json;
}

Json ToJson(const LibraryStatistics& s) {
  return {{"documents", s.documents},
          {"paragraphs", s.paragraphs},
          {"boilerplate_paragraphs", s.boilerplate_paragraphs},
          {"actors", s.actors},
          {"commitments", s.commitments},
          {"dialogues", s.dialogues},
          {"rounds", s.rounds},
          {"norms", s.norms},
          {"follow_ups", s.follow_ups},
          {"links", s.links},
          {"saved_searches", s.saved_searches}};
}

Json ToJson(const app::ImportReport& report) {
  Json files = Json::array();
  for (const app::FileImportResult& f : report.files) {
    files.push_back({{"path", platform::PathToUtf8(f.path)},
                     {"outcome", app::ToString(f.outcome)},
                     {"document_id", f.document_id ? Json(f.document_id.value)
                                                   : Json(nullptr)},
                     {"title", OrNull(f.title)},
                     {"importer", OrNull(f.importer)},
                     {"paragraphs", f.paragraphs},
                     {"boilerplate_paragraphs", f.boilerplate_paragraphs},
                     {"commitments", f.commitments},
                     {"revision", f.revision},
                     {"unknown_acronyms", f.unknown_acronyms},
                     {"error", f.error ? Json(f.error->ForCommandLine())
                                       : Json(nullptr)}});
  }
  Json skipped_links = Json::array();
  for (const auto& link : report.skipped_links) skipped_links.push_back(platform::PathToUtf8(link));
  return {{"dry_run", report.dry_run},
          {"imported", report.Count(app::ImportOutcome::kImported)},
          {"revised", report.Count(app::ImportOutcome::kRevised)},
          {"unchanged", report.Count(app::ImportOutcome::kUnchanged)},
          {"failed", report.Count(app::ImportOutcome::kFailed)},
          {"files", files},
          {"skipped_links", skipped_links}};
}

Json ToJson(const app::CommitmentView& view) {
  const Commitment& c = view.row.commitment;
  Json actors = Json::array();
  for (const app::NamedActor& actor : view.actors) {
    actors.push_back({{"id", actor.id.value}, {"name", actor.name}, {"role", ToString(actor.role)}});
  }
  return {{"id", c.id.value},
          {"document_id", view.row.document_id.value},
          {"document_title", view.row.document_title},
          {"document_date", OrNull(view.row.document_date)},
          {"paragraph_id", c.paragraph_id.value},
          {"paragraph_label", OrNull(view.row.paragraph_label)},
          {"text", c.text},
          {"span", {c.span_begin, c.span_end}},
          {"cue", OrNull(c.cue)},
          {"type", ToString(c.type)},
          {"strength", ToString(c.strength)},
          {"deadline", OrNull(c.deadline)},
          {"origin", ToString(c.origin)},
          {"actors", actors},
          {"norms", view.norm_codes}};
}

Json ToJson(const app::DialogueView& view) {
  auto document_refs = [](const std::vector<Document>& documents) {
    Json list = Json::array();
    for (const Document& d : documents) {
      list.push_back({{"id", d.id.value}, {"title", d.title}, {"date", OrNull(d.date)}});
    }
    return list;
  };
  Json rounds = Json::array();
  for (const app::RoundView& round : view.rounds) {
    rounds.push_back({{"id", round.round.id.value},
                      {"number", round.round.number ? Json(*round.round.number) : Json(nullptr)},
                      {"start_date", OrNull(round.round.start_date)},
                      {"end_date", OrNull(round.round.end_date)},
                      {"place", OrNull(round.round.place)},
                      {"documents", document_refs(round.documents)}});
  }
  return {{"id", view.dialogue.id.value},
          {"name", view.dialogue.name},
          {"key", view.dialogue.key},
          {"rounds", rounds},
          {"other_documents", document_refs(view.unnumbered_documents)}};
}

void PrintJson(const Json& value) {
  std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace nt::cli
