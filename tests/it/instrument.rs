//! The continuum instrument file: its structure, and its wording checked
//! against the published text it was transcribed from.

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

#[test]
fn every_sentence_is_word_for_word_from_the_published_text() {
    let c = continuum();
    let mut checked = 0;
    for indicator in c.indicators() {
        assert!(
            SEED.contains(&format!("Indicator: {}", indicator.name)),
            "{}",
            indicator.name
        );
        let texts = indicator
            .criteria
            .iter()
            .chain(&indicator.probing_questions)
            .chain(indicator.levels.iter().flatten());
        for text in texts {
            assert!(SEED.contains(text.as_str()), "not in the source: {text:?}");
            checked += 1;
        }
    }
    for text in c.how_to_use.iter().chain(&c.how_the_tool_is_organized) {
        assert!(SEED.contains(text.as_str()), "not in the source: {text:?}");
    }
    assert!(checked > 150, "only {checked} texts checked");
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
            "Stage 3: Take Action",
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
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let keys: Vec<&str> = sheets.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["contract-supplement", "quarterly-meeting"]);
    for sheet in sheets {
        sheet.validate().expect("valid");
    }
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

#[test]
fn the_worksheets_wording_is_word_for_word_from_the_sources() {
    let sheets = partnerpath::instrument::Worksheet::builtin().expect("worksheets");
    let source = flattened(CONDITIONS_SEED);
    let supplement = &sheets[0];
    let practices: Vec<&str> = supplement
        .fields()
        .filter(|f| f.key.starts_with("practice_"))
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
    for text in
        plan.instructions
            .iter()
            .chain([&plan.purpose, &plan.introduction, &plan.project_plan])
    {
        assert!(
            nea.contains(&flattened(text).replace('*', "")),
            "not in the source: {text:?}"
        );
    }
}
