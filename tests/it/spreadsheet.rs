//! Spreadsheets: the workbook read back with a reader (calamine) and
//! compared with the screens' figures, the large data set opened in
//! LibreOffice (headless, which the test command installs) and read back
//! the same as the CSV files, `partnerpath export-sheet` on real files,
//! and File > Export to spreadsheet… in the window.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use calamine::{Data, Reader, Xlsx, open_workbook};
use egui_kittest::kittest::Queryable;
use jiff::civil::{Date, date};
use partnerpath::demo;
use partnerpath::instrument::Instruments;
use partnerpath::model::{Mean, PartnershipView, Rater, Versions};
use partnerpath::session::Session;
use partnerpath::spreadsheet::{self, SheetScope, Written};
use partnerpath::ui::{Page, Screen};

use crate::cli_exchange::{arg, partnerpath, text};
use crate::support;

const SHEETS: [&str; 6] = [
    "Ratings",
    "Category averages",
    "Readiness",
    "Readiness averages",
    "Action steps",
    "Monitoring",
];

fn today() -> Date {
    date(2026, 3, 2)
}

/// The sample's file and the session on it.
fn sample(dir: &Path) -> (PathBuf, Session) {
    let path = dir.join("sample.sqlite");
    let store = demo::create_sample_database(&path, support::instruments()).expect("sample");
    (path, Session::with_store(store).expect("session"))
}

fn view_of(session: &Session) -> PartnershipView {
    let id = session.summaries()[0].partnership.id;
    session.store().load_partnership(id).expect("load")
}

/// A sheet of the workbook at `path`, as rows of cells.
fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("a workbook calamine reads");
    let range = workbook.worksheet_range(name).expect("the sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The column headed `header` in a sheet's first row.
fn column(rows: &[Vec<Data>], header: &str) -> usize {
    rows[0]
        .iter()
        .position(|c| *c == Data::String(header.to_owned()))
        .unwrap_or_else(|| panic!("no column {header}"))
}

fn string(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("not text: {other:?}"),
    }
}

/// Excel's serial number of a day: days since 1899-12-30.
fn serial(day: Date) -> f64 {
    f64::from(date(1899, 12, 30).until(day).expect("a span").get_days())
}

/// How many ratings of `view` have a level or words, every rater's.
fn filled_ratings(view: &PartnershipView, instruments: &Instruments) -> usize {
    let mut filled = 0;
    for cycle in &view.cycles {
        let raters = std::iter::once(Rater::Consensus)
            .chain(view.people.iter().map(|p| Rater::Person(p.id)));
        for rater in raters {
            filled += instruments
                .continuum
                .indicators()
                .filter(|i| {
                    view.rating(cycle.id, rater, &i.key)
                        .is_some_and(|r| !r.is_blank())
                })
                .count();
        }
    }
    filled
}

#[test]
fn the_samples_workbook_has_levels_as_numbers_dates_as_dates_and_the_heat_maps_averages() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, session) = sample(dir.path());
    let view = view_of(&session);
    let instruments = support::instruments();
    let out = dir.path().join("sample.xlsx");
    let tables = spreadsheet::tables(
        &session,
        &SheetScope::Partnership(view.partnership.id),
        instruments,
        today(),
    )
    .expect("tables");
    assert!(matches!(
        spreadsheet::write(&tables, &out).expect("written"),
        Written::Workbook(_)
    ));

    let workbook: Xlsx<_> = open_workbook(&out).expect("a workbook");
    assert_eq!(workbook.sheet_names(), SHEETS.map(str::to_owned).to_vec());

    // Ratings: a row per cycle, indicator and rater with anything in it.
    let ratings = sheet(&out, "Ratings");
    let (year, rated_on, category, rater, level, name) = (
        column(&ratings, "School year"),
        column(&ratings, "Rated on"),
        column(&ratings, "Category"),
        column(&ratings, "Rater"),
        column(&ratings, "Level"),
        column(&ratings, "Level name"),
    );
    let filled = filled_ratings(&view, &instruments);
    assert_eq!(ratings.len() - 1, filled, "a row per filled rating");
    let first = &view.cycles[0];
    let row = &ratings[1];
    assert_eq!(string(&row[year]), first.school_year);
    match &row[rated_on] {
        Data::DateTime(day) => assert_eq!(day.as_f64(), serial(first.administered_on)),
        other => panic!("the day rated is a date, not {other:?}"),
    }
    assert!(
        matches!(row[level], Data::Float(_)),
        "a level is a number: {:?}",
        row[level]
    );
    assert!(!string(&row[name]).is_empty());

    // A pivot of the team's levels by year and category gives the heat
    // map's averages, rounded as the screens round.
    let mut pivot: BTreeMap<(String, String), Vec<u8>> = BTreeMap::new();
    for row in &ratings[1..] {
        if string(&row[rater]) == "Team consensus"
            && let Data::Float(value) = row[level]
        {
            let whole: u8 = value.to_string().parse().expect("a whole level");
            pivot
                .entry((string(&row[year]), string(&row[category])))
                .or_default()
                .push(whole);
        }
    }
    let versions = Versions::of(&view, &instruments);
    let averages = sheet(&out, "Category averages");
    let average = column(&averages, "Average");
    let mut compared = 0;
    for cycle in &view.cycles {
        for category in &versions.reference.categories {
            let screen = view.category_average(cycle.id, category);
            let pivoted = pivot
                .get(&(cycle.school_year.clone(), category.name.clone()))
                .and_then(|levels| Mean::of(levels.iter().copied()));
            assert_eq!(
                pivoted.map(Mean::tenths),
                screen.map(Mean::tenths),
                "{} {}",
                cycle.school_year,
                category.name
            );
            let written = averages[1..]
                .iter()
                .find(|r| {
                    string(&r[0]) == view.partnership.name
                        && string(&r[1]) == cycle.school_year
                        && string(&r[3]) == category.name
                })
                .map(|r| r[average].clone());
            let expected =
                screen.map_or(Data::Empty, |m| Data::Float(f64::from(m.tenths()) / 10.0));
            assert_eq!(written, Some(expected));
            compared += 1;
        }
    }
    assert_eq!(compared, view.cycles.len() * 4);
}

#[test]
fn the_samples_workbook_has_the_readiness_ratings_actions_and_check_ins() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, session) = sample(dir.path());
    let view = view_of(&session);
    let instruments = support::instruments();
    let out = dir.path().join("sample.xlsx");
    let scope = SheetScope::Partnership(view.partnership.id);
    let tables = spreadsheet::tables(&session, &scope, instruments, today()).expect("tables");
    spreadsheet::write(&tables, &out).expect("written");

    // Readiness: each member's rating of each category, and the teams'
    // averages as the readiness page shows them.
    let readiness = sheet(&out, "Readiness");
    let round = &view.readiness[0];
    assert_eq!(
        readiness.len() - 1,
        round.members.len() * instruments.readiness.categories.len()
    );
    let team_averages = sheet(&out, "Readiness averages");
    let first_category = &instruments.readiness.categories[0];
    let district = round.team_category(partnerpath::model::Team::District, &first_category.key);
    let row = team_averages[1..]
        .iter()
        .find(|r| string(&r[3]) == "District team" && string(&r[4]) == first_category.name)
        .expect("the district team's first category");
    let average = column(&team_averages, "Average");
    assert_eq!(
        row[average],
        district
            .average
            .map_or(Data::Empty, |m| Data::Float(f64::from(m.tenths()) / 10.0))
    );

    // The action steps and the monitoring plan with its check-ins.
    let steps = sheet(&out, "Action steps");
    assert_eq!(steps.len() - 1, view.action_steps.len());
    let due = column(&steps, "Due");
    assert!(
        steps[1..]
            .iter()
            .any(|r| matches!(r[due], Data::DateTime(_))),
        "due dates are dates"
    );
    let monitoring = sheet(&out, "Monitoring");
    let checked = column(&monitoring, "Check-in on");
    assert_eq!(
        monitoring[1..]
            .iter()
            .filter(|r| matches!(r[checked], Data::DateTime(_)))
            .count(),
        view.check_ins.len()
    );
}

/// The CSV file at `path`, as rows of fields.
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_large_data_sets_workbook_opens_in_libreoffice_as_the_csv_files_say() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("large.sqlite");
    let instruments = Instruments::builtin().expect("instruments");
    partnerpath::large::create(
        &path,
        instruments,
        partnerpath::large::Shape::with_cycles(25),
        7,
    )
    .expect("the large data set");
    let session = Session::open(&path).expect("open");
    let scope = SheetScope::everything(&session, instruments, today());
    let tables = spreadsheet::tables(&session, &scope, instruments, today()).expect("tables");
    let workbook = dir.path().join("large.xlsx");
    spreadsheet::write(&tables, &workbook).expect("the workbook");
    let folder = dir.path().join("csv");
    spreadsheet::write(&tables, &folder).expect("the CSV files");

    // LibreOffice opens the workbook and writes each sheet as it shows it
    // ("as shown": dates as 2025-10-14, averages with one decimal). A file
    // it had to repair would not read back the same.
    let converted = dir.path().join("libreoffice");
    let profile = dir.path().join("libreoffice-profile");
    let run = Process::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to"])
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1")
        .arg("--outdir")
        .arg(&converted)
        .arg(&workbook)
        .output()
        .expect("LibreOffice (soffice) runs: scripts/test installs libreoffice-calc-nogui");
    let said = text(&run);
    assert!(run.status.success(), "{said}");
    assert!(!said.contains("Error"), "{said}");
    for table in &tables {
        let ours = read_csv(&folder.join(format!("{}.csv", table.file)));
        let theirs = read_csv(&converted.join(format!("large-{}.csv", table.name)));
        assert_eq!(ours.len(), table.rows.len() + 1, "{}", table.name);
        assert_eq!(ours, theirs, "LibreOffice reads {} as written", table.name);
    }
}

#[test]
fn export_sheet_writes_a_workbook_or_csv_files_and_refuses_another_ending() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let (db, session) = sample(dir.path());
    let name = session.summaries()[0].partnership.name.clone();
    drop(session);

    let folder = dir.path().join("for scripts");
    let out = partnerpath(
        &data,
        &[
            "export-sheet",
            "--db",
            arg(&db),
            "--partnership",
            &name,
            "--out",
            arg(&folder),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let ratings = read_csv(&folder.join("ratings.csv"));
    assert_eq!(ratings[0][0], "Partnership");
    assert_eq!(ratings[1][0], name);
    for file in [
        "category-averages",
        "readiness",
        "readiness-averages",
        "action-steps",
        "monitoring",
    ] {
        assert!(folder.join(format!("{file}.csv")).is_file(), "{file}");
    }
    assert!(!folder.join("portfolio.csv").exists(), "one partnership");

    // Every partnership, with the portfolio's lines.
    let report = dir.path().join("report.xlsx");
    let out = partnerpath(
        &data,
        &["export-sheet", "--db", arg(&db), "--out", arg(&report)],
    );
    assert!(out.status.success(), "{}", text(&out));
    let workbook: Xlsx<_> = open_workbook(&report).expect("a workbook");
    assert_eq!(workbook.sheet_names()[0], "Portfolio");
    assert_eq!(
        sheet(&report, "Portfolio").len(),
        2,
        "a header and the sample"
    );

    let wrong = dir.path().join("report.xls");
    let out = partnerpath(
        &data,
        &["export-sheet", "--db", arg(&db), "--out", arg(&wrong)],
    );
    assert!(!out.status.success());
    assert!(text(&out).contains("ending in .xlsx"), "{}", text(&out));
    assert!(!wrong.exists(), "nothing written");
}

#[test]
fn file_export_to_spreadsheet_writes_the_partnership_shown_or_the_lines_the_list_shows() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, session) = sample(dir.path());
    let sample_id = session.summaries()[0].partnership.id;
    let sample_name = session.summaries()[0].partnership.name.clone();
    drop(session);
    // A second partnership, so that the list's search leaves one out.
    {
        let mut store = partnerpath_store::Store::open(&path).expect("open");
        support::oak_and_elm(&mut store);
    }
    let app = support::app(&path, Some(Screen::In(sample_id, Page::Overview))).remembering(None);
    let mut window = support::harness(app, [1366.0, 900.0]);
    window.run();

    window.get_by_label("File").click();
    window.run();
    window.get_by_label("Export to spreadsheet…").click();
    window.run();
    window.get_by_label("Export spreadsheet").click();
    window.run();
    let written: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| spreadsheet::is_workbook(p))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    window.get_by_label_contains("Exported to");
    let ratings = sheet(&written[0], "Ratings");
    assert!(ratings.len() > 1, "the sample's ratings");

    // On the list, found by part of a name: the portfolio's one line.
    window.state_mut().go_to(Screen::Partnerships);
    window.run();
    window.get_by_label("Find a partnership").click();
    window.run();
    window.get_by_label("Find a partnership").type_text("Oak");
    window.run();
    window.get_by_label_contains("Showing 1 of 2");
    window.get_by_label("File").click();
    window.run();
    window.get_by_label("Export to spreadsheet…").click();
    window.run();
    let report = dir.path().join("partnerships.xlsx");
    window.get_by_label("Export spreadsheet").click();
    window.run();
    assert!(report.is_file(), "the name offered on the list");
    let lines = sheet(&report, "Portfolio");
    assert_eq!(lines.len(), 2, "a header and the one line shown");
    assert_eq!(string(&lines[1][0]), "Oak SD & Elm University");
    let ratings = sheet(&report, "Ratings");
    assert!(
        ratings[1..].iter().all(|r| string(&r[0]) != sample_name),
        "only the partnerships shown"
    );
}

/// The names in a table's first column (the partnership's), each once.
fn partnerships_in(table: &partnerpath::model::tables::Table) -> Vec<String> {
    let mut names: Vec<String> = table.rows.iter().map(|r| r[0].plain()).collect();
    names.dedup();
    names
}

#[test]
fn on_a_server_a_districts_assessor_exports_only_their_district_and_the_state_every_one() {
    let p = crate::server_access::portfolio();
    let tables_as = |user: &str| {
        let url = p.database.url_as(&p.database.user(user));
        let session = Session::connect_with(&url, Some(crate::server_access::PASSWORD))
            .expect("signed in as the user");
        let scope = SheetScope::everything(&session, support::instruments(), today());
        spreadsheet::tables(&session, &scope, support::instruments(), today()).expect("tables")
    };
    let oak = tables_as("bo_assessor");
    assert_eq!(oak[0].name, "Portfolio");
    assert_eq!(partnerships_in(&oak[0]), ["Oak SD & Elm University"]);
    assert_eq!(
        partnerships_in(&oak[1]),
        ["Oak SD & Elm University"],
        "the ratings of their district alone"
    );
    let state = tables_as("di_state");
    let mut every = partnerships_in(&state[0]);
    every.sort();
    assert_eq!(every, ["Oak SD & Elm University", "Pine SD & Ash College"]);
    assert_eq!(partnerships_in(&state[1]).len(), 2);
}
