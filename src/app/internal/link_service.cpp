#include "app/internal/link_service.h"

#include <algorithm>

#include "app/internal/entity_reference.h"
#include "app/link_types.h"
#include "store/link_repository.h"

namespace nt::app {

LinkView LinkService::Describe(Link link) {
  LinkView view;
  view.source = DescribeEntity(library_.database(), link.source);
  view.target = DescribeEntity(library_.database(), link.target);
  const LinkTypeName labels = LabelsOf(link.type);
  view.label = std::string(labels.label);
  view.inverse_label = std::string(labels.inverse_label);
  view.link = std::move(link);
  return view;
}

Result<LinkView> LinkService::Add(const LinkInput& input) {
  auto type = ParseLinkType(input.type);
  if (!type) {
    std::string names;
    for (const auto& name : kLinkTypes) {
      names +=
          (names.empty() ? "" : ", ") + std::string(name.type) + "/" + std::string(name.inverse);
    }
    return Fail(ErrorCode::kUsage,
                "Unknown link type " + Quoted(input.type) + ": use one of " + names + ".");
  }
  if (!(input.confidence >= 0.0 && input.confidence <= 1.0)) {
    return Fail(ErrorCode::kUsage, "A confidence is between 0 and 1.");
  }
  auto source = ResolveEntity(library_.database(), input.source);
  if (!source) return Fail(source.error());
  auto target = ResolveEntity(library_.database(), input.target);
  if (!target) return Fail(target.error());
  if (*source == *target) return Fail(ErrorCode::kUsage, "A link needs two different entities.");
  Link link;
  link.source = type->inverse ? *target : *source;
  link.target = type->inverse ? *source : *target;
  link.type = std::string(type->name->type);
  if (link.type == "relates_to_norm" && link.target.kind != EntityKind::kNorm) {
    return Fail(ErrorCode::kUsage, "A relates_to_norm link ends at a norm (norm:CODE).");
  }
  link.origin = Origin::kManual;
  link.confidence = input.confidence;
  link.note = input.note;
  NT_TRY(store::LinkRepository(library_.database()).Upsert(link));
  auto stored = store::LinkRepository(library_.database()).Get(link.id);
  if (!stored) return Fail(stored.error());
  return Describe(std::move(*stored));
}

Status LinkService::Remove(std::int64_t id) {
  return store::LinkRepository(library_.database()).Delete(LinkId(id));
}

Result<std::vector<LinkView>> LinkService::List(const LinkFilter& filter) {
  store::LinkRepository links(library_.database());
  std::vector<Link> found;
  if (filter.entity.empty()) {
    auto all = links.List();
    if (!all) return Fail(all.error());
    found = std::move(*all);
  } else {
    auto entity = ResolveEntity(library_.database(), filter.entity);
    if (!entity) return Fail(entity.error());
    auto from = links.From(*entity);
    if (!from) return Fail(from.error());
    auto to = links.To(*entity);
    if (!to) return Fail(to.error());
    found = std::move(*from);
    found.insert(found.end(), to->begin(), to->end());
    std::sort(found.begin(), found.end(), [](const Link& a, const Link& b) { return a.id < b.id; });
  }
  std::vector<LinkView> views;
  for (Link& link : found) {
    if (!filter.type.empty() && link.type != filter.type) continue;
    if (filter.origin && link.origin != *filter.origin) continue;
    views.push_back(Describe(std::move(link)));
  }
  return views;
}

}  // namespace nt::app
