//! Who may do what on a server, tested as the users concerned (real
//! PostgreSQL users without superuser rights, who sign in with their own
//! password), in the program and by SQL: a viewer changes nothing; a
//! district's assessor neither sees nor changes another district's
//! partnerships; a state administrator sees every district; a user
//! without an account is told so.

use partnerpath::model::{
    Command, CycleFields, CycleStatus, Level, NewCycle, NewPartnership, Outcome, PartnershipId,
    Rater, RatingKey, Role,
};
use partnerpath::problem::{Doing, Problem};
use partnerpath_store::{ServerAddress, Store, StoreError, add_server_user};

use crate::support::TestDatabase;

pub(crate) const PASSWORD: &str = "a 'quoted'; password";

/// A server with a partnership in Oak SD and one in Pine SD, each with a
/// cycle rated by consensus, and four people: Oak's viewer and assessor,
/// Pine's assessor and the state's administrator.
pub(crate) struct Portfolio {
    pub database: TestDatabase,
    pub oak: PartnershipId,
    pub pine: PartnershipId,
}

pub(crate) fn portfolio() -> Portfolio {
    let database = TestDatabase::set_up();
    let admin = database.address();
    for (name, role, district) in [
        ("ana_viewer", Role::Viewer, "Oak SD"),
        ("bo_assessor", Role::Assessor, "Oak SD"),
        ("cy_assessor", Role::Assessor, "Pine SD"),
        ("di_state", Role::StateAdmin, ""),
    ] {
        add_server_user(&admin, &database.user(name), role, district, Some(PASSWORD))
            .expect("add user");
    }
    let mut store = Store::connect(&admin).expect("connect as the owner");
    let mut partnership = |name: &str, district: &str| {
        let Ok(Outcome::PartnershipCreated(id)) =
            store.apply(&Command::CreatePartnership(NewPartnership {
                name: name.into(),
                district: district.into(),
                ..NewPartnership::default()
            }))
        else {
            panic!("partnership");
        };
        let Ok(Outcome::CycleCreated(cycle)) = store.apply(&Command::CreateCycle(NewCycle {
            partnership_id: id,
            fields: CycleFields {
                status: CycleStatus::Draft,
                hidden: false,
                instrument_key: "wbt-continuum".into(),
                instrument_version: "2017-10".into(),
                school_year: "2025–26".into(),
                administered_on: jiff::civil::date(2025, 10, 1),
            },
        })) else {
            panic!("cycle");
        };
        store
            .apply(&Command::SetLevel(
                RatingKey {
                    cycle_id: cycle,
                    indicator_key: "shared-goals".into(),
                    rater: Rater::Consensus,
                },
                Level::new(2),
            ))
            .expect("rating");
        id
    };
    let oak = partnership("Oak SD & Elm University", "Oak SD");
    let pine = partnership("Pine SD & Ash College", "Pine SD");
    Portfolio {
        database,
        oak,
        pine,
    }
}

impl Portfolio {
    fn connect(&self, user: &str) -> Store {
        let address = ServerAddress::parse(&self.database.url_as(&self.database.user(user)))
            .expect("address")
            .with_password(PASSWORD);
        Store::connect(&address).expect("connect as the user")
    }

    fn names(store: &Store) -> Vec<String> {
        store
            .portfolio()
            .expect("portfolio")
            .into_iter()
            .map(|f| f.summary.partnership.fields.name)
            .collect()
    }

    fn first_level(store: &mut Store, id: PartnershipId, level: u8) -> Result<Outcome, StoreError> {
        let view = store.load_partnership(id)?;
        let cycle = view.cycles[0].id;
        store.apply(&Command::SetLevel(
            RatingKey {
                cycle_id: cycle,
                indicator_key: "shared-goals".into(),
                rater: Rater::Consensus,
            },
            Level::new(level),
        ))
    }
}

/// The SQLSTATE a statement failed with, or "" if it did not fail.
fn refused(result: Result<u64, postgres::Error>) -> String {
    match result {
        Ok(_) => String::new(),
        Err(error) => error
            .code()
            .map(|c| c.code().to_owned())
            .unwrap_or_default(),
    }
}

#[test]
fn a_viewer_reads_the_district_and_changes_nothing_in_the_program_or_by_sql() {
    let p = portfolio();
    let mut viewer = p.connect("ana_viewer");
    assert_eq!(viewer.account().map(|a| a.role), Some(Role::Viewer));
    assert_eq!(Portfolio::names(&viewer), ["Oak SD & Elm University"]);
    let error = Portfolio::first_level(&mut viewer, p.oak, 4).expect_err("a viewer's edit");
    assert!(matches!(error, StoreError::NotAllowed { .. }), "{error:?}");
    let problem = Problem::store(&error, Doing::Saving);
    assert!(
        problem.what.contains("may not make this change"),
        "{}",
        problem.what
    );

    let mut sql = p
        .database
        .client_as(&p.database.user("ana_viewer"), PASSWORD);
    assert_eq!(
        refused(sql.execute("UPDATE ratings SET level = 4", &[])),
        "42501"
    );
    assert_eq!(
        refused(sql.execute("INSERT INTO partnerships (name, partner_kind, district) VALUES ('X', 'other', 'Oak SD')", &[])),
        "42501"
    );
    assert_eq!(refused(sql.execute("DELETE FROM cycles", &[])), "42501");
    assert_eq!(refused(sql.execute("TRUNCATE ratings", &[])), "42501");
    let level: i32 = p
        .database
        .client()
        .query_one("SELECT level FROM ratings r JOIN cycles c ON c.id = r.cycle_id WHERE c.partnership_id = $1", &[&p.oak.0])
        .expect("level")
        .get(0);
    assert_eq!(level, 2, "unchanged");

    // A PostgreSQL role's privileges hold on every database of the server:
    // an assessor of another PartnerPath database there is still a viewer
    // here, because the account here says so.
    let ana = p.database.user("ana_viewer");
    p.database
        .client()
        .batch_execute(&format!("GRANT partnerpath_assessor TO {ana}"))
        .expect("an assessor elsewhere");
    let mut viewer = p.connect("ana_viewer");
    let error = Portfolio::first_level(&mut viewer, p.oak, 4).expect_err("still a viewer here");
    assert!(matches!(error, StoreError::NotAllowed { .. }), "{error:?}");
    let mut sql = p.database.client_as(&ana, PASSWORD);
    assert_eq!(
        refused(sql.execute(
            "INSERT INTO partnerships (name, partner_kind, district) VALUES ('X', 'other', 'Oak SD')",
            &[]
        )),
        "42501"
    );
    assert_eq!(
        sql.execute("UPDATE ratings SET level = 4", &[])
            .expect("finds no row it may change"),
        0
    );
    assert_eq!(
        sql.execute("DELETE FROM cycles", &[])
            .expect("finds no row it may delete"),
        0
    );
}

#[test]
fn a_districts_assessor_neither_sees_nor_changes_another_districts_partnerships() {
    let p = portfolio();
    let mut oak = p.connect("bo_assessor");
    assert_eq!(Portfolio::names(&oak), ["Oak SD & Elm University"]);
    Portfolio::first_level(&mut oak, p.oak, 3).expect("their own district's rating");
    assert!(
        oak.load_partnership(p.pine).is_err(),
        "Pine's is not there for Oak"
    );
    assert!(Portfolio::first_level(&mut oak, p.pine, 1).is_err());

    // Not by SQL either: the rows are not there to read, or to change.
    let mut sql = p
        .database
        .client_as(&p.database.user("bo_assessor"), PASSWORD);
    let count = |sql: &mut postgres::Client, query: &str| -> i64 {
        sql.query_one(query, &[]).expect("count").get(0)
    };
    assert_eq!(count(&mut sql, "SELECT count(*) FROM partnerships"), 1);
    assert_eq!(
        count(
            &mut sql,
            "SELECT count(*) FROM partnerships WHERE district = 'Pine SD'"
        ),
        0
    );
    assert_eq!(count(&mut sql, "SELECT count(*) FROM cycles"), 1);
    assert_eq!(count(&mut sql, "SELECT count(*) FROM ratings"), 1);
    let changed = sql
        .execute("UPDATE ratings SET level = 1 WHERE cycle_id IN (SELECT id FROM cycles WHERE partnership_id = $1)", &[&p.pine.0])
        .expect("an update that finds nothing");
    assert_eq!(changed, 0);
    assert_eq!(
        refused(sql.execute(
            "INSERT INTO partnerships (name, partner_kind, district) VALUES ('Mine now', 'other', 'Pine SD')",
            &[]
        )),
        "42501"
    );
    assert_eq!(
        refused(sql.execute("UPDATE partnerships SET district = 'Pine SD'", &[])),
        "42501",
        "a partnership cannot be moved out of the district"
    );
    assert_eq!(
        refused(sql.execute("DELETE FROM partnerpath_users", &[])),
        "42501"
    );
    assert!(
        sql.query("SELECT * FROM partnerpath_users", &[]).is_err(),
        "the list of users is the owner's"
    );

    // Pine's assessor, likewise, sees only Pine, with its level as it was.
    let pine = p.connect("cy_assessor");
    assert_eq!(Portfolio::names(&pine), ["Pine SD & Ash College"]);
    let view = pine.load_partnership(p.pine).expect("Pine's");
    let level = view
        .rating(view.cycles[0].id, Rater::Consensus, "shared-goals")
        .and_then(|r| r.level);
    assert_eq!(level, Level::new(2));
}

#[test]
fn a_state_administrator_sees_and_edits_every_district() {
    let p = portfolio();
    let mut state = p.connect("di_state");
    assert_eq!(
        Portfolio::names(&state),
        ["Oak SD & Elm University", "Pine SD & Ash College"]
    );
    Portfolio::first_level(&mut state, p.pine, 4).expect("any district's rating");
    Portfolio::first_level(&mut state, p.oak, 4).expect("any district's rating");
}

#[test]
fn a_user_without_an_account_is_told_so_and_a_role_can_be_changed() {
    let p = portfolio();
    p.database
        .client()
        .batch_execute(&format!(
            "CREATE ROLE {} LOGIN PASSWORD '{}'",
            p.database.user("eve"),
            PASSWORD.replace('\'', "''")
        ))
        .expect("a user of the server only");
    let address = ServerAddress::parse(&p.database.url_as(&p.database.user("eve")))
        .expect("address")
        .with_password(PASSWORD);
    let error = Store::connect(&address).expect_err("no account");
    assert!(matches!(error, StoreError::NoAccount { .. }), "{error:?}");
    let problem = Problem::store(&error, Doing::Opening);
    assert!(
        problem.what.contains("has no PartnerPath account"),
        "{}",
        problem.what
    );

    // The viewer becomes an assessor: the same user, now allowed to edit.
    add_server_user(
        &p.database.address(),
        &p.database.user("ana_viewer"),
        Role::Assessor,
        "Oak SD",
        None,
    )
    .expect("role changed");
    let mut ana = p.connect("ana_viewer");
    assert_eq!(ana.account().map(|a| a.role), Some(Role::Assessor));
    Portfolio::first_level(&mut ana, p.oak, 3).expect("now allowed");
}

#[test]
fn add_user_from_the_command_line_reads_the_password_from_standard_input() {
    use std::io::Write;
    let database = TestDatabase::set_up();
    let dir = tempfile::tempdir().expect("dir");
    let run = |args: &[&str], input: &str| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_partnerpath"))
            .args(args)
            .env("XDG_DATA_HOME", dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run partnerpath");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("password");
        let out = child.wait_with_output().expect("finished");
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    };
    let url = database.url();
    let jo = database.user("jo_lee");
    let (ok, said) = run(
        &[
            "server", "add-user", &jo, "--role", "assessor", "--url", &url,
        ],
        "",
    );
    assert!(!ok);
    assert!(said.contains("which?"), "{said}");
    let (ok, said) = run(
        &[
            "server",
            "add-user",
            &jo,
            "--role",
            "assessor",
            "--district",
            "Oak SD",
            "--password-stdin",
            "--url",
            &url,
        ],
        "s3cret; 'x'\n",
    );
    assert!(ok, "{said}");
    assert!(
        said.contains(&format!("{jo} is an assessor for Oak SD in postgres://")),
        "{said}"
    );
    let address = ServerAddress::parse(&database.url_as(&jo))
        .expect("address")
        .with_password("s3cret; 'x'");
    let store = Store::connect(&address).expect("Jo signs in");
    assert_eq!(store.account().map(|a| a.district.as_str()), Some("Oak SD"));
}
