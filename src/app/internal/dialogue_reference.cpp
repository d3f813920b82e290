#include "app/internal/dialogue_reference.h"

#include <string>
#include <vector>

#include "app/internal/reference_data.h"
#include "core/text.h"
#include "extract/dialogue_finder.h"
#include "store/dialogue_repository.h"

namespace nt::app {

Result<Dialogue> ResolveDialogue(store::Database& database, std::string_view reference) {
  store::DialogueRepository dialogues(database);
  auto reference_data = ReferenceData::Shipped();
  if (reference_data) {
    const extract::Gazetteer& gazetteer = (*reference_data)->gazetteer;
    // The name in another spelling: the same parties and topic give the same key.
    if (std::string key = extract::DialogueKeyOf(reference, gazetteer); !key.empty()) {
      auto found = dialogues.FindByKey(key);  // a merged dialogue's key names the one it joined
      if (!found) return Fail(found.error());
      if (*found) return **found;
    }
    // The parties alone ("Japan-US"): their one dialogue in the library.
    const std::string as_name = Trim(reference) + " Dialogue";
    if (std::string key = extract::DialogueKeyOf(as_name, gazetteer); !key.empty()) {
      const std::string parties = key.substr(0, key.find('|') + 1);
      auto all = dialogues.List();
      if (!all) return Fail(all.error());
      std::vector<const Dialogue*> theirs;
      for (const Dialogue& dialogue : *all) {
        if (dialogue.key.starts_with(parties)) theirs.push_back(&dialogue);
      }
      if (theirs.size() == 1) return *theirs.front();
      if (theirs.size() > 1) {
        return Fail(ErrorCode::kAmbiguous,
                    Quoted(reference) + " names the parties of " + std::to_string(theirs.size()) +
                        " dialogues; add the topic (e.g. " + Quoted(theirs.front()->name) + ").");
      }
    }
  }
  return dialogues.Resolve(reference);
}

}  // namespace nt::app
