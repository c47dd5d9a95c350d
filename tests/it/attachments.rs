//! Evidence attached to records: a PDF and a link on Decision Making
//! attached from the command line, exported, imported into another file
//! and read back byte for byte; a file stored once however often it is
//! attached; what is refused (over 100 MB, a file that is not there, a
//! folder, a link that is not an address) changing nothing; "Recently
//! deleted" and the purge of a file no attachment names; an older file
//! upgraded with its data.

use std::path::Path;

use partnerpath::demo;
use partnerpath::model::exchange::{self, ExchangeError};
use partnerpath::model::{
    AttachedTo, Command, DeletedKind, Evidence, MAX_FILE_BYTES, PartnershipView,
};
use partnerpath::session::Session;
use partnerpath_store::Store;

use crate::cli_exchange::{arg, partnerpath, text};
use crate::support;

/// How many rows a table of the file at `path` has.
fn count(path: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

/// The sample in a file of its own, with its name and newest school year.
fn sample(path: &Path) -> (String, String) {
    let store = demo::create_sample_database(path, support::instruments()).expect("sample");
    let session = Session::with_store(store).expect("session");
    let summary = session.summaries()[0].clone();
    let view = session
        .store()
        .load_partnership(summary.partnership.id)
        .expect("load");
    let year = view.cycles.last().expect("a cycle").school_year.clone();
    (summary.partnership.name.clone(), year)
}

/// The only partnership of the file at `path`, loaded afresh.
fn loaded(path: &Path) -> (Session, PartnershipView) {
    let session = Session::open(path).expect("open");
    let id = session.summaries()[0].partnership.id;
    let view = session.store().load_partnership(id).expect("load");
    (session, view)
}

/// `partnerpath attach` on the file `here`: `evidence` on `indicator` of
/// the cycle `year` of the partnership `name`.
fn attach_cli(
    data: &Path,
    here: &Path,
    (name, year): (&str, &str),
    indicator: &str,
    evidence: &[&str],
) -> std::process::Output {
    let mut args = vec![
        "attach",
        "--db",
        arg(here),
        "--partnership",
        name,
        "--cycle",
        year,
        "--indicator",
        indicator,
    ];
    args.extend_from_slice(evidence);
    partnerpath(data, &args)
}

/// A real PDF: the blank continuum, printed by the program.
fn a_pdf(data: &Path, out: &Path) -> Vec<u8> {
    let printed = partnerpath(
        data,
        &["print", "--blank", "--tool", "continuum", "--out", arg(out)],
    );
    assert!(printed.status.success(), "{}", text(&printed));
    std::fs::read(out).expect("the PDF")
}

#[test]
fn a_pdf_and_a_link_on_decision_making_travel_to_another_file_and_open_byte_for_byte() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let here = dir.path().join("here.sqlite");
    let (name, year) = sample(&here);
    let pdf_path = dir.path().join("Partnership minutes.pdf");
    let pdf = a_pdf(&data, &pdf_path);

    let attached = attach_cli(
        &data,
        &here,
        (&name, &year.replace('–', "-")),
        "decision-making",
        &[
            arg(&pdf_path),
            "https://drive.example.org/district/mou-2025.pdf",
        ],
    );
    assert!(attached.status.success(), "{}", text(&attached));
    assert!(
        text(&attached).contains("Attached 1 file to decision-making"),
        "{}",
        text(&attached)
    );
    let listed = partnerpath(
        &data,
        &["attachments", "--db", arg(&here), "--partnership", &name],
    );
    let listed = text(&listed);
    assert!(
        listed.contains(&format!(
            "{year} Decision Making\tPartnership minutes.pdf\t"
        )),
        "{listed}"
    );
    assert!(
        listed.contains("\thttps://drive.example.org/district/mou-2025.pdf\t"),
        "{listed}"
    );

    let exchange = dir.path().join("handover.partnerpath");
    let exported = partnerpath(
        &data,
        &[
            "export",
            "--db",
            arg(&here),
            "--partnership",
            &name,
            "--out",
            arg(&exchange),
        ],
    );
    assert!(exported.status.success(), "{}", text(&exported));
    let bytes = std::fs::read(&exchange).expect("exchange file");
    assert!(bytes.starts_with(b"PK\x03\x04"), "a package with the file");

    let there = dir.path().join("there.sqlite");
    for _ in 0..2 {
        let imported = partnerpath(
            &data,
            &[
                "import",
                "--db",
                arg(&there),
                arg(&exchange),
                "--conflicts",
                "keep-here",
            ],
        );
        assert!(imported.status.success(), "{}", text(&imported));
    }
    let (session, view) = loaded(&there);
    let decision_making: Vec<_> = view
        .attachments
        .iter()
        .filter(|a| matches!(&a.to, AttachedTo::Indicator(_, key) if key == "decision-making"))
        .filter(|a| {
            a.name == "Partnership minutes.pdf"
                || a.address.as_deref() == Some("https://drive.example.org/district/mou-2025.pdf")
        })
        .collect();
    assert_eq!(decision_making.len(), 2, "the file and the link, once each");
    let file = decision_making
        .iter()
        .find(|a| matches!(a.evidence(), Some(Evidence::File { .. })))
        .expect("the PDF");
    assert_eq!(file.name, "Partnership minutes.pdf");
    assert_eq!(
        session.attachment_content(file).expect("content"),
        pdf,
        "byte for byte the PDF attached"
    );
    let link = decision_making
        .iter()
        .find(|a| matches!(a.evidence(), Some(Evidence::Link { .. })))
        .expect("the link");
    assert_eq!(
        link.address.as_deref(),
        Some("https://drive.example.org/district/mou-2025.pdf")
    );
    assert_eq!(count(&there, "attachment_files"), 1);
}

#[test]
fn a_file_attached_twice_is_stored_once() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let here = dir.path().join("here.sqlite");
    let (name, year) = sample(&here);
    let file = dir.path().join("survey.pdf");
    std::fs::write(&file, b"%PDF-1.4 survey results").expect("write");
    let copy = dir.path().join("survey (copy).pdf");
    std::fs::write(&copy, b"%PDF-1.4 survey results").expect("write");
    for (indicator, path) in [("shared-goals", &file), ("decision-making", &copy)] {
        let out = attach_cli(&data, &here, (&name, &year), indicator, &[arg(path)]);
        assert!(out.status.success(), "{}", text(&out));
    }
    assert_eq!(
        count(&here, "attachments"),
        3 + 2,
        "beside the sample's three links"
    );
    assert_eq!(
        count(&here, "attachment_files"),
        1,
        "one content, two records"
    );
}

#[test]
fn what_cannot_be_attached_is_said_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let here = dir.path().join("here.sqlite");
    let (name, year) = sample(&here);
    let huge = dir.path().join("video.mp4");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(MAX_FILE_BYTES + 1))
        .expect("a file just over 100 MB");
    let gone = dir.path().join("gone.pdf");
    let folder = dir.path().join("Evidence");
    std::fs::create_dir(&folder).expect("folder");
    let attach =
        |evidence: &str| attach_cli(&data, &here, (&name, &year), "decision-making", &[evidence]);
    for (evidence, said) in [
        (
            arg(&huge),
            "“video.mp4” is 100.0 MB: a file over 100 MB cannot be attached",
        ),
        (arg(&gone), "“gone.pdf” could not be read"),
        (arg(&folder), "“Evidence” is a folder"),
        (
            "ftp://files.example.org/mou.pdf",
            "A link needs a whole address",
        ),
        ("https://", "A link needs a whole address"),
    ] {
        let out = attach(evidence);
        assert!(!out.status.success(), "{evidence} refused");
        assert!(text(&out).contains(said), "{evidence}: {}", text(&out));
    }
    assert_eq!(
        count(&here, "attachments"),
        3,
        "the sample's own links alone"
    );
    assert_eq!(count(&here, "attachment_files"), 0);
    let wrong = attach("ftp://x");
    assert!(text(&wrong).contains("A link needs"), "{}", text(&wrong));
    let indicator = attach_cli(&data, &here, (&name, &year), "decisions", &[arg(&folder)]);
    assert!(
        text(&indicator).contains("The continuum has no indicator “decisions”"),
        "{}",
        text(&indicator)
    );
}

#[test]
fn a_removed_attachment_waits_in_recently_deleted_and_its_file_goes_with_the_purge() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let here = dir.path().join("here.sqlite");
    let (name, year) = sample(&here);
    let file = dir.path().join("agenda.docx");
    std::fs::write(&file, b"PK agenda").expect("write");
    let out = attach_cli(&data, &here, (&name, &year), "shared-goals", &[arg(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    let (mut session, view) = loaded(&here);
    session.open_partnership(view.partnership.id).expect("open");
    let attachment = view
        .attachments
        .iter()
        .find(|a| a.name == "agenda.docx")
        .expect("attached")
        .clone();
    let shown = |session: &Session| {
        session
            .view()
            .expect("open")
            .attachments
            .iter()
            .any(|a| a.id == attachment.id)
    };
    session
        .send(&Command::DeleteAttachment(attachment.id))
        .expect("removed");
    assert!(!shown(&session));
    let deleted = session.recently_deleted().expect("deleted");
    let listed = deleted
        .iter()
        .find(|d| d.kind == DeletedKind::Attachment)
        .expect("listed");
    assert_eq!(listed.name, "agenda.docx");
    session.restore_deleted(listed).expect("restored");
    assert!(shown(&session));

    session
        .send(&Command::DeleteAttachment(attachment.id))
        .expect("removed again");
    drop(session);
    let conn = rusqlite::Connection::open(&here).expect("open");
    conn.execute(
        "UPDATE attachments SET deleted_at = '2020-01-01T00:00:00Z' WHERE deleted_at IS NOT NULL",
        [],
    )
    .expect("long ago");
    drop(conn);
    let mut store = Store::open(&here).expect("open");
    store.purge_deleted().expect("purge");
    drop(store);
    assert_eq!(count(&here, "attachments"), 3, "the sample's own links");
    assert_eq!(
        count(&here, "attachment_files"),
        0,
        "no file no record names"
    );
}

#[test]
fn a_file_of_the_previous_schema_is_upgraded_with_its_data_and_holds_evidence() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v8.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        partnerpath_store::set_up_version(&mut conn, 8).expect("version 8");
        conn.execute(
            "INSERT INTO partnerships (name, partner_kind) VALUES ('Old one', 'other')",
            [],
        )
        .expect("insert");
    }
    let store = Store::open(&path).expect("upgrade");
    assert_eq!(
        store.schema_version().expect("version"),
        partnerpath_store::LATEST_VERSION
    );
    drop(store);
    let data = dir.path().join("data");
    let made = partnerpath(
        &data,
        &[
            "attachments",
            "--db",
            arg(&path),
            "--partnership",
            "Old one",
        ],
    );
    assert!(
        text(&made).contains("“Old one” has no evidence attached."),
        "{}",
        text(&made)
    );
    let (_, view) = loaded(&path);
    assert_eq!(view.partnership.name, "Old one");
    // The history keeps an attachment's changes, as every table's.
    let conn = rusqlite::Connection::open(&path).expect("open");
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'
             AND name LIKE 'attachments_recorded_%'",
            [],
            |r| r.get(0),
        )
        .expect("triggers");
    assert_eq!(triggers, 3);
}

#[test]
fn an_exchange_file_whose_attached_file_is_missing_or_altered_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let here = dir.path().join("here.sqlite");
    let (name, year) = sample(&here);
    let file = dir.path().join("roster.pdf");
    std::fs::write(&file, b"%PDF-1.4 the mentors' roster, kept whole").expect("write");
    let out = attach_cli(&data, &here, (&name, &year), "shared-goals", &[arg(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    let (session, view) = loaded(&here);
    let package = session
        .export(
            view.partnership.id,
            &partnerpath::session::ExportScope::Whole,
        )
        .expect("export");
    let instruments = support::instruments();
    let read = exchange::parse(&package, instruments).expect("a package reads");
    assert_eq!(read.version, exchange::VERSION_WITHOUT_HIDDEN);
    assert_eq!(read.contents.len(), 1);

    // The JSON alone names a file it does not hold.
    let json = serde_json::to_vec(&read).expect("json");
    let error = exchange::parse(&json, instruments).expect_err("refused");
    assert!(
        matches!(&error, ExchangeError::Damaged(what) if what.contains("does not hold")),
        "{error:?}"
    );

    // The file altered inside the package (stored as it is, so found).
    let mut altered = package.clone();
    let at = altered
        .windows(b"kept whole".len())
        .position(|w| w == b"kept whole")
        .expect("the file inside");
    altered[at] = b'K';
    let error = exchange::parse(&altered, instruments).expect_err("refused");
    assert!(matches!(&error, ExchangeError::Damaged(_)), "{error:?}");

    // With links alone, the file stays JSON.
    let plain = dir.path().join("plain.sqlite");
    let (_, _) = sample(&plain);
    let (session, view) = loaded(&plain);
    let bytes = session
        .export(
            view.partnership.id,
            &partnerpath::session::ExportScope::Whole,
        )
        .expect("export");
    let plain = exchange::parse(&bytes, instruments).expect("reads");
    assert_eq!(plain.attachments.len(), 3, "the sample's links");
    assert!(bytes.starts_with(b"{"), "JSON, not a package");
}

/// The words of the PDF at `path`, as pdftotext reads them, on one line.
fn pdf_words(path: &Path) -> String {
    crate::ui_versions::pdf_text(&std::fs::read(path).expect("the PDF"))
}

#[test]
fn each_printout_lists_the_evidence_under_its_record() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let here = dir.path().join("here.sqlite");
    let (name, year) = sample(&here);
    let file = dir.path().join("Survey results.pdf");
    std::fs::write(&file, b"%PDF-1.4 survey").expect("write");
    let out = attach_cli(
        &data,
        &here,
        (&name, &year),
        "decision-making",
        &[arg(&file)],
    );
    assert!(out.status.success(), "{}", text(&out));
    {
        let (mut session, view) = loaded(&here);
        session.open_partnership(view.partnership.id).expect("open");
        let meeting = view
            .documents
            .iter()
            .find(|d| d.title == "Quarterly meeting, December 2025")
            .expect("the meeting");
        let round = view.readiness.last().expect("a round").round.id;
        let day = jiff::civil::date(2026, 12, 4);
        for (to, title) in [
            (AttachedTo::Document(meeting.id), "Sign-in sheet"),
            (AttachedTo::ReadinessRound(round), "Readiness survey export"),
        ] {
            session
                .attach_link(&to, title, "https://drive.example.org/evidence/sheet", day)
                .expect("attached");
        }
    }
    let print = |tool: &str, more: &[&str]| {
        let pdf = dir.path().join(format!("{tool}.pdf"));
        let mut args = vec![
            "print",
            "--db",
            arg(&here),
            "--partnership",
            &name,
            "--tool",
            tool,
            "--out",
            arg(&pdf),
        ];
        args.extend_from_slice(more);
        let out = partnerpath(&data, &args);
        assert!(out.status.success(), "{tool}: {}", text(&out));
        pdf_words(&pdf)
    };
    let continuum = print("continuum", &[]);
    let decision = continuum.find("Decision Making").expect("the indicator");
    let listed = continuum[decision..]
        .find("Evidence attached in PartnerPath")
        .expect("listed under it");
    let under = &continuum[decision + listed..];
    assert!(
        under.contains("Joint steering committee minutes, October 2025 — https://drive.example.org/riverbend-residency/minutes/2025-10-steering-committee.pdf (added Oct 16, 2025 by Maria Alvarez)"),
        "{under}"
    );
    assert!(
        under.contains("Survey results.pdf — a file of 1 KB kept in PartnerPath")
            || under.contains("Survey results.pdf — a file of 15 bytes kept in PartnerPath"),
        "{under}"
    );
    let meeting = print(
        "meeting",
        &["--document", "Quarterly meeting, December 2025"],
    );
    assert!(
        meeting.contains("Evidence attached to this document in PartnerPath • Sign-in sheet — https://drive.example.org/evidence/sheet (added Dec 4, 2026 by"),
        "{meeting}"
    );
    let readiness = print("readiness-joint", &[]);
    assert!(
        readiness
            .contains("Evidence attached to this round in PartnerPath • Readiness survey export"),
        "{readiness}"
    );
    let monitoring = print("monitoring", &[]);
    assert!(
        monitoring.contains("Evidence attached in PartnerPath to the milestone “Hiring offers made to residents” • Resident hiring offers, spring 2026"),
        "{monitoring}"
    );
    // A blank form lists none.
    let blank = dir.path().join("blank.pdf");
    let out = partnerpath(
        &data,
        &[
            "print",
            "--blank",
            "--tool",
            "continuum",
            "--out",
            arg(&blank),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(!pdf_words(&blank).contains("Evidence attached"));
}

#[test]
fn on_a_server_an_assessor_attaches_a_viewer_reads_and_another_district_never_sees_the_file() {
    let p = crate::server_access::portfolio();
    let password = crate::server_access::PASSWORD;
    let session_as = |user: &str| {
        Session::connect_with(&p.database.url_as(&p.database.user(user)), Some(password))
            .expect("signed in")
    };
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("MOU signed.pdf");
    let content = b"%PDF-1.4 the memorandum of understanding, signed".to_vec();
    std::fs::write(&file, &content).expect("write");
    let day = jiff::civil::date(2026, 12, 4);

    // Oak's assessor attaches a file and a link to Decision Making.
    let mut bo = session_as("bo_assessor");
    let cycle = bo.open_partnership(p.oak).expect("open").cycles[0].id;
    let to = AttachedTo::Indicator(cycle, "decision-making".into());
    let attached = bo.attach_files_now(&to, std::slice::from_ref(&file), day);
    assert_eq!((attached.count, attached.problems.len()), (1, 0));
    bo.attach_link(&to, "Minutes", "https://drive.example.org/minutes", day)
        .expect("link");
    let view = bo.open_partnership(p.oak).expect("again").clone();
    assert_eq!(view.attachments.len(), 2);
    let pdf = view
        .attachments
        .iter()
        .find(|a| a.name == "MOU signed.pdf")
        .expect("the file");
    assert!(pdf.added_by.contains("bo_assessor"), "{}", pdf.added_by);
    assert_eq!(bo.attachment_content(pdf).expect("content"), content);

    // The district's viewer reads it, and attaches nothing.
    let mut ana = session_as("ana_viewer");
    ana.open_partnership(p.oak).expect("open");
    assert_eq!(ana.attachment_content(pdf).expect("content"), content);
    let refused = ana.attach_files_now(&to, std::slice::from_ref(&file), day);
    assert_eq!(refused.count, 0);
    assert!(!refused.problems.is_empty());
    let mut viewer_sql = p
        .database
        .client_as(&p.database.user("ana_viewer"), password);
    let by_sql = viewer_sql.execute(
        "SELECT partnerpath_keep_file(repeat('a', 64), 1, '\\x00'::bytea)",
        &[],
    );
    assert_eq!(
        by_sql
            .err()
            .and_then(|e| e.code().map(|c| c.code().to_owned())),
        Some("42501".to_owned()),
        "a viewer keeps no file by SQL either"
    );

    // Pine's assessor attaches the same file to Pine: stored once, and
    // Oak's attachments stay out of sight, by the program and by SQL.
    let mut cy = session_as("cy_assessor");
    let pine_cycle = cy.open_partnership(p.pine).expect("open").cycles[0].id;
    let pine_to = AttachedTo::Indicator(pine_cycle, "shared-goals".into());
    let attached = cy.attach_files_now(&pine_to, std::slice::from_ref(&file), day);
    assert_eq!((attached.count, attached.problems.len()), (1, 0));
    assert!(cy.open_partnership(p.oak).is_err(), "Oak is not Pine's");
    let mut sql = p
        .database
        .client_as(&p.database.user("cy_assessor"), password);
    let count = |sql: &mut postgres::Client, query: &str| -> i64 {
        sql.query_one(query, &[]).expect("count").get(0)
    };
    assert_eq!(count(&mut sql, "SELECT count(*) FROM attachments"), 1);
    // Neither Oak's file can be removed from under it by Pine.
    sql.execute("DELETE FROM attachments", &[])
        .expect("their own");
    let removed = sql
        .execute("DELETE FROM attachment_files", &[])
        .expect("a delete the policy narrows");
    assert_eq!(removed, 0, "Oak's attachment still names the file");
    let mut owner = p.database.client();
    assert_eq!(
        count(&mut owner, "SELECT count(*) FROM attachment_files"),
        1
    );
    assert_eq!(count(&mut owner, "SELECT count(*) FROM attachments"), 2);

    // Exported from the server, the file travels with the partnership.
    let package = bo
        .export(p.oak, &partnerpath::session::ExportScope::Whole)
        .expect("export");
    let read = exchange::parse(&package, support::instruments()).expect("a package");
    assert_eq!(
        read.contents.values().next().map(|c| c.to_vec()),
        Some(content)
    );
}

#[test]
fn a_file_grown_past_2_gb_is_said_with_its_largest_attachments() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let here = dir.path().join("here.sqlite");
    let (name, year) = sample(&here);
    let big = dir.path().join("Site visit video.mp4");
    std::fs::write(&big, vec![7_u8; 3 * 1024 * 1024]).expect("write");
    let small = dir.path().join("Agenda.pdf");
    std::fs::write(&small, b"%PDF agenda").expect("write");
    let out = attach_cli(
        &data,
        &here,
        (&name, &year),
        "decision-making",
        &[arg(&big), arg(&small)],
    );
    assert!(out.status.success(), "{}", text(&out));
    let (mut session, _) = loaded(&here);
    assert!(session.take_notice().is_none(), "a small file is not said");
    drop(session);
    // Past 2 GB, without writing 2 GB: the file made longer (sparse), which
    // SQLite reads as before.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&here)
        .and_then(|f| f.set_len(partnerpath::model::LARGE_DATABASE_BYTES + 4096))
        .expect("longer");
    let (mut session, _) = loaded(&here);
    let notice = session.take_notice().expect("said");
    assert!(
        notice
            .what
            .contains("This PartnerPath file has grown to 2.0 GB")
            && notice
                .what
                .contains("Its largest attachments: “Site visit video.mp4” (3.0 MB, Riverbend"),
        "{}",
        notice.what
    );
    assert!(
        notice.what_to_do.contains("attach links"),
        "{}",
        notice.what_to_do
    );
}
