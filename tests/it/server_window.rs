//! The window on a shared database, driven as users drive it, each signed
//! in as themselves (real PostgreSQL users without superuser rights) on
//! the server `scripts/test` starts: connecting through the dialog and
//! from the recent list, another person's level appearing on its own, a
//! viewer's window, and a connection cut by the server.

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use partnerpath::keychain::{Keychain, MemoryKeychain};
use partnerpath::model::{Command, Level, PartnershipId, Rater, RatingKey, Role as AccountRole};
use partnerpath::ui::{Action, App, Page, Screen};
use partnerpath_store::add_server_user;

use crate::server_access::{PASSWORD, Portfolio, portfolio};
use crate::support;
use crate::ui_remember::Memory;

/// How long a test waits for another window's change before it fails
/// (the budget is one second; the machines running tests are shared).
const PATIENCE: Duration = Duration::from_secs(10);

/// A window with no database open, keeping passwords in `keychain`.
fn window(keychain: &MemoryKeychain) -> Harness<'static, App> {
    let app =
        App::without_database(support::instruments()).with_keychain(Box::new(keychain.clone()));
    support::harness(app, [1366.0, 768.0])
}

/// Fills in File > Connect to a shared database… for `user` and connects.
fn sign_in_through_the_dialog(
    harness: &mut Harness<'static, App>,
    p: &Portfolio,
    user: &str,
    remember: bool,
) {
    harness.get_by_label("File").click();
    settle(harness);
    harness
        .get_by_label("Connect to a shared database…")
        .click();
    settle(harness);
    let host = std::env::var("PGHOST").expect("PGHOST");
    let port = std::env::var("PGPORT").expect("PGPORT");
    for (field, text) in [
        ("Server", host.as_str()),
        ("Port", port.as_str()),
        ("Database", p.database.name.as_str()),
        ("User name", user),
        ("Password", PASSWORD),
    ] {
        let input = || by().label(field).predicate(|n| n.role() != Role::Label);
        harness.get(input()).click();
        settle(harness);
        // Replace what the dialog offers (the last values, or the usual).
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        settle(harness);
        harness.get(input()).type_text(text);
        settle(harness);
    }
    if remember {
        harness
            .get_by_label("Remember the password on this computer (in the system's keychain)")
            .click();
        settle(harness);
    }
    harness.get_by_label("Connect").click();
    settle(harness);
}

/// The open cycle's first cycle, shown in `harness`.
fn show_the_cycle(harness: &mut Harness<'static, App>, id: PartnershipId) {
    harness
        .state_mut()
        .act(Action::Go(Screen::In(id, Page::Overview)));
    settle(harness);
    // On a server the partnership is read in the background.
    wait_until(harness, |h| {
        h.state().screen() == Screen::In(id, Page::Overview)
    });
    let cycle = harness
        .state()
        .session()
        .and_then(|s| s.view())
        .expect("the partnership open")
        .cycles[0]
        .id;
    harness
        .state_mut()
        .act(Action::Go(Screen::In(id, Page::Continuum(cycle))));
    settle(harness);
}

/// The team's level of Shared Goals, as the window holds it.
fn shared_goals(harness: &Harness<'static, App>) -> Option<Level> {
    let view = harness.state().session()?.view()?;
    view.rating(view.cycles[0].id, Rater::Consensus, "shared-goals")?
        .level
}

/// Asks for the team's level of Shared Goals in the open cycle as a
/// shortcut would, past the grid's cells (which may show unavailable).
fn ask_for_team_level(harness: &mut Harness<'static, App>, level: Option<Level>) {
    let view = harness
        .state()
        .session()
        .and_then(|s| s.view())
        .expect("open");
    let key = RatingKey {
        cycle_id: view.cycles[0].id,
        indicator_key: "shared-goals".into(),
        rater: Rater::Consensus,
    };
    harness
        .state_mut()
        .act(Action::Edit(Command::SetLevel(key, level)));
}

/// Draws `harness` until what it asked of the server has come (nothing
/// being saved or opened), then until it no longer changes.
fn settle(harness: &mut Harness<'static, App>) {
    let idle = |h: &Harness<'static, App>| {
        h.state().connecting().is_none()
            && h.state()
                .session()
                .is_none_or(|s| !s.saving() && s.opening().is_none())
    };
    let start = Instant::now();
    loop {
        wait_until(harness, idle);
        // A frame drawn while saving asks for the next (its spinner turns).
        if harness.run_ok().is_some() && idle(harness) {
            return;
        }
        assert!(start.elapsed() < PATIENCE, "the window never settled");
    }
}

/// Draws `harness` until `done` holds, as a window does when woken (by
/// another person's change, or by its own store answering);
/// returns how long it took, or fails after `PATIENCE`.
fn wait_until(
    harness: &mut Harness<'static, App>,
    done: impl Fn(&Harness<'static, App>) -> bool,
) -> Duration {
    let start = Instant::now();
    while !done(harness) {
        assert!(
            start.elapsed() < PATIENCE,
            "what the window waited for never came"
        );
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    start.elapsed()
}

/// Eli, a second assessor of Oak SD, on the portfolio's server; the name
/// Eli signs in with.
fn add_eli(p: &Portfolio) -> String {
    let eli = p.database.user("eli_assessor");
    add_server_user(
        &p.database.address(),
        &eli,
        AccountRole::Assessor,
        "Oak SD",
        Some(PASSWORD),
    )
    .expect("add Eli");
    eli
}

#[test]
fn two_windows_as_two_users_each_see_the_others_level_appear() {
    let p = portfolio();
    let eli = add_eli(&p);
    let bo = p.database.user("bo_assessor");

    // Bo signs in through the dialog, without asking to remember.
    let bo_keychain = MemoryKeychain::default();
    let mut bo_window = window(&bo_keychain);
    sign_in_through_the_dialog(&mut bo_window, &p, &bo, false);
    let account = bo_window
        .state()
        .session()
        .and_then(|s| s.account())
        .cloned()
        .expect("signed in");
    assert_eq!(
        (account.user.as_str(), account.role),
        (bo.as_str(), AccountRole::Assessor)
    );
    assert!(bo_keychain.addresses().is_empty(), "not asked to remember");
    // Eli's password is remembered: the recent list connects with it.
    let eli_keychain = MemoryKeychain::default();
    let eli_address = p.database.url_as(&eli);
    eli_keychain.keep(&eli_address, PASSWORD).expect("keep");
    let mut eli_window = window(&eli_keychain);
    eli_window.state_mut().act(Action::ConnectTo(eli_address));
    settle(&mut eli_window);
    assert_eq!(
        eli_window
            .state()
            .session()
            .and_then(|s| s.account())
            .map(|a| a.user.clone()),
        Some(eli.clone())
    );

    show_the_cycle(&mut bo_window, p.oak);
    show_the_cycle(&mut eli_window, p.oak);
    assert_eq!(shared_goals(&eli_window), Level::new(2));

    bo_window.get_by_label("Shared Goals: Established").click();
    settle(&mut bo_window);
    assert_eq!(shared_goals(&bo_window), Level::new(3));
    let took = wait_until(&mut eli_window, |h| shared_goals(h) == Level::new(3));
    println!("Bo's level appeared in Eli's window after {took:?}");

    eli_window
        .get_by_label("Shared Goals: Transformational")
        .click();
    settle(&mut eli_window);
    let took = wait_until(&mut bo_window, |h| shared_goals(h) == Level::new(4));
    println!("Eli's level appeared in Bo's window after {took:?}");
    // And the screen shows it, not only memory.
    bo_window.get_by_label("Shared Goals: Transformational");
    assert!(
        bo_window.state().problem().is_none(),
        "{:?}",
        bo_window.state().problem()
    );
}

#[test]
fn remember_keeps_the_password_in_the_keychain_and_never_in_the_settings() {
    let p = portfolio();
    let bo = p.database.user("bo_assessor");
    let keychain = MemoryKeychain::default();
    let mut harness = window(&keychain);
    sign_in_through_the_dialog(&mut harness, &p, &bo, true);
    let address = p.database.url_as(&bo);
    assert_eq!(keychain.password(&address).as_deref(), Some(PASSWORD));
    assert_eq!(
        harness.state().recent().servers(),
        std::slice::from_ref(&address)
    );
    let mut storage = Memory::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let settings = format!("{:?}", storage.0);
    assert!(
        settings.contains(&address),
        "the address is remembered: {settings}"
    );
    assert!(
        !settings.contains(PASSWORD),
        "never the password: {settings}"
    );
    assert_eq!(
        partnerpath::ui::last_open(Some(&storage)),
        Some(partnerpath::ui::Last::Server(address))
    );
}

#[test]
fn a_wrong_password_is_said_in_the_dialog_and_nothing_opens() {
    let p = portfolio();
    let bo = p.database.user("bo_assessor");
    let keychain = MemoryKeychain::default();
    keychain
        .keep(&p.database.url_as(&bo), "not the password")
        .expect("keep");
    let mut harness = window(&keychain);
    harness
        .state_mut()
        .act(Action::ConnectTo(p.database.url_as(&bo)));
    settle(&mut harness);
    assert!(harness.state().session().is_none());
    assert_eq!(
        harness.state().dialogs(),
        ["connect"],
        "the dialog asks again"
    );
    // "Connecting to … as … did not work: … the password …"
    assert!(
        harness
            .query_all(by().role(Role::Label).predicate(|n| {
                n.value()
                    .is_some_and(|l| l.contains("did not work") && l.contains("password"))
            }))
            .next()
            .is_some()
    );
    // A wrong password typed in the dialog: asked again, still filled in.
    let input = || {
        by().label("Password")
            .predicate(|n| n.role() != Role::Label)
    };
    harness.get(input()).click();
    settle(&mut harness);
    harness.get(input()).type_text("still not it");
    settle(&mut harness);
    harness.get_by_label("Connect").click();
    settle(&mut harness);
    assert!(harness.state().session().is_none());
    assert_eq!(harness.state().dialogs(), ["connect"], "asked again");
    let server = by()
        .label("User name")
        .predicate(|n| n.role() != Role::Label);
    assert_eq!(harness.get(server).value().as_deref(), Some(bo.as_str()));
}

#[test]
fn a_viewers_window_says_so_and_refuses_every_change() {
    let p = portfolio();
    let ana = p.database.user("ana_viewer");
    let keychain = MemoryKeychain::default();
    keychain
        .keep(&p.database.url_as(&ana), PASSWORD)
        .expect("keep");
    let mut harness = window(&keychain);
    harness
        .state_mut()
        .act(Action::ConnectTo(p.database.url_as(&ana)));
    settle(&mut harness);
    harness.get_by_label_contains("View only. You are signed in as");
    show_the_cycle(&mut harness, p.oak);
    // Every way to change shows unavailable.
    for control in ["Shared Goals: Established", "Mark final"] {
        assert!(
            harness.get_by_label(control).accesskit_node().is_disabled(),
            "{control}"
        );
    }
    // A change asked for all the same (as a shortcut would) is refused.
    ask_for_team_level(&mut harness, Level::new(3));
    settle(&mut harness);
    assert_eq!(
        shared_goals(&harness),
        Level::new(2),
        "unchanged in the window"
    );
    let problem = harness.state().problem().expect("told why").what.clone();
    assert!(problem.contains("a viewer"), "{problem}");
    let stored: i32 = p
        .database
        .client()
        .query_one("SELECT level FROM ratings WHERE indicator_key = 'shared-goals' AND cycle_id IN (SELECT id FROM cycles WHERE partnership_id = $1)", &[&p.oak.0])
        .expect("rating")
        .get(0);
    assert_eq!(stored, 2, "unchanged on the server");
}

#[test]
fn a_cut_connection_is_said_refuses_changes_and_comes_back_with_every_saved_edit() {
    let p = portfolio();
    let bo = p.database.user("bo_assessor");
    let keychain = MemoryKeychain::default();
    keychain
        .keep(&p.database.url_as(&bo), PASSWORD)
        .expect("keep");
    let mut harness = window(&keychain);
    harness
        .state_mut()
        .act(Action::ConnectTo(p.database.url_as(&bo)));
    settle(&mut harness);
    show_the_cycle(&mut harness, p.oak);
    harness.get_by_label("Shared Goals: Established").click();
    settle(&mut harness);
    assert_eq!(
        shared_goals(&harness),
        Level::new(3),
        "saved before the cut"
    );

    // IT ends every connection of Bo's (the window's and its listener's).
    p.database
        .client()
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1",
            &[&bo],
        )
        .expect("terminate");
    wait_until(&mut harness, |h| {
        h.state().session().is_some_and(|s| s.offline().is_some())
    });
    settle(&mut harness);
    harness.get_by_label_contains("Not connected: reconnecting…");
    // Changes are unavailable meanwhile, and one asked for all the same
    // is refused, not queued.
    assert!(
        harness
            .get_by_label("Shared Goals: Transformational")
            .accesskit_node()
            .is_disabled()
    );
    ask_for_team_level(&mut harness, Level::new(4));
    settle(&mut harness);
    if harness
        .state()
        .session()
        .is_some_and(|s| s.offline().is_some())
    {
        let problem = harness.state().problem().expect("told why").what.clone();
        assert!(problem.contains("Not connected"), "{problem}");
    }
    // It connects again by itself, with what was saved.
    wait_until(&mut harness, |h| {
        h.state().session().is_some_and(|s| s.offline().is_none())
    });
    assert_eq!(shared_goals(&harness), Level::new(3));
    harness.get_by_label("Shared Goals: Developing").click();
    settle(&mut harness);
    assert_eq!(
        shared_goals(&harness),
        Level::new(2),
        "changes are made again"
    );
}

/// A window on the server as `user` that does not follow other people's
/// changes, so that what it shows is as it was when it opened: as when a
/// change is made in the moment before another person's arrives.
fn stale_window(p: &Portfolio, user: &str) -> Harness<'static, App> {
    let url = p.database.url_as(&p.database.user(user));
    let session = partnerpath::session::Session::connect_with(&url, Some(PASSWORD));
    let app = App::new(support::instruments(), session)
        .with_keychain(Box::new(MemoryKeychain::default()));
    let mut harness = support::harness(app, [1366.0, 768.0]);
    show_the_cycle(&mut harness, p.oak);
    harness
}

/// The stored rating of Shared Goals by `rater` (the team if `None`).
fn stored(p: &Portfolio, person: Option<i64>) -> (Option<i32>, String) {
    let row = p
        .database
        .client()
        .query_one(
            "SELECT r.level, r.evidence FROM ratings r JOIN cycles c ON c.id = r.cycle_id
             WHERE c.partnership_id = $1 AND r.indicator_key = 'shared-goals'
               AND r.person_id IS NOT DISTINCT FROM $2",
            &[&p.oak.0, &person],
        )
        .expect("rating");
    (
        row.get(0),
        row.get::<_, Option<String>>(1).unwrap_or_default(),
    )
}

#[test]
fn the_same_field_changed_by_two_people_asks_which_to_keep_and_different_raters_never_conflict() {
    let p = portfolio();
    add_eli(&p);
    let mut bo = partnerpath::session::Session::connect_with(
        &p.database.url_as(&p.database.user("bo_assessor")),
        Some(PASSWORD),
    )
    .expect("Bo");
    bo.open_partnership(p.oak).expect("Oak");
    let Ok(partnerpath::model::Outcome::PersonAdded(eli_person)) = bo.apply(&Command::AddPerson(
        p.oak,
        partnerpath::model::NewPerson {
            name: "Eli Park".into(),
            side: partnerpath::model::Side::District,
            role: String::new(),
        },
    )) else {
        panic!("Eli as a rater");
    };
    let mut window = stale_window(&p, "eli_assessor");
    let cycle = bo.view().expect("open").cycles[0].id;
    let team = RatingKey {
        cycle_id: cycle,
        indicator_key: "shared-goals".into(),
        rater: Rater::Consensus,
    };

    // Bo writes the team's evidence; Eli, not having seen it, writes too.
    bo.apply(&Command::SetEvidence(team.clone(), "Bo's words".into()))
        .expect("Bo's evidence");
    window.state_mut().act(Action::Edit(Command::SetEvidence(
        team.clone(),
        "Eli's words".into(),
    )));
    settle(&mut window);
    assert_eq!(
        window.state().dialogs(),
        ["conflict"],
        "a choice, not an overwrite"
    );
    assert!(
        window.state().problem().is_none(),
        "{:?}",
        window.state().problem()
    );
    window.get_by_label_contains(&format!(
        "{} changed the evidence for Shared Goals (2025–26)",
        p.database.user("bo_assessor")
    ));
    window.get_by_label_contains("to “Bo's words”");
    window.get_by_label_contains("You were changing it to “Eli's words”.");
    assert_eq!(stored(&p, None).1, "Bo's words", "nothing overwritten yet");
    window.get_by_label("Keep yours").click();
    settle(&mut window);
    assert_eq!(stored(&p, None).1, "Eli's words", "kept, as chosen");
    assert!(window.state().dialogs().is_empty());

    // Bo sets the team's level; Eli, not having seen it, sets another, and
    // takes Bo's.
    bo.open_partnership(p.oak).expect("Oak again");
    bo.apply(&Command::SetLevel(team.clone(), Level::new(4)))
        .expect("Bo's level");
    window
        .state_mut()
        .act(Action::Edit(Command::SetLevel(team.clone(), Level::new(1))));
    settle(&mut window);
    window.get_by_label_contains("changed the level of Shared Goals (2025–26)");
    window.get_by_label("Take theirs").click();
    settle(&mut window);
    assert_eq!(stored(&p, None).0, Some(4), "theirs, as chosen");
    assert_eq!(
        shared_goals(&window),
        Level::new(4),
        "and the window shows it"
    );

    // Eli's own rating is a record of its own: no conflict with the team's.
    bo.apply(&Command::SetLevel(team, Level::new(3)))
        .expect("Bo again");
    let own = RatingKey {
        cycle_id: cycle,
        indicator_key: "shared-goals".into(),
        rater: Rater::Person(eli_person),
    };
    window
        .state_mut()
        .act(Action::Edit(Command::SetLevel(own, Level::new(2))));
    settle(&mut window);
    assert!(
        window.state().dialogs().is_empty(),
        "different raters never conflict"
    );
    assert_eq!(stored(&p, Some(eli_person.0)).0, Some(2));
    assert_eq!(stored(&p, None).0, Some(3));
}

/// The team's stored level of Shared Goals in Oak's first cycle.
fn stored_team_level(p: &Portfolio) -> Option<i32> {
    stored(p, None).0
}

#[test]
fn an_edit_shows_at_once_and_is_saved_behind_and_one_refused_by_the_server_goes_back() {
    let p = portfolio();
    let bo = p.database.user("bo_assessor");
    // Bo's window reaches the server through a proxy that can stop the
    // network: what the window does while the server has not answered is
    // then seen for as long as the test looks.
    let proxy = crate::proxy::Proxy::to_test_server(Duration::ZERO);
    let url = format!(
        "postgres://{bo}@localhost:{}/{}",
        proxy.port, p.database.name
    );
    let keychain = MemoryKeychain::default();
    keychain.keep(&url, PASSWORD).expect("keep");
    let mut harness = window(&keychain);
    // Connecting while the network is stopped: the window is drawn, and
    // says where it is connecting, until the server answers.
    proxy.hold();
    harness.state_mut().act(Action::ConnectTo(url));
    for _ in 0..3 {
        harness.step();
    }
    assert!(harness.state().session().is_none(), "not connected yet");
    harness.get_by_label(&format!(
        "Connecting to {} on localhost as {bo}…",
        p.database.name
    ));
    proxy.release();
    settle(&mut harness);
    assert!(harness.state().session().is_some(), "connected");
    // Opening a partnership while the network is stopped: the list stays,
    // saying what is on its way, until the partnership has come.
    proxy.hold();
    let oak = Screen::In(p.oak, Page::Overview);
    harness.state_mut().act(Action::Go(oak));
    for _ in 0..3 {
        harness.step();
    }
    assert_eq!(harness.state().screen(), Screen::Partnerships);
    harness.get_by_label("Opening the partnership…");
    proxy.release();
    wait_until(&mut harness, |h| h.state().screen() == oak);
    show_the_cycle(&mut harness, p.oak);

    // The network stops; Bo chooses a level. The frame does not wait: the
    // level shows, the window says it is saving, and the server does not
    // have it yet.
    proxy.hold();
    harness.get_by_label("Shared Goals: Established").click();
    for _ in 0..3 {
        harness.step();
    }
    assert_eq!(shared_goals(&harness), Level::new(3), "shown at once");
    harness.get_by_label("Saving…");
    assert_eq!(stored_team_level(&p), Some(2), "not on the server yet");
    // The network comes back: saved, and said so.
    proxy.release();
    wait_until(&mut harness, |h| {
        h.state().session().is_some_and(|s| !s.saving())
    });
    harness.step();
    harness.get_by_label_contains("Saved at ");
    assert_eq!(stored_team_level(&p), Some(3), "on the server");

    // Someone else sets the level while Bo's next one is on its way: the
    // server refuses Bo's, the window goes back to what the server holds,
    // and asks which to keep.
    proxy.hold();
    harness
        .get_by_label("Shared Goals: Transformational")
        .click();
    harness.step();
    assert_eq!(shared_goals(&harness), Level::new(4), "shown at once");
    p.database
        .client()
        .execute(
            "UPDATE ratings SET level = 1 WHERE indicator_key = 'shared-goals' AND person_id IS NULL
               AND cycle_id IN (SELECT id FROM cycles WHERE partnership_id = $1)",
            &[&p.oak.0],
        )
        .expect("someone else's level");
    proxy.release();
    wait_until(&mut harness, |h| h.state().dialogs() == ["conflict"]);
    wait_until(&mut harness, |h| shared_goals(h) == Level::new(1));
    assert_eq!(stored_team_level(&p), Some(1), "nothing overwritten");
    settle(&mut harness);
    harness.get_by_label("Keep yours").click();
    settle(&mut harness);
    wait_until(&mut harness, |h| {
        h.state().session().is_some_and(|s| !s.saving())
    });
    assert_eq!(stored_team_level(&p), Some(4), "kept, as chosen");
    assert_eq!(shared_goals(&harness), Level::new(4));
    assert!(
        harness.state().problem().is_none(),
        "{:?}",
        harness.state().problem()
    );

    // The window closes while a level is on its way: it is stored before
    // the window has gone.
    proxy.hold();
    harness.get_by_label("Shared Goals: Developing").click();
    for _ in 0..3 {
        harness.step();
    }
    harness.get_by_label("Saving…");
    let releasing = std::thread::Builder::new()
        .name("IT".into())
        .spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            proxy.release();
        })
        .expect("thread");
    drop(harness);
    assert_eq!(stored_team_level(&p), Some(2), "stored before closing");
    releasing.join().expect("released");
}

/// A worksheet's field typed by two people: the second, not having seen
/// the first's words, is asked which to keep, and nothing is overwritten
/// until they choose.
#[test]
fn a_worksheet_field_changed_by_two_people_asks_which_to_keep() {
    use partnerpath::model::{DocumentFields, FieldValue, NewDocument, Outcome};
    let p = portfolio();
    add_eli(&p);
    let mut bo = partnerpath::session::Session::connect_with(
        &p.database.url_as(&p.database.user("bo_assessor")),
        Some(PASSWORD),
    )
    .expect("Bo");
    bo.open_partnership(p.oak).expect("Oak");
    let Ok(Outcome::DocumentCreated(checklist)) = bo.apply(&Command::CreateDocument(NewDocument {
        partnership_id: p.oak,
        fields: DocumentFields {
            instrument_key: "nea-opportunity-checklist".into(),
            instrument_version: "nea-2019".into(),
            title: "Opportunity checklist".into(),
            created_on: jiff::civil::date(2026, 1, 5),
        },
    })) else {
        panic!("a worksheet");
    };
    let school = |name: &str| {
        Command::SetDocumentValue(
            checklist,
            "school".into(),
            FieldValue::Text(name.into()),
            jiff::civil::date(2026, 2, 9),
        )
    };
    let stored = || -> String {
        p.database
            .client()
            .query_one(
                "SELECT value FROM document_values WHERE document_id = $1 AND field_key = 'school'",
                &[&checklist.0],
            )
            .expect("value")
            .get(0)
    };
    // Eli's window opens before Bo types.
    let mut window = stale_window(&p, "eli_assessor");
    bo.apply(&school("Cedar Hill")).expect("Bo's school");
    window.state_mut().act(Action::Edit(school("Maple Park")));
    settle(&mut window);
    assert_eq!(window.state().dialogs(), ["conflict"]);
    window.get_by_label_contains(&format!(
        "{} changed “School” in “Opportunity checklist”",
        p.database.user("bo_assessor")
    ));
    window.get_by_label_contains("to “Cedar Hill”");
    window.get_by_label_contains("You were changing it to “Maple Park”.");
    assert!(stored().contains("Cedar Hill"), "nothing overwritten yet");
    window.get_by_label("Keep yours").click();
    settle(&mut window);
    assert!(stored().contains("Maple Park"), "kept, as chosen");

    // Typing on, with the field as the window shows it: no question.
    window
        .state_mut()
        .act(Action::Edit(school("Maple Park East")));
    settle(&mut window);
    assert!(window.state().dialogs().is_empty());
    assert!(stored().contains("Maple Park East"));
}

/// An action step, a record written whole, changed by two people: a
/// change of another field is joined with theirs, and a change of the same
/// field asks, naming both; keeping yours keeps their other changes.
#[test]
fn an_action_step_changed_by_two_people_joins_other_fields_and_asks_about_the_same_one() {
    use partnerpath::model::{
        ActionSource, ActionStatus, ActionStepFields, MilestoneFields, NewActionStep, NewMilestone,
        Outcome,
    };
    let p = portfolio();
    add_eli(&p);
    let bo_name = p.database.user("bo_assessor");
    let mut bo =
        partnerpath::session::Session::connect_with(&p.database.url_as(&bo_name), Some(PASSWORD))
            .expect("Bo");
    bo.open_partnership(p.oak).expect("Oak");
    let day = jiff::civil::date(2026, 3, 3);
    let Ok(Outcome::MilestoneAdded(milestone)) = bo.apply(&Command::AddMilestone(NewMilestone {
        partnership_id: p.oak,
        serves: None,
        fields: MilestoneFields::new("Joint PD calendar", "quarterly", day),
    })) else {
        panic!("a milestone");
    };
    let Ok(Outcome::ActionStepAdded(step)) = bo.apply(&Command::AddActionStep(NewActionStep {
        partnership_id: p.oak,
        source: ActionSource::Milestone(milestone),
        fields: ActionStepFields {
            text: "Book the room".into(),
            owner: "Ana Ruiz".into(),
            due_on: None,
            status: ActionStatus::Open,
            raised_on: day,
            closed_on: None,
        },
    })) else {
        panic!("an action step");
    };
    let stored = || -> (String, String) {
        let row = p
            .database
            .client()
            .query_one(
                "SELECT owner, status FROM action_steps WHERE id = $1",
                &[&step.0],
            )
            .expect("the step");
        (row.get(0), row.get(1))
    };
    let as_shown = |window: &Harness<'static, App>| {
        window
            .state()
            .session()
            .and_then(|s| s.view())
            .and_then(|v| v.action_steps.iter().find(|s| s.id == step).cloned())
            .expect("the step shown")
    };
    let bo_sets = |bo: &mut partnerpath::session::Session, owner: &str| {
        let mut changed = bo
            .view()
            .and_then(|v| v.action_steps.iter().find(|s| s.id == step).cloned())
            .expect("Bo's step");
        changed.owner = owner.into();
        bo.apply(&Command::UpdateActionStep(changed))
            .expect("Bo's owner");
    };

    // Eli's window opens; Bo gives the step to Cy; Eli, not having seen
    // it, marks the step done. Different fields: both kept, no question.
    let mut window = stale_window(&p, "eli_assessor");
    bo_sets(&mut bo, "Cy Diaz");
    let done = as_shown(&window).with_status(ActionStatus::Done, day);
    window
        .state_mut()
        .act(Action::Edit(Command::UpdateActionStep(done)));
    settle(&mut window);
    assert!(window.state().dialogs().is_empty(), "nothing to choose");
    assert_eq!(stored(), ("Cy Diaz".into(), "done".into()), "both kept");
    assert_eq!(as_shown(&window).owner, "Cy Diaz", "the window shows both");

    // Both give it to someone: the same field, so Eli is asked.
    bo_sets(&mut bo, "Dee Lane");
    let mut mine = as_shown(&window);
    mine.owner = "Eli Park".into();
    window
        .state_mut()
        .act(Action::Edit(Command::UpdateActionStep(mine)));
    settle(&mut window);
    assert_eq!(window.state().dialogs(), ["conflict"]);
    window.get_by_label_contains(&format!(
        "{bo_name} changed the action step “Book the room”"
    ));
    window.get_by_label_contains("to owner “Dee Lane”");
    window.get_by_label_contains("You were changing it to owner “Eli Park”.");
    assert_eq!(stored().0, "Dee Lane", "nothing overwritten yet");
    window.get_by_label("Keep yours").click();
    settle(&mut window);
    assert_eq!(
        stored(),
        ("Eli Park".into(), "done".into()),
        "kept, as chosen"
    );
}

/// Oak's readiness round "Before signing" with Ana Ruiz on the district
/// team, and a stage, made by Bo; Bo's session, and the round, Ana and the
/// stage.
fn readiness_and_a_stage(
    p: &Portfolio,
) -> (
    partnerpath::session::Session,
    partnerpath::model::ReadinessRoundId,
    partnerpath::model::ReadinessMemberId,
    partnerpath::model::StageEntryId,
) {
    use partnerpath::model::{
        NewReadinessMember, NewReadinessRound, NewStageEntry, Outcome, ReadinessMemberFields,
        ReadinessRoundFields, StageEntryFields, Team,
    };
    add_eli(p);
    let bo_name = p.database.user("bo_assessor");
    let mut bo =
        partnerpath::session::Session::connect_with(&p.database.url_as(&bo_name), Some(PASSWORD))
            .expect("Bo");
    bo.open_partnership(p.oak).expect("Oak");
    let Ok(Outcome::ReadinessRoundCreated(round)) =
        bo.apply(&Command::CreateReadinessRound(NewReadinessRound {
            partnership_id: p.oak,
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
    let Ok(Outcome::ReadinessMemberAdded(ana)) =
        bo.apply(&Command::AddReadinessMember(NewReadinessMember {
            round_id: round,
            fields: ReadinessMemberFields {
                team: Team::District,
                name: "Ana Ruiz".into(),
                role: "Principal".into(),
            },
        }))
    else {
        panic!("a member");
    };
    let Ok(Outcome::StageEntryAdded(stage)) = bo.apply(&Command::AddStageEntry(NewStageEntry {
        partnership_id: p.oak,
        fields: StageEntryFields {
            stage: 2,
            started_on: jiff::civil::date(2026, 1, 5),
            note: String::new(),
        },
    })) else {
        panic!("a stage");
    };
    (bo, round, ana, stage)
}

/// The one text the portfolio's server answers to `sql` (empty for none).
fn stored_text(p: &Portfolio, sql: &str) -> String {
    p.database
        .client()
        .query_one(sql, &[])
        .expect("stored")
        .get::<_, Option<String>>(0)
        .unwrap_or_default()
}

#[test]
fn a_readiness_rating_and_a_team_summary_changed_by_two_people_ask_which_to_keep() {
    use partnerpath::model::Team;
    let p = portfolio();
    let (mut bo, round, ana, _) = readiness_and_a_stage(&p);
    let bo_name = p.database.user("bo_assessor");
    // Eli's window opens now, and does not follow Bo's changes after.
    let mut window = stale_window(&p, "eli_assessor");

    // The same member's rating of the same category: asked, and kept.
    bo.apply(&Command::SetReadinessRating(
        ana,
        "alignment".into(),
        Some(3),
    ))
    .expect("Bo's rating");
    window
        .state_mut()
        .act(Action::Edit(Command::SetReadinessRating(
            ana,
            "alignment".into(),
            Some(2),
        )));
    settle(&mut window);
    assert_eq!(window.state().dialogs(), ["conflict"], "a choice");
    window.get_by_label_contains(&format!(
        "{bo_name} changed Ana Ruiz's rating of Alignment of Strategic Priority and Objectives in “Before signing”"
    ));
    window.get_by_label_contains(
        "to 3, “There is likely agreement and alignment on most of the items to be addressed.”",
    );
    window.get_by_label_contains(
        "You were changing it to 2, “There is more than one significant concern about the items to be addressed.”",
    );
    let rating = "SELECT rating::text FROM readiness_ratings WHERE category_key = 'alignment'";
    assert_eq!(stored_text(&p, rating), "3", "nothing overwritten yet");
    window.get_by_label("Keep yours").click();
    settle(&mut window);
    assert_eq!(stored_text(&p, rating), "2", "kept, as chosen");

    // A team's summary: asked, and theirs taken.
    bo.open_partnership(p.oak).expect("Oak again");
    bo.apply(&Command::SetTeamStrengths(
        round,
        Team::District,
        "alignment".into(),
        "Bo's strengths".into(),
    ))
    .expect("Bo's strengths");
    window
        .state_mut()
        .act(Action::Edit(Command::SetTeamStrengths(
            round,
            Team::District,
            "alignment".into(),
            "Eli's strengths".into(),
        )));
    settle(&mut window);
    window.get_by_label_contains(
        "changed the District team foundational strengths for Alignment of Strategic Priority and Objectives",
    );
    window.get_by_label_contains("to “Bo's strengths”.");
    window.get_by_label("Take theirs").click();
    settle(&mut window);
    assert_eq!(
        stored_text(&p, "SELECT strengths FROM readiness_summaries"),
        "Bo's strengths"
    );
}

#[test]
fn a_stage_and_a_readiness_member_changed_by_two_people_join_or_ask() {
    let p = portfolio();
    let (mut bo, _, ana, stage) = readiness_and_a_stage(&p);
    let mut window = stale_window(&p, "eli_assessor");
    let view = |h: &Harness<'static, App>| h.state().session().and_then(|s| s.view()).cloned();

    // A stage saved whole: Bo writes its note, Eli moves its date; both
    // are kept, with no question.
    let mut entry = bo
        .view()
        .and_then(|v| v.stages.iter().find(|e| e.id == stage).cloned())
        .expect("the stage");
    entry.fields.note = "Goals agreed".into();
    bo.apply(&Command::UpdateStageEntry(entry))
        .expect("Bo's note");
    let mut seen = view(&window)
        .and_then(|v| v.stages.iter().find(|e| e.id == stage).cloned())
        .expect("the stage in Eli's window");
    assert_eq!(seen.fields.note, "", "Eli has not seen Bo's note");
    seen.fields.started_on = jiff::civil::date(2026, 2, 1);
    window
        .state_mut()
        .act(Action::Edit(Command::UpdateStageEntry(seen)));
    settle(&mut window);
    assert!(window.state().dialogs().is_empty(), "no question");
    assert_eq!(
        stored_text(
            &p,
            "SELECT note || ' from ' || started_on::text FROM stage_entries"
        ),
        "Goals agreed from 2026-02-01"
    );

    // A member saved whole: both rename Ana; Eli is asked.
    let mut member = bo
        .view()
        .and_then(|v| v.round_of_member(ana).and_then(|r| r.member(ana)).cloned())
        .expect("Ana");
    member.fields.name = "Ana Ruiz Diaz".into();
    bo.apply(&Command::UpdateReadinessMember(member))
        .expect("Bo's name");
    let mut seen = view(&window)
        .and_then(|v| v.round_of_member(ana).and_then(|r| r.member(ana)).cloned())
        .expect("Ana in Eli's window");
    seen.fields.name = "Ana Ruiz-Diaz".into();
    window
        .state_mut()
        .act(Action::Edit(Command::UpdateReadinessMember(seen)));
    settle(&mut window);
    window.get_by_label_contains("changed the readiness team member “Ana Ruiz” on");
    window.get_by_label_contains("to name “Ana Ruiz Diaz”.");
    window.get_by_label_contains("You were changing it to name “Ana Ruiz-Diaz”.");
    assert_eq!(
        stored_text(&p, "SELECT name FROM readiness_members"),
        "Ana Ruiz Diaz",
        "nothing overwritten yet"
    );
    window.get_by_label("Keep yours").click();
    settle(&mut window);
    assert_eq!(
        stored_text(&p, "SELECT name FROM readiness_members"),
        "Ana Ruiz-Diaz",
        "kept, as chosen"
    );
}

/// Undo on a shared database is one more edit by the same person: it is
/// stored behind like any other, and when someone else changed the field
/// meanwhile it asks which to keep instead of writing over their change.
#[test]
fn an_undo_on_the_server_is_stored_and_meets_another_persons_change() {
    let p = portfolio();
    add_eli(&p);
    let mut window = stale_window(&p, "eli_assessor");
    let cycle = window
        .state()
        .session()
        .and_then(|s| s.view())
        .expect("open")
        .cycles[0]
        .id;
    let team = RatingKey {
        cycle_id: cycle,
        indicator_key: "shared-goals".into(),
        rater: Rater::Consensus,
    };
    let before = stored_team_level(&p);
    let elis = if before == Some(1) { 3 } else { 1 };

    // Eli sets a level, undoes it and redoes it: each stored.
    window.state_mut().act(Action::Edit(Command::SetLevel(
        team.clone(),
        Level::new(elis),
    )));
    settle(&mut window);
    assert_eq!(stored_team_level(&p), Some(i32::from(elis)));
    window.state_mut().act(Action::Undo);
    settle(&mut window);
    assert_eq!(stored_team_level(&p), before, "undone on the server");
    assert_eq!(
        shared_goals(&window),
        before.and_then(|l| Level::new(u8::try_from(l).unwrap_or(0)))
    );
    window.state_mut().act(Action::Redo);
    settle(&mut window);
    assert_eq!(stored_team_level(&p), Some(i32::from(elis)), "redone");

    // Bo sets another level, which Eli's window has not seen; Eli undoes.
    let mut bo = partnerpath::session::Session::connect_with(
        &p.database.url_as(&p.database.user("bo_assessor")),
        Some(PASSWORD),
    )
    .expect("Bo");
    bo.open_partnership(p.oak).expect("Oak");
    bo.apply(&Command::SetLevel(team, Level::new(4)))
        .expect("Bo's level");
    window.state_mut().act(Action::Undo);
    settle(&mut window);
    assert_eq!(
        window.state().dialogs(),
        ["conflict"],
        "a choice, not an overwrite"
    );
    assert_eq!(stored_team_level(&p), Some(4), "Bo's level stays");
    window.get_by_label("Take theirs").click();
    settle(&mut window);
    assert_eq!(stored_team_level(&p), Some(4));
    let history = window.state().session().expect("open").undo_history();
    assert_eq!(
        history.redo_len(),
        0,
        "the step that met Bo's change is dropped"
    );
}
