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
