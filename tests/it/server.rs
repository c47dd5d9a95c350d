//! PartnerPath's database on a real PostgreSQL server (the one
//! `scripts/test` starts): setting it up refuses what is not PartnerPath's
//! or is newer and leaves it as it was; connecting refuses the same, a
//! wrong password and an unknown host, in plain words; text of any kind is
//! stored as text; and from the command line IT sets the server up, copies
//! a file's partnerships onto it, prints and exports from it, and brings a
//! copy worked on offline back.

use partnerpath::model::exchange::Exchange;
use partnerpath::model::{
    Command, Level, NewPartnership, Outcome, PartnershipId, Rater, RatingKey,
};
use partnerpath::problem::{Doing, Problem};
use partnerpath::session::{ExportScope, Session};
use partnerpath_store::{
    SERVER_VERSION, ServerAddress, SetUp, Storage, Store, StoreError, set_up_server,
};

use crate::cli_exchange::{arg, partnerpath, text};
use crate::exchange::facilitator;
use crate::support::TestDatabase;

/// The partnership `id` as an exchange file, its time of export left out.
fn exchange(session: &Session, id: PartnershipId) -> Exchange {
    let bytes = session.export(id, &ExportScope::Whole).expect("export");
    let mut x: Exchange = serde_json::from_slice(&bytes).expect("exchange");
    x.exported_at = jiff::Timestamp::UNIX_EPOCH;
    x
}

/// The tables of the test database's public schema, sorted.
fn tables(database: &TestDatabase) -> Vec<String> {
    database
        .client()
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
            &[],
        )
        .expect("tables")
        .iter()
        .map(|row| row.get(0))
        .collect()
}

#[test]
fn init_sets_up_an_empty_database_once_and_the_program_connects() {
    let database = TestDatabase::empty();
    let address = database.address();
    assert!(matches!(
        Store::connect(&address),
        Err(StoreError::NotSetUp { .. })
    ));
    assert_eq!(
        set_up_server(&address, true).expect("init"),
        SetUp::Created(SERVER_VERSION)
    );
    assert_eq!(
        set_up_server(&address, true).expect("again"),
        SetUp::Current(SERVER_VERSION)
    );
    assert_eq!(
        set_up_server(&address, false).expect("migrate"),
        SetUp::Current(SERVER_VERSION)
    );
    let store = Store::connect(&address).expect("connect");
    assert_eq!(store.schema_version().expect("version"), SERVER_VERSION);
    assert!(store.file().is_none(), "a server has no file to back up");
    assert!(tables(&database).contains(&"ratings".to_owned()));
}

#[test]
fn migrate_upgrades_a_version_1_server_keeping_its_data_and_starts_the_history() {
    let database = TestDatabase::empty();
    let address = database.address();
    assert_eq!(
        partnerpath_store::set_up_server_version(&address, 1).expect("version 1"),
        SetUp::Created(1)
    );
    database
        .client()
        .batch_execute(
            "INSERT INTO partnerships (name, district, partner_kind)
             VALUES ('Oak SD & Elm University', 'Oak SD', 'educator_preparation')",
        )
        .expect("a partnership at version 1");
    assert!(matches!(
        Store::connect(&address),
        Err(StoreError::OlderServerSchema { found: 1, .. })
    ));
    assert_eq!(
        set_up_server(&address, false).expect("migrate"),
        SetUp::Upgraded(1, SERVER_VERSION)
    );
    let mut store = Store::connect(&address).expect("connect");
    let listed = store.portfolio().expect("portfolio");
    assert_eq!(listed.len(), 1, "kept");
    let id = listed[0].summary.partnership.id;
    let mut renamed = listed[0].summary.partnership.clone();
    renamed.fields.name = "Oak SD & Elm State".into();
    store
        .apply(&partnerpath::model::Command::UpdatePartnership(renamed))
        .expect("rename");
    let history = store.history(id, 10).expect("history");
    assert_eq!(history.len(), 1, "the change after the upgrade is kept");
    assert_eq!(history[0].record, "partnerships");
}

#[test]
fn migrate_refuses_an_empty_database_and_leaves_it_empty() {
    let database = TestDatabase::empty();
    assert!(matches!(
        set_up_server(&database.address(), false),
        Err(StoreError::NotSetUp { .. })
    ));
    assert!(tables(&database).is_empty());
}

#[test]
fn a_database_of_another_program_is_refused_and_left_as_it_was() {
    let database = TestDatabase::empty();
    database
        .client()
        .batch_execute("CREATE TABLE students (name text); INSERT INTO students VALUES ('Ana');")
        .expect("another program's table");
    let address = database.address();
    let refused = set_up_server(&address, true).expect_err("refused");
    assert!(matches!(refused, StoreError::NotPartnerPath { .. }));
    assert!(matches!(
        Store::connect(&address),
        Err(StoreError::NotPartnerPath { .. })
    ));
    assert_eq!(tables(&database), ["students"]);
    let problem = Problem::store(&refused, Doing::Opening);
    assert!(
        problem.what.contains("another program's tables")
            && problem.what.contains("Nothing was changed"),
        "{}",
        problem.what
    );
}

#[test]
fn a_newer_partnerpath_database_is_refused_and_left_as_it_was() {
    let database = TestDatabase::set_up();
    database
        .client()
        .batch_execute("UPDATE partnerpath_schema SET version = 99")
        .expect("newer");
    let address = database.address();
    assert!(matches!(
        set_up_server(&address, false),
        Err(StoreError::Newer { found: 99, .. })
    ));
    let refused = Store::connect(&address).expect_err("refused");
    assert!(matches!(refused, StoreError::Newer { found: 99, .. }));
    let version: i32 = database
        .client()
        .query_one("SELECT version FROM partnerpath_schema", &[])
        .expect("version")
        .get(0);
    assert_eq!(version, 99);
    let problem = Problem::store(&refused, Doing::Opening);
    assert!(
        problem.what.contains("newer version of PartnerPath"),
        "{}",
        problem.what
    );
}

#[test]
fn a_wrong_password_and_an_unknown_host_are_said_in_plain_words() {
    let database = TestDatabase::set_up();
    database
        .client()
        .batch_execute(&format!(
            "CREATE ROLE {} LOGIN PASSWORD 'right'",
            database.user("jo_lee")
        ))
        .expect("role");
    let address =
        ServerAddress::parse(&database.url_as(&database.user("jo_lee"))).expect("address");
    let wrong = Store::connect(&address.with_password("wrong")).expect_err("wrong password");
    assert!(matches!(wrong, StoreError::SignIn { .. }), "{wrong:?}");
    let problem = Problem::store(&wrong, Doing::Opening);
    assert!(
        problem
            .what
            .contains("did not accept the user name or password"),
        "{}",
        problem.what
    );
    assert!(
        !format!("{problem:?}").contains("wrong"),
        "the password is never shown"
    );

    let nowhere = ServerAddress::parse("postgres://jo_lee@no-such-host.invalid/partnerpath")
        .expect("address");
    let unknown = Store::connect(&nowhere).expect_err("unknown host");
    let problem = Problem::store(&unknown, Doing::Opening);
    assert!(
        problem.what.contains("could not reach the server"),
        "{}",
        problem.what
    );
    assert!(
        problem.what.contains("Nothing was changed"),
        "{}",
        problem.what
    );
}

#[test]
fn quotes_semicolons_sql_and_long_texts_are_stored_as_text() {
    let database = TestDatabase::set_up();
    let mut store = Store::connect(&database.address()).expect("connect");
    let name = "O'Brien \"Academy\"; '); DROP TABLE partnerships; --";
    let long = "Evidence, 'quoted'; and more. ".repeat(3500);
    assert!(long.len() > 100_000);
    let Outcome::PartnershipCreated(id) = store
        .apply(&Command::CreatePartnership(NewPartnership {
            name: name.into(),
            district: "Oak SD".into(),
            ..NewPartnership::default()
        }))
        .expect("created")
    else {
        panic!("not created");
    };
    let mut view = store.load_partnership(id).expect("load");
    let mut partnership = view.partnership.clone();
    partnership.fields.notes = long.clone();
    store
        .apply(&Command::UpdatePartnership(partnership))
        .expect("notes");
    view = store.load_partnership(id).expect("load again");
    assert_eq!(view.partnership.fields.name, name);
    assert_eq!(view.partnership.fields.notes, long);
    assert!(tables(&database).contains(&"partnerships".to_owned()));
}

#[test]
fn it_sets_up_the_server_copies_a_file_onto_it_and_prints_and_exports_from_it() {
    let database = TestDatabase::empty();
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let url = database.url();

    let out = partnerpath(&data, &["server", "init", "--url", &url]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(&format!(
            "Set up PartnerPath (schema version {SERVER_VERSION})"
        )),
        "{}",
        text(&out)
    );

    let home = dir.path().join("facilitator.sqlite");
    drop(facilitator(&home));
    let out = partnerpath(
        &data,
        &[
            "server",
            "upload",
            "--url",
            &url,
            "--db",
            arg(&home),
            "--dry-run",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Nothing was written"), "{}", text(&out));
    assert!(
        Session::connect(&url)
            .expect("connect")
            .summaries()
            .is_empty()
    );

    let out = partnerpath(
        &data,
        &["server", "upload", "--url", &url, "--db", arg(&home)],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Copied 1 partnerships to the server."),
        "{}",
        text(&out)
    );
    // Record for record, ids and every field, the server has the file's.
    let file = Session::open(&home).expect("file");
    let on_server = Session::connect(&url).expect("connect");
    let id = on_server.summaries()[0].partnership.id;
    let there = on_server.store().load_partnership(id).expect("server's");
    assert_eq!(
        exchange(&file, file.summaries()[0].partnership.id),
        exchange(&on_server, id)
    );
    drop(file);

    // Again: nothing new.
    let out = partnerpath(
        &data,
        &["server", "upload", "--url", &url, "--db", arg(&home)],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Copied 0 partnerships"),
        "{}",
        text(&out)
    );

    let pdf = dir.path().join("continuum.pdf");
    let out = partnerpath(
        &data,
        &[
            "print",
            "--server",
            &url,
            "--tool",
            "continuum",
            "--out",
            arg(&pdf),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let printed = crate::ui_versions::pdf_text(&std::fs::read(&pdf).expect("pdf"));
    assert!(
        printed.contains(&there.partnership.fields.name),
        "{printed}"
    );
}

#[test]
fn a_copy_taken_offline_comes_back_to_the_server_with_the_usual_report() {
    let database = TestDatabase::set_up();
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let url = database.url();
    let home = dir.path().join("facilitator.sqlite");
    drop(facilitator(&home));
    let out = partnerpath(
        &data,
        &["server", "upload", "--url", &url, "--db", arg(&home)],
    );
    assert!(out.status.success(), "{}", text(&out));

    // Take a copy to work offline: an export from the server, imported
    // into a file on the laptop.
    let copy = dir.path().join("copy.partnerpath");
    let out = partnerpath(&data, &["export", "--server", &url, "--out", arg(&copy)]);
    assert!(out.status.success(), "{}", text(&out));
    let laptop = dir.path().join("laptop.sqlite");
    let out = partnerpath(&data, &["import", arg(&copy), "--db", arg(&laptop)]);
    assert!(out.status.success(), "{}", text(&out));

    // Offline, the consensus level of one indicator is changed.
    let mut offline = Session::open(&laptop).expect("laptop");
    let id = offline.summaries()[0].partnership.id;
    offline.open_partnership(id).expect("open");
    let view = offline.view().expect("view");
    let cycle = view.cycles.last().expect("cycle").id;
    let key = RatingKey {
        cycle_id: cycle,
        indicator_key: "shared-goals".into(),
        rater: Rater::Consensus,
    };
    offline
        .apply(&Command::SetLevel(key, Level::new(4)))
        .expect("level");
    let back = dir.path().join("back.partnerpath");
    let bytes = offline.export(id, &ExportScope::Whole).expect("export");
    std::fs::write(&back, bytes).expect("write");
    drop(offline);

    // Brought back: the report names the change, and the server has it.
    let out = partnerpath(
        &data,
        &["import", arg(&back), "--server", &url, "--dry-run"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Nothing was written"), "{}", text(&out));
    let out = partnerpath(&data, &["import", arg(&back), "--server", &url]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Imported."), "{}", text(&out));
    let server = Session::connect(&url).expect("connect");
    let there = server
        .store()
        .load_partnership(server.summaries()[0].partnership.id)
        .expect("load");
    let cycle = there.cycles.last().expect("cycle").id;
    let consensus = there
        .rating(cycle, Rater::Consensus, "shared-goals")
        .and_then(|r| r.level);
    assert_eq!(consensus, Level::new(4));
}

#[test]
fn a_command_given_both_a_server_and_a_file_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let home = dir.path().join("facilitator.sqlite");
    let pdf = dir.path().join("continuum.pdf");
    let url = "postgres://jo@localhost/partnerpath";
    let both = partnerpath(
        &data,
        &[
            "print",
            "--server",
            url,
            "--db",
            arg(&home),
            "--tool",
            "continuum",
            "--out",
            arg(&pdf),
        ],
    );
    assert!(!both.status.success());
    assert!(
        text(&both).contains("either --server or --db"),
        "{}",
        text(&both)
    );
}

/// A server reached by a name its certificate is not for, or whose
/// certificate no trusted authority signed: refused before anything is
/// sent, in plain words. The test server's certificate is Debian's own
/// (made for this computer's host name, signed by itself); the server is
/// reached as 127.0.0.2, which is this computer, but an address
/// PartnerPath does not take for it, so it asks for TLS.
#[test]
fn a_certificate_that_does_not_match_is_refused_before_the_password_is_sent() {
    let database = TestDatabase::set_up();
    let mut client = database.client();
    let ssl: String = client.query_one("SHOW ssl", &[]).expect("ssl").get(0);
    assert_eq!(ssl, "on", "the test server offers TLS (Debian's ssl-cert)");
    let certificate: String = client
        .query_one("SHOW ssl_cert_file", &[])
        .expect("its certificate")
        .get(0);
    let user = database.user("jo_lee");
    client
        .batch_execute(&format!("CREATE ROLE {user} LOGIN PASSWORD 'right'"))
        .expect("role");
    let proxy = crate::proxy::Proxy::to_test_server_on("127.0.0.2", std::time::Duration::ZERO);
    let url = format!(
        "postgres://{user}@127.0.0.2:{}/{}",
        proxy.port, database.name
    );
    let before: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = $1",
            &[&user],
        )
        .expect("sessions")
        .get(0);

    let other_name = "is for another name than the one typed";
    for (address, faults) in [
        // The system's authorities only: Debian trusts its own certificate
        // (it is in /etc/ssl/certs) where the system keeps it there.
        (
            url.clone(),
            &[
                other_name,
                "was not issued by an authority this computer trusts",
            ][..],
        ),
        // Trusted (IT's file names it), but not for this name.
        (
            format!("{url}?sslrootcert={certificate}"),
            &[other_name][..],
        ),
    ] {
        let address = ServerAddress::parse(&address)
            .expect("address")
            .with_password("right");
        assert!(!address.is_local(), "{address:?} asks for TLS");
        let refused = Store::connect(&address).expect_err("refused");
        assert!(
            matches!(refused, StoreError::Certificate { .. }),
            "{refused:?}"
        );
        let problem = Problem::store(&refused, Doing::Opening);
        assert!(
            faults.iter().any(|fault| problem.what.contains(fault)),
            "{} ({refused})",
            problem.what
        );
        assert!(
            problem.what.contains("not even the password"),
            "{}",
            problem.what
        );
        assert!(problem.what_to_do.contains("IT"), "{}", problem.what_to_do);
    }
    let after: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = $1",
            &[&user],
        )
        .expect("sessions")
        .get(0);
    assert_eq!(before, after, "nobody signed in as Jo");
}
