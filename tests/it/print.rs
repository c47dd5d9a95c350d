//! Every tool printed, filled and blank, and read back with poppler's
//! pdftotext and pdffonts: the expected words are there, each indicator of
//! the continuum is on one page, every font is embedded, and text typed with
//! Typst's markup characters prints as typed.

use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::civil::date;
use partnerpath::demo;
use partnerpath::instrument::{CONTRACT_SUPPLEMENT, Instruments, QUARTERLY_MEETING};
use partnerpath::model::{
    CycleFields, CycleStatus, DocumentFields, FieldValue, Level, NewCycle, NewDocument,
    NewPartnership, PartnershipView, Rater, RatingKey, Team,
};
use partnerpath::print::{Blank, Filled, Paper, PrintRequest, What, printout, render};
use partnerpath_store::Store;

struct Printed {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Printed {
    /// The text of page `page` (from 1), or of all pages.
    fn text(&self, page: Option<usize>) -> String {
        let mut command = Command::new("pdftotext");
        if let Some(page) = page {
            command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
        }
        let output = command.arg(&self.path).arg("-").output().expect(
            "pdftotext is needed: run the tests with ./scripts/test, which installs poppler-utils",
        );
        assert!(output.status.success(), "pdftotext failed");
        // Join lines so that wrapped sentences can be found.
        String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn pages(&self) -> usize {
        let output = Command::new("pdfinfo")
            .arg(&self.path)
            .output()
            .expect("pdfinfo");
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .find_map(|l| {
                l.strip_prefix("Pages:")
                    .map(|n| n.trim().parse().unwrap_or(0))
            })
            .unwrap_or(0)
    }

    fn info(&self) -> String {
        let output = Command::new("pdfinfo")
            .arg(&self.path)
            .output()
            .expect("pdfinfo");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Every font listed by pdffonts is embedded.
    fn assert_fonts_embedded(&self) {
        let output = Command::new("pdffonts")
            .arg(&self.path)
            .output()
            .expect("pdffonts");
        let listing = String::from_utf8_lossy(&output.stdout);
        let fonts: Vec<&str> = listing.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "no fonts listed:\n{listing}");
        for font in fonts {
            let columns: Vec<&str> = font.split_whitespace().collect();
            // name type encoding emb sub uni object ID: emb is 4th from the end.
            let emb = columns[columns.len() - 5];
            assert_eq!(emb, "yes", "not embedded: {font}");
        }
    }
}

fn print(request: &PrintRequest, view: Option<&PartnershipView>) -> Printed {
    let instruments = Instruments::builtin().expect("instruments");
    let printout = printout(request, view, instruments, date(2026, 11, 23)).expect("printout");
    let pdf = render(&printout).expect("render");
    assert!(pdf.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, pdf).expect("write");
    Printed { _dir: dir, path }
}

fn filled(what: Filled) -> PrintRequest {
    PrintRequest {
        what: What::Filled(what),
        paper: Paper::Letter,
    }
}

fn blank(what: Blank) -> PrintRequest {
    PrintRequest {
        what: What::Blank(what),
        paper: Paper::Letter,
    }
}

fn sample() -> (tempfile::TempDir, PartnershipView) {
    let dir = tempfile::tempdir().expect("temp dir");
    let instruments = Instruments::builtin().expect("instruments");
    let store =
        demo::create_sample_database(&dir.path().join("s.sqlite"), instruments).expect("sample");
    let id = store.partnership_summaries().expect("list")[0]
        .partnership
        .id;
    let view = store.load_partnership(id).expect("load");
    (dir, view)
}

/// A blank form says so in its footer ("Blank form"), and not again as a
/// subtitle "Blank" or a footer "Blank form · Blank".
fn assert_blank_once(text: &str, what: &str) {
    assert!(text.contains("Blank form"), "{what}: no \"Blank form\"");
    assert!(
        !text.contains("Blank form · Blank"),
        "{what}: the footer says blank twice"
    );
    assert!(
        !text.lines().any(|line| line.trim() == "Blank"),
        "{what}: a subtitle \"Blank\""
    );
}

fn assert_contains(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(
            text.contains(e),
            "missing {e:?} in:\n{}",
            &text[..text.len().min(3000)]
        );
    }
}

#[test]
fn the_continuum_prints_each_indicator_whole_on_one_page() {
    let (_dir, view) = sample();
    let cycle = view.cycles.last().expect("cycle");
    let printed = print(
        &filled(Filled::Continuum {
            cycle: cycle.id,
            with_raters: true,
        }),
        Some(&view),
    );
    printed.assert_fonts_embedded();
    let all = printed.text(None);
    assert_contains(
        &all,
        &[
            "Working Better Together",
            "2025–26",
            "Goal data reviewed at each quarterly meeting; 11 of 14 residents hired by Riverbend.",
            "Chosen",
            "Riverbend USD & Lakeshore State University (sample)",
            "Printed November 23, 2026",
        ],
    );
    let continuum = Instruments::builtin().expect("instruments").continuum;
    let pages: Vec<String> = (1..=printed.pages())
        .map(|p| printed.text(Some(p)))
        .collect();
    for indicator in continuum.indicators() {
        let transformational = indicator.level_text(Level::new(4).expect("level"));
        let last_words: String = transformational
            .last()
            .expect("text")
            .split_whitespace()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(" ");
        let first = &indicator.criteria[0];
        let first_words: String = first
            .split_whitespace()
            .take(5)
            .collect::<Vec<_>>()
            .join(" ");
        let on_one_page = pages.iter().any(|page| {
            page.contains(&indicator.name)
                && page.contains(&first_words)
                && page.contains(&last_words)
                && page.contains("Next steps")
        });
        assert!(on_one_page, "{} is split across pages", indicator.name);
    }
    assert!(printed.info().contains("Tagged:          yes"));
    assert!(printed.info().contains(
        "Title:           Riverbend USD & Lakeshore State University (sample) — Continuum 2025–26"
    ));
}

#[test]
fn the_blank_continuum_has_every_level_text_and_nothing_chosen() {
    let printed = print(&blank(Blank::Continuum { version: None }), None);
    printed.assert_fonts_embedded();
    let all = printed.text(None);
    let continuum = Instruments::builtin().expect("instruments").continuum;
    for indicator in continuum.indicators() {
        assert!(all.contains(&indicator.name), "{}", indicator.name);
    }
    assert_contains(
        &all,
        &[
            "Emerging",
            "Developing",
            "Established",
            "Transformational",
            "Supporting evidence",
        ],
    );
    assert!(!all.contains("Chosen"));
    assert!(printed.pages() >= 13);
    // PartnerPath's notes on the published text say whose they are, as the
    // worksheets' do.
    assert!(
        has_in_order(
            &words(&all),
            "Note from PartnerPath: As published, Progress Measures repeats"
        ),
        "{all}"
    );
}

#[test]
fn user_text_with_markup_characters_prints_literally() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("m.sqlite")).expect("open");
    let id = store
        .create_partnership(
            &NewPartnership {
                name: "#District *One* & $Partner$ @two".into(),
                ..NewPartnership::default()
            },
            false,
        )
        .expect("partnership");
    let cycle = store
        .create_cycle(&NewCycle {
            partnership_id: id,
            fields: CycleFields {
                status: CycleStatus::Draft,
                hidden: false,
                instrument_key: "wbt-continuum".into(),
                instrument_version: "2017-10".into(),
                school_year: "2025–26".into(),
                administered_on: date(2025, 10, 1),
            },
        })
        .expect("cycle");
    let key = RatingKey {
        cycle_id: cycle,
        indicator_key: "shared-goals".into(),
        rater: Rater::Consensus,
    };
    store.set_level(&key, Level::new(2)).expect("level");
    let typed =
        "#set page(paper: \"a7\") *not bold* _not italic_ $x^2$ @nobody <label> `code` \\ back";
    store.set_evidence(&key, typed).expect("evidence");
    let document = store
        .create_document(&NewDocument {
            partnership_id: id,
            fields: DocumentFields {
                instrument_key: CONTRACT_SUPPLEMENT.into(),
                instrument_version: "odst-1".into(),
                title: "#Supplement *draft*".into(),
                created_on: date(2025, 7, 1),
            },
        })
        .expect("document");
    store
        .set_document_value(
            document,
            "district_name",
            &FieldValue::Text("#Oak $SD$".into()),
            date(2025, 7, 2),
        )
        .expect("name");
    let view = store.load_partnership(id).expect("load");

    let printed = print(
        &filled(Filled::Continuum {
            cycle,
            with_raters: false,
        }),
        Some(&view),
    );
    let all = printed.text(None);
    assert_contains(&all, &[typed, "#District *One* & $Partner$ @two"]);
    assert!(
        printed.info().contains("Page size:       792 x 612 pts"),
        "still Letter, landscape"
    );

    let printed = print(&filled(Filled::Document(document)), Some(&view));
    assert_contains(
        &printed.text(None),
        &["#Supplement *draft*", "Both #Oak $SD$ and"],
    );
}

#[test]
fn the_trajectory_report_has_the_line_charts_radar_heat_map_and_changes() {
    let (_dir, view) = sample();
    let printed = print(&filled(Filled::Trajectory), Some(&view));
    printed.assert_fonts_embedded();
    let all = printed.text(None);
    assert_contains(
        &all,
        &[
            "Levels over the years",
            "Category averages",
            "Radar: 2025–26 against 2024–25",
            "Collaboration & Engagement",
            "Heat map",
            "Foundations (average)",
            "3 Established",
            "What changed from 2024–25 to 2025–26",
            "Mutual Benefit: Up 1",
            "Host principals report fewer vacancies",
        ],
    );
}

#[test]
fn readiness_prints_a_team_sheet_and_the_joint_summary_without_numbers() {
    let (_dir, view) = sample();
    let round = view.readiness[0].round.id;
    let team = print(
        &filled(Filled::ReadinessTeam {
            round,
            team: Team::Partner,
        }),
        Some(&view),
    );
    team.assert_fonts_embedded();
    assert_contains(
        &team.text(None),
        &[
            "Readiness for Partnership Tool",
            "Partner team",
            "Prof. Amira Said",
            "Faculty supervision load for eight residents is high.",
            "There is likely agreement and alignment on all of the items to be addressed.",
            "Team average:",
        ],
    );
    let joint = print(
        &filled(Filled::ReadinessJoint {
            round,
            with_numbers: false,
        }),
        Some(&view),
    );
    let text = joint.text(None);
    assert_contains(
        &text,
        &[
            "Both teams together",
            "Secure stipend funding",
            "Our data office can produce",
        ],
    );
    assert!(
        !text.contains("average"),
        "numbers are not shown unless asked"
    );
    let with_numbers = print(
        &filled(Filled::ReadinessJoint {
            round,
            with_numbers: true,
        }),
        Some(&view),
    );
    // The district team rated Alignment 3, 4, 3, 3: 3.25, rounded half up.
    assert!(with_numbers.text(None).contains("(average 3.3)"));
    let blank_sheet = print(&blank(Blank::Readiness(Team::District)), None);
    let readiness = Instruments::builtin().expect("instruments").readiness;
    let purpose = readiness
        .purpose
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_contains(
        &blank_sheet.text(None),
        &[
            "District team",
            "Rating (1-4)",
            "Items to address",
            "Purpose.",
            &purpose,
        ],
    );
    // The joint summary carries the purpose too.
    assert!(text.contains(&purpose), "the purpose reaches paper");
}

#[test]
fn the_worksheets_print_filled_and_blank() {
    let (_dir, view) = sample();
    let supplement = view
        .documents_of(CONTRACT_SUPPLEMENT)
        .next()
        .expect("supplement")
        .id;
    let printed = print(&filled(Filled::Document(supplement)), Some(&view));
    printed.assert_fonts_embedded();
    let text = printed.text(None);
    assert_contains(
        &text,
        &[
            "Both Riverbend Unified School District and Lakeshore State University, College of Education agree",
            "1. Both parties have determined that the project aligns with the District’s strategic objectives.",
            "Confirmed on: July 15, 2022",
            "Angela Ruiz",
            "Superintendent",
        ],
    );
    assert!(!text.contains("[District Name]") && !text.contains("[Partner Name]"));

    let meetings: Vec<_> = view.documents_of(QUARTERLY_MEETING).collect();
    let last = meetings
        .iter()
        .max_by_key(|d| d.date("meeting_date"))
        .expect("meeting");
    let printed = print(&filled(Filled::Document(last.id)), Some(&view));
    assert_contains(
        &printed.text(None),
        &[
            "Alignment of Strategic Priority and Objectives (10 min.)",
            "9. Ensure ownership and timeline for action steps.",
            "Action steps from earlier meetings",
            "Share first-quarter retention data with the host principals",
            "Write a decision-making protocol for meetings without principals",
        ],
    );

    let instruments = Instruments::builtin().expect("instruments");
    for key in [CONTRACT_SUPPLEMENT, QUARTERLY_MEETING] {
        let printed = print(&blank(Blank::Worksheet(key.into())), None);
        printed.assert_fonts_embedded();
        let text = printed.text(None);
        // Purpose, Process and Notes on Use reach paper.
        let sheet = instruments.worksheet(key).expect("worksheet");
        assert!(sheet.guidance.len() >= 3, "{key}");
        for guidance in &sheet.guidance {
            let paragraph = guidance
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_contains(&text, &[&format!("{}.", guidance.heading), &paragraph]);
        }
        assert_blank_once(&text, key);
        assert!(
            text.contains("[District Name]") == (key == CONTRACT_SUPPLEMENT),
            "{key}"
        );
    }
}

#[test]
fn the_monitoring_plan_prints_filled_and_blank() {
    let (_dir, view) = sample();
    let printed = print(&filled(Filled::Monitoring), Some(&view));
    printed.assert_fonts_embedded();
    assert_contains(
        &printed.text(None),
        &[
            "Monitoring Plan Template",
            "Milestone",
            "Feedback Data",
            "Hiring offers made to residents",
            "Eleven offers accepted.",
            "(overdue)",
        ],
    );
    let printed = print(&blank(Blank::Monitoring), None);
    let text = printed.text(None);
    assert_contains(
        &text,
        &[
            "Monitoring Plan Template",
            "Next check-in",
            "How frequently will you monitor the feedback data?",
        ],
    );
    // The guidebook's guidance paragraphs stay in the guidebook.
    assert!(!text.contains("Take a moment"), "{text}");

    // A frequency of the team's own prints as written, with no date (the
    // sample's second milestone is not met yet).
    let mut own = view.clone();
    own.milestones[1].frequency = "each semester".into();
    let printed = print(&filled(Filled::Monitoring), Some(&own));
    assert_contains(
        &printed.text(None),
        &["each semester", "No date worked out"],
    );
}

#[test]
fn a_packet_has_a_cover_and_the_years_tools_on_a4() {
    let (_dir, view) = sample();
    let cycle = view.cycles.last().expect("cycle").id;
    let printed = print(
        &PrintRequest {
            what: What::Filled(Filled::Packet { cycle }),
            paper: Paper::A4,
        },
        Some(&view),
    );
    printed.assert_fonts_embedded();
    let cover = printed.text(Some(1));
    assert_contains(&cover, &["Partnership packet 2025–26", "Contents"]);
    let all = printed.text(None);
    assert_contains(
        &all,
        &[
            "Heat map",
            "Contract Supplement",
            "Quarterly meeting, September 2025",
            "Monitoring Plan Template",
        ],
    );
    let info = printed.info();
    assert!(info.contains("(A4)"), "A4 pages: {info}");
}

#[test]
fn the_command_line_writes_the_same_pdf_and_explains_refusals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("blank.pdf");
    let binary = Path::new(env!("CARGO_BIN_EXE_partnerpath"));
    let run = Command::new(binary)
        .args([
            "print", "--blank", "--tool", "meeting", "--paper", "a4", "--out",
        ])
        .arg(&out)
        .output()
        .expect("run");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let printed = Printed {
        _dir: dir,
        path: out,
    };
    assert!(
        printed
            .text(None)
            .contains("Sample Agenda for Quarterly Meeting")
    );

    let refused = Command::new(binary)
        .args([
            "print",
            "--blank",
            "--tool",
            "trajectory",
            "--out",
            "/tmp/never.pdf",
        ])
        .output()
        .expect("run");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("has no blank form"));
    assert!(!Path::new("/tmp/never.pdf").exists());
}

#[test]
fn the_portfolio_summary_fits_sixty_partnerships_on_one_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.sqlite");
    let instruments = Instruments::builtin().expect("instruments");
    partnerpath::large::create(
        &path,
        instruments,
        partnerpath::large::Shape::with_cycles(10),
        2026,
    )
    .expect("large");
    let store = Store::open(&path).expect("open");
    let today = date(2026, 11, 23);
    let rows = partnerpath::model::portfolio::rows(
        &store.portfolio().expect("portfolio"),
        instruments.continuum,
        instruments.monitoring,
        today,
    );
    let filter = partnerpath::model::portfolio::Filter::default();
    let order = partnerpath::model::portfolio::select(
        &rows,
        &filter,
        partnerpath::model::portfolio::SortBy::OverdueActions,
    );
    let shown: Vec<_> = order.iter().map(|i| &rows[*i]).collect();
    let summary =
        partnerpath::print::portfolio(instruments.continuum, &shown, rows.len(), &filter, today);
    let printed = print(
        &PrintRequest {
            what: What::Portfolio(Box::new(summary)),
            paper: Paper::Letter,
        },
        None,
    );
    printed.assert_fonts_embedded();
    assert_eq!(printed.pages(), 1, "one page");
    let text = printed.text(None);
    assert_contains(
        &text,
        &[
            "Portfolio summary",
            "All 60 partnerships",
            "Large test partnership (generated)",
            "District 59",
            "actions overdue",
            "Needs attention",
        ],
    );
}

/// A value for every field of `sheet`, each naming its field, so that the
/// printout can be searched for it; tables keep their preset rows and get
/// one typed row.
fn typed_values(sheet: &partnerpath::instrument::Worksheet) -> Vec<(String, FieldValue)> {
    use partnerpath::instrument::{Column, FieldKind};
    fn cell(column: &Column, owner: &str) -> FieldValue {
        match column.kind {
            FieldKind::Date => FieldValue::Date(Some(date(2026, 3, 4))),
            FieldKind::Check => FieldValue::Check(true),
            FieldKind::Choice | FieldKind::Scale => {
                FieldValue::Choice(column.options.last().cloned())
            }
            _ => FieldValue::Text(format!("Typed {owner} {}", column.key)),
        }
    }
    sheet
        .fields()
        .map(|field| {
            let value = match field.kind {
                FieldKind::ShortText | FieldKind::LongText => {
                    FieldValue::Text(format!("Typed {}", field.key))
                }
                FieldKind::Date => FieldValue::Date(Some(date(2026, 3, 4))),
                FieldKind::YesNoDate => FieldValue::YesNoDate {
                    confirmed: true,
                    on: Some(date(2026, 3, 5)),
                },
                FieldKind::Person => FieldValue::Person(None),
                FieldKind::Choice | FieldKind::Scale => {
                    FieldValue::Choice(field.options.last().cloned())
                }
                FieldKind::Check => FieldValue::Check(true),
                FieldKind::SchoolYear => FieldValue::Text("2024–25".into()),
                FieldKind::Table => {
                    let FieldValue::Rows(mut rows) = FieldValue::initial(field) else {
                        unreachable!("a table's value is rows")
                    };
                    rows.push(
                        field
                            .columns
                            .iter()
                            .map(|c| (c.key.clone(), cell(c, &field.key)))
                            .collect(),
                    );
                    FieldValue::Rows(rows)
                }
            };
            (field.key.clone(), value)
        })
        .collect()
}

/// What pdftotext gives for `text`: words only, so that a label broken
/// across lines or cells is still found word by word in order.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `expected`'s words appear in `text`'s words in order (not
/// necessarily next to each other: table cells interleave on paper). A
/// hyphenated word broken after its hyphen at the end of a line reads back
/// joined ("studentcentered"), as pdftotext joins it.
fn has_in_order(text: &[String], expected: &str) -> bool {
    let want = words(expected);
    let mut at = 0;
    for word in text {
        match (want.get(at), want.get(at + 1)) {
            (Some(first), _) if first == word => at += 1,
            (Some(first), Some(second)) if *word == format!("{first}{second}") => at += 2,
            _ => {}
        }
    }
    at >= want.len()
}

/// What a worksheet says of itself on paper: its title, its source, what
/// its copy lost, and the key to PartnerPath's italics.
fn said_of(sheet: &partnerpath::instrument::Worksheet) -> Vec<String> {
    let mut said = vec![sheet.title.clone(), sheet.source.citation()];
    said.extend(sheet.lost_note());
    if sheet.has_ours() {
        said.push(partnerpath::instrument::OURS_KEY.to_owned());
    }
    said
}

#[test]
fn every_guidebook_worksheet_prints_blank_and_filled_and_reads_back() {
    let instruments = Instruments::builtin().expect("instruments");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("nea.sqlite")).expect("open");
    let id = store
        .create_partnership(
            &NewPartnership {
                name: "Oak SD & Elm Association".into(),
                district: "Oak School District".into(),
                partner_organisation: "Elm Education Association".into(),
                ..NewPartnership::default()
            },
            false,
        )
        .expect("partnership");
    let sheets: Vec<_> = instruments
        .worksheets
        .iter()
        .filter(|s| s.phase.is_some())
        .collect();
    assert_eq!(sheets.len(), 28, "the guidebook's worksheets");
    let mut documents = Vec::new();
    for sheet in &sheets {
        let document = store
            .create_document(&NewDocument {
                partnership_id: id,
                fields: DocumentFields {
                    instrument_key: sheet.key.clone(),
                    instrument_version: sheet.version.clone(),
                    title: format!("Our {}", sheet.title),
                    created_on: date(2026, 3, 1),
                },
            })
            .expect("document");
        for (key, value) in typed_values(sheet) {
            store
                .set_document_value(document, &key, &value, date(2026, 3, 2))
                .expect("value");
        }
        documents.push(document);
    }
    let view = store.load_partnership(id).expect("load");
    for (sheet, document) in sheets.iter().zip(documents) {
        let blank_pdf = print(&blank(Blank::Worksheet(sheet.key.clone())), None).text(None);
        let blank_text = words(&blank_pdf);
        let printed = print(&filled(Filled::Document(document)), Some(&view));
        let filled_text = words(&printed.text(None));
        let mut expected = said_of(sheet);
        expected.extend(sheet.guidance.iter().map(|g| g.text.clone()));
        for section in &sheet.sections {
            expected.push(section.title.clone());
            for field in &section.fields {
                expected.push(field.label.clone());
                expected.extend(field.columns.iter().map(|c| c.label.clone()));
                expected.extend(field.rows.iter().flat_map(|row| row.values().cloned()));
            }
        }
        for text in &expected {
            assert!(
                has_in_order(&blank_text, text),
                "{}: blank lacks {text:?}",
                sheet.key
            );
            assert!(
                has_in_order(&filled_text, text),
                "{}: filled lacks {text:?}",
                sheet.key
            );
        }
        for (key, value) in typed_values(sheet) {
            let shown = match &value {
                FieldValue::Text(text) => text.clone(),
                FieldValue::Rows(rows) => rows
                    .last()
                    .and_then(|row| row.values().find(|v| v.text().starts_with("Typed")))
                    .map(|v| v.text().to_owned())
                    .unwrap_or_default(),
                _ => continue,
            };
            if key == "school_year" {
                continue;
            }
            assert!(
                has_in_order(&filled_text, &shown),
                "{}: {key} not printed: {shown:?}",
                sheet.key
            );
            assert!(
                !has_in_order(&blank_text, &shown),
                "{}: blank has {shown:?}",
                sheet.key
            );
        }
        assert!(has_in_order(&filled_text, &format!("Our {}", sheet.title)));
        assert_blank_once(&blank_pdf, &sheet.key);
    }
}

#[test]
fn the_stages_print_the_history_as_a_timeline_then_the_stages() {
    let instruments = Instruments::builtin().expect("instruments");
    let (_dir, view) = sample();
    let printed = print(&filled(Filled::Stages), Some(&view));
    printed.assert_fonts_embedded();
    let text = printed.text(None);
    let stages = instruments.stages;
    let now = view
        .stages
        .iter()
        .max_by_key(|e| (e.started_on, e.id))
        .expect("a stage");
    assert_contains(
        &text,
        &[
            &format!("Now in {}", stages.title_of(now.stage)),
            "The partnership’s history",
            "loops back",
            &now.note,
            "Sustaining Effective Partnerships",
        ],
    );
    let text_words = words(&text);
    for stage in &stages.stages {
        assert!(
            has_in_order(&text_words, &stage.description),
            "{}",
            stage.name
        );
        for principle in &stage.principles {
            assert!(
                has_in_order(&text_words, &principle.text),
                "{}",
                principle.title
            );
        }
    }
    assert_eq!(
        text.matches("moved back").count(),
        1,
        "only in the note: the sample only loops back from stage 5"
    );

    let blank_stages = print(&blank(Blank::Stages), None).text(None);
    assert_contains(
        &blank_stages,
        &[
            "Stages of Partnering",
            "Core Principles of Effective Partnerships",
            "Stage 3: Take Action. Hammer It Out.",
        ],
    );
    assert_blank_once(&blank_stages, "stages");
    assert!(has_in_order(
        &words(&blank_stages),
        "From Until Stage Step Note"
    ));
    assert!(
        !blank_stages.contains(&now.note),
        "no history on the blank form"
    );
}

#[test]
fn the_standards_print_on_request_with_every_bullet() {
    let instruments = Instruments::builtin().expect("instruments");
    let printed = print(&blank(Blank::Standards), None);
    printed.assert_fonts_embedded();
    let text_words = words(&printed.text(None));
    assert!(
        has_in_order(&text_words, "Organizing Theme Standards"),
        "the source's column heads"
    );
    for group in &instruments.standards.groups {
        assert!(has_in_order(&text_words, &group.title));
        for theme in &group.themes {
            assert!(
                has_in_order(
                    &text_words,
                    &format!("{} {}", theme.title, theme.standards[0])
                ),
                "{} heads its standards",
                theme.title
            );
            for bullet in &theme.standards {
                assert!(has_in_order(&text_words, bullet), "{bullet}");
            }
        }
    }
}

#[test]
fn the_blank_agenda_prints_its_two_column_heads_once_above_the_questions() {
    let printed = print(&blank(Blank::Worksheet(QUARTERLY_MEETING.to_owned())), None);
    let text = printed.text(None);
    assert_eq!(text.matches("Monitoring Questions").count(), 1, "{text}");
    assert!(has_in_order(
        &words(&text),
        "Monitoring Questions Notes/Action Steps Needed under each question Alignment of Strategic Priority and Objectives 1. Are we continuing"
    ));
}

/// The Goals & Objectives Template prints the partnership's goals and each
/// goal's objectives, the Monitoring Plan's; blank, lines for five
/// objectives, as the guidebook's form has.
#[test]
fn the_goals_and_objectives_template_prints_the_partnerships_one_set() {
    use partnerpath::model::{GoalFields, NewGoal};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("goals.sqlite")).expect("open");
    let id = store
        .create_partnership(
            &NewPartnership {
                name: "Oak SD & Elm University".into(),
                ..NewPartnership::default()
            },
            false,
        )
        .expect("partnership");
    let goal = store
        .add_goal(&NewGoal {
            partnership_id: id,
            goal: None,
            fields: GoalFields {
                text: "Keep the teachers we prepare".into(),
            },
        })
        .expect("goal");
    store
        .add_goal(&NewGoal {
            partnership_id: id,
            goal: Some(goal),
            fields: GoalFields {
                text: "90% return for year two".into(),
            },
        })
        .expect("objective");
    let document = store
        .create_document(&NewDocument {
            partnership_id: id,
            fields: DocumentFields {
                instrument_key: "nea-goals-and-objectives".into(),
                instrument_version: "nea-2019-2".into(),
                title: "Goals".into(),
                created_on: date(2026, 3, 1),
            },
        })
        .expect("document");
    let view = store.load_partnership(id).expect("load");
    let filled = words(&print(&filled(Filled::Document(document)), Some(&view)).text(None));
    assert!(has_in_order(
        &filled,
        "Initiative Goal Goal: Keep the teachers we prepare Initiative Objectives Toward the goal Keep the teachers we prepare 1. 90% return for year two"
    ));
    let blank = words(
        &print(
            &blank(Blank::Worksheet("nea-goals-and-objectives".into())),
            None,
        )
        .text(None),
    );
    assert!(has_in_order(
        &blank,
        "Objective 1 Objective 2 Objective 3 Objective 4 Objective 5"
    ));
}
