//! The database schema as numbered migrations, tracked by `PRAGMA user_version`.

use rusqlite_migration::{M, Migrations};

/// Marks a SQLite file as PartnerPath's (`PRAGMA application_id`, "PPth").
pub const APPLICATION_ID: i64 = 0x5050_7468;

const V1: &str = "
PRAGMA application_id = 1347449960;

CREATE TABLE partnerships (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL CHECK (length(trim(name)) > 0),
    district             TEXT NOT NULL DEFAULT '',
    partner_organisation TEXT NOT NULL DEFAULT '',
    partner_kind         TEXT NOT NULL CHECK (partner_kind IN (
                             'educator_preparation', 'teachers_association',
                             'turnaround_partner', 'community_organisation', 'other')),
    start_date           TEXT,
    notes                TEXT NOT NULL DEFAULT '',
    archived             INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    is_sample            INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE people (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    side           TEXT NOT NULL CHECK (side IN ('district', 'partner', 'school', 'other')),
    role           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_by_partnership ON people(partnership_id);

CREATE TABLE cycles (
    id                 INTEGER PRIMARY KEY,
    partnership_id     INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    instrument_key     TEXT NOT NULL,
    instrument_version TEXT NOT NULL,
    school_year        TEXT NOT NULL,
    administered_on    TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX cycles_by_partnership ON cycles(partnership_id);

-- person_id NULL is the team's consensus.
CREATE TABLE ratings (
    id            INTEGER PRIMARY KEY,
    cycle_id      INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    indicator_key TEXT NOT NULL,
    person_id     INTEGER REFERENCES people(id) ON DELETE CASCADE,
    level         INTEGER CHECK (level BETWEEN 1 AND 4),
    evidence      TEXT NOT NULL DEFAULT '',
    next_steps    TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX ratings_one_per_rater
    ON ratings(cycle_id, indicator_key, coalesce(person_id, 0));
CREATE INDEX ratings_by_person ON ratings(person_id);
";

/// Version 2: the partnership's stage of partnering over time.
const V2: &str = "
CREATE TABLE stage_entries (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    stage          INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 5),
    started_on     TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stage_entries_by_partnership ON stage_entries(partnership_id);
";

/// Version 3: readiness rounds, rated separately by each side's team.
const V3: &str = "
CREATE TABLE readiness_rounds (
    id                 INTEGER PRIMARY KEY,
    partnership_id     INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    title              TEXT NOT NULL,
    held_on            TEXT NOT NULL,
    instrument_key     TEXT NOT NULL,
    instrument_version TEXT NOT NULL
);
CREATE INDEX readiness_rounds_by_partnership ON readiness_rounds(partnership_id);

CREATE TABLE readiness_members (
    id       INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES readiness_rounds(id) ON DELETE CASCADE,
    team     TEXT NOT NULL CHECK (team IN ('district', 'partner')),
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX readiness_members_by_round ON readiness_members(round_id);

CREATE TABLE readiness_ratings (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES readiness_members(id) ON DELETE CASCADE,
    category_key TEXT NOT NULL,
    rating       INTEGER CHECK (rating BETWEEN 1 AND 4),
    concerns     TEXT NOT NULL DEFAULT '',
    UNIQUE (member_id, category_key)
);

CREATE TABLE readiness_summaries (
    id           INTEGER PRIMARY KEY,
    round_id     INTEGER NOT NULL REFERENCES readiness_rounds(id) ON DELETE CASCADE,
    team         TEXT NOT NULL CHECK (team IN ('district', 'partner')),
    category_key TEXT NOT NULL,
    concerns     TEXT NOT NULL DEFAULT '',
    strengths    TEXT NOT NULL DEFAULT '',
    UNIQUE (round_id, team, category_key)
);
";

/// Version 4: filled worksheets, action steps, and the monitoring plan.
const V4: &str = "
CREATE TABLE documents (
    id                 INTEGER PRIMARY KEY,
    partnership_id     INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    instrument_key     TEXT NOT NULL,
    instrument_version TEXT NOT NULL,
    title              TEXT NOT NULL,
    created_on         TEXT NOT NULL
);
CREATE INDEX documents_by_partnership ON documents(partnership_id);

-- One typed value (JSON) per field of a document.
CREATE TABLE document_values (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    field_key   TEXT NOT NULL,
    value       TEXT NOT NULL CHECK (json_valid(value)),
    PRIMARY KEY (document_id, field_key)
);

CREATE TABLE goals (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    goal_id        INTEGER REFERENCES goals(id) ON DELETE CASCADE,
    text           TEXT NOT NULL
);

CREATE TABLE milestones (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    milestone      TEXT NOT NULL,
    feedback_data  TEXT NOT NULL DEFAULT '',
    frequency      TEXT NOT NULL,
    source         TEXT NOT NULL DEFAULT '',
    serves_goal_id INTEGER REFERENCES goals(id) ON DELETE SET NULL,
    started_on     TEXT NOT NULL
);
CREATE INDEX milestones_by_partnership ON milestones(partnership_id);

CREATE TABLE check_ins (
    id           INTEGER PRIMARY KEY,
    milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
    checked_on   TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('met', 'progressing', 'not_yet')),
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX check_ins_by_milestone ON check_ins(milestone_id);

-- Raised at a meeting (document_id) or for a milestone (milestone_id).
CREATE TABLE action_steps (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    text           TEXT NOT NULL,
    owner          TEXT NOT NULL DEFAULT '',
    due_on         TEXT,
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    document_id    INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    milestone_id   INTEGER REFERENCES milestones(id) ON DELETE CASCADE,
    raised_on      TEXT NOT NULL,
    closed_on      TEXT,
    CHECK ((document_id IS NULL) <> (milestone_id IS NULL))
);
CREATE INDEX action_steps_by_partnership ON action_steps(partnership_id);
";

/// Version 5: ids that travel between files, and "Recently deleted".
///
/// Every record that can move to another file through an exchange file
/// gets `uid`, a random 128-bit id kept forever (filled by a trigger when
/// an insert gives none). A partnership, cycle, readiness round or document
/// that is deleted keeps its row with `deleted_at` set for 30 days, so that
/// it can be restored. A partnership imported for rating apart says so.
const V5: &str = "
ALTER TABLE partnerships ADD COLUMN uid BLOB;
UPDATE partnerships SET uid = randomblob(16);
CREATE UNIQUE INDEX partnerships_by_uid ON partnerships(uid);
CREATE TRIGGER partnerships_uid AFTER INSERT ON partnerships WHEN NEW.uid IS NULL
BEGIN UPDATE partnerships SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE people ADD COLUMN uid BLOB;
UPDATE people SET uid = randomblob(16);
CREATE UNIQUE INDEX people_by_uid ON people(uid);
CREATE TRIGGER people_uid AFTER INSERT ON people WHEN NEW.uid IS NULL
BEGIN UPDATE people SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE cycles ADD COLUMN uid BLOB;
UPDATE cycles SET uid = randomblob(16);
CREATE UNIQUE INDEX cycles_by_uid ON cycles(uid);
CREATE TRIGGER cycles_uid AFTER INSERT ON cycles WHEN NEW.uid IS NULL
BEGIN UPDATE cycles SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE ratings ADD COLUMN uid BLOB;
UPDATE ratings SET uid = randomblob(16);
CREATE UNIQUE INDEX ratings_by_uid ON ratings(uid);
CREATE TRIGGER ratings_uid AFTER INSERT ON ratings WHEN NEW.uid IS NULL
BEGIN UPDATE ratings SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE stage_entries ADD COLUMN uid BLOB;
UPDATE stage_entries SET uid = randomblob(16);
CREATE UNIQUE INDEX stage_entries_by_uid ON stage_entries(uid);
CREATE TRIGGER stage_entries_uid AFTER INSERT ON stage_entries WHEN NEW.uid IS NULL
BEGIN UPDATE stage_entries SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE readiness_rounds ADD COLUMN uid BLOB;
UPDATE readiness_rounds SET uid = randomblob(16);
CREATE UNIQUE INDEX readiness_rounds_by_uid ON readiness_rounds(uid);
CREATE TRIGGER readiness_rounds_uid AFTER INSERT ON readiness_rounds WHEN NEW.uid IS NULL
BEGIN UPDATE readiness_rounds SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE readiness_members ADD COLUMN uid BLOB;
UPDATE readiness_members SET uid = randomblob(16);
CREATE UNIQUE INDEX readiness_members_by_uid ON readiness_members(uid);
CREATE TRIGGER readiness_members_uid AFTER INSERT ON readiness_members WHEN NEW.uid IS NULL
BEGIN UPDATE readiness_members SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE readiness_ratings ADD COLUMN uid BLOB;
UPDATE readiness_ratings SET uid = randomblob(16);
CREATE UNIQUE INDEX readiness_ratings_by_uid ON readiness_ratings(uid);
CREATE TRIGGER readiness_ratings_uid AFTER INSERT ON readiness_ratings WHEN NEW.uid IS NULL
BEGIN UPDATE readiness_ratings SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE readiness_summaries ADD COLUMN uid BLOB;
UPDATE readiness_summaries SET uid = randomblob(16);
CREATE UNIQUE INDEX readiness_summaries_by_uid ON readiness_summaries(uid);
CREATE TRIGGER readiness_summaries_uid AFTER INSERT ON readiness_summaries WHEN NEW.uid IS NULL
BEGIN UPDATE readiness_summaries SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE documents ADD COLUMN uid BLOB;
UPDATE documents SET uid = randomblob(16);
CREATE UNIQUE INDEX documents_by_uid ON documents(uid);
CREATE TRIGGER documents_uid AFTER INSERT ON documents WHEN NEW.uid IS NULL
BEGIN UPDATE documents SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE goals ADD COLUMN uid BLOB;
UPDATE goals SET uid = randomblob(16);
CREATE UNIQUE INDEX goals_by_uid ON goals(uid);
CREATE TRIGGER goals_uid AFTER INSERT ON goals WHEN NEW.uid IS NULL
BEGIN UPDATE goals SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE milestones ADD COLUMN uid BLOB;
UPDATE milestones SET uid = randomblob(16);
CREATE UNIQUE INDEX milestones_by_uid ON milestones(uid);
CREATE TRIGGER milestones_uid AFTER INSERT ON milestones WHEN NEW.uid IS NULL
BEGIN UPDATE milestones SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE check_ins ADD COLUMN uid BLOB;
UPDATE check_ins SET uid = randomblob(16);
CREATE UNIQUE INDEX check_ins_by_uid ON check_ins(uid);
CREATE TRIGGER check_ins_uid AFTER INSERT ON check_ins WHEN NEW.uid IS NULL
BEGIN UPDATE check_ins SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE action_steps ADD COLUMN uid BLOB;
UPDATE action_steps SET uid = randomblob(16);
CREATE UNIQUE INDEX action_steps_by_uid ON action_steps(uid);
CREATE TRIGGER action_steps_uid AFTER INSERT ON action_steps WHEN NEW.uid IS NULL
BEGIN UPDATE action_steps SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

ALTER TABLE partnerships ADD COLUMN deleted_at TEXT;
ALTER TABLE cycles ADD COLUMN deleted_at TEXT;
ALTER TABLE readiness_rounds ADD COLUMN deleted_at TEXT;
ALTER TABLE documents ADD COLUMN deleted_at TEXT;

-- Set on a partnership imported from an exchange file made for some people
-- to rate one cycle apart: {\"cycle\": id, \"people\": [id, …]}.
ALTER TABLE partnerships ADD COLUMN rating_copy TEXT CHECK (rating_copy IS NULL OR json_valid(rating_copy));
";

/// Version 6: the day a document was last edited, for the phase pages'
/// "last changed on". Older documents read their creation day until edited.
const V6: &str = "
ALTER TABLE documents ADD COLUMN changed_on TEXT;
";

/// Version 7: a partnership's own adaptations of the continuum, one row
/// per version; `wording` is the JSON of the indicators it rewrote. A cycle
/// names a version by its `instrument_version` ("adapted-<version_id>").
const V7: &str = "
CREATE TABLE adaptations (
    id               INTEGER PRIMARY KEY,
    uid              BLOB,
    partnership_id   INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    lineage          BLOB NOT NULL,
    version_id       BLOB NOT NULL UNIQUE,
    number           INTEGER NOT NULL CHECK (number >= 1),
    name             TEXT NOT NULL,
    based_on_key     TEXT NOT NULL,
    based_on_version TEXT NOT NULL,
    wording          TEXT NOT NULL CHECK (json_valid(wording)),
    made_on          TEXT NOT NULL
);
CREATE UNIQUE INDEX adaptations_by_uid ON adaptations(uid);
CREATE INDEX adaptations_of ON adaptations(partnership_id);
CREATE TRIGGER adaptations_uid AFTER INSERT ON adaptations WHEN NEW.uid IS NULL
BEGIN UPDATE adaptations SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;

-- A version a cycle was rated with keeps its words.
CREATE TRIGGER adaptations_kept BEFORE UPDATE ON adaptations
WHEN (NEW.name IS NOT OLD.name OR NEW.wording IS NOT OLD.wording)
 AND EXISTS (SELECT 1 FROM cycles c
             WHERE c.partnership_id = OLD.partnership_id
               AND c.instrument_key = OLD.based_on_key
               AND c.instrument_version = 'adapted-' || lower(hex(OLD.version_id)))
BEGIN SELECT RAISE(ABORT, 'a cycle was rated with this version of the adaptation'); END;
";

/// Version 8: the history of changes, kept by triggers (made by
/// `history::record_every_table` after this SQL): who (the computer's user
/// who opened the file, in `history_writer`), when, which record, its old
/// and new values. Nothing may change or delete it.
const V8: &str = "
CREATE TABLE history (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    who            TEXT NOT NULL,
    partnership_id INTEGER,
    record         TEXT NOT NULL,
    record_id      INTEGER,
    change         TEXT NOT NULL CHECK (change IN ('insert', 'update', 'delete')),
    old            TEXT CHECK (old IS NULL OR json_valid(old)),
    new            TEXT CHECK (new IS NULL OR json_valid(new))
);
CREATE INDEX history_by_partnership ON history(partnership_id, id);
CREATE TRIGGER history_kept_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'the history of changes is kept as it was'); END;
CREATE TRIGGER history_kept_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'the history of changes is kept as it was'); END;

-- Who makes the changes: set each time the file is opened for writing.
CREATE TABLE history_writer (who TEXT NOT NULL);
INSERT INTO history_writer VALUES ('');
";

/// Version 9: evidence attached to records. A file's content is kept once
/// per fingerprint (SHA-256) in `attachment_files`, apart from the records
/// that name it, so that reading a partnership never reads a file's bytes;
/// `attachments` holds each piece of evidence on one record (an indicator
/// of a cycle, a readiness round, a worksheet or meeting, a milestone): a
/// file by its fingerprint, or a link by its address. A deleted one waits
/// in "Recently deleted"; a file no attachment names any more is removed
/// with the records purged after 30 days.
const V9: &str = "
CREATE TABLE attachment_files (
    hash    TEXT PRIMARY KEY CHECK (length(hash) = 64),
    size    INTEGER NOT NULL CHECK (size >= 0),
    content BLOB NOT NULL
);

CREATE TABLE attachments (
    id             INTEGER PRIMARY KEY,
    uid            BLOB,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    cycle_id       INTEGER REFERENCES cycles(id) ON DELETE CASCADE,
    indicator_key  TEXT,
    round_id       INTEGER REFERENCES readiness_rounds(id) ON DELETE CASCADE,
    document_id    INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    milestone_id   INTEGER REFERENCES milestones(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    address        TEXT,
    hash           TEXT REFERENCES attachment_files(hash),
    size           INTEGER,
    added_by       TEXT NOT NULL,
    added_on       TEXT NOT NULL,
    deleted_at     TEXT,
    CHECK ((cycle_id IS NOT NULL) + (round_id IS NOT NULL) + (document_id IS NOT NULL)
           + (milestone_id IS NOT NULL) = 1),
    CHECK ((cycle_id IS NULL) = (indicator_key IS NULL)),
    CHECK ((address IS NULL) <> (hash IS NULL))
);
CREATE UNIQUE INDEX attachments_by_uid ON attachments(uid);
CREATE INDEX attachments_of ON attachments(partnership_id);
CREATE INDEX attachments_by_hash ON attachments(hash);
CREATE TRIGGER attachments_uid AFTER INSERT ON attachments WHEN NEW.uid IS NULL
BEGIN UPDATE attachments SET uid = randomblob(16) WHERE rowid = NEW.rowid; END;
";

/// Version 10: "Rate first, reveal together", a cycle whose people's
/// levels are hidden until the team reveals them. The cycles' history
/// triggers are made again with the new column (the hook).
const V10: &str = "
ALTER TABLE cycles ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
DROP TRIGGER cycles_recorded_insert;
DROP TRIGGER cycles_recorded_update;
DROP TRIGGER cycles_recorded_delete;
";

/// Version 11: undo. What a delete removes for good (a person with their
/// ratings, a milestone with its check-ins) is kept here as JSON
/// (`removed.rs`), so that undoing the delete puts it back with its ids;
/// `kept` holds only which records, once they are back.
const V11: &str = "
CREATE TABLE removed (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    removed_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    kept           TEXT NOT NULL CHECK (json_valid(kept))
);
CREATE INDEX removed_of ON removed(partnership_id);
";

/// The version that brought the history of changes.
const HISTORY_VERSION: usize = 8;
/// The version that brought attachments, whose history triggers are made
/// with it.
const ATTACHMENTS_VERSION: usize = 9;
/// The version that brought hidden cycles, whose history triggers are made
/// again with it.
const HIDDEN_VERSION: usize = 10;

/// Every migration in order; the schema version is the number applied.
const STEPS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11];

pub fn migrations() -> Migrations<'static> {
    Migrations::new(
        STEPS
            .iter()
            .enumerate()
            .map(|(i, sql)| {
                // Version 8 (the eighth step) makes the history's triggers
                // from the tables as they are then.
                if i + 1 == HISTORY_VERSION {
                    M::up_with_hook(sql, crate::history::record_every_table)
                } else if i + 1 == ATTACHMENTS_VERSION {
                    M::up_with_hook(sql, crate::history::record_attachments)
                } else if i + 1 == HIDDEN_VERSION {
                    M::up_with_hook(sql, crate::history::record_cycles)
                } else {
                    M::up(sql)
                }
            })
            .collect(),
    )
}

/// The schema version this program writes.
#[expect(
    clippy::cast_possible_wrap,
    reason = "a handful of migrations, far below i64::MAX"
)]
pub const LATEST_VERSION: i64 = STEPS.len() as i64;

/// Sets up an empty file with the schema of an older `version`, for tests
/// that upgrade an old file.
#[doc(hidden)]
pub fn set_up_version(
    conn: &mut rusqlite::Connection,
    version: usize,
) -> Result<(), rusqlite_migration::Error> {
    migrations().to_version(conn, version)
}

/// The schema of version 1, for tests that upgrade an old file.
#[doc(hidden)]
pub const VERSION_1: &str = V1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn the_application_id_in_the_schema_is_the_constant() {
        assert!(V1.contains(&format!("application_id = {APPLICATION_ID};")));
    }
}
