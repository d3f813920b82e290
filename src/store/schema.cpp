#include "store/schema.h"

#include <array>
#include <string>
#include <string_view>

#include "core/fault.h"
#include "store/entity_tables.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

// Migration 1: the data model of DESIGN.md. Conventions: dates are ISO 8601 text, optional
// text is NULL when unknown, enumerations are stored by their stable names (core/*.h) and
// checked here, polymorphic links carry (kind, id) pairs cleaned up by triggers.
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE dialogues (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  key          TEXT NOT NULL UNIQUE
);

CREATE TABLE rounds (
  id           INTEGER PRIMARY KEY,
  dialogue_id  INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
  number       INTEGER CHECK (number IS NULL OR number > 0),
  start_date   TEXT,
  end_date     TEXT,
  place        TEXT
);
CREATE UNIQUE INDEX rounds_by_number ON rounds(dialogue_id, number) WHERE number IS NOT NULL;

CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL
                   CHECK (kind IN ('statement','un_report','agreement','resolution','other')),
  title            TEXT NOT NULL,
  symbol           TEXT,
  date             TEXT,
  place            TEXT,
  language         TEXT,
  source_path      TEXT,
  sha256           TEXT NOT NULL,
  importer         TEXT NOT NULL,
  importer_version TEXT NOT NULL,
  revision         INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  imported_at      TEXT NOT NULL,
  dialogue_id      INTEGER REFERENCES dialogues(id) ON DELETE SET NULL,
  round_id         INTEGER REFERENCES rounds(id) ON DELETE SET NULL
);
CREATE INDEX documents_by_sha256 ON documents(sha256);
CREATE INDEX documents_by_source ON documents(source_path);
CREATE INDEX documents_by_round ON documents(round_id);

-- Every revision a document went through, for provenance.
CREATE TABLE document_revisions (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  revision     INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  source_path  TEXT,
  imported_at  TEXT NOT NULL,
  PRIMARY KEY (document_id, revision)
);

CREATE TABLE paragraphs (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal        INTEGER NOT NULL CHECK (ordinal >= 1),
  label          TEXT,
  heading_path   TEXT,      -- headings joined by U+001F, outermost first
  text           TEXT NOT NULL,
  language       TEXT,
  page           INTEGER,
  is_boilerplate INTEGER NOT NULL DEFAULT 0 CHECK (is_boilerplate IN (0, 1)),
  UNIQUE (document_id, ordinal)
);

CREATE TABLE actors (
  id             INTEGER PRIMARY KEY,
  canonical_name TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL
                 CHECK (kind IN ('state','agency','organisation','group','person')),
  parent_id      INTEGER REFERENCES actors(id) ON DELETE SET NULL
);

CREATE TABLE actor_aliases (
  actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  is_acronym INTEGER NOT NULL DEFAULT 0 CHECK (is_acronym IN (0, 1)),
  PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_aliases_by_alias ON actor_aliases(alias COLLATE NOCASE);

CREATE TABLE commitments (
  id           INTEGER PRIMARY KEY,
  paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
  span_begin   INTEGER NOT NULL CHECK (span_begin >= 0),
  span_end     INTEGER NOT NULL CHECK (span_end >= span_begin),
  text         TEXT NOT NULL,
  cue          TEXT,
  type         TEXT NOT NULL CHECK (type IN ('obligation','pledge','agreement','intention',
                                             'recommendation','recognition','welcome')),
  strength     TEXT NOT NULL
               CHECK (strength IN ('binding','political','aspirational','advisory','none')),
  deadline     TEXT,
  origin       TEXT NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted','manual'))
);
CREATE INDEX commitments_by_paragraph ON commitments(paragraph_id);

CREATE TABLE commitment_actors (
  commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
  actor_id      INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role          TEXT NOT NULL CHECK (role IN ('subject','counterpart','addressee')),
  PRIMARY KEY (commitment_id, actor_id, role)
);
CREATE INDEX commitment_actors_by_actor ON commitment_actors(actor_id);

CREATE TABLE norms (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  short_title   TEXT NOT NULL,
  description   TEXT,
  source_symbol TEXT
);

CREATE TABLE follow_ups (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  owner_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
  due_date       TEXT,
  notes          TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE follow_up_commitments (
  follow_up_id  INTEGER NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
  commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
  PRIMARY KEY (follow_up_id, commitment_id)
);
CREATE INDEX follow_up_commitments_by_commitment ON follow_up_commitments(commitment_id);

-- The status history. Rows are only ever appended: the current status is the latest row.
CREATE TABLE follow_up_events (
  id                    INTEGER PRIMARY KEY,
  follow_up_id          INTEGER NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
  date                  TEXT NOT NULL,
  status                TEXT NOT NULL
                        CHECK (status IN ('planned','in_progress','done','dropped','blocked')),
  completion            TEXT NOT NULL CHECK (completion IN
                        ('not_started','limited','substantial','complete','no_evidence')),
  note                  TEXT,
  evidence_paragraph_id INTEGER REFERENCES paragraphs(id) ON DELETE SET NULL,
  evidence_text         TEXT,
  recorded_at           TEXT NOT NULL
);
CREATE INDEX follow_up_events_by_follow_up ON follow_up_events(follow_up_id, id);

CREATE TRIGGER follow_up_events_append_only BEFORE UPDATE OF
  follow_up_id, date, status, completion, note, evidence_text, recorded_at ON follow_up_events
BEGIN
  SELECT RAISE(ABORT, 'follow-up history is append-only');
END;

CREATE VIEW follow_up_current AS
  SELECT e.follow_up_id, e.status, e.completion, e.date
  FROM follow_up_events e
  WHERE e.id = (SELECT max(id) FROM follow_up_events WHERE follow_up_id = e.follow_up_id);

CREATE TABLE links (
  id          INTEGER PRIMARY KEY,
  source_kind TEXT NOT NULL,
  source_id   INTEGER NOT NULL,
  target_kind TEXT NOT NULL,
  target_id   INTEGER NOT NULL,
  type        TEXT NOT NULL,
  origin      TEXT NOT NULL CHECK (origin IN ('extracted','manual')),
  confidence  REAL NOT NULL DEFAULT 1.0 CHECK (confidence >= 0.0 AND confidence <= 1.0),
  note        TEXT,
  created_at  TEXT NOT NULL,
  UNIQUE (source_kind, source_id, target_kind, target_id, type),
  CHECK (source_kind IN ('document','paragraph','commitment','actor','dialogue','round','norm',
                         'follow_up')),
  CHECK (target_kind IN ('document','paragraph','commitment','actor','dialogue','round','norm',
                         'follow_up'))
);
CREATE INDEX links_by_target ON links(target_kind, target_id);

CREATE TABLE saved_searches (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  query       TEXT NOT NULL,
  is_watch    INTEGER NOT NULL DEFAULT 0 CHECK (is_watch IN (0, 1)),
  created_at  TEXT NOT NULL,
  last_run_at TEXT
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

// Links point at rows of many tables, so foreign keys cannot clean them up; these triggers do.
std::string LinkCleanupTriggers() {
  std::string sql;
  for (const auto& [table, kind] : kEntityTables) {
    sql += "CREATE TRIGGER " + std::string(table) + "_drop_links AFTER DELETE ON " +
           std::string(table) + " BEGIN DELETE FROM links WHERE (source_kind = '" +
           std::string(kind) + "' AND source_id = old.id) OR (target_kind = '" +
           std::string(kind) + "' AND target_id = old.id); END;\n";
  }
  return sql;
}

// Migration 2: keeping the derived search index in step with the store (issue 4).
//  - index_outbox: documents whose index entries are out of date. A row is written in the SAME
//    transaction as the change it describes and deleted only after the index has committed, so
//    a crash between the two commits leaves a row that the next open repairs. A deleted
//    document's row must outlive it, hence no foreign key; the trigger queues every deletion,
//    whoever deletes.
//  - saved_search_matches: what each watched search has already found, so a re-run after an
//    import can tell new matches; `reported` = shown to the user by `normtrack watch`.
constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE index_outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('index','delete')),
  queued_at   TEXT NOT NULL
);
CREATE INDEX index_outbox_by_document ON index_outbox(document_id, id);

CREATE TRIGGER documents_queue_index_delete AFTER DELETE ON documents BEGIN
  INSERT INTO index_outbox (document_id, action, queued_at)
  VALUES (old.id, 'delete', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TABLE saved_search_matches (
  saved_search_id INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
  item            TEXT NOT NULL,
  found_at        TEXT NOT NULL,
  reported        INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1)),
  PRIMARY KEY (saved_search_id, item)
);

-- A library from before the index: every document it holds is queued, so the first search
-- indexes it.
INSERT INTO index_outbox (document_id, action, queued_at)
  SELECT id, 'index', strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM documents ORDER BY id;
)sql";

// Migration 2, continued: what the index holds besides the text (commitments, their actors,
// norm links, follow-up statuses) can change outside an import, by services this module does not
// know; these triggers queue the affected document in the changing transaction (invariant 6).
std::string IndexOutboxTriggers() {
  // `document_of` selects the affected document ids from the NEW/OLD row.
  struct Source {
    std::string_view table;
    std::string_view events;  // "INSERT", "UPDATE", "DELETE"
    std::string_view row;     // "new" or "old"
    std::string_view document_of;
  };
  constexpr std::string_view kOfCommitment =
      "SELECT p.document_id FROM commitments c JOIN paragraphs p ON p.id = c.paragraph_id "
      "WHERE c.id = {row}.commitment_id";
  constexpr std::string_view kOfFollowUp =
      "SELECT DISTINCT p.document_id FROM follow_up_commitments fc "
      "JOIN commitments c ON c.id = fc.commitment_id JOIN paragraphs p ON p.id = c.paragraph_id "
      "WHERE fc.follow_up_id = {row}.follow_up_id";
  const Source sources[] = {
      {"commitments", "INSERT", "new",
       "SELECT document_id FROM paragraphs WHERE id = new.paragraph_id"},
      {"commitments", "UPDATE", "new",
       "SELECT document_id FROM paragraphs WHERE id IN (new.paragraph_id, old.paragraph_id)"},
      {"commitments", "DELETE", "old",
       "SELECT document_id FROM paragraphs WHERE id = old.paragraph_id"},
      {"commitment_actors", "INSERT", "new", kOfCommitment},
      {"commitment_actors", "DELETE", "old", kOfCommitment},
      {"follow_up_commitments", "INSERT", "new", kOfCommitment},
      {"follow_up_commitments", "DELETE", "old", kOfCommitment},
      {"follow_up_events", "INSERT", "new", kOfFollowUp},
  };
  std::string sql;
  for (const Source& source : sources) {
    std::string select(source.document_of);
    for (auto at = select.find("{row}"); at != std::string::npos; at = select.find("{row}")) {
      select.replace(at, 5, source.row);
    }
    std::string name = std::string(source.table) + "_queue_index_" +
                       (source.events == "INSERT" ? "insert"
                        : source.events == "UPDATE" ? "update" : "delete");
    sql += "CREATE TRIGGER " + name + " AFTER " + std::string(source.events) + " ON " +
           std::string(source.table) +
           " BEGIN INSERT INTO index_outbox (document_id, action, queued_at) SELECT document_id, "
           "'index', strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM (" + select + "); END;\n";
  }
  // Norm links of commitments (links have no foreign keys: match on the kinds).
  for (std::string_view row : {"new", "old"}) {
    const std::string r(row);
    sql += "CREATE TRIGGER links_queue_index_" + std::string(row == "new" ? "insert" : "delete") +
           " AFTER " + (row == "new" ? "INSERT" : "DELETE") +
           " ON links WHEN " + r + ".source_kind = 'commitment' AND " + r +
           ".target_kind = 'norm' BEGIN INSERT INTO index_outbox (document_id, action, "
           "queued_at) SELECT p.document_id, 'index', strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
           "FROM commitments c JOIN paragraphs p ON p.id = c.paragraph_id WHERE c.id = " + r +
           ".source_id; END;\n";
  }
  return sql;
}

// Migration 3: the actors each paragraph names, as the import found them, so that assembling a
// document for the index reads them (one query per document) instead of matching the gazetteer
// against every paragraph again (app/internal/index_assembly.cpp).
//  - paragraph_actor_mentions: the distinct actors named in a paragraph, in the order first
//    named (the order the index lists them in); parents are the actors table's business.
//  - actor_mention_scans: the documents whose mentions were recorded. A document without a row
//    (stored before this migration, or imported without the reference data) has never been
//    scanned, which is not the same as a document that names no one.
// Existing documents are not filled here: SQL cannot run the gazetteer.
// An actor's deletion queues the documents that name it (before the cascade removes the rows
// that say which they are), as its commitments' triggers do for the actors they bind.
constexpr std::string_view kMigration3 = R"sql(
CREATE TABLE paragraph_actor_mentions (
  paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position >= 0),
  actor_id     INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  PRIMARY KEY (paragraph_id, position),
  UNIQUE (paragraph_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX paragraph_actor_mentions_by_actor ON paragraph_actor_mentions(actor_id);

CREATE TABLE actor_mention_scans (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
);

CREATE TRIGGER actors_queue_index_mentions BEFORE DELETE ON actors BEGIN
  INSERT INTO index_outbox (document_id, action, queued_at)
  SELECT DISTINCT p.document_id, 'index', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM paragraph_actor_mentions m JOIN paragraphs p ON p.id = m.paragraph_id
  WHERE m.actor_id = old.id;
END;
)sql";

// Migration 4: corrections that survive (issue 14). A user's fix of what extraction got wrong is
// kept apart from what extraction writes, so a re-import or a new revision of the file applies it
// again (app/internal/correction_replay.h):
//  - corrections: the history of every manual change, who (the OS user), when, the field and
//    its value before and after, by the entity it changed. Append-only, like a follow-up's.
//  - document_overrides: the document fields a user set (title, date, kind, dialogue, round);
//    `value` is the text, or the dialogue's or round's id; "" clears the field.
//  - rejected_commitments: commitments a user deleted. The row keeps the clause's text, so the
//    same clause found again in a revision is dropped instead of coming back.
//  - actor_redirects, dialogue_redirects: a merged actor's names and a merged dialogue's key,
//    and an actor's name before a rename, resolve to the actor or dialogue that absorbed them,
//    so extraction upserting by name or key lands on the corrected entity.
constexpr std::string_view kMigration4 = R"sql(
CREATE TABLE corrections (
  id          INTEGER PRIMARY KEY,
  entity_kind TEXT NOT NULL CHECK (entity_kind IN ('document','commitment','actor','dialogue')),
  entity_id   INTEGER NOT NULL,
  document_id INTEGER,          -- the document the change is about, when there is one
  action      TEXT NOT NULL CHECK (action IN ('edit','add','reject','merge','rename','lost')),
  field       TEXT,
  before      TEXT,
  after       TEXT,
  user        TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX corrections_by_entity ON corrections(entity_kind, entity_id, id);
CREATE INDEX corrections_by_document ON corrections(document_id, id);

CREATE TRIGGER corrections_append_only BEFORE UPDATE OF
  entity_kind, action, field, before, after, user, recorded_at ON corrections
BEGIN
  SELECT RAISE(ABORT, 'the corrections history is append-only');
END;

CREATE TABLE document_overrides (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  field       TEXT NOT NULL CHECK (field IN ('title','date','kind','dialogue','round')),
  value       TEXT NOT NULL,
  PRIMARY KEY (document_id, field)
) WITHOUT ROWID;

CREATE TABLE rejected_commitments (
  commitment_id INTEGER PRIMARY KEY,  -- the id it had, which `commitment show` still answers
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  text          TEXT NOT NULL,
  type          TEXT NOT NULL,
  paragraph_label TEXT,
  rejected_at   TEXT NOT NULL
);
CREATE INDEX rejected_commitments_by_document ON rejected_commitments(document_id);

CREATE TABLE actor_redirects (
  name     TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE
);

CREATE TABLE dialogue_redirects (
  key         TEXT NOT NULL PRIMARY KEY,
  dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE
);

-- A deleted document takes the history of its own corrections and of its commitments with it.
CREATE TRIGGER documents_drop_corrections AFTER DELETE ON documents BEGIN
  DELETE FROM corrections WHERE document_id = old.id;
END;
)sql";

struct Migration {
  int version;
  std::string sql;
};

std::array<Migration, 4> Migrations() {
  return {{{1, std::string(kMigration1) + LinkCleanupTriggers()},
           {2, std::string(kMigration2) + IndexOutboxTriggers()},
           {3, std::string(kMigration3)},
           {4, std::string(kMigration4)}}};
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

Status Migrate(Connection& connection) {
  auto current = connection.QueryInt("PRAGMA user_version");
  if (!current) return Fail(current.error());
  for (const Migration& migration : Migrations()) {
    if (migration.version <= *current) continue;
    NT_TRY(connection.Execute("BEGIN IMMEDIATE"));
    Status applied = connection.Execute(migration.sql);
    if (applied) applied = fault::Check("store.migrate");
    if (applied) {
      applied = connection.Execute("PRAGMA application_id = " + std::to_string(kApplicationId) +
                                   "; PRAGMA user_version = " +
                                   std::to_string(migration.version));
    }
    if (applied) applied = connection.Execute("COMMIT");
    if (!applied) {
      (void)connection.Execute("ROLLBACK");
      return Fail(applied.error());
    }
  }
  return {};
}

}  // namespace nt::store
