//! The calendar file: the sample's exported twice and parsed back by a
//! calendar parser (the `icalendar` crate's), with no event twice, each on
//! the model's day, all-day (a date, in no time zone) and stamped in UTC;
//! `partnerpath export-calendar` on a real file; File > Export calendar…
//! in the window.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use egui_kittest::kittest::Queryable;
use icalendar::{Component, DatePerhapsTime};
use partnerpath::calendar::{self, CalendarScope};
use partnerpath::demo;
use partnerpath::model::{ActionStatus, Due, due};
use partnerpath::session::Session;
use partnerpath::ui::{Page, Screen};

use crate::cli_exchange::{arg, partnerpath, text};
use crate::support;

/// The events of a calendar file's text, by id: (day, summary, stamp).
fn parsed(text: &str) -> Vec<(String, NaiveDate, String, DateTime<Utc>)> {
    let unfolded = icalendar::parser::unfold(text);
    let calendar: icalendar::Calendar = icalendar::parser::read_calendar(&unfolded)
        .expect("a calendar the parser reads")
        .into();
    calendar
        .events()
        .map(|e| {
            let Some(DatePerhapsTime::Date(day)) = e.get_start() else {
                panic!("an all-day event: {:?}", e.get_start());
            };
            (
                e.get_uid().expect("an id").to_owned(),
                day,
                e.get_summary().unwrap_or_default().to_owned(),
                e.get_timestamp().expect("a stamp"),
            )
        })
        .collect()
}

fn naive(day: jiff::civil::Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        i32::from(day.year()),
        u32::from(day.month().unsigned_abs()),
        u32::from(day.day().unsigned_abs()),
    )
    .expect("a day")
}

#[test]
fn the_samples_calendar_imported_twice_has_each_event_once_on_its_day() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("sample.sqlite");
    let store = demo::create_sample_database(&path, support::instruments()).expect("sample");
    let session = Session::with_store(store).expect("session");
    let id = session.summaries()[0].partnership.id;
    let view = session.store().load_partnership(id).expect("load");
    let instruments = support::instruments();
    let first = jiff::Timestamp::from_second(1_796_000_000).expect("a time");
    let later = jiff::Timestamp::from_second(1_796_090_000).expect("a time");
    let once = calendar::ics(&session, CalendarScope::Partnership(id), instruments, first)
        .expect("calendar");
    let again = calendar::ics(&session, CalendarScope::Partnership(id), instruments, later)
        .expect("calendar");
    assert!(once.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//PartnerPath//"));

    // Imported twice, as a calendar program does: an event whose id it has
    // is updated, not added.
    let mut imported = BTreeMap::new();
    for (uid, day, summary, stamp) in parsed(&once).into_iter().chain(parsed(&again)) {
        imported.insert(uid, (day, summary, stamp));
    }
    assert_eq!(imported.len(), parsed(&once).len(), "no event twice");
    assert_eq!(
        parsed(&once).iter().map(|e| &e.0).collect::<Vec<_>>(),
        parsed(&again).iter().map(|e| &e.0).collect::<Vec<_>>(),
        "the same ids each time"
    );
    // Stamped in UTC with the time of the export.
    assert!(
        imported
            .values()
            .all(|(_, _, stamp)| stamp.timestamp() == later.as_second())
    );
    let stamps: Vec<&str> = once.lines().filter(|l| l.starts_with("DTSTAMP:")).collect();
    assert!(!stamps.is_empty());
    assert!(
        stamps.iter().all(|l| l.ends_with('Z')),
        "UTC times: {stamps:?}"
    );
    assert!(
        once.lines()
            .filter(|l| l.starts_with("DTSTART"))
            .all(|l| l.starts_with("DTSTART;VALUE=DATE:")),
        "days, in no time zone"
    );

    // Each on the model's day: the meetings, the open steps due, the next
    // check-ins.
    let days: Vec<NaiveDate> = imported.values().map(|(day, _, _)| *day).collect();
    let mut expected = 0;
    for step in &view.action_steps {
        if let (ActionStatus::Open, Some(on)) = (step.status, step.due_on) {
            assert!(days.contains(&naive(on)), "{} on {on}", step.text);
            expected += 1;
        }
    }
    for milestone in &view.milestones {
        if let Due::On(on) = due(milestone, instruments.monitoring, &view.check_ins) {
            assert!(days.contains(&naive(on)), "{}", milestone.milestone);
            expected += 1;
        }
    }
    let meetings = view
        .documents_of(partnerpath::instrument::QUARTERLY_MEETING)
        .filter_map(|d| d.date("meeting_date"));
    for on in meetings {
        assert!(days.contains(&naive(on)), "the meeting of {on}");
        expected += 1;
    }
    assert_eq!(imported.len(), expected);
    assert!(
        imported
            .values()
            .any(|(_, summary, _)| summary.starts_with("Check-in: ")),
        "{imported:?}"
    );
}

#[test]
fn export_calendar_writes_an_ics_file_and_refuses_another_ending() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let db = dir.path().join("sample.sqlite");
    drop(demo::create_sample_database(&db, support::instruments()).expect("sample"));
    let out = dir.path().join("dates.ics");
    let run = partnerpath(
        &data,
        &["export-calendar", "--db", arg(&db), "--out", arg(&out)],
    );
    assert!(run.status.success(), "{}", text(&run));
    let written = std::fs::read_to_string(&out).expect("the file");
    assert!(!parsed(&written).is_empty());

    let wrong = dir.path().join("dates.txt");
    let run = partnerpath(
        &data,
        &["export-calendar", "--db", arg(&db), "--out", arg(&wrong)],
    );
    assert!(!run.status.success());
    assert!(text(&run).contains("ends in .ics"), "{}", text(&run));
    assert!(!wrong.exists(), "nothing written");
}

#[test]
fn file_export_calendar_writes_the_partnership_shown() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("sample.sqlite");
    let id = {
        let store = demo::create_sample_database(&path, support::instruments()).expect("sample");
        store.partnership_summaries().expect("list")[0]
            .partnership
            .id
    };
    let app = support::app(&path, Some(Screen::In(id, Page::Overview))).remembering(None);
    let mut window = support::harness(app, [1366.0, 900.0]);
    window.run();
    window.get_by_label("File").click();
    window.run();
    window.get_by_label("Export calendar…").click();
    window.run();
    window.get_by_label("Export calendar").click();
    window.run();
    window.get_by_label_contains("Exported to");
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ics"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let text = std::fs::read_to_string(&written[0]).expect("read");
    assert!(!parsed(&text).is_empty());
    assert!(Path::new(&written[0]).is_file());
}
