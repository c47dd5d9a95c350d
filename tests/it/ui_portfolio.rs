//! The partnerships list as a portfolio, on the large data set (sixty
//! partnerships): found by typing part of a name, sorted by overdue
//! actions, filtered by district, and opened from the line; its one-page
//! summary prints what is shown.

use egui_kittest::kittest::Queryable;
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
