#include "app/internal/query_service.h"

#include <map>
#include <system_error>
#include <utility>

#include "search/precedent.h"
#include "store/actor_repository.h"
#include "store/commitment_repository.h"
#include "store/document_repository.h"

namespace nt::app {

QueryService::QueryService(Library& library, const ReferenceData& reference)
    : library_(library), reference_(reference), index_path_(library.home().index) {}

QueryService::~QueryService() = default;

void QueryService::UseIndex(const std::filesystem::path& index_path) {
  index_path_ = index_path;
  searcher_.reset();
}

search::TextSource QueryService::StoreText() {
  // One query per kind for a whole page of hits. A hit whose row is gone (deleted since the
  // index was written) gets no text, as before.
  return [this](const std::vector<search::ItemRef>& items) -> std::vector<std::string> {
    std::vector<CommitmentId> commitment_ids;
    std::vector<ParagraphId> paragraph_ids;
    for (const search::ItemRef& item : items) {
      if (item.kind == search::ItemKind::kCommitment) {
        commitment_ids.emplace_back(item.id);
      } else {
        paragraph_ids.emplace_back(item.id);
      }
    }
    auto commitments = store::CommitmentRepository(library_.database()).Texts(commitment_ids);
    auto paragraphs = store::DocumentRepository(library_.database()).ParagraphTexts(paragraph_ids);
    auto text_of = [](const auto& found, auto id) -> std::string {
      if (!found) return {};
      auto it = found->find(id);
      return it == found->end() ? std::string() : it->second;
    };
    std::vector<std::string> texts;
    texts.reserve(items.size());
    for (const search::ItemRef& item : items) {
      texts.push_back(item.kind == search::ItemKind::kCommitment
                          ? text_of(commitments, CommitmentId{item.id})
                          : text_of(paragraphs, ParagraphId{item.id}));
    }
    return texts;
  };
}

Result<std::vector<search::ActorNames>> QueryService::ActorSynonyms() {
  std::map<std::string, search::ActorNames> by_name;
  for (const auto& actor : reference_.gazetteer.actors()) {
    auto& names = by_name[actor.canonical_name];
    names.canonical = actor.canonical_name;
    for (const ActorAlias& alias : actor.aliases) {
      (alias.is_acronym ? names.acronyms : names.names).push_back(alias.text);
    }
  }
  auto stored = store::ActorRepository(library_.database()).List();
  if (!stored) return Fail(stored.error());
  for (const Actor& actor : *stored) {
    auto& names = by_name[actor.canonical_name];
    names.canonical = actor.canonical_name;
    for (const ActorAlias& alias : actor.aliases) {
      (alias.is_acronym ? names.acronyms : names.names).push_back(alias.text);
    }
  }
  std::vector<search::ActorNames> out;
  for (auto& [name, names] : by_name) out.push_back(std::move(names));
  return out;
}

Result<search::Searcher*> QueryService::OpenSearcher() {
  if (searcher_) {
    NT_TRY(searcher_->Reopen());
    return searcher_.get();
  }
  const bool own_index = index_path_ == library_.home().index;
  std::error_code ec;
  if (own_index && !std::filesystem::exists(index_path_, ec)) {
    // Reads never write (upkeep invariant 11): an empty library has nothing to find, and one
    // with documents gets its index from the upkeep job of a writable workspace.
    auto count = store::DocumentRepository(library_.database()).Count();
    if (!count) return Fail(count.error());
    if (*count == 0) return static_cast<search::Searcher*>(nullptr);
    return Fail(ErrorCode::kNotFound,
                "The library has no search index yet; it is built when the library is opened "
                "for writing.",
                "'normtrack index' builds it now");
  }
  auto synonyms = ActorSynonyms();
  if (!synonyms) return Fail(synonyms.error());
  auto opened = search::Searcher::Open(index_path_, std::move(*synonyms),
                                       own_index ? StoreText() : search::TextSource{});
  if (!opened) return Fail(opened.error());
  searcher_ = std::move(*opened);
  return searcher_.get();
}

Result<SearchResults> QueryService::Search(const SearchRequest& request) {
  auto searcher = OpenSearcher();
  if (!searcher) return Fail(searcher.error());
  if (!*searcher) return SearchResults{};
  return (*searcher)->Search(request);
}

Result<SearchResults> QueryService::MoreLikeThis(ParagraphId paragraph, int limit) {
  auto searcher = OpenSearcher();
  if (!searcher) return Fail(searcher.error());
  if (!*searcher) return SearchResults{};
  return (*searcher)->MoreLikeThis(paragraph.value, limit);
}

Result<std::vector<Precedent>> QueryService::Precedents(
    std::string_view wording, const PrecedentOptions& options) {
  auto searcher = OpenSearcher();
  if (!searcher) return Fail(searcher.error());
  if (!*searcher) return std::vector<Precedent>{};
  return search::FindPrecedents(**searcher, wording, options);
}

}  // namespace nt::app
