//! What several test modules share: the window driven by egui_kittest on a
//! real file.

use std::path::Path;

use egui_kittest::Harness;
use partnerpath::instrument::Instruments;
use partnerpath::model::{NewPartnership, PartnershipId};
use partnerpath::session::Session;
use partnerpath::ui::{App, Screen};
use partnerpath_store::Store;

/// The instruments the program ships with.
pub fn instruments() -> Instruments {
    Instruments::builtin().expect("instruments")
}

/// The app on the file at `path`, showing `screen` (the list if `None`).
pub fn app(path: &Path, screen: Option<Screen>) -> App {
    let mut app = App::new(instruments(), Session::open(path));
    if let Some(screen) = screen {
        app.go_to(screen);
    }
    app
}

/// A window of `size` (width, height) drawing `app`.
pub fn harness(app: App, size: [f32; 2]) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

/// Stores the partnership "Oak SD & Elm University" and returns its id.
pub fn oak_and_elm(store: &mut Store) -> PartnershipId {
    store
        .create_partnership(
            &NewPartnership {
                name: "Oak SD & Elm University".into(),
                district: "Oak School District".into(),
                partner_organisation: "Elm University".into(),
                ..NewPartnership::default()
            },
            false,
        )
        .expect("partnership")
}

/// `continuum` with two texts moved to the neighbour of where they stand:
/// Shared Goals' Emerging text to Developing, and its first probing
/// question to Mutual Benefit. A check of the whole text passes both; only
/// where they stand is wrong.
pub fn moved_to_neighbours(
    continuum: &partnerpath::instrument::Continuum,
) -> partnerpath::instrument::Continuum {
    let mut moved = continuum.clone();
    let indicators = &mut moved.categories[0].indicators;
    let emerging = indicators[1].levels[0].remove(0);
    indicators[1].levels[1].push(emerging);
    let question = indicators[1].probing_questions.remove(0);
    indicators[2].probing_questions.push(question);
    moved
}

/// A positional wording check caught both moves of `moved_to_neighbours`,
/// and nothing else.
pub fn assert_moves_caught(problems: &[String]) {
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("Shared Goals: level 2"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("Mutual Benefit: question"),
        "{problems:?}"
    );
}
