#include "cli/correction_output.h"

#include <cstdio>

#include "core/text.h"

namespace nt::cli {
namespace {

Json OrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

std::string Describe(const Correction& c) {
  if (c.action == "edit") return c.field + ": " + c.before + " -> " + c.after;
  if (c.action == "add") return "added: " + c.after;
  if (c.action == "reject") return "deleted (rejected): " + c.before;
  if (c.action == "merge") return "merged " + Quoted(c.before) + " into " + Quoted(c.after);
  if (c.action == "rename") return "renamed " + Quoted(c.before) + " -> " + Quoted(c.after);
  if (c.action == "lost") {
    return "lost in a new revision: " + Quoted(c.before) + " is in none of its paragraphs";
  }
  return c.action;
}

}  // namespace

Json ToJson(const Correction& c) {
  return {{"id", c.id},
          {"entity_kind", c.entity_kind},
          {"entity_id", c.entity_id},
          {"document_id", c.document_id ? Json(c.document_id.value) : Json(nullptr)},
          {"action", c.action},
          {"field", OrNull(c.field)},
          {"before", OrNull(c.before)},
          {"after", OrNull(c.after)},
          {"user", c.user},
          {"recorded_at", c.recorded_at}};
}

Json ToJson(const std::vector<Correction>& history) {
  Json list = Json::array();
  for (const Correction& c : history) list.push_back(ToJson(c));
  return list;
}

Json ToJson(const app::CommitmentDetail& detail) {
  Json out;
  if (detail.view) {
    out = ToJson(*detail.view);
    out["rejected"] = false;
    out["rejected_at"] = nullptr;
  } else if (detail.rejected) {
    const RejectedCommitment& r = *detail.rejected;
    out = {{"id", r.id.value},
           {"document_id", r.document_id.value},
           {"paragraph_label", OrNull(r.paragraph_label)},
           {"text", r.text},
           {"type", r.type},
           {"origin", "manual"},
           {"rejected", true},
           {"rejected_at", r.rejected_at}};
  }
  out["history"] = ToJson(detail.history);
  return out;
}

void PrintHistory(const std::vector<Correction>& history, const std::string& indent,
                  bool name_record) {
  for (const Correction& c : history) {
    std::string record;
    if (name_record) {
      record = c.entity_kind + " #" + std::to_string(c.entity_id) + "  ";
    }
    std::printf("%s%s  %s  %s%s\n", indent.c_str(), c.recorded_at.c_str(), c.user.c_str(),
                record.c_str(), Describe(c).c_str());
  }
}

void PrintCommitmentDetail(const app::CommitmentDetail& detail) {
  if (detail.view) {
    const app::CommitmentView& view = *detail.view;
    const Commitment& c = view.row.commitment;
    std::vector<std::string> actors;
    for (const app::NamedActor& actor : view.actors) {
      actors.push_back(actor.name + ":" + std::string(ToString(actor.role)));
    }
    std::printf("Commitment #%lld (%s)\n", static_cast<long long>(c.id.value),
                std::string(ToString(c.origin)).c_str());
    std::printf("  Document:  #%lld %s%s, paragraph %s (#%lld)\n",
                static_cast<long long>(view.row.document_id.value),
                view.row.document_title.c_str(),
                view.row.document_date.empty() ? "" : (" (" + view.row.document_date + ")").c_str(),
                view.row.paragraph_label.empty() ? "-" : view.row.paragraph_label.c_str(),
                static_cast<long long>(c.paragraph_id.value));
    std::printf("  Type:      %s (%s)\n", std::string(ToString(c.type)).c_str(),
                std::string(ToString(c.strength)).c_str());
    std::printf("  Actors:    %s\n", actors.empty() ? "-" : Join(actors, ", ").c_str());
    std::printf("  Cue:       %s\n", c.cue.empty() ? "-" : c.cue.c_str());
    std::printf("  Span:      %d..%d\n", c.span_begin, c.span_end);
    std::printf("  Text:      %s\n", c.text.c_str());
  } else if (detail.rejected) {
    const RejectedCommitment& r = *detail.rejected;
    std::printf("Commitment #%lld (deleted: rejected on %s)\n", static_cast<long long>(r.id.value),
                r.rejected_at.c_str());
    std::printf("  Document:  #%lld, paragraph %s\n", static_cast<long long>(r.document_id.value),
                r.paragraph_label.empty() ? "-" : r.paragraph_label.c_str());
    std::printf("  Type:      %s\n", r.type.c_str());
    std::printf("  Text:      %s\n", r.text.c_str());
  }
  if (detail.history.empty()) {
    std::printf("  History:   none (as extracted)\n");
    return;
  }
  std::printf("  History:\n");
  PrintHistory(detail.history, "    ", false);
}

void ReportCorrectionError(CliContext& context, Error error) {
  if (error.code == ErrorCode::kNotFound || error.code == ErrorCode::kAmbiguous) {
    error.code = ErrorCode::kUsage;
  }
  context.Report(error);
}

}  // namespace nt::cli
