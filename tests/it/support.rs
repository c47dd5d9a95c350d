//! What several test modules share: the window driven by egui_kittest on a
//! real file.

use std::path::Path;

use egui_kittest::Harness;
use partnerpath::instrument::Instruments;
use partnerpath::model::{
    CycleFields, CycleId, CycleStatus, NewCycle, NewPartnership, PartnershipId,
};
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

/// Stores a draft cycle of the 2017 continuum for `year` ("2025–26") in
/// the partnership `id`, administered on 1 October 2025.
pub fn draft_cycle(store: &mut Store, id: PartnershipId, year: &str) -> CycleId {
    store
        .create_cycle(&NewCycle {
            partnership_id: id,
            fields: CycleFields {
                status: CycleStatus::Draft,
                hidden: false,
                instrument_key: "wbt-continuum".into(),
                instrument_version: "2017-10".into(),
                school_year: year.into(),
                administered_on: jiff::civil::date(2025, 10, 1),
            },
        })
        .expect("cycle")
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

/// A database of its own on the test server, set up with PartnerPath's
/// schema, and dropped when it goes. The server is the one `scripts/test`
/// starts with `pg_virtualenv`, which says where it is in `PGHOST`,
/// `PGPORT`, `PGUSER` and `PGPASSWORD`; without it the test fails.
pub struct TestDatabase {
    pub name: String,
}

impl TestDatabase {
    /// A new, empty database.
    pub fn empty() -> TestDatabase {
        let name = format!("pp_{}", uuid_like());
        admin()
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        TestDatabase { name }
    }

    /// A new database with PartnerPath's schema.
    pub fn set_up() -> TestDatabase {
        let database = TestDatabase::empty();
        partnerpath_store::set_up_server(&database.address(), true).expect("server init");
        database
    }

    /// Its URL, as the superuser the tests run as.
    pub fn url(&self) -> String {
        let (host, port, user) = server_env();
        format!("postgres://{user}@{host}:{port}/{}", self.name)
    }

    pub fn address(&self) -> partnerpath_store::ServerAddress {
        partnerpath_store::ServerAddress::parse(&self.url()).expect("address")
    }

    /// `name` made this database's own: a PostgreSQL user belongs to the
    /// whole server, which the tests running at once share.
    pub fn user(&self, name: &str) -> String {
        format!("{name}_{}", self.name)
    }

    /// Its URL for `user`, who signs in with their own password.
    pub fn url_as(&self, user: &str) -> String {
        let (host, port, _) = server_env();
        format!("postgres://{user}@{host}:{port}/{}", self.name)
    }

    /// A connection as `user` (with `password`), as `psql` would make.
    pub fn client_as(&self, user: &str, password: &str) -> postgres::Client {
        connect(user, password, &self.name)
    }

    /// A connection to it as the superuser, to look at what was stored.
    pub fn client(&self) -> postgres::Client {
        connect(&server_env().2, &superuser_password(), &self.name)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let _ = admin().batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
    }
}

fn server_env() -> (String, String, String) {
    let get = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!(
                "{name} is not set: the server tests need the PostgreSQL server that \
                 scripts/test starts (pg_virtualenv); run them with scripts/test, or \
                 under `pg_virtualenv -t cargo test`"
            )
        })
    };
    (get("PGHOST"), get("PGPORT"), get("PGUSER"))
}

/// The superuser's connection to the server's first database.
fn admin() -> postgres::Client {
    connect(&server_env().2, &superuser_password(), "postgres")
}

fn superuser_password() -> String {
    std::env::var("PGPASSWORD").unwrap_or_default()
}

/// A connection to `database` on the test server as `user`.
fn connect(user: &str, password: &str, database: &str) -> postgres::Client {
    let (host, port, _) = server_env();
    postgres::Config::new()
        .host(&host)
        .port(port.parse().expect("port"))
        .user(user)
        .password(password)
        .dbname(database)
        .connect(postgres::NoTls)
        .unwrap_or_else(|e| panic!("connect to {database} on the test server as {user}: {e}"))
}

fn uuid_like() -> String {
    format!("{:x}{:x}", fastrand::u64(..), std::process::id())
}

/// The team's (consensus) level and evidence of an indicator, read straight
/// from the file; `None` when no row holds it.
pub fn team_rating(path: &Path, indicator: &str) -> Option<(Option<u8>, String)> {
    let conn = rusqlite::Connection::open(path).expect("open file");
    conn.query_row(
        "SELECT level, evidence FROM ratings WHERE indicator_key = ?1 AND person_id IS NULL",
        [indicator],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .ok()
}
