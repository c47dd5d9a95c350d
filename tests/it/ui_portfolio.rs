//! The partnerships list as a portfolio, on the large data set (sixty
//! partnerships): found by typing part of a name, sorted by overdue
//! actions, filtered by district, and opened from the line; its one-page
//! summary prints what is shown.

use egui_kittest::kittest::{NodeT, Queryable};
use partnerpath::large::{self, Shape};
use partnerpath::ui::{Page, Screen};

use crate::support;

const ELSEWHERE: &str = "District 07 & Partner 49 (generated)";

fn large_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.sqlite");
    large::create(&path, support::instruments(), Shape::with_cycles(10), 2026).expect("large");
    (dir, path)
}

#[test]
fn the_portfolio_finds_sorts_filters_and_opens() {
    let (_dir, path) = large_file();
    let mut harness = support::harness(support::app(&path, None), [1366.0, 768.0]);
    harness.run();
    harness.get_by_label_contains("Showing 60 of 60");

    // Typing part of a name leaves that partnership alone.
    harness.get_by_label("Find a partnership").click();
    harness.run();
    harness
        .get_by_label("Find a partnership")
        .type_text("partner 49");
    harness.run();
    harness.get_by_label_contains("Showing 1 of 60");
    harness.get_by_label(ELSEWHERE);
    assert!(harness.query_by_label(large::BIG).is_none());
    harness.get_by_label("Clear the search").click();
    harness.run();
    harness.get_by_label_contains("Showing 60 of 60");

    // Sorted by overdue actions, the big partnership (the only one with
    // steps) comes first, above one that sorts before it by name.
    harness.get_by_label("Sort the partnerships by").click();
    harness.run();
    harness.get_by_label("Overdue actions").click();
    harness.run();
    let top = |harness: &egui_kittest::Harness<'_, _>, name: &str| {
        harness.get_by_label(name).rect().top()
    };
    let first = "District 01 & Partner 07 (generated)";
    let by_name_first = harness
        .query_by_label(first)
        .map_or(f32::MAX, |n| n.rect().top());
    assert!(
        top(&harness, large::BIG) < by_name_first,
        "the partnership with overdue actions leads"
    );
    harness.get_by_label_contains("actions overdue");

    // A district filter.
    harness
        .get_by_label("Show partnerships of the district")
        .click();
    harness.run();
    harness.get_by_label("District 03").click();
    harness.run();
    harness.get_by_label_contains("Showing 1 of 60");
    harness
        .get_by_label("District 03 & Partner 21 (generated)")
        .click();
    harness.run();
    let screen = harness.state().screen();
    assert!(
        matches!(screen, Screen::In(_, Page::Overview)),
        "the name opens the partnership: {screen:?}"
    );
}

#[test]
fn print_summary_offers_the_lines_shown() {
    let (_dir, path) = large_file();
    let mut harness = support::harness(support::app(&path, None), [1366.0, 768.0]);
    harness.run();
    harness.get_by_label("Find a partnership").click();
    harness.run();
    harness
        .get_by_label("Find a partnership")
        .type_text("District 0");
    harness.run();
    harness.get_by_label("Print summary…").click();
    harness.run();
    harness.get_by_label_contains("of 60 partnerships: matching “District 0”");
}

#[test]
fn due_soon_lists_what_is_due_across_partnerships_and_leads_to_where_it_is_done() {
    let (_dir, path) = large_file();
    let app = support::app(&path, None).as_on(jiff::civil::date(2026, 12, 4));
    let mut harness = support::harness(app, [1366.0, 768.0]);
    harness.run();

    // The big partnership's "needs attention" leads to what is due of it.
    harness
        .get_by_label_contains(&format!("{} needs attention", large::BIG))
        .click();
    harness.run();
    harness.get_by_label(&format!("Only {}.", large::BIG));
    assert!(
        harness
            .query_all_by_label_contains("Action step:")
            .next()
            .is_some(),
        "its overdue action steps"
    );
    assert!(
        harness.query_by_label(ELSEWHERE).is_none(),
        "only the big partnership's"
    );

    // Across every partnership: the others are not rated this school
    // year (their newest cycle is 2025–26).
    harness.get_by_label("Show every partnership").click();
    harness.run();
    harness.get_by_label_contains("things due");
    let first_line = harness
        .query_all_by_label(large::BIG)
        .next()
        .expect("a line of the big partnership");
    first_line.click();
    harness.run();
    assert!(
        matches!(harness.state().screen(), Screen::In(_, Page::Actions)),
        "an overdue action step leads to the actions: {:?}",
        harness.state().screen()
    );

    // Fewer days ahead show fewer things, never the overdue ones less.
    harness.state_mut().go_to(Screen::Partnerships);
    harness.run();
    harness.get_by_label("Due soon").click();
    harness.run();
    let count = |harness: &egui_kittest::Harness<'_, _>| -> usize {
        let node = harness.get_by_label_contains("things due");
        let label = node.accesskit_node().value().unwrap_or_default();
        label
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a count")
    };
    let thirty = count(&harness);
    harness.get_by_label("Show what falls due within").click();
    harness.run();
    harness.get_by_label("90 days").click();
    harness.run();
    assert!(count(&harness) >= thirty);
}
