//! Exporting a calendar (File > Export calendar…, and `partnerpath
//! export-calendar`): the quarterly meetings, next check-ins and due
//! action steps of one partnership or of every one not archived
//! (`model::calendar`), written as an iCalendar file (RFC 5545) by the
//! `icalendar` crate. The events are all-day, so they fall on their day
//! in any time zone; each keeps its id from one export to the next, so
//! that Outlook or Google Calendar updates it when the file is imported
//! again.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, EventLike};

use crate::instrument::Instruments;
use crate::model::PartnershipId;
use crate::model::calendar::{Event, events};
use crate::problem::{Doing, Problem};
use crate::saving::write_atomically;
use crate::session::{ExportScope, Session};

/// Whose events a calendar holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarScope {
    Partnership(PartnershipId),
    /// Every partnership not archived.
    Every,
}

/// The text of the calendar of `scope`, stamped `now`.
pub fn ics(
    session: &Session,
    scope: CalendarScope,
    instruments: Instruments,
    now: jiff::Timestamp,
) -> Result<String, Problem> {
    let (ids, name) = match scope {
        CalendarScope::Partnership(id) => {
            let name = session
                .summaries()
                .iter()
                .find(|s| s.partnership.id == id)
                .map_or_else(String::new, |s| s.partnership.name.clone());
            (vec![id], format!("PartnerPath: {name}"))
        }
        CalendarScope::Every => (
            session
                .summaries()
                .iter()
                .filter(|s| !s.partnership.archived)
                .map(|s| s.partnership.id)
                .collect(),
            "PartnerPath: every partnership".to_owned(),
        ),
    };
    let by = format!("PartnerPath {}", env!("CARGO_PKG_VERSION"));
    let stamp = DateTime::<Utc>::from_timestamp(now.as_second(), 0).unwrap_or_default();
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property((
            "PRODID",
            concat!(
                "-//PartnerPath//PartnerPath ",
                env!("CARGO_PKG_VERSION"),
                "//EN"
            ),
        ))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(&name);
    for id in ids {
        let exchange = session
            .store()
            .export(id, &ExportScope::Whole, &by)
            .map_err(|e| Problem::store(&e, Doing::Reading))?;
        for event in events(&exchange, instruments.monitoring) {
            calendar.push(written(&event, stamp));
        }
    }
    Ok(calendar.done().to_string())
}

/// One event as iCalendar writes it: all day, from its day to the next.
fn written(event: &Event, stamp: DateTime<Utc>) -> icalendar::Event {
    let day = |d: jiff::civil::Date| {
        NaiveDate::from_ymd_opt(
            i32::from(d.year()),
            u32::from(d.month().unsigned_abs()),
            u32::from(d.day().unsigned_abs()),
        )
        .unwrap_or_default()
    };
    let next = event.on.tomorrow().unwrap_or(event.on);
    icalendar::Event::new()
        .uid(&event.uid)
        .timestamp(stamp)
        .summary(&event.summary)
        .description(&event.description)
        .starts(day(event.on))
        .ends(day(next))
        .done()
}

/// Writes the calendar to `out`, whole or not at all; returns its size.
pub fn write(text: &str, out: &Path) -> Result<usize, Problem> {
    let is_ics = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ics"));
    if !is_ics {
        return Err(Problem::new(
            format!(
                "A calendar file's name ends in .ics; “{}” does not.",
                out.display()
            ),
            "Give a name ending in .ics.",
        )
        .at(out));
    }
    write_atomically(out, text.as_bytes(), "The calendar file")?;
    Ok(text.len())
}
