//! Present (View > Present, F5): a cycle walked by keyboard alone with its
//! levels stored, every indicator of every continuum PartnerPath carries
//! measured at 1024×768 and 1920×1080, and a readiness round and a
//! quarterly meeting presented.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use partnerpath::model::{
    Command, CycleFields, CycleId, CycleStatus, DocumentFields, FieldValue, Level, NewCycle,
    NewDocument, NewPerson, NewReadinessMember, NewReadinessRound, Outcome, PartnershipId, Rater,
    RatingKey, ReadinessMemberFields, ReadinessRoundFields, Side, Team,
};
use partnerpath::ui::{App, Page, Screen};
use partnerpath_store::Store;

use crate::support;

/// The smallest text a room reads from the back at 1024×768, in points.
const FOR_A_ROOM: f32 = 20.0;

fn cycle_with(store: &mut Store, id: PartnershipId, version: &str, year: &str) -> CycleId {
    match store.apply(&Command::CreateCycle(NewCycle {
        partnership_id: id,
        fields: CycleFields {
            status: CycleStatus::Draft,
            hidden: false,
            instrument_key: "wbt-continuum".into(),
            instrument_version: version.into(),
            school_year: year.into(),
            administered_on: jiff::civil::date(2025, 10, 1),
        },
    })) {
        Ok(Outcome::CycleCreated(cycle)) => cycle,
        other => panic!("a cycle: {other:?}"),
    }
}

fn step(harness: &mut Harness<'_, App>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn all_13_indicators_are_rated_in_present_by_keyboard_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("present.sqlite");
    let (id, cycle) = {
        let mut store = Store::open(&path).expect("open");
        let id = support::oak_and_elm(&mut store);
        (id, support::draft_cycle(&mut store, id, "2025–26"))
    };
    let app = support::app(&path, Some(Screen::In(id, Page::Continuum(cycle))));
    let mut harness = support::harness(app, [1024.0, 768.0]);
    harness.run();
    step(&mut harness, Key::F5);
    assert!(harness.state().presenting().is_some(), "F5 presents");
    harness.get_by_label("Indicator 1 of 13: Mission & Beliefs");
    let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
    for i in 0..13 {
        step(&mut harness, keys[i % 4]);
        step(&mut harness, Key::ArrowRight);
    }
    // Past the last, → stays; ← goes back; 0 clears the 12th's level, and
    // 2 sets it again.
    step(&mut harness, Key::ArrowLeft);
    step(&mut harness, Key::Num0);
    step(&mut harness, Key::Num2);
    harness.get_by_label("Indicator 12 of 13: Dissemination (the team's level is set)");
    step(&mut harness, Key::Escape);
    assert!(harness.state().presenting().is_none(), "Esc leaves");
    assert_eq!(
        harness.state().screen(),
        Screen::In(id, Page::Continuum(cycle))
    );
    drop(harness);

    let store = Store::open(&path).expect("open again");
    let view = store.load_partnership(id).expect("load");
    let continuum = support::instruments().continuum;
    let stored: Vec<u8> = continuum
        .indicators()
        .map(|i| {
            view.rating(cycle, Rater::Consensus, &i.key)
                .and_then(|r| r.level)
                .map_or(0, Level::number)
        })
        .collect();
    assert_eq!(stored, [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 2, 1]);
}

/// Every indicator of every version of the continuum, with a dozen raters'
/// discs on its cards, at a projector's two usual sizes: the text no
/// smaller than 20 points at 1024×768, and every card, the evidence line
/// and the strip inside the screen.
#[test]
#[expect(
    clippy::too_many_lines,
    reason = "the raters, both versions' cycles and both sizes, each indicator measured"
)]
fn every_indicator_of_every_continuum_fits_at_1024x768_and_1920x1080() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fit.sqlite");
    let instruments = support::instruments();
    let mut cycles = Vec::new();
    let id = {
        let mut store = Store::open(&path).expect("open");
        let id = support::oak_and_elm(&mut store);
        let people: Vec<_> = (0..12)
            .map(|n| {
                let side = if n % 2 == 0 {
                    Side::District
                } else {
                    Side::Partner
                };
                match store.apply(&Command::AddPerson(
                    id,
                    NewPerson {
                        name: format!("Rater Number{n}"),
                        side,
                        role: String::new(),
                    },
                )) {
                    Ok(Outcome::PersonAdded(person)) => person,
                    other => panic!("a person: {other:?}"),
                }
            })
            .collect();
        for (n, continuum) in instruments.continuums.iter().enumerate() {
            let cycle = cycle_with(
                &mut store,
                id,
                &continuum.version,
                &format!("202{n}–2{}", n + 1),
            );
            for indicator in continuum.indicators() {
                for (k, person) in people.iter().enumerate() {
                    let level = Level::new(u8::try_from(k % 4 + 1).expect("a level"));
                    store
                        .apply(&Command::SetLevel(
                            RatingKey {
                                cycle_id: cycle,
                                indicator_key: indicator.key.clone(),
                                rater: Rater::Person(*person),
                            },
                            level,
                        ))
                        .expect("a rating");
                }
            }
            cycles.push((cycle, continuum));
        }
        id
    };
    assert!(cycles.len() >= 2, "both versions");
    let mut failed = Vec::new();
    // The harness draws the window inside a margin of 8 points; the
    // window is the screen's size inside it.
    let margin = 8.0;
    for (width, height) in [(1024.0, 768.0), (1920.0, 1080.0)] {
        for (cycle, continuum) in &cycles {
            let app = support::app(&path, Some(Screen::In(id, Page::Continuum(*cycle))));
            let mut harness = support::harness(app, [width + 2.0 * margin, height + 2.0 * margin]);
            harness.run();
            step(&mut harness, Key::F5);
            let count = continuum.indicator_count();
            let mut smallest = f32::MAX;
            for (n, indicator) in continuum.indicators().enumerate() {
                let (size, fits) = harness.state().presenting().expect("presenting");
                let what = format!(
                    "{} at {width}×{height}, {}",
                    indicator.name,
                    continuum.name_and_version()
                );
                if !fits || (width < 1100.0 && size < FOR_A_ROOM) {
                    failed.push(format!("{what}: text {size} points, fits: {fits}"));
                }
                smallest = smallest.min(size);
                let inside = |label: &str| {
                    let rect = harness.get_by_label(label).rect();
                    assert!(
                        rect.left() >= margin - 0.5
                            && rect.top() >= margin - 0.5
                            && rect.right() <= margin + width + 0.5
                            && rect.bottom() <= margin + height + 0.5,
                        "{what}: “{label}” at {rect:?} is off the screen"
                    );
                };
                for level in Level::ALL {
                    inside(&format!(
                        "{}: {}",
                        indicator.name,
                        continuum.level_name(level)
                    ));
                }
                inside(&format!(
                    "{} for {}",
                    continuum.headings.evidence, indicator.name
                ));
                inside(&format!(
                    "Indicator {count} of {count}: {}",
                    continuum
                        .indicators()
                        .last()
                        .map(|i| i.name.as_str())
                        .unwrap_or_default()
                ));
                inside("Leave");
                if n + 1 < count {
                    step(&mut harness, Key::ArrowRight);
                }
            }
            eprintln!(
                "{} at {width}×{height}: smallest text {smallest} points",
                continuum.name_and_version()
            );
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn a_readiness_round_is_presented_a_category_at_a_time_with_both_teams() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("round.sqlite");
    let (id, round) = {
        let mut store = Store::open(&path).expect("open");
        let id = support::oak_and_elm(&mut store);
        let Ok(Outcome::ReadinessRoundCreated(round)) =
            store.apply(&Command::CreateReadinessRound(NewReadinessRound {
                partnership_id: id,
                fields: ReadinessRoundFields {
                    title: "Before signing".into(),
                    held_on: jiff::civil::date(2026, 5, 10),
                    instrument_key: "readiness".into(),
                    instrument_version: support::instruments().readiness.version.clone(),
                },
            }))
        else {
            panic!("a round");
        };
        for (team, name, rating, concern) in [
            (Team::District, "Ana Ruiz", 2, "No shared data calendar"),
            (Team::District, "Bo Chen", 4, ""),
            (Team::Partner, "Cy Diaz", 3, "Who pays for release time?"),
        ] {
            let Ok(Outcome::ReadinessMemberAdded(member)) =
                store.apply(&Command::AddReadinessMember(NewReadinessMember {
                    round_id: round,
                    fields: ReadinessMemberFields {
                        team,
                        name: name.into(),
                        role: String::new(),
                    },
                }))
            else {
                panic!("a member");
            };
            store
                .apply(&Command::SetReadinessRating(
                    member,
                    "metrics".into(),
                    Some(rating),
                ))
                .expect("rating");
            store
                .apply(&Command::SetReadinessConcerns(
                    member,
                    "metrics".into(),
                    concern.into(),
                ))
                .expect("concerns");
        }
        (id, round)
    };
    let app = support::app(&path, Some(Screen::In(id, Page::Readiness(round))));
    let mut harness = support::harness(app, [1024.0, 768.0]);
    harness.run();
    step(&mut harness, Key::F5);
    harness.get_by_label("Alignment of Strategic Priority and Objectives");
    // Clear Metrics Established is the third category.
    step(&mut harness, Key::ArrowRight);
    step(&mut harness, Key::ArrowRight);
    harness.get_by_label("Clear Metrics Established");
    harness.get_by_label("Team average 3.0 (2 of 2 rated)");
    harness.get_by_label("Ratings from 2 to 4.");
    harness.get_by_label("Ana Ruiz: No shared data calendar");
    harness.get_by_label("Cy Diaz: Who pays for release time?");
    let (size, fits) = harness.state().presenting().expect("presenting");
    assert!(fits && size >= FOR_A_ROOM, "{size} {fits}");
    step(&mut harness, Key::Escape);
    assert_eq!(
        harness.state().screen(),
        Screen::In(id, Page::Readiness(round))
    );
}

#[test]
fn a_quarterly_meeting_is_presented_a_section_at_a_time_and_its_notes_typed_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meeting.sqlite");
    let (id, meeting) = {
        let mut store = Store::open(&path).expect("open");
        let id = support::oak_and_elm(&mut store);
        let Ok(Outcome::DocumentCreated(meeting)) =
            store.apply(&Command::CreateDocument(NewDocument {
                partnership_id: id,
                fields: DocumentFields {
                    instrument_key: "quarterly-meeting".into(),
                    instrument_version: "odst-1".into(),
                    title: "Quarterly meeting, October".into(),
                    created_on: jiff::civil::date(2025, 10, 14),
                },
            }))
        else {
            panic!("a meeting");
        };
        (id, meeting)
    };
    let app = support::app(&path, Some(Screen::In(id, Page::Document(meeting))));
    let mut harness = support::harness(app, [1024.0, 768.0]);
    harness.run();
    // From the menu this time.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Present").click();
    harness.run();
    assert!(harness.state().presenting().is_some());
    harness.get_by_label("Alignment of Strategic Priority and Objectives");
    harness.get_by_label_contains("10 minutes");
    harness.get_by_label("Start the timer for Alignment of Strategic Priority and Objectives");
    step(&mut harness, Key::ArrowRight);
    harness.get_by_label("Appropriate and Sufficient Resources");
    let question = "3. Are we currently allocating sufficient resources (time, money and personnel) to allow for success?";
    let field = || by().label(question).role(Role::MultilineTextInput);
    harness.get(field()).click();
    harness.run();
    harness
        .get(field())
        .type_text("Release time for two teachers");
    harness.run();
    // While the field has the keyboard, → moves its cursor, not the slide.
    step(&mut harness, Key::ArrowRight);
    harness.get_by_label("Appropriate and Sufficient Resources");
    drop(harness);
    let store = Store::open(&path).expect("open again");
    let view = store.load_partnership(id).expect("load");
    let document = view.document(meeting).expect("the meeting");
    assert_eq!(
        document.value("question_3"),
        Some(&FieldValue::Text("Release time for two teachers".into()))
    );
}

#[test]
fn present_is_offered_only_where_there_is_something_to_present() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nothing.sqlite");
    let id = {
        let mut store = Store::open(&path).expect("open");
        support::oak_and_elm(&mut store)
    };
    let app = support::app(&path, Some(Screen::In(id, Page::Overview)));
    let mut harness = support::harness(app, [1024.0, 768.0]);
    harness.run();
    step(&mut harness, Key::F5);
    assert!(harness.state().presenting().is_none());
    let problem = harness
        .state()
        .problem()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        problem.contains("nothing on this page to present"),
        "{problem}"
    );
}

/// A window smaller than any projector's screen: the slide no longer fits
/// at the smallest text, so it scrolls above the bar, whose Leave stays
/// in the window.
#[test]
fn a_window_too_small_for_the_slide_scrolls_it_above_the_bar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("small.sqlite");
    let (id, cycle) = {
        let mut store = Store::open(&path).expect("open");
        let id = support::oak_and_elm(&mut store);
        (id, support::draft_cycle(&mut store, id, "2025–26"))
    };
    let app = support::app(&path, Some(Screen::In(id, Page::Continuum(cycle))));
    let mut harness = support::harness(app, [560.0, 360.0]);
    harness.run();
    step(&mut harness, Key::F5);
    let (size, fits) = harness.state().presenting().expect("presenting");
    assert!(!fits, "does not fit at {size} points");
    let leave = harness.get_by_label("Leave").rect();
    assert!(
        leave.bottom() <= 360.0 && leave.right() <= 560.0,
        "{leave:?}"
    );
    // The cards are there to scroll to, and still set the level.
    harness
        .get_by_label("Mission & Beliefs: Developing")
        .click();
    harness.run();
    drop(harness);
    let view = Store::open(&path)
        .expect("open")
        .load_partnership(id)
        .expect("load");
    assert_eq!(
        view.rating(cycle, Rater::Consensus, "mission-and-beliefs")
            .and_then(|r| r.level)
            .map(Level::number),
        Some(2)
    );
}
