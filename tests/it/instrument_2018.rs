//! The 2018 continuum (a district's *Strengthening Partnerships Tool*, its
//! adaptation of the 2017 *Working Better Together*): its structure, its
//! wording checked against the 2018 text wherever that text survives the
//! extraction, and the passages taken from 2017 where it does not.

use partnerpath::instrument::{Continuum, Passage};

/// The 2018 text, as extracted from the PDF: a table per indicator whose
/// columns are tab-separated and often cut at their edges.
const SEED: &str = include_str!("../fixtures/seed-000-strengthening-partnerships-2018.txt");

/// The note beside every passage taken from 2017.
const FILLED_NOTE: &str = "Note from PartnerPath: this passage did not survive in the 2018 text; the 2017 wording is shown.";

fn continuum() -> Continuum {
    Continuum::parse(
        "wbt-continuum-2018.toml",
        include_str!("../../assets/instruments/wbt-continuum-2018.toml"),
    )
    .expect("the 2018 continuum loads")
}

fn continuum_2017() -> Continuum {
    Continuum::parse(
        "wbt-continuum.toml",
        include_str!("../../assets/instruments/wbt-continuum.toml"),
    )
    .expect("the 2017 continuum loads")
}

/// One indicator's part of the 2018 text, by line numbers of the fixture
/// (from 1, both ends included): `head` the line(s) with its name and
/// criteria, which read across the columns; `table` the rows under the
/// "Probing Questions / Emerging / … / Transformational" headings, whose
/// first column holds the questions and the next four the level cells.
/// `anchor` is a text of the first head line, so that a shifted range shows.
struct Block {
    key: &'static str,
    head: (usize, usize),
    table: (usize, usize),
    anchor: &'static str,
}

const BLOCKS: [Block; 13] = [
    Block {
        key: "mission-and-beliefs",
        head: (17, 17),
        table: (19, 20),
        anchor: "Mission and Belief - Dev",
    },
    Block {
        key: "shared-goals",
        head: (21, 21),
        table: (23, 24),
        anchor: "Shared Goals - Collaboratively de",
    },
    // Its criteria are cut into the last line of Shared Goals.
    Block {
        key: "mutual-benefit",
        head: (24, 24),
        table: (27, 28),
        anchor: "ne partnership has a positive impact on all partne",
    },
    // Its name and criteria follow Mutual Benefit's last question.
    Block {
        key: "collaboration-and-engagement",
        head: (28, 28),
        table: (30, 31),
        anchor: "Collaboration and Engagement - Seek innovative structure.",
    },
    Block {
        key: "roles-and-responsibilities",
        head: (37, 39),
        table: (41, 48),
        anchor: "Systems and structures",
    },
    Block {
        key: "decision-making",
        head: (49, 50),
        table: (52, 60),
        anchor: "sion Making - Specify in advance",
    },
    Block {
        key: "sustainability",
        head: (61, 62),
        table: (64, 65),
        anchor: "h member, the responsibilities for staffing, operat",
    },
    Block {
        key: "strategic-action-plan",
        head: (71, 71),
        table: (73, 74),
        anchor: "Strategic Action Plan - Jointly create",
    },
    // Its criteria are misread on Strategic Action Plan's last line and run
    // into the level headings on the next.
    Block {
        key: "progress-measures",
        head: (74, 75),
        table: (76, 76),
        anchor: "danalan a shara d mission",
    },
    // The questions' heading runs into the first question's line.
    Block {
        key: "resource-commitment",
        head: (77, 77),
        table: (78, 79),
        anchor: "Resource Commitment - Commit",
    },
    Block {
        key: "procedures",
        head: (85, 85),
        table: (87, 88),
        anchor: "Procedures - • Jointly schedule a y",
    },
    Block {
        key: "dissemination",
        head: (89, 89),
        table: (91, 92),
        anchor: "tion - Share data",
    },
    Block {
        key: "advocacy",
        head: (93, 93),
        table: (95, 96),
        anchor: "Advocacy - Advocate f",
    },
];

/// Words the extraction cut at a column edge, and one quotation mark it
/// added where a question breaks across lines: as PartnerPath reads them,
/// and as the 2018 text prints them (white space made single spaces, the
/// columns read as `printed` reads them).
const REPAIRS: [(&str, &str); 6] = [
    ("Develop a shared mission", "Dev velop a shared mission"),
    ("Advocate for the", "Advocate f or the"),
    ("to garner increased", "to gar ner increased"),
    (
        "resources for the continuous",
        "resources fo or the continuous",
    ),
    (
        "and health of the partnership",
        "and heal th of the partnership",
    ),
    (
        "\"usual and customary activity,\"",
        "\"usual and\" customary activity,\"",
    ),
];

/// White space made single spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines `from` to `to` of the 2018 text (counted from 1, both included).
fn lines(from: usize, to: usize) -> Vec<&'static str> {
    SEED.lines().skip(from - 1).take(to + 1 - from).collect()
}

/// The lines read across their columns, one after the other.
fn across((from, to): (usize, usize)) -> String {
    flat(&lines(from, to).join(" "))
}

/// Column `n` of the lines, read down: the `n`-th tab-separated field of
/// each line, joined.
fn column((from, to): (usize, usize), n: usize) -> String {
    let pieces: Vec<&str> = lines(from, to)
        .into_iter()
        .map(|line| line.split('\t').nth(n).unwrap_or_default())
        .collect();
    flat(&pieces.join(" "))
}

/// One indicator's part of the 2018 text, read as the table it was.
struct Printed {
    head: String,
    questions: String,
    levels: Vec<String>,
}

fn printed() -> Vec<(&'static str, Printed)> {
    BLOCKS
        .iter()
        .map(|block| {
            (
                block.key,
                Printed {
                    head: across(block.head),
                    questions: column(block.table, 0),
                    levels: (1..=4).map(|n| column(block.table, n)).collect(),
                },
            )
        })
        .collect()
}

/// The text as the 2018 text prints it: PartnerPath's repairs undone.
fn as_printed(text: &str) -> String {
    REPAIRS
        .iter()
        .fold(flat(text), |t, (ours, theirs)| t.replace(ours, theirs))
}

/// Whether the indicator takes the passage so named from 2017.
fn is_filled(filled: &[String], name: &str) -> bool {
    filled.iter().any(|f| f.as_str() == name)
}

/// Every criterion, question and level text of `c` not taken from 2017
/// that is not found under its own indicator (and level) in the 2018 text;
/// and how many were checked.
fn misplaced(c: &Continuum) -> (Vec<String>, usize) {
    let printed = printed();
    let mut problems = Vec::new();
    let mut checked = 0;
    for indicator in c.indicators() {
        let Some((_, source)) = printed.iter().find(|(key, _)| *key == indicator.key) else {
            problems.push(format!(
                "{} is not an indicator of the 2018 text",
                indicator.key
            ));
            continue;
        };
        let filled = &indicator.filled;
        if !is_filled(filled, "criteria") {
            for (i, text) in indicator.criteria.iter().enumerate() {
                if is_filled(filled, &format!("criterion {}", i + 1)) {
                    continue;
                }
                if !source.head.contains(&as_printed(text)) {
                    problems.push(format!("{}: criterion {text:?}", indicator.name));
                }
                checked += 1;
            }
        }
        for (i, text) in indicator.probing_questions.iter().enumerate() {
            if is_filled(filled, &format!("question {}", i + 1)) {
                continue;
            }
            if !source.questions.contains(&as_printed(text)) {
                problems.push(format!("{}: question {text:?}", indicator.name));
            }
            checked += 1;
        }
        for (level, paragraphs) in indicator.levels.iter().enumerate() {
            if is_filled(filled, &format!("level {}", level + 1)) {
                continue;
            }
            let cell = source.levels.get(level).map_or("", String::as_str);
            for text in paragraphs {
                if !cell.contains(&as_printed(text)) {
                    problems.push(format!("{}: level {} {text:?}", indicator.name, level + 1));
                }
                checked += 1;
            }
        }
    }
    (problems, checked)
}

#[test]
fn the_blocks_are_cut_where_the_2018_text_has_its_indicators() {
    let c = continuum();
    let keys: Vec<&str> = c.indicators().map(|i| i.key.as_str()).collect();
    let blocks: Vec<&str> = BLOCKS.iter().map(|b| b.key).collect();
    assert_eq!(keys, blocks);
    let all: Vec<&str> = SEED.lines().collect();
    assert_eq!(all.len(), 98, "the fixture is the 2018 text, byte for byte");
    let mut after = 0;
    for block in &BLOCKS {
        let first = lines(block.head.0, block.head.0).concat();
        assert!(
            first.contains(block.anchor),
            "{}: line {} reads {first:?}",
            block.key,
            block.head.0
        );
        // In reading order: a head may share the previous table's last
        // line (the extraction ran them together), never go before it.
        assert!(block.head.0 >= after, "{}", block.key);
        assert!(block.head.0 <= block.head.1, "{}", block.key);
        assert!(block.head.1 < block.table.0, "{}", block.key);
        assert!(block.table.0 <= block.table.1, "{}", block.key);
        assert!(block.table.1 <= all.len(), "{}", block.key);
        after = block.table.1;
    }
}

#[test]
fn every_text_is_word_for_word_under_its_own_indicator_and_level() {
    let c = continuum();
    for (key, p) in printed() {
        assert!(!p.head.is_empty(), "{key}: a head");
        assert!(!p.questions.is_empty(), "{key}: questions");
        assert!(
            p.levels.iter().all(|cell| !cell.is_empty()),
            "{key}: four level cells"
        );
    }
    let (problems, checked) = misplaced(&c);
    assert!(
        problems.is_empty(),
        "not where the 2018 text has them:\n{}",
        problems.join("\n")
    );
    for text in c.how_to_use.iter().chain(&c.how_the_tool_is_organized) {
        assert!(SEED.contains(text.as_str()), "not in the source: {text:?}");
    }
    // 114 in all: every question and level of the 13 indicators, and the
    // four criteria lists the 2018 text keeps whole.
    assert!(checked >= 110, "only {checked} texts checked");
}

/// What a table's columns hold besides the indicator's own texts: the
/// "Supporting evidence" box, headings the extraction ran into a cell, the
/// neighbours' words it cut into a line, and misread repeats.
const NOT_TEXTS: [&str; 13] = [
    "Supporting evidence:",
    "Supporting evidence",
    "Probing Questions:",
    "Probing Questions",
    "Punking Questions",
    "Established",
    "Transformational",
    // Mutual Benefit's criteria, cut into Shared Goals' last line.
    "ne partnership has a positive impact on all partne",
    "re and/or avganizations",
    // The next indicator's heading after Mutual Benefit's last question.
    "Collaboration and Engagement - Seek innovative structure.",
    // A misread repeat of the line above it in Decision Making's Emerging
    // column.
    "garde are decision maning process.",
    // Progress Measures' criteria, misread, on Strategic Action Plan's
    // last line.
    "danalan a shara d mission and halisfa da sumant N",
    "had duing the moute and in",
];

/// Marks of the extraction left between the texts: bullets, stray commas
/// and specks.
const SPECKS: [&str; 7] = ["•", ",", "-", "l", "1", "*", "/"];

/// What is left of `printed` once `texts` (each as printed) and the
/// columns' other contents are taken out.
fn left_over<'a>(printed: &str, texts: impl IntoIterator<Item = &'a String>) -> String {
    let mut left = printed.to_owned();
    for text in texts {
        left = left.replacen(&as_printed(text), " ", 1);
    }
    for other in NOT_TEXTS {
        left = left.replace(other, " ");
    }
    left.split_whitespace()
        .filter(|word| !SPECKS.contains(word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The other way round: no sentence of the 2018 text is left out of a
/// passage PartnerPath transcribes from it.
#[test]
fn nothing_the_2018_text_prints_is_left_out() {
    let c = continuum();
    let printed = printed();
    let mut problems = Vec::new();
    for indicator in c.indicators() {
        let Some((_, source)) = printed.iter().find(|(key, _)| *key == indicator.key) else {
            problems.push(format!("{}: no block", indicator.key));
            continue;
        };
        let filled = &indicator.filled;
        // Where some criteria are 2017's, the 2018 head holds their cut
        // pieces; the rest are checked in place by `misplaced`.
        if !filled.iter().any(|f| f.starts_with("criteri")) {
            let texts = indicator
                .criteria
                .iter()
                .chain(std::iter::once(&indicator.name));
            let left = left_over(&source.head, texts);
            if !left.is_empty() {
                problems.push(format!("{}: criteria leave {left:?}", indicator.name));
            }
        }
        let count = indicator.probing_questions.len();
        if questions_taken(filled, count) == count {
            let left = left_over(&source.questions, &indicator.probing_questions);
            if !left.is_empty() {
                problems.push(format!("{}: questions leave {left:?}", indicator.name));
            }
        }
        for (level, paragraphs) in indicator.levels.iter().enumerate() {
            if is_filled(filled, &format!("level {}", level + 1)) {
                continue;
            }
            let cell = source.levels.get(level).map_or("", String::as_str);
            let left = left_over(cell, paragraphs);
            if !left.is_empty() {
                problems.push(format!(
                    "{}: level {} leaves {left:?}",
                    indicator.name,
                    level + 1
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// How many of `count` questions are the 2018 text's own (not filled).
fn questions_taken(filled: &[String], count: usize) -> usize {
    (1..=count)
        .filter(|n| !is_filled(filled, &format!("question {n}")))
        .count()
}

#[test]
fn a_text_moved_to_its_neighbour_is_caught() {
    // Every one of these texts is in the 2018 text, so a check of the whole
    // text passes them; only where they stand is wrong.
    let (problems, _) = misplaced(&crate::support::moved_to_neighbours(&continuum()));
    crate::support::assert_moves_caught(&problems);
    // A cell read down several lines by its column: Decision Making's
    // Established text moved to Transformational.
    let mut moved = continuum();
    let decision = &mut moved.categories[1].indicators[1];
    assert_eq!(decision.key, "decision-making");
    let established = decision.levels[2].remove(0);
    decision.levels[3].push(established);
    let (problems, _) = misplaced(&moved);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("Decision Making: level 4"),
        "{problems:?}"
    );
}

#[test]
fn a_passage_taken_from_2017_but_not_marked_so_is_caught() {
    let mut unmarked = continuum();
    let shared_goals = &mut unmarked.categories[0].indicators[1];
    assert_eq!(shared_goals.key, "shared-goals");
    shared_goals.filled.clear();
    let (problems, _) = misplaced(&unmarked);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("Shared Goals: criterion"),
        "{problems:?}"
    );
}

#[test]
fn each_repair_is_in_the_2018_text_and_used() {
    let c = continuum();
    let printed = printed();
    let texts: Vec<&String> = c
        .indicators()
        .flat_map(|i| {
            i.criteria
                .iter()
                .chain(&i.probing_questions)
                .chain(i.levels.iter().flatten())
        })
        .collect();
    for (ours, theirs) in REPAIRS {
        assert!(
            printed.iter().any(|(_, p)| {
                p.head.contains(theirs)
                    || p.questions.contains(theirs)
                    || p.levels.iter().any(|cell| cell.contains(theirs))
            }),
            "the 2018 text prints {theirs:?}"
        );
        assert!(
            texts.iter().any(|t| t.contains(ours)),
            "a text reads {ours:?}"
        );
        assert!(
            texts.iter().all(|t| !t.contains(theirs)),
            "no text reads {theirs:?}"
        );
    }
    // The stray quotation mark's repair is noted on its indicator.
    let roles = c
        .indicator("roles-and-responsibilities")
        .expect("Roles & Responsibilities");
    let note = roles.note.as_deref().unwrap_or_default();
    assert!(
        note.contains("\"usual and\" customary activity,\""),
        "{note}"
    );
}

/// The passages each indicator takes from 2017: the criteria lists the
/// extraction cut or misread. Every question and level cell survives.
const FILLED: [(&str, &[&str]); 13] = [
    ("mission-and-beliefs", &[]),
    ("shared-goals", &["criteria"]),
    ("mutual-benefit", &["criteria"]),
    ("collaboration-and-engagement", &["criteria"]),
    ("roles-and-responsibilities", &["criteria"]),
    ("decision-making", &["criteria"]),
    ("sustainability", &["criteria"]),
    ("strategic-action-plan", &[]),
    ("progress-measures", &["criteria"]),
    ("resource-commitment", &[]),
    ("procedures", &["criteria"]),
    ("dissemination", &["criterion 1", "criterion 2"]),
    ("advocacy", &[]),
];

#[test]
fn every_filled_passage_is_the_2017_wording_of_the_same_indicator() {
    let c = continuum();
    let earlier = continuum_2017();
    let from = c
        .filled_from
        .as_ref()
        .expect("the version lost passages come from");
    assert_eq!(from.version, "2017-10");
    assert_eq!(from.version, earlier.version);
    assert_eq!(from.note, FILLED_NOTE);
    let got: Vec<(&str, Vec<&str>)> = c
        .indicators()
        .map(|i| {
            (
                i.key.as_str(),
                i.filled.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let want: Vec<(&str, Vec<&str>)> = FILLED.iter().map(|(k, f)| (*k, f.to_vec())).collect();
    assert_eq!(got, want);
    let mut compared = 0;
    for indicator in c.indicators() {
        let old = earlier
            .indicator(&indicator.key)
            .expect("the same indicator in 2017");
        for name in &indicator.filled {
            let (kind, number) = match name.split_once(' ') {
                Some((kind, n)) => (kind, n.parse::<usize>().ok()),
                None => (name.as_str(), None),
            };
            let index = number.and_then(|n| n.checked_sub(1));
            match kind {
                "criteria" => assert_eq!(indicator.criteria, old.criteria, "{}", indicator.key),
                "criterion" => assert_eq!(
                    index.and_then(|i| indicator.criteria.get(i)),
                    index.and_then(|i| old.criteria.get(i)),
                    "{} {name}",
                    indicator.key
                ),
                "question" => {
                    let question = index
                        .and_then(|i| indicator.probing_questions.get(i))
                        .expect("the question named");
                    assert!(
                        old.probing_questions.contains(question),
                        "{}: {question:?} is not a 2017 question",
                        indicator.key
                    );
                }
                "level" => {
                    let level = index
                        .and_then(|i| indicator.levels.get(i))
                        .expect("the level named");
                    assert_eq!(
                        Some(level),
                        index.and_then(|i| old.levels.get(i)),
                        "{} {name}",
                        indicator.key
                    );
                }
                other => panic!("{}: no passage {other:?}", indicator.key),
            }
            compared += 1;
        }
    }
    assert_eq!(compared, 10);
}

/// What the 2018 text shows of each criteria list taken from 2017: every
/// piece is in the indicator's head lines and in the 2017 criteria, so the
/// 2017 wording agrees with what survives.
const LEGIBLE: [(&str, &str); 19] = [
    ("shared-goals", "goals that are measurable, attainable,"),
    (
        "shared-goals",
        "on the shared mission and beliefs, sensitive to t",
    ),
    (
        "mutual-benefit",
        "partnership has a positive impact on all partne",
    ),
    ("collaboration-and-engagement", "Seek innovative structure"),
    (
        "roles-and-responsibilities",
        "es, and expectations are defined, understood, and",
    ),
    (
        "roles-and-responsibilities",
        "Organizational systems related to partnership work",
    ),
    ("decision-making", "Specify in advance how decisions w"),
    (
        "decision-making",
        "be made and how disagreements will be resolv",
    ),
    ("decision-making", "partner decision"),
    ("decision-making", "through the use of st"),
    ("decision-making", "stakeholders about decisi"),
    (
        "sustainability",
        "member, the responsibilities for staffing, operat",
    ),
    ("sustainability", "plans, operational goals"),
    (
        "progress-measures",
        "develop a shared mission and beliefs document th",
    ),
    ("procedures", "Jointly schedule a y"),
    ("procedures", "norms that will be used consistently in each"),
    (
        "procedures",
        "documenting and sharing decisions, meeting mi",
    ),
    (
        "dissemination",
        "Share data and other information with stak",
    ),
    (
        "dissemination",
        "ommunicate partnership progress toward collect",
    ),
];

#[test]
fn the_2017_criteria_agree_with_what_the_2018_text_shows_of_them() {
    let c = continuum();
    let earlier = continuum_2017();
    let printed = printed();
    for (key, piece) in LEGIBLE {
        let indicator = c.indicator(key).expect(key);
        assert!(
            indicator.filled.iter().any(|f| f.starts_with("criteri")),
            "{key}"
        );
        let (_, source) = printed.iter().find(|(k, _)| *k == key).expect("a block");
        assert!(source.head.contains(piece), "{key}: 2018 shows {piece:?}");
        let old = earlier.indicator(key).expect(key).criteria.join(" ");
        assert!(old.contains(piece), "{key}: 2017 reads {piece:?}");
    }
    for (key, filled) in FILLED {
        if filled.iter().any(|f| f.starts_with("criteri")) {
            assert!(
                LEGIBLE.iter().any(|(k, _)| *k == key),
                "{key}: what 2018 shows of its criteria"
            );
        }
    }
}

/// How the 2018 text shows an indicator's name.
enum Name {
    /// Whole, as the file gives it.
    Printed,
    /// Cut or misread: the part that survives ends the 2017 name, which
    /// the file gives.
    Survives(&'static str),
    /// Not at all: the file gives the 2017 name, with a note.
    Lost,
}

const NAMES: [(&str, Name); 13] = [
    ("mission-and-beliefs", Name::Printed),
    ("shared-goals", Name::Printed),
    ("mutual-benefit", Name::Lost),
    ("collaboration-and-engagement", Name::Printed),
    ("roles-and-responsibilities", Name::Lost),
    ("decision-making", Name::Survives("sion Making")),
    ("sustainability", Name::Lost),
    ("strategic-action-plan", Name::Printed),
    ("progress-measures", Name::Survives("rogress Measures")),
    ("resource-commitment", Name::Printed),
    ("procedures", Name::Printed),
    ("dissemination", Name::Survives("tion")),
    ("advocacy", Name::Printed),
];

#[test]
fn every_name_is_as_2018_prints_it_or_2017s_where_it_is_lost() {
    let c = continuum();
    let earlier = continuum_2017();
    let printed = printed();
    let keys: Vec<&str> = NAMES.iter().map(|(k, _)| *k).collect();
    let ours: Vec<&str> = c.indicators().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ours);
    for (key, how) in &NAMES {
        let indicator = c.indicator(key).expect(key);
        let old = earlier.indicator(key).expect(key);
        let (_, source) = printed.iter().find(|(k, _)| k == key).expect("a block");
        let name = indicator.name.as_str();
        match how {
            Name::Printed => assert!(source.head.contains(name), "{key}: {name:?}"),
            Name::Survives(part) => {
                assert!(source.head.contains(*part), "{key}: {part:?}");
                assert!(name.ends_with(*part), "{key}: {name:?}");
                assert_eq!(name, old.name, "{key}");
            }
            Name::Lost => {
                assert_eq!(name, old.name, "{key}");
                let note = indicator.note.as_deref().unwrap_or_default();
                assert!(note.contains("2017 name"), "{key}: {note}");
            }
        }
    }
}

#[test]
fn the_same_indicators_and_levels_as_2017() {
    let c = continuum();
    let earlier = continuum_2017();
    assert_eq!(c.key, "wbt-continuum");
    assert_eq!(c.key, earlier.key);
    assert_eq!(c.version, "2018-04");
    assert_eq!(c.title, "Strengthening Partnerships Tool");
    assert_eq!(c.short_title, "Strengthening Partnerships Tool (2018)");
    let keys = |c: &Continuum| -> Vec<String> { c.indicators().map(|i| i.key.clone()).collect() };
    assert_eq!(keys(&c), keys(&earlier));
    assert_eq!(c.indicator_count(), 13);
    let categories =
        |c: &Continuum| -> Vec<String> { c.categories.iter().map(|k| k.key.clone()).collect() };
    assert_eq!(categories(&c), categories(&earlier));
    let per_category =
        |c: &Continuum| -> Vec<usize> { c.categories.iter().map(|k| k.indicators.len()).collect() };
    assert_eq!(per_category(&c), per_category(&earlier));
    // The categories as 2018 names them.
    for category in &c.categories {
        assert!(
            SEED.lines().any(|line| line == category.name),
            "{}",
            category.name
        );
    }
    let levels = |c: &Continuum| -> Vec<(u8, String)> {
        c.levels
            .iter()
            .map(|l| (l.number, l.name.clone()))
            .collect()
    };
    assert_eq!(levels(&c), levels(&earlier));
    let names: Vec<&str> = c.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["Emerging", "Developing", "Established", "Transformational"]
    );
    for indicator in c.indicators() {
        assert_eq!(indicator.levels.len(), 4, "{}", indicator.key);
        assert!(
            indicator.levels.iter().all(|cell| !cell.is_empty()),
            "{}",
            indicator.key
        );
    }
}

#[test]
fn the_file_names_its_source_headings_and_what_it_adapts() {
    let c = continuum();
    let earlier = continuum_2017();
    assert_eq!(c.how_to_use.len(), 1, "one paragraph in 2018");
    assert_eq!(c.how_the_tool_is_organized.len(), 1);
    assert_eq!(c.headings.questions, "Probing Questions");
    assert_eq!(c.headings.evidence, "Supporting evidence");
    assert_eq!(c.headings.criteria, "Criteria");
    assert_eq!(c.headings.next_steps, "Next steps");
    assert!(SEED.contains("Probing Questions\t"));
    assert!(SEED.contains("Supporting evidence:"));
    assert!(c.source.publisher.contains("not named in the source"));
    assert_eq!(c.source.work, "Strengthening Partnerships Tool");
    assert_eq!(c.source.published.as_deref(), Some("April 2018"));
    assert!(SEED.contains("April 2018"));
    let adapted = c.source.adapted_from.as_deref().expect("adapted from");
    assert!(
        adapted.starts_with("This Partnership Tool is adapted from Working Better Together"),
        "{adapted}"
    );
    assert!(
        SEED.contains(&format!("¹{adapted}")),
        "the footnote, word for word"
    );
    assert_eq!(c.source.licence, earlier.source.licence);
    assert_eq!(c.source.licence_url, earlier.source.licence_url);
    assert_eq!(c.source.attribution, earlier.source.attribution);
}

#[test]
fn spot_checks_of_wording() {
    let c = continuum();
    let earlier = continuum_2017();
    let mission = c
        .indicator("mission-and-beliefs")
        .expect("Mission and Belief");
    assert_eq!(
        mission.levels[2],
        [
            "A shared mission and beliefs document has been developed by everyone involved with the partnership, and it drives the partnership."
        ]
    );
    let old_mission = earlier.indicator("mission-and-beliefs").expect("2017");
    assert!(old_mission.levels[2][0].contains("by all of those involved"));
    assert!(
        mission.probing_questions.contains(
            &"How does the mission reflect the common beliefs of each partner?".to_owned()
        )
    );
    assert_eq!(
        mission.probing_questions[2],
        "How does the mission and beliefs document drive the partnership?"
    );
    assert_eq!(
        mission.criteria,
        ["Develop a shared mission and beliefs document that drives the partnership"]
    );
    // "short- and long-term partnership goals": the first question of
    // Strategic Action Plan.
    let plan = c
        .indicator("strategic-action-plan")
        .expect("Strategic Action Plan");
    assert_eq!(
        plan.probing_questions[0],
        "What are the priorities that must be addressed first, and what is the timeline for achieving both short- and long-term partnership goals?"
    );
    assert!(SEED.contains("both short- and long-term partnership goals?"));
    let found: Vec<&str> = c
        .indicators()
        .filter(|i| {
            i.criteria
                .iter()
                .chain(&i.probing_questions)
                .chain(i.levels.iter().flatten())
                .any(|t| t.contains("short- and long-term partnership goals"))
        })
        .map(|i| i.key.as_str())
        .collect();
    assert_eq!(found, ["strategic-action-plan"]);
    let advocacy = c.indicator("advocacy").expect("Advocacy");
    assert_eq!(
        advocacy.criteria,
        [
            "Advocate for the partnership to the larger community to garner increased visibility, support, and resources for the continuous growth, development, and health of the partnership."
        ]
    );
    let decision = c.indicator("decision-making").expect("Decision Making");
    assert!(
        decision
            .probing_questions
            .contains(&"How will disagreements be resolved?".to_owned())
    );
}

#[test]
fn progress_measures_repeats_mission_and_belief_as_printed_with_a_note() {
    let c = continuum();
    let mission = c
        .indicator("mission-and-beliefs")
        .expect("Mission and Belief");
    let progress = c.indicator("progress-measures").expect("Progress Measures");
    assert_eq!(progress.levels, mission.levels);
    assert_eq!(progress.probing_questions, mission.probing_questions);
    assert_eq!(
        progress.criteria,
        ["Jointly develop a shared mission and beliefs document that drives the partnership."]
    );
    let note = progress.note.as_deref().expect("a note on the repetition");
    assert!(note.contains("Mission and Belief"), "{note}");
    assert!(mission.note.is_none());
}

/// The screens and the paper put "Note from PartnerPath:" before an
/// indicator's note, as for the 2017 continuum; the file does not repeat it.
#[test]
fn every_note_is_shown_as_partnerpaths_once() {
    let c = continuum();
    for indicator in c.indicators() {
        if let Some(note) = &indicator.note {
            assert!(
                !note.starts_with("Note from PartnerPath"),
                "{}: {note}",
                indicator.key
            );
        }
    }
}

/// Of Dissemination's criteria, the 2018 text cuts the first two ("…with
/// stak", "…toward collect") and prints the third whole: the third is 2018's
/// own words, and only the first two carry the 2017 mark.
#[test]
fn a_criterion_that_survives_is_the_2018_wording_beside_two_from_2017() {
    let c = continuum();
    let indicator = c.indicator("dissemination").expect("Dissemination");
    let shown = c.shown(indicator, Passage::Criteria);
    assert_eq!(
        shown,
        [
            "Share data and other information with stakeholders. (2017 wording)",
            "Communicate partnership progress toward collective goals regularly. (2017 wording)",
            "Celebrate partnership success.",
        ]
    );
    let (_, source) = printed()
        .into_iter()
        .find(|(k, _)| *k == "dissemination")
        .expect("a block");
    assert!(source.head.contains("Celebrate partnership success."));
    let note = c.filled_note(indicator).expect("a note");
    assert!(
        note.ends_with("(In this indicator: criterion 1; criterion 2.)"),
        "{note}"
    );
}
