//! A readiness round in the window: a member rates the four categories and
//! writes a concern, the team's average follows, and the joint view shows
//! both teams' concerns with the numbers hidden until asked for.

use egui_kittest::kittest::{NodeT, Queryable, by};
use jiff::civil::date;
use partnerpath::instrument::Instruments;
use partnerpath::model::{
    NewPartnership, NewReadinessMember, NewReadinessRound, ReadinessMemberFields,
    ReadinessRoundFields, Team,
};
use partnerpath::ui::{Page, Screen};
use partnerpath_store::Store;

use crate::support;

/// The text a node shows: a label widget keeps it as its value.
fn text_of(node: &egui_kittest::kittest::AccessKitNode<'_>) -> String {
    let text = if node.role() == egui::accesskit::Role::Label {
        node.value()
    } else {
        node.label()
    };
    text.unwrap_or_default().to_lowercase()
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one meeting from start to end: each member rates, then the teams summarise, as a facilitator would click it"
)]
fn a_member_rates_the_four_categories_and_the_teams_meet_over_concerns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("readiness.sqlite");
    let instruments = Instruments::builtin().expect("instruments");
    let tool = instruments.readiness;
    let (partnership, round, ann) = {
        let mut store = Store::open(&path).expect("open");
        let partnership = store
            .create_partnership(
                &NewPartnership {
                    name: "Prospective partnership".into(),
                    ..NewPartnership::default()
                },
                false,
            )
            .expect("partnership");
        let round = store
            .create_readiness_round(&NewReadinessRound {
                partnership_id: partnership,
                fields: ReadinessRoundFields {
                    title: "First look".into(),
                    held_on: date(2025, 2, 3),
                    instrument_key: tool.key.clone(),
                    instrument_version: tool.version.clone(),
                },
            })
            .expect("round");
        let member = |store: &mut Store, team, name: &str| {
            store
                .add_readiness_member(&NewReadinessMember {
                    round_id: round,
                    fields: ReadinessMemberFields {
                        team,
                        name: name.into(),
                        role: String::new(),
                    },
                })
                .expect("member")
        };
        let ann = member(&mut store, Team::District, "Ann Lee");
        member(&mut store, Team::District, "Bo Diaz");
        let di = member(&mut store, Team::Partner, "Di Park");
        store
            .set_readiness_rating(di, "resources", Some(2))
            .expect("rating");
        store
            .set_readiness_concerns(di, "resources", "Supervisors are stretched")
            .expect("concern");
        (partnership, round, ann)
    };
    let app = support::app(&path, Some(Screen::In(partnership, Page::Readiness(round))));
    let mut harness = support::harness(app, [1366.0, 3000.0]);
    harness.run();

    harness.get_by_label("Rate as Ann Lee").click();
    harness.run();
    for (category, rating) in tool.categories.iter().zip([4, 3, 2, 3]) {
        harness
            .get_by_label(&format!("{}: {rating}", category.name))
            .click();
        harness.run();
    }
    harness
        .get_by_label("Areas of concern for Clear Metrics Established")
        .click();
    harness.run();
    harness
        .get_by_label("Areas of concern for Clear Metrics Established")
        .type_text("No agreed baseline");
    harness.run();

    let conn = rusqlite::Connection::open(&path).expect("open");
    let ratings: Vec<(String, Option<u8>, String)> = conn
        .prepare(
            "SELECT category_key, rating, concerns FROM readiness_ratings
             WHERE member_id = ?1 ORDER BY id",
        )
        .expect("prepare")
        .query_map([ann.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        ratings,
        [
            ("alignment".to_owned(), Some(4), String::new()),
            ("resources".to_owned(), Some(3), String::new()),
            (
                "metrics".to_owned(),
                Some(2),
                "No agreed baseline".to_owned()
            ),
            ("communication".to_owned(), Some(3), String::new()),
        ]
    );
    // Bo has not rated: he is missing, not a zero.
    assert_eq!(
        harness
            .query_all_by_label_contains("Team average 3.0 (1 of 2 rated)")
            .count(),
        2,
        "resources and communication"
    );
    harness.get_by_label("Team average 4.0 (1 of 2 rated)");
    assert!(
        harness
            .query_all_by_label_contains("Not rated yet (left out of the average): Bo Diaz")
            .count()
            >= 4
    );

    harness.get_by_label("Both teams together").click();
    harness.run();
    harness.get_by_label("Ann Lee: No agreed baseline");
    harness.get_by_label("Di Park: Supervisors are stretched");
    assert_eq!(
        harness.query_all_by_label_contains("Team average").count(),
        0,
        "numbers hidden until asked"
    );
    harness
        .get_by_label("Show each team's average ratings")
        .click();
    harness.run();
    // District metrics (Ann's 2) and partner resources (Di's 2).
    assert_eq!(
        harness
            .query_all_by_label("Team average 2.0 (1 rated)")
            .count(),
        2
    );

    // Nothing on screen reads as a verdict on the partnership.
    for word in [
        "verdict",
        "pass",
        "fail",
        "score",
        "recommend",
        "ready to",
        "not ready",
        "go ahead",
    ] {
        let found: Vec<String> = harness
            .query_all(by().predicate(move |node| text_of(node).contains(word)))
            .map(|node| text_of(&node.accesskit_node()))
            .collect();
        assert!(found.is_empty(), "{word:?} on screen: {found:?}");
    }
    // The same search finds what is on screen: the averages asked for.
    let averages = harness
        .query_all(by().predicate(|node| text_of(node).contains("team average")))
        .count();
    assert_eq!(
        averages, 5,
        "four district categories and one partner category"
    );
}
