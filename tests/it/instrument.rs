//! The continuum instrument file: its structure, and its wording checked
//! against the published text it was transcribed from.

use crate::support;
use std::collections::HashSet;

use partnerpath::instrument::Continuum;
use partnerpath::model::Level;

/// The published text (CCSSO, CC BY 4.0), as extracted from the PDF.
const SEED: &str = include_str!("../fixtures/seed-001-working-better-together.txt");

fn continuum() -> &'static Continuum {
    Continuum::builtin().expect("the built-in continuum loads")
}

#[test]
fn four_categories_and_thirteen_indicators_in_the_published_order() {
    let c = continuum();
    let categories: Vec<&str> = c.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        categories,
        [
            "Foundations",
            "Systems & Structures",
            "Planning & Implementation",
            "Communications"
        ]
    );
    let indicators: Vec<&str> = c.indicators().map(|i| i.name.as_str()).collect();
    assert_eq!(
        indicators,
        [
            "Mission & Beliefs",
            "Shared Goals",
            "Mutual Benefit",
            "Collaboration & Engagement",
            "Roles & Responsibilities",
            "Decision Making",
            "Sustainability",
            "Strategic Action Plan",
            "Progress Measures",
            "Resource Commitment",
            "Procedures",
            "Dissemination",
            "Advocacy"
        ]
    );
    assert_eq!(c.indicator_count(), 13);
}

#[test]
fn every_indicator_has_four_non_empty_levels_criteria_and_questions() {
    let c = continuum();
    let names: Vec<&str> = c.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["Emerging", "Developing", "Established", "Transformational"]
    );
    for indicator in c.indicators() {
        assert_eq!(indicator.levels.len(), 4, "{}", indicator.name);
        for level in Level::ALL {
            let text = indicator.level_text(level).join(" ");
            assert!(
                !text.trim().is_empty(),
                "{} level {level:?}",
                indicator.name
            );
        }
        assert!(!indicator.criteria.is_empty(), "{}", indicator.name);
        assert!(
            !indicator.probing_questions.is_empty(),
            "{}",
            indicator.name
        );
    }
}

#[test]
fn keys_are_unique() {
    let c = continuum();
    let mut keys = HashSet::new();
    for category in &c.categories {
        assert!(keys.insert(category.key.as_str()), "{}", category.key);
    }
    for indicator in c.indicators() {
        assert!(keys.insert(indicator.key.as_str()), "{}", indicator.key);
    }
}

#[test]
fn the_file_names_its_key_version_source_and_licence() {
    let c = continuum();
    assert_eq!(c.key, "wbt-continuum");
    assert_eq!(c.version, "2017-10");
    assert!(c.source.publisher.contains("CCSSO"));
    assert!(c.source.licence.contains("CC BY 4.0"));
    // CC BY asks for this attribution, shown in Help > About.
    assert!(
        c.source
            .attribution
            .as_deref()
            .is_some_and(|a| a.contains("Creative Commons Attribution 4.0"))
    );
}

/// Words PartnerPath corrected, each with what the source printed, and
/// the indicator whose note says so.
const CORRECTIONS: [(&str, &str, &str); 1] = [(
    "both short- and long-term goals",
    "both short- and long- term goals",
    "strategic-action-plan",
)];

/// One indicator's part of the published text: its criteria, its probing
/// questions, and its four level cells.
struct Published {
    criteria: String,
    questions: String,
    levels: Vec<String>,
}

/// The published text cut at each "Indicator:" heading: the criteria
/// between "Criteria:" and "Probing Questions:", the questions up to
/// "Levels of Effectiveness", and the row of four tab-separated level cells
/// under the level names.
fn published() -> Vec<(String, Published)> {
    let mut out = Vec::new();
    for part in SEED.split("Indicator: ").skip(1) {
        let name = part.lines().next().unwrap_or_default().trim().to_owned();
        let between = |from: &str, to: &str| {
            let start = part.find(from).map_or(0, |i| i + from.len());
            let end = part[start..].find(to).map_or(part.len(), |i| start + i);
            part[start..end].to_owned()
        };
        let criteria = between("Criteria:", "Probing Questions:");
        let questions = between("Probing Questions:", "Levels of Effectiveness");
        let after = between(
            "Emerging\tDeveloping\tEstablished\tTransformational",
            "Working Better Together:",
        );
        let row = after.trim().lines().next().unwrap_or_default();
        let levels = row.split('\t').map(str::to_owned).collect();
        out.push((
            name,
            Published {
                criteria,
                questions,
                levels,
            },
        ));
    }
    out
}

/// The text as published: PartnerPath's corrections undone.
fn as_published(text: &str) -> String {
    CORRECTIONS
        .iter()
        .fold(text.to_owned(), |t, (ours, theirs, _)| {
            t.replace(ours, theirs)
        })
}

/// Every criterion, question and level text of `c` that is not found
/// under its own indicator (and level) in the published text.
fn misplaced(c: &Continuum) -> (Vec<String>, usize) {
    let published = published();
    let mut problems = Vec::new();
    let mut checked = 0;
    for indicator in c.indicators() {
        let Some((_, source)) = published.iter().find(|(name, _)| *name == indicator.name) else {
            problems.push(format!(
                "{} is not an indicator of the source",
                indicator.name
            ));
            continue;
        };
        for text in &indicator.criteria {
            if !source.criteria.contains(&as_published(text)) {
                problems.push(format!("{}: criterion {text:?}", indicator.name));
            }
            checked += 1;
        }
        for text in &indicator.probing_questions {
            if !source.questions.contains(&as_published(text)) {
                problems.push(format!("{}: question {text:?}", indicator.name));
            }
            checked += 1;
        }
        for (level, paragraphs) in indicator.levels.iter().enumerate() {
            for text in paragraphs {
                let cell = source.levels.get(level).map_or("", String::as_str);
                if !cell.contains(&as_published(text)) {
                    problems.push(format!("{}: level {} {text:?}", indicator.name, level + 1));
                }
                checked += 1;
            }
        }
    }
    (problems, checked)
}

#[test]
fn every_text_is_word_for_word_under_its_own_indicator_and_level() {
    let c = continuum();
    let published = published();
    assert_eq!(published.len(), 13, "the source's thirteen indicators");
    assert!(
        published.iter().all(|(_, p)| p.levels.len() == 4),
        "four level cells each"
    );
    let (problems, checked) = misplaced(c);
    assert!(
        problems.is_empty(),
        "not where the source has them:\n{}",
        problems.join("\n")
    );
    for text in c.how_to_use.iter().chain(&c.how_the_tool_is_organized) {
        assert!(SEED.contains(text.as_str()), "not in the source: {text:?}");
    }
    assert!(checked > 150, "only {checked} texts checked");
}

#[test]
fn a_text_moved_to_its_neighbour_is_caught() {
    // Every one of these texts is in the source, so a check of the whole
    // text passes them; only where they stand is wrong.
    let (problems, _) = misplaced(&crate::support::moved_to_neighbours(continuum()));
    crate::support::assert_moves_caught(&problems);
}

#[test]
fn each_correction_is_noted_on_its_indicator() {
    let c = continuum();
    for (ours, theirs, key) in CORRECTIONS {
        assert!(SEED.contains(theirs), "the source prints {theirs:?}");
        let indicator = c.indicator(key).expect("indicator");
        let texts: Vec<&String> = indicator
            .criteria
            .iter()
            .chain(&indicator.probing_questions)
            .chain(indicator.levels.iter().flatten())
            .collect();
        assert!(
            texts.iter().any(|t| t.contains(ours)),
            "{key} reads {ours:?}"
        );
        assert!(
            texts.iter().all(|t| !t.contains(theirs)),
            "{key} no longer reads {theirs:?}"
        );
        let note = indicator.note.as_deref().unwrap_or_default();
        assert!(
            note.contains("long-term") && note.contains("long- term"),
            "{note}"
        );
    }
    // No other word of the continuum is broken as at the end of a line: a
    // hyphen, a space and a word that does not continue a list ("short-
    // and long-term").
    for indicator in c.indicators() {
        for text in indicator
            .criteria
            .iter()
            .chain(&indicator.probing_questions)
            .chain(indicator.levels.iter().flatten())
        {
            for (at, _) in text.match_indices("- ") {
                let before = text[..at].chars().last().is_some_and(char::is_alphabetic);
                let next = text[at + 2..].split_whitespace().next().unwrap_or_default();
                assert!(
                    !before || matches!(next, "and" | "or" | "to"),
                    "{}: a broken word in {text:?}",
                    indicator.name
                );
            }
        }
    }
}

#[test]
fn spot_checks_of_wording() {
    let c = continuum();
    let shared_goals = c.indicator("shared-goals").expect("Shared Goals");
    assert_eq!(
        shared_goals.level_text(Level::new(1).expect("level")),
        [
            "Partners have not yet developed goals, or partners have developed goals that are not measurable and/or attainable."
        ]
    );
    let procedures = c.indicator("procedures").expect("Procedures");
    let transformational = procedures.level_text(Level::new(4).expect("level"));
    assert_eq!(transformational.len(), 5);
    assert_eq!(
        transformational[1],
        "Designates a skilled facilitator and at least one co-facilitator to uphold the norms and dialogue framework."
    );
    let decision = c.indicator("decision-making").expect("Decision Making");
    assert!(
        decision
            .probing_questions
            .contains(&"How will disagreements be resolved?".to_owned())
    );
    assert_eq!(
        c.indicator("resource-commitment")
            .expect("Resource Commitment")
            .criteria,
        ["Commit time, financial, and human resources necessary to accomplish partnership goals."]
    );
}

#[test]
fn progress_measures_repeats_mission_and_beliefs_as_published_with_a_note() {
    let c = continuum();
    let mission = c
        .indicator("mission-and-beliefs")
        .expect("Mission & Beliefs");
    let progress = c.indicator("progress-measures").expect("Progress Measures");
    assert_eq!(progress.levels, mission.levels);
    assert_eq!(progress.probing_questions, mission.probing_questions);
    assert_eq!(
        progress.criteria,
        ["Jointly develop a shared mission and beliefs document that drives the partnership."]
    );
    let note = progress.note.as_deref().expect("a note on the repetition");
    assert!(note.contains("Mission & Beliefs"));
    assert!(mission.note.is_none());
}

/// The *Stages of Partnering* excerpt (Annenberg Institute), as extracted.
const STAGES_SEED: &str = include_str!("../fixtures/seed-003-stages-of-partnering.txt");

/// The source with its bold marks removed and all white space single spaces,
/// so that a paragraph broken across a page still matches.
fn flattened(text: &str) -> String {
    text.replace("**", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_stages_run_from_pre_partnering_to_five_and_loop_back() {
    let stages = partnerpath::instrument::Stages::builtin().expect("stages");
    let names: Vec<String> = stages
        .stages
        .iter()
        .map(|s| stages.title_of(s.number))
        .collect();
    assert_eq!(
        names,
        [
            "Pre-partnering",
            "Stage 1: Mobilize the Team",
            "Stage 2: Set Direction and Infrastructure",
            "Stage 3: Take Action. Hammer It Out.",
            "Stage 4: Reflect Upon and Celebrate Results",
            "Stage 5: Recommit & Refine"
        ]
    );
    assert_eq!(stages.stage(5).expect("stage 5").loops_back_to, [1, 2]);
    let principles: Vec<usize> = stages.stages.iter().map(|s| s.principles.len()).collect();
    assert_eq!(principles, [0, 1, 4, 4, 1, 0]);
    assert_eq!(stages.sustaining.principles.len(), 2);
}

#[test]
fn every_stage_text_is_word_for_word_from_the_source() {
    let stages = partnerpath::instrument::Stages::builtin().expect("stages");
    let source = flattened(STAGES_SEED);
    let mut texts = vec![stages.introduction.clone(), stages.definition.clone()];
    for stage in &stages.stages {
        texts.push(stage.description.clone());
        for principle in &stage.principles {
            texts.push(principle.title.clone());
            texts.push(principle.text.clone());
        }
    }
    // Each stage's heading runs on into its description as in the source.
    for stage in &stages.stages {
        let heading = match stage.number {
            0 => format!("{}: ", stage.label),
            _ if stage.name.ends_with('.') => format!("{}: {} ", stage.label, stage.name),
            _ => format!("{}: {}. ", stage.label, stage.name),
        };
        texts.push(format!("{heading}{}", stage.description));
    }
    assert!(
        source
            .to_lowercase()
            .contains(&stages.principles_heading.to_lowercase()),
        "{:?}",
        stages.principles_heading
    );
    texts.push(stages.sustaining.introduction.clone());
    for principle in &stages.sustaining.principles {
        texts.push(principle.title.clone());
        texts.push(principle.text.clone());
    }
    for text in &texts {
        assert!(
            source.contains(&flattened(text)),
            "not in the source: {text:?}"
        );
    }
    assert!(texts.len() > 25);
}

/// *Conditions and Habits of Successful Partnerships* (ODST), as extracted.
const CONDITIONS_SEED: &str = include_str!("../fixtures/seed-002-conditions-and-habits.txt");

#[test]
fn the_readiness_tool_has_four_categories_and_a_four_point_scale() {
    let tool = partnerpath::instrument::Readiness::builtin().expect("readiness");
    let names: Vec<&str> = tool.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Alignment of Strategic Priority and Objectives",
            "Appropriate and Sufficient Resources",
            "Clear Metrics Established",
            "Ongoing Communication and Collaboration"
        ]
    );
    let items: Vec<usize> = tool.categories.iter().map(|c| c.items.len()).collect();
    assert_eq!(items, [4, 4, 2, 6]);
    let ratings: Vec<u8> = tool.scale.iter().map(|s| s.rating).collect();
    assert_eq!(ratings, [4, 3, 2, 1], "as printed, highest first");
    assert_eq!(
        tool.descriptor(1),
        "There are several significant concerns about the items to be addressed."
    );
    assert!(
        tool.notes_on_use
            .contains("There is NO THRESHOLD for a go/no-go decision")
    );
}

#[test]
fn every_readiness_text_is_word_for_word_from_the_source() {
    let tool = partnerpath::instrument::Readiness::builtin().expect("readiness");
    let source = flattened(CONDITIONS_SEED);
    let mut texts = vec![&tool.purpose, &tool.notes_on_use, &tool.introduction];
    for point in &tool.scale {
        texts.push(&point.descriptor);
    }
    for category in &tool.categories {
        texts.push(&category.name);
        texts.extend(&category.items);
    }
    for text in texts {
        assert!(
            source.contains(&flattened(text)),
            "not in the source: {text:?}"
        );
    }
    // The process paragraph is split by a page break in the source; the
    // file joins its three pieces.
    let pieces = [
        "The full leadership team then comes together to average the ratings and discuss areas of concern to be",
        "addressed. Finally, the two teams come together to work through",
        "potential areas of concern that they have identified.",
    ];
    for piece in pieces {
        assert!(source.contains(piece), "{piece}");
    }
    assert!(tool.process.ends_with(&pieces.join(" ")));
}

#[test]
fn every_worksheet_file_validates_against_the_schema() {
    use partnerpath::instrument::Phase;
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let keys: Vec<&str> = sheets.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys[..2], ["contract-supplement", "quarterly-meeting"]);
    assert_eq!(
        keys.len(),
        30,
        "the two ODST worksheets and the guidebook's 28"
    );
    for sheet in sheets {
        sheet.validate().expect("valid");
    }
    let count = |phase| sheets.iter().filter(|s| s.phase == Some(phase)).count();
    assert_eq!(
        (
            count(Phase::Prepare),
            count(Phase::Act),
            count(Phase::Reflect)
        ),
        (12, 10, 6)
    );
    for sheet in sheets.iter().filter(|s| s.phase.is_some()) {
        assert!(sheet.key.starts_with("nea-"), "{}", sheet.key);
        assert!(
            sheet.source.section.is_some(),
            "{}: cite the guidebook's section",
            sheet.key
        );
        assert!(
            sheet.source.licence.contains("all rights reserved"),
            "{}",
            sheet.key
        );
    }
    let yearly: Vec<&str> = sheets
        .iter()
        .filter(|s| s.per_school_year)
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(yearly, ["nea-strengthening-reflection"]);
    let monitoring = partnerpath::instrument::MonitoringPlan::builtin().expect("monitoring plan");
    assert_eq!(
        monitoring.columns.in_order(),
        ["Milestone", "Feedback Data", "Frequency", "Source"]
    );
    assert_eq!(
        monitoring
            .frequency(&monitoring.default_frequency)
            .map(|f| f.label.as_str()),
        Some("Quarterly")
    );
}

/// The words a worksheet presents as its source's: the title, guidance,
/// section titles and texts, labels, options and preset rows, except what
/// is marked `source = false` (a section's mark covers its title only).
fn source_words(sheet: &partnerpath::instrument::Worksheet) -> Vec<String> {
    use partnerpath::instrument::FieldKind;
    let mut out = vec![sheet.title.clone()];
    out.extend(
        sheet
            .guidance
            .iter()
            .filter(|g| g.source)
            .map(|g| g.text.clone()),
    );
    if let Some(heads) = &sheet.heads {
        out.extend([heads.questions.clone(), heads.notes.clone()]);
    }
    for section in &sheet.sections {
        if section.source {
            out.push(section.title.clone());
        }
        out.extend(section.text.iter().cloned());
        for field in &section.fields {
            let theirs = |options: &[String], ours: &[String]| -> Vec<String> {
                options
                    .iter()
                    .filter(|o| !ours.contains(o))
                    .cloned()
                    .collect()
            };
            if field.source {
                out.push(field.label.clone());
                out.extend(theirs(&field.options, &field.options_ours));
            }
            for column in field.columns.iter().filter(|c| c.source) {
                out.push(column.label.clone());
                out.extend(theirs(&column.options, &column.options_ours));
            }
            for row in &field.rows {
                for (key, text) in row {
                    let is_text = field.columns.iter().any(|c| {
                        c.key == *key
                            && matches!(c.kind, FieldKind::ShortText | FieldKind::LongText)
                    });
                    if is_text {
                        out.push(text.clone());
                    }
                }
            }
        }
    }
    out
}

/// Text as compared with a source's extracted text: straight quotes, no
/// asterisks, one space, no hyphens (a line-break hyphen and its space go
/// together), so that "brain- storm" reads "brainstorm", and no space after
/// a slash. Case is kept.
fn loosened(text: &str) -> String {
    text.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace('*', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "")
        .replace('-', "")
        .replace("/ ", "/")
}

/// The guidebook's worksheet pages (NEA, all rights reserved): short lines
/// only, kept to check the labels; the header and "===" lines are ours.
const NEA_PAGES: &str = include_str!("../fixtures/seed-004-worksheet-pages.txt");

#[test]
fn the_guidebook_worksheets_words_are_the_guidebooks() {
    let pages: String = NEA_PAGES
        .lines()
        .skip(3)
        .filter(|line| !line.starts_with("==="))
        .collect::<Vec<_>>()
        .join("\n");
    // Case counts, but for two things PartnerPath may change: a heading the
    // source prints in capitals, and the first letter of a cell or line.
    let cells: Vec<String> = pages
        .lines()
        .flat_map(|line| line.split('\t'))
        .map(loosened)
        .filter(|cell| !cell.is_empty())
        .collect();
    // A table's columns read down: a cell the extraction continues on the
    // next line, in the same column, is joined to it ("Compromising when
    // necessary to" / "move the group forward").
    let mut columns: Vec<String> = Vec::new();
    for block in NEA_PAGES.split("\n===") {
        let mut down: Vec<String> = Vec::new();
        for line in block.lines().filter(|l| l.contains('\t')) {
            for (i, cell) in line.split('\t').enumerate() {
                if down.len() <= i {
                    down.resize(i + 1, String::new());
                }
                down[i].push(' ');
                down[i].push_str(cell);
            }
        }
        columns.extend(down.iter().map(|c| loosened(c)));
    }
    let pages = loosened(&pages);
    let mut capitals: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for word in pages.split(' ') {
        if word.chars().any(char::is_lowercase) {
            if !run.is_empty() {
                capitals.push(run.join(" ").to_lowercase());
                run.clear();
            }
        } else {
            run.push(word);
        }
    }
    capitals.push(run.join(" ").to_lowercase());
    // `preset`: a value the team may overwrite, whose first letter may be
    // capitalized wherever the source has it.
    let found = |text: &str, preset: bool| {
        let text = loosened(text);
        let mut first_lower = text.chars();
        let first_lower: String = first_lower
            .next()
            .map(|c| c.to_lowercase().chain(first_lower).collect())
            .unwrap_or_default();
        pages.contains(&text)
            || columns.iter().any(|column| column.contains(&text))
            || cells.iter().any(|cell| cell.starts_with(&first_lower))
            || (preset && pages.contains(&first_lower))
            || capitals
                .iter()
                .any(|cell| cell.contains(&text.to_lowercase()))
    };
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let mut checked = 0;
    let mut missing = Vec::new();
    for sheet in sheets.iter().filter(|s| s.phase.is_some()) {
        let presets: Vec<&String> = sheet
            .sections
            .iter()
            .flat_map(|s| &s.fields)
            .flat_map(|f| &f.rows)
            .flat_map(|row| row.values())
            .collect();
        for text in source_words(sheet) {
            // A text cut short ends with "…": its start is the source's.
            let preset = presets.contains(&&text);
            let text = text.strip_suffix('…').unwrap_or(&text);
            if !found(text, preset) {
                missing.push(format!("{}: {text:?}", sheet.key));
            }
            checked += 1;
            // A space after a slash is where the extraction broke a line.
            assert!(
                !text.contains("/ "),
                "{}: a line-break artefact: {text:?}",
                sheet.key
            );
            // Short labels only: no paragraph of the guidebook's guidance.
            assert!(
                text.split_whitespace().count() <= 30,
                "{}: too long to be a label or prompt: {text:?}",
                sheet.key
            );
        }
    }
    assert!(
        missing.is_empty(),
        "not the guidebook's words:\n{}",
        missing.join("\n")
    );
    assert!(checked > 300, "only {checked} checked");
}

/// Every file that cites the NEA guidebook (all rights reserved) holds
/// short labels and prompts only: no string of its over 30 words, wherever
/// in the file it is, except its `[source]` and PartnerPath's own notes
/// (`note`, `notes`) and texts it marks as its own (`source = false`).
#[test]
fn no_file_citing_the_guidebook_holds_a_paragraph_of_it() {
    fn strings<'a>(value: &'a toml::Value, out: &mut Vec<&'a str>) {
        match value {
            toml::Value::String(text) => out.push(text),
            toml::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            toml::Value::Table(table) => {
                if table.get("source").and_then(toml::Value::as_bool) == Some(false) {
                    return;
                }
                for (key, value) in table {
                    // PartnerPath's own words: its notes and what was lost.
                    if !matches!(key.as_str(), "source" | "note" | "notes" | "lost") {
                        strings(value, out);
                    }
                }
            }
            _ => {}
        }
    }
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir)
            .expect("instruments folder")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/instruments"),
        &mut paths,
    );
    let mut citing = 0;
    let mut long = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("read");
        let value: toml::Value = toml::from_str(&text).expect("toml");
        let publisher = value
            .get("source")
            .and_then(|s| s.get("publisher"))
            .and_then(toml::Value::as_str)
            .unwrap_or_default();
        if !publisher.contains("NEA") {
            continue;
        }
        citing += 1;
        let mut found = Vec::new();
        strings(&value, &mut found);
        for text in found {
            if text.split_whitespace().count() > 30 {
                long.push(format!("{}: {text:?}", path.display()));
            }
        }
    }
    assert!(citing >= 29, "only {citing} files cite the guidebook");
    assert!(
        long.is_empty(),
        "longer than a label or prompt:\n{}",
        long.join("\n")
    );
}

/// A source's words that point at its own page ("last column on right")
/// are explained where PartnerPath does not draw that page.
#[test]
fn words_pointing_at_the_source_page_are_explained() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let mut unexplained = Vec::new();
    for sheet in sheets {
        let texts = sheet.guidance.iter().map(|g| g.text.as_str()).chain(
            sheet
                .sections
                .iter()
                .flat_map(|s| s.text.iter().map(String::as_str)),
        );
        for text in texts {
            let lower = text.to_lowercase();
            for pointer in [
                "last column",
                "column on right",
                "on the next page",
                "following pages",
            ] {
                if lower.contains(pointer)
                    && !sheet
                        .notes
                        .iter()
                        .any(|n| n.to_lowercase().contains(pointer))
                {
                    unexplained.push(format!("{}: {pointer:?} in {text:?}", sheet.key));
                }
            }
        }
    }
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
}

/// The Decision-Making Check-In's scale says which way it runs, in the
/// chapter's words: step four is true collaboration, one and seven are one
/// party alone, so 7 is not "most shared".
#[test]
fn the_decision_scale_says_step_four_is_true_collaboration() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let sheet = sheets
        .iter()
        .find(|s| s.key == "nea-decision-making-check-in")
        .expect("check-in tool");
    let texts: Vec<&String> = sheet.sections.iter().flat_map(|s| &s.text).collect();
    for words in [
        "steps one and seven represent authoritarian decisions that are made solely by one party",
        "the true collaboration represented by step four",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(words)),
            "{words:?} in {texts:?}"
        );
    }
    let column = sheet
        .fields()
        .flat_map(|f| &f.columns)
        .find(|c| c.key == "how_shared")
        .expect("how shared");
    assert!(
        column.label.contains("step 4: true collaboration"),
        "{}",
        column.label
    );
}

/// The skills and attributes lists credit the works the guidebook says they
/// were adapted from, on screen and on paper (both show the citation).
#[test]
fn the_lists_credit_the_works_they_were_adapted_from() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let citation = |key: &str| {
        sheets
            .iter()
            .find(|s| s.key == key)
            .expect(key)
            .source
            .citation()
    };
    let skills = citation("nea-collaboration-skills");
    assert!(
        skills.contains(
            "Adapted from Doyle, A. (2018). Collaboration Definitions, Skills, and Examples."
        ),
        "{skills}"
    );
    assert!(loosened(NEA_PAGES).contains(&loosened(
        "Adapted from Doyle, A. (2018). Collaboration Definitions, Skills, and Examples. thebalance.com/collaboration-skills-with-examples-2059686"
    )));
    let attributes = citation("nea-collaborative-attributes");
    assert!(
        attributes.contains("McCarthy and Rubinstein (2017)"),
        "{attributes}"
    );
    assert!(attributes.contains("PartnerPath's words"), "{attributes}");
}

/// The Monitoring Plan Template is listed where the guidebook lists it:
/// in Act, after the Decision-Making Check-In Tool.
#[test]
fn the_monitoring_plan_is_listed_in_act_after_the_decision_making_check_in() {
    use partnerpath::instrument::Phase;
    let instruments = support::instruments();
    let plan = instruments.monitoring;
    assert_eq!(plan.phase, Phase::Act);
    assert_eq!(plan.after, "nea-decision-making-check-in");
    assert!(
        instruments
            .worksheets_of(Phase::Act)
            .any(|w| w.key == plan.after),
        "{} is a worksheet of Act",
        plan.after
    );
}

/// The skills a partner ticks are whole: the four the extraction continues
/// down its column are joined, not cut with "…".
#[test]
fn every_collaboration_skill_reads_whole() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let sheet = sheets
        .iter()
        .find(|s| s.key == "nea-collaboration-skills")
        .expect("skills");
    let skills: Vec<&String> = sheet
        .fields()
        .flat_map(|f| &f.rows)
        .filter_map(|row| row.get("skill"))
        .collect();
    assert_eq!(skills.len(), 31);
    assert!(skills.iter().all(|s| !s.ends_with('…')), "{skills:?}");
    for whole in [
        "Compromising when necessary to move the group forward",
        "Updating collaborators on developments with the project",
    ] {
        assert!(skills.iter().any(|s| *s == whole), "{whole}");
    }
}

/// Lessons Learned asks its first Look Forward question whole, with what to
/// ask when the objectives were met.
#[test]
fn the_look_forward_question_keeps_its_follow_up() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let sheet = sheets
        .iter()
        .find(|s| s.key == "nea-lessons-learned")
        .expect("lessons learned");
    let question = sheet
        .fields()
        .find(|f| f.key == "continued_improvement")
        .expect("question");
    assert!(
        question
            .label
            .ends_with("(If objectives were met, what higher goals can we work toward next?)"),
        "{}",
        question.label
    );
}

/// Whether `words` appear in order in `source`, each within a few words of
/// the one before (the extraction splits a table's cells, so a label's
/// words need not be next to each other).
fn in_order_nearby(source: &[String], words: &[String]) -> bool {
    let Some(first) = words.first() else {
        return true;
    };
    source
        .iter()
        .enumerate()
        .filter(|(_, w)| *w == first)
        .any(|(start, _)| {
            let mut at = start;
            words.iter().skip(1).all(|word| {
                let found = source
                    .iter()
                    .enumerate()
                    .skip(at + 1)
                    .take(60)
                    .find(|(_, w)| *w == word);
                found.map(|(i, _)| at = i).is_some()
            })
        })
}

#[test]
fn the_odst_worksheets_mark_partnerpaths_words_and_keep_the_sources() {
    let split = |text: &str| -> Vec<String> {
        loosened(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let source = split(CONDITIONS_SEED);
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let mut checked = 0;
    for sheet in sheets.iter().filter(|s| s.phase.is_none()) {
        for text in source_words(sheet) {
            assert!(
                in_order_nearby(&source, &split(&text)),
                "{}: not the source's words, or not marked source = false: {text:?}",
                sheet.key
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} checked");
    // What PartnerPath added is marked: the parties' names, the signature
    // blocks, the tables' columns, the meeting's date and attendees, and
    // the parts of items split in two.
    let supplement = &sheets[0];
    let interim = supplement.field("interim_measures").expect("interim");
    assert_eq!(interim.part.as_deref(), Some("Interim (January)"));
    assert!(
        interim
            .shown_label()
            .ends_with("(January and June). — Interim (January)")
    );
    for key in ["district_name", "district_signatory", "district_signed_on"] {
        assert!(
            !supplement.field(key).expect(key).source,
            "{key} is PartnerPath's"
        );
    }
    let table = supplement
        .field("data_collection")
        .expect("data collection");
    assert!(
        table.columns.iter().all(|c| !c.source),
        "the table's columns are PartnerPath's"
    );
    let meeting = &sheets[1];
    assert!(!meeting.field("attendees").expect("attendees").source);
}

#[test]
fn the_contract_supplement_asks_for_the_feasibility_statement_once() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let supplement = &sheets[0];
    let asking: Vec<&str> = supplement
        .fields()
        .filter(|f| {
            let label = f.shown_label().to_lowercase();
            label.contains("assurance") || label.contains("feasible")
        })
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(
        asking,
        ["schedule_of_activities"],
        "item 3 asks for it; nothing repeats it"
    );
}

#[test]
fn the_agenda_keeps_its_two_column_heads_over_the_questions() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let meeting = sheets
        .iter()
        .find(|s| s.key == "quarterly-meeting")
        .expect("the agenda");
    let heads = meeting.heads.as_ref().expect("the source's heads");
    assert_eq!(heads.questions, "Monitoring Questions");
    assert_eq!(heads.notes, "Notes/Action Steps Needed");
    for head in [&heads.questions, &heads.notes] {
        assert!(CONDITIONS_SEED.contains(head.as_str()), "{head}");
    }
    // Over every agenda section with questions, not over the meeting's
    // date and attendees, which are PartnerPath's.
    for section in &meeting.sections {
        let asks = section
            .fields
            .iter()
            .any(|f| f.key.starts_with("question_"));
        assert_eq!(meeting.under_heads(section), asks, "{}", section.key);
    }
}

#[test]
fn practice_six_lets_the_parties_choose_monthly_or_quarterly() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let supplement = sheets
        .iter()
        .find(|s| s.key == "contract-supplement")
        .expect("the supplement");
    let fields: Vec<&partnerpath::instrument::Field> =
        supplement.sections.iter().flat_map(|s| &s.fields).collect();
    let six = fields
        .iter()
        .position(|f| f.key == "practice_6")
        .expect("practice 6");
    let choice = fields.get(six + 1).expect("a field after practice 6");
    assert!(choice.label.contains("practice 6"), "{}", choice.label);
    assert_eq!(choice.options, ["monthly", "quarterly"]);
    assert!(!choice.source, "the label is PartnerPath's");
    assert!(fields[six].label.contains("monthly/quarterly"));
}

#[test]
fn the_agenda_is_kept_as_published_with_a_note_on_its_minutes() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let meeting = &sheets[1];
    let total: u32 = meeting.sections.iter().filter_map(|s| s.minutes).sum();
    assert_eq!(total, 55, "the sections as published");
    assert!(
        meeting
            .guidance
            .iter()
            .any(|g| g.text.contains("60-minute meeting"))
    );
    // The sections do not add up to the meeting it promises: a note of
    // PartnerPath's says so, with Appendix A's 20 minutes.
    assert!(
        meeting
            .notes
            .iter()
            .any(|n| n.contains("55") && n.contains("60-minute") && n.contains("20 minutes")),
        "{:?}",
        meeting.notes
    );
}

#[test]
fn the_worksheets_wording_is_word_for_word_from_the_sources() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let source = flattened(CONDITIONS_SEED);
    let supplement = &sheets[0];
    let practices: Vec<&str> = supplement
        .fields()
        .filter(|f| f.role == Some(partnerpath::instrument::Role::Practice))
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(practices.len(), 6);
    for text in practices.iter().copied().chain(
        supplement
            .sections
            .iter()
            .flat_map(|s| s.text.iter().map(String::as_str)),
    ) {
        assert!(
            source.contains(&flattened(text)),
            "not in the source: {text:?}"
        );
    }
    for guidance in &supplement.guidance {
        assert!(
            source.contains(&flattened(&guidance.text)),
            "{}",
            guidance.heading
        );
    }
    let meeting = &sheets[1];
    let minutes: Vec<u32> = meeting.sections.iter().filter_map(|s| s.minutes).collect();
    assert_eq!(minutes, [10, 10, 15, 15, 5]);
    let questions: Vec<&str> = meeting
        .fields()
        .filter(|f| f.key.starts_with("question_"))
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(questions.len(), 9);
    for question in questions {
        assert!(source.contains(question), "not in the source: {question:?}");
    }
    let nea = flattened(include_str!(
        "../fixtures/seed-004-monitoring-plan-excerpt.txt"
    ));
    let plan = partnerpath::instrument::MonitoringPlan::builtin().expect("monitoring plan");
    for text in plan
        .instructions
        .iter()
        .chain([&plan.purpose, &plan.introduction])
    {
        assert!(
            nea.contains(&flattened(text).replace('*', "")),
            "not in the source: {text:?}"
        );
    }
}

#[test]
fn appendix_a_aligns_items_to_themes_and_marks_partnerpaths_splits() {
    use partnerpath::instrument::Standards;
    let standards = Standards::builtin().expect("standards");
    for row in &standards.alignment {
        let line = standards.beside(&row.tool, &row.item).expect("a line");
        assert!(line.starts_with("Theme: "), "{line}");
        assert!(
            !line.contains("Standard"),
            "a theme, not a standard: {line}"
        );
    }
    // One theme, under the one name the appendix gives it.
    assert_eq!(
        standards
            .beside("quarterly-meeting", "question_6")
            .as_deref(),
        Some("Theme: Ongoing Communication and Collaboration")
    );
    // The appendix has one row for contract item 5 and one for item 7;
    // PartnerPath's fields after the first of each are its own.
    let ours: Vec<&str> = standards
        .alignment
        .iter()
        .filter(|a| !a.source)
        .map(|a| a.item.as_str())
        .collect();
    assert_eq!(
        ours,
        [
            "final_measures",
            "draft_agenda",
            "resolving_conflict",
            "ongoing_improvement"
        ]
    );
    for item in ours {
        let line = standards
            .beside("contract-supplement", item)
            .unwrap_or_default();
        assert!(
            line.contains("PartnerPath split the item"),
            "{item}: {line}"
        );
    }
    for item in ["interim_measures", "meeting_schedule"] {
        let line = standards
            .beside("contract-supplement", item)
            .unwrap_or_default();
        assert!(!line.contains("PartnerPath"), "{item}: {line}");
    }
}

#[test]
fn the_standards_are_the_sources_and_every_alignment_names_a_real_item() {
    use partnerpath::instrument::{Readiness, Standards, Worksheet};
    let standards = Standards::builtin().expect("standards");
    let split = |text: &str| -> Vec<String> {
        loosened(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let source = split(CONDITIONS_SEED);
    let groups: Vec<&str> = standards.groups.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(groups, ["Conditions", "Habits"]);
    let titles: Vec<&str> = standards.themes().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles.len(),
        4,
        "Alignment, Resources, Metrics, Communication"
    );
    assert_eq!(standards.heads, ["Organizing Theme", "Standards"]);
    for heading in &standards.heads {
        assert!(CONDITIONS_SEED.contains(heading.as_str()), "{heading}");
    }
    for theme in standards.themes() {
        for text in std::iter::once(&theme.title).chain(&theme.standards) {
            assert!(
                in_order_nearby(&source, &split(text)),
                "not the source's: {text:?}"
            );
        }
    }
    // Every row of Appendix A names an item the tool has, and every
    // readiness item and quarterly question 1-8 has its row.
    let readiness = Readiness::builtin().expect("readiness");
    let sheets = Worksheet::builtin().expect("worksheets");
    let readiness_items: Vec<String> = readiness
        .categories
        .iter()
        .flat_map(|c| (0..c.items.len()).map(move |i| Readiness::item_key(c, i)))
        .collect();
    for row in &standards.alignment {
        let known = match row.tool.as_str() {
            "readiness" => readiness_items.contains(&row.item),
            tool => sheets
                .iter()
                .find(|s| s.key == tool)
                .is_some_and(|s| s.field(&row.item).is_some()),
        };
        assert!(known, "{} names no item of {}", row.item, row.tool);
        assert!(
            in_order_nearby(&source, &split(&row.theme)),
            "theme {:?}",
            row.theme
        );
    }
    for item in &readiness_items {
        assert!(
            standards.beside("readiness", item).is_some(),
            "readiness {item}"
        );
    }
    for n in 1..=8 {
        let key = format!("question_{n}");
        assert!(
            standards.beside("quarterly-meeting", &key).is_some(),
            "{key}"
        );
    }
}

/// A tool's title as the contents and a worksheet are compared: its words
/// in lower case, without punctuation ("Where Are You Going Next" is "Where
/// Are You Going Next?"). The contents calls one tool the "Collaborative
/// Skills Checklist"; its chapter's list and its page, "Collaboration
/// Skills Checklist".
fn tool_words(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let words = words.join(" ");
    if words == "collaborative skills checklist" {
        "collaboration skills checklist".to_owned()
    } else {
        words
    }
}

/// The guidebook's tools as its table of contents lists them under its
/// "Tools to …" headings (the wording fixture carries those lines): title,
/// phase (from the chapter line above, "Prepare: …") and page, if given.
fn guidebook_tools() -> Vec<(String, partnerpath::instrument::Phase, Option<u32>)> {
    use partnerpath::instrument::Phase;
    let contents = NEA_PAGES
        .split("\n===")
        .find(|block| block.starts_with(" The guidebook's tools"))
        .expect("the contents in the wording fixture");
    let mut tools = Vec::new();
    let mut phase = None;
    let mut in_tools = false;
    for line in contents.lines().skip(1) {
        if line.starts_with("Prepare:") {
            phase = Some(Phase::Prepare);
        } else if line.starts_with("Act:") {
            phase = Some(Phase::Act);
        } else if line.starts_with("Reflect:") {
            phase = Some(Phase::Reflect);
        }
        if line.starts_with("TOOLS TO") {
            in_tools = true;
            continue;
        }
        let tool = line.strip_prefix("- ").filter(|_| in_tools);
        if let Some(tool) = tool {
            let mut cells = tool.split('\t');
            let title = cells.next().unwrap_or_default().trim().to_owned();
            let page = cells
                .next()
                .map(|p| p.trim().trim_start_matches('.').trim())
                .and_then(|p| p.parse::<u32>().ok());
            tools.push((title, phase.expect("a chapter before its tools"), page));
        } else {
            in_tools = false;
        }
    }
    tools
}

/// A tool of `also-in-the-guidebook.toml`: only the fields of its shape, the
/// phase and page the contents gives it, and the built tool it follows.
fn check_listed(
    tool: &toml::Value,
    title: &str,
    phase: partnerpath::instrument::Phase,
    page: Option<u32>,
    after: Option<&str>,
) {
    let text = |key: &str| tool.get(key).and_then(toml::Value::as_str);
    let keys: Vec<&String> = tool.as_table().expect("a table").keys().collect();
    assert!(
        keys.iter()
            .all(|k| ["title", "phase", "page", "after", "what_survives"].contains(&k.as_str())),
        "{title}: {keys:?}"
    );
    assert_eq!(
        text("phase"),
        Some(phase.label().to_lowercase().as_str()),
        "{title}: its phase"
    );
    let listed_page = tool.get("page").and_then(toml::Value::as_integer);
    assert!(listed_page.is_some_and(|p| p > 0), "{title}: its page");
    if let Some(page) = page {
        assert_eq!(
            listed_page,
            Some(i64::from(page)),
            "{title}: the contents' page"
        );
    }
    assert_eq!(text("after"), after, "{title}: the built tool it follows");
    assert!(
        text("what_survives").is_some_and(|w| !w.trim().is_empty()),
        "{title}: what survives"
    );
}

/// Every one of the guidebook's 32 tools is a worksheet, the Monitoring
/// Plan, or listed in `nea/also-in-the-guidebook.toml` with its phase and
/// page, after the built tool it follows; the worksheets are in the
/// guidebook's order.
#[test]
fn the_guidebooks_32_tools_are_each_built_or_listed_with_their_page() {
    use partnerpath::instrument::{MonitoringPlan, Worksheet};
    let guidebook = guidebook_tools();
    assert_eq!(guidebook.len(), 32, "{guidebook:?}");
    let sheets = Worksheet::builtin().expect("worksheets");
    let plan = MonitoringPlan::builtin().expect("monitoring plan");
    let file: toml::Value = toml::from_str(include_str!(
        "../../assets/instruments/nea/also-in-the-guidebook.toml"
    ))
    .expect("also-in-the-guidebook.toml");
    let listed = file
        .get("tools")
        .and_then(toml::Value::as_array)
        .expect("its [[tools]]");
    let mut built_in_order: Vec<&str> = Vec::new();
    let mut listed_found = 0;
    let mut missing = Vec::new();
    // The last built tool of the phase, which a listed tool follows.
    let mut previous: Option<(partnerpath::instrument::Phase, String)> = None;
    for (title, phase, page) in &guidebook {
        let words = tool_words(title);
        let after = previous
            .as_ref()
            .filter(|entry| entry.0 == *phase)
            .map(|entry| entry.1.clone());
        let sheet = sheets
            .iter()
            .find(|s| s.phase.is_some() && tool_words(&s.title) == words);
        let tool = listed.iter().find(|t| {
            t.get("title")
                .and_then(toml::Value::as_str)
                .is_some_and(|t| tool_words(t) == words)
        });
        if let Some(sheet) = sheet {
            assert_eq!(sheet.phase, Some(*phase), "{}", sheet.key);
            built_in_order.push(sheet.key.as_str());
            previous = Some((*phase, sheet.key.clone()));
        } else if tool_words(&plan.title) == words {
            assert_eq!(plan.phase, *phase, "the monitoring plan's phase");
            assert_eq!(
                Some(plan.after.clone()),
                after,
                "the monitoring plan's place"
            );
            previous = Some((*phase, plan.key.clone()));
        } else if let Some(tool) = tool {
            listed_found += 1;
            check_listed(tool, title, *phase, *page, after.as_deref());
        } else {
            missing.push(title.clone());
        }
    }
    assert!(missing.is_empty(), "neither built nor listed: {missing:?}");
    let built: Vec<&str> = sheets
        .iter()
        .filter(|s| s.phase.is_some())
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(
        built_in_order, built,
        "every worksheet is one of the guidebook's tools, in its order"
    );
    assert_eq!(
        listed_found,
        listed.len(),
        "every listed tool is the guidebook's"
    );
    assert_eq!(built.len() + 1 + listed.len(), 32);
}

/// The worksheet `key` among the built-in ones.
fn nea_sheet(key: &str) -> &'static partnerpath::instrument::Worksheet {
    partnerpath::instrument::Worksheet::builtin()
        .expect("worksheets")
        .iter()
        .find(|s| s.key == key)
        .expect(key)
}

/// The six key components a partnership initials read as the worksheet
/// prints them, not cut with "…": four whole sentences, and the two that
/// run over 30 words ended at the end of a clause.
#[test]
fn the_key_components_to_initial_read_whole() {
    let sheet = nea_sheet("nea-building-a-strong-partnership");
    let components: Vec<&String> = sheet
        .fields()
        .flat_map(|f| &f.rows)
        .filter_map(|row| row.get("component"))
        .collect();
    assert_eq!(components.len(), 6);
    assert!(
        components.iter().all(|c| !c.ends_with('…')),
        "{components:?}"
    );
    for (i, end) in [
        (0, "and a pledge not to let each other fail."),
        (1, "in the improvement processes to achieve them."),
        (2, "at all levels of the local school system"),
        (4, "relationship building, and subject matter expertise."),
        (5, "for sharing and mentorship."),
    ] {
        let component = components.get(i).expect("a component");
        assert!(component.ends_with(end), "{i}: {component}");
    }
}

/// The attributes a partnership ticks carry their "We …" statements whole
/// where the extraction keeps them readable (the last eight).
#[test]
fn the_collaborative_attributes_carry_their_statements_whole() {
    let sheet = nea_sheet("nea-collaborative-attributes");
    let rows: Vec<_> = sheet.fields().flat_map(|f| &f.rows).collect();
    assert_eq!(rows.len(), 15);
    let statement = |attribute: &str| {
        rows.iter()
            .find(|row| row.get("attribute").map(String::as_str) == Some(attribute))
            .and_then(|row| row.get("statement"))
            .map(String::as_str)
    };
    for attribute in [
        "Goal alignment",
        "Authenticity",
        "Psychological safety",
        "Mediation",
        "Reciprocity",
        "Reliability",
        "Reflection",
        "Engagement",
    ] {
        let text = statement(attribute).unwrap_or_default();
        assert!(text.starts_with("We "), "{attribute}: {text:?}");
    }
    assert!(
        statement("Psychological safety")
            .is_some_and(|s| s.ends_with("voicing concerns, or holding unpopular viewpoints")),
        "the longest is whole"
    );
    assert_eq!(
        statement("Mediation"),
        Some("We are able to positively negotiate, compromise, and get to agreement")
    );
    for row in &rows {
        if let Some(text) = row.get("statement") {
            assert!(text.starts_with("We ") && !text.ends_with('…'), "{text}");
        }
    }
}

/// Group Norms' instructions say what to brainstorm, and each of its six
/// categories asks its question(s), whole.
#[test]
fn group_norms_gives_its_instructions_and_each_categorys_questions() {
    let sheet = nea_sheet("nea-group-norms");
    let instructions = sheet
        .sections
        .iter()
        .find(|s| s.title == "Instructions")
        .expect("instructions");
    assert!(
        instructions
            .text
            .iter()
            .any(|t| t.starts_with("For 10 minutes, have each participant brainstorm")),
        "{:?}",
        instructions.text
    );
    let mut asked = Vec::new();
    for title in [
        "Meeting logistics",
        "Recordkeeping",
        "Participation",
        "Decision making",
        "Expectations",
        "Communication",
    ] {
        let section = sheet
            .sections
            .iter()
            .find(|s| s.title == title)
            .expect(title);
        assert_eq!(section.text.len(), 1, "{title}: {:?}", section.text);
        asked.extend(section.text.iter().filter(|t| t.ends_with('?')));
    }
    assert_eq!(asked.len(), 6, "{asked:?}");
    assert!(asked.iter().any(|q| *q == "When and where do we meet?"));
    assert!(
        asked.iter().any(|q| {
            q.ends_with("What information gets shared, and what stays among the group?")
        })
    );
}

/// Support Tracking asks the table's four questions, and its purpose is
/// whole.
#[test]
fn support_tracking_asks_its_four_questions() {
    let sheet = nea_sheet("nea-support-tracking");
    let texts: Vec<&String> = sheet.sections.iter().flat_map(|s| &s.text).collect();
    assert_eq!(
        texts,
        [
            "What committees are involved?",
            "What issues/projects are they working on?",
            "What support might they need?",
            "How will we provide this support?",
        ]
    );
    assert!(
        sheet
            .guidance
            .iter()
            .all(|g| g.text.ends_with("the groups doing the work.")),
        "the purpose is whole"
    );
}

/// Sustaining Collaborative Structures gives the prompt its header says it
/// transcribes, and its purpose whole.
#[test]
fn sustaining_structures_gives_its_prompt() {
    let sheet = nea_sheet("nea-sustaining-structures");
    let texts: Vec<&String> = sheet.sections.iter().flat_map(|s| &s.text).collect();
    assert!(
        texts.iter().any(|t| {
            t.starts_with(
                "Consider the structures you've built to support your collaborative efforts.",
            ) && t.ends_with("(example: teams, committees, meetings).")
        }),
        "{texts:?}"
    );
    assert!(
        sheet.guidance.iter().all(|g| !g.text.ends_with('…')),
        "the purpose is whole"
    );
}

/// Discovering Shared Goals keeps the source's order: the instructions and
/// the priority considerations come before the table.
#[test]
fn discovering_shared_goals_puts_its_considerations_before_the_table() {
    let sheet = nea_sheet("nea-discovering-shared-goals");
    let at = |key: &str| sheet.sections.iter().position(|s| s.key == key);
    let table = sheet
        .sections
        .iter()
        .position(|s| s.fields.iter().any(|f| f.key == "issues"))
        .expect("the table");
    let considerations = at("priority_considerations").expect("considerations");
    assert!(considerations < table, "{considerations} < {table}");
    assert!(at("instructions").is_some_and(|i| i < considerations));
    let questions = &sheet
        .sections
        .get(considerations)
        .expect("considerations")
        .text;
    assert_eq!(questions.len(), 5);
    assert!(questions.iter().all(|q| q.ends_with('?')), "{questions:?}");
}

/// None of the worksheets above cuts a prompt, label, purpose or preset
/// item short with "…", and the wording fixture carries what they quote
/// from lines over 250 characters as short sentences, marked as cut.
#[test]
fn the_fixed_worksheets_cut_nothing_short_and_the_fixture_marks_its_cuts() {
    for key in [
        "nea-building-a-strong-partnership",
        "nea-collaborative-attributes",
        "nea-group-norms",
        "nea-support-tracking",
        "nea-sustaining-structures",
        "nea-discovering-shared-goals",
        "nea-extending-the-invitation",
        "nea-community-outreach-guide",
        "nea-community-conversations",
    ] {
        let sheet = nea_sheet(key);
        let cut: Vec<String> = source_words(sheet)
            .into_iter()
            .filter(|t| t.ends_with('…'))
            .collect();
        assert!(cut.is_empty(), "{key}: {cut:?}");
    }
    let mut block = "";
    for line in NEA_PAGES.lines().skip(3) {
        if line.starts_with("===") {
            block = line;
            continue;
        }
        assert!(line.chars().count() <= 250, "a paragraph: {line}");
        if block.contains("cut") {
            assert!(
                line.split_whitespace().count() <= 30,
                "{block}: too long a cut: {line}"
            );
        }
    }
    for cut in [
        "=== Support Tracking, the instructions' four questions",
        "=== Group Norms Activity, the instructions' brainstorm and the six categories' questions",
        "=== Sustaining Collaborative Structures, the purpose and the prompt",
    ] {
        assert!(NEA_PAGES.contains(cut), "{cut}");
    }
}

/// A guidebook sentence is cut with "…" only where it is over the 30 words
/// PartnerPath takes: every purpose that ends in "…" continues in the
/// guidebook past 30 words.
#[test]
fn a_purpose_is_cut_only_where_it_runs_over_thirty_words() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let pages = NEA_PAGES.replace('\n', " ");
    let mut cut = 0;
    for sheet in sheets.iter().filter(|s| s.phase.is_some()) {
        for guidance in &sheet.guidance {
            let Some(start) = guidance.text.strip_suffix('…') else {
                continue;
            };
            cut += 1;
            let Some(at) = pages.find(start) else {
                // Garbled in the extraction: it cannot be taken whole.
                continue;
            };
            let rest = &pages[at + start.len()..];
            let end = rest.find(". ").map_or(rest.len(), |i| i + 1);
            let whole = format!("{start}{}", &rest[..end]);
            assert!(
                whole.split_whitespace().count() > 30,
                "{}: cut, but whole in {} words: {whole:?}",
                sheet.key,
                whole.split_whitespace().count()
            );
        }
    }
    assert!(cut > 0, "no purpose is cut");
}
