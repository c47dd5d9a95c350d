//! Every page and dialog of the window, and how to reach each from a
//! running `App`: for the tests that walk them all (every control named,
//! `tests/it/accessibility.rs`; every view as it looked,
//! `tests/it/snapshots.rs`). Those tests also check that every module of
//! `pages/` and `dialogs/` is named here, and each dialog and question
//! (`ask_first`) in them reached, so a new one that is not listed fails
//! them; a new `Page` does not compile until `page_module` names it.

use std::path::Path;

use crate::instrument::Phase;
use crate::model::{
    AdaptationId, AttachedTo, Command, Conflict, PartnershipView, Rater, Rating, RatingKey, Team,
    Theirs,
};
use crate::ui::action::Action;
use crate::ui::nav::{Page, Screen, Tab};

/// What the window is opened on before the steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The sample partnership's file, with backups kept.
    Sample,
    /// A new, empty file.
    EmptyFile,
    /// No file: opening one failed.
    NoFile,
}

/// One step on the way to a view.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Ask for an action, as a menu, a shortcut or a page would.
    Do(Action),
    /// Click the control of this accessible name.
    Click(String),
    /// Click the control whose accessible name starts with this.
    ClickStarting(String),
}

/// What kind of view a route reaches, and how a test sees it is there.
#[derive(Debug, Clone, PartialEq)]
pub enum Reached {
    /// A screen: the app shows it.
    Screen(Screen),
    /// A dialog of the shell, by its name (`Dialog::name`).
    Dialog(&'static str),
    /// A dialog of a page (a form over it), which is on top.
    PageDialog,
    /// A question asked first (`widgets::ask_first`), which is on top.
    Question,
}

/// How to reach one view.
#[derive(Debug, Clone)]
pub struct Route {
    /// Its name in a test's message and its snapshot's file name.
    pub name: String,
    /// The files under `src/ui/` that draw it.
    pub modules: Vec<&'static str>,
    pub start: Start,
    pub steps: Vec<Step>,
    pub reached: Reached,
    /// What it shows that differs from one machine or moment to the next
    /// (a folder's path, the time of a backup), if anything.
    pub varies: Option<&'static str>,
}

/// What the routes are made from: the sample's partnership as the file
/// holds it, and an exchange file to import.
pub struct Fixture<'a> {
    pub view: &'a PartnershipView,
    pub exchange_file: &'a Path,
}

/// The files that draw a page of a partnership (its side panel is
/// `pages/partnership/mod.rs`, drawn with every page).
pub fn page_module(page: Page) -> &'static str {
    match page {
        Page::Overview => "pages/partnership/overview.rs",
        Page::Cycles => "pages/partnership/cycles.rs",
        Page::Rounds => "pages/partnership/rounds.rs",
        Page::Agreements => "pages/partnership/agreements.rs",
        Page::Phase(_) => "pages/phase.rs",
        Page::Continuum(_) => "pages/continuum.rs",
        Page::Adaptation(_) => "pages/adaptation.rs",
        Page::Trajectory(_) => "pages/trajectory/mod.rs",
        Page::Readiness(_) => "pages/readiness.rs",
        Page::Document(_) => "pages/document/mod.rs",
        Page::Monitoring => "pages/monitoring.rs",
        Page::Actions => "pages/actions.rs",
        Page::History => "pages/history.rs",
    }
}

/// Every page of the sample's partnership: each kind at least once, each
/// phase and tab, and a document of every tool the sample has.
fn pages(view: &PartnershipView) -> Vec<(String, Page, Vec<&'static str>)> {
    let mut pages = Vec::new();
    let mut add = |name: String, page: Page, more: &[&'static str]| {
        let mut modules = vec![page_module(page)];
        modules.extend_from_slice(more);
        pages.push((name, page, modules));
    };
    add(
        "overview".into(),
        Page::Overview,
        &["pages/partnership/mod.rs"],
    );
    add("cycles".into(), Page::Cycles, &[]);
    add("rounds".into(), Page::Rounds, &[]);
    add("agreements".into(), Page::Agreements, &[]);
    for phase in Phase::ALL {
        add(format!("phase {}", phase.label()), Page::Phase(phase), &[]);
    }
    if let Some(cycle) = view.cycles.last() {
        add(
            "continuum".into(),
            Page::Continuum(cycle.id),
            &["pages/evidence.rs"],
        );
    }
    for tab in Tab::ALL {
        let more: &[&str] = match tab {
            Tab::Changes => &["pages/trajectory/changes.rs"],
            Tab::Stages => &["pages/trajectory/stages.rs"],
            Tab::Levels | Tab::Radar | Tab::HeatMap => &[],
        };
        add(
            format!("across the years {}", tab.label()),
            Page::Trajectory(tab),
            more,
        );
    }
    if let Some(round) = view.readiness.last() {
        add("readiness".into(), Page::Readiness(round.round.id), &[]);
    }
    let mut tools: Vec<&str> = Vec::new();
    for document in &view.documents {
        if !tools.contains(&document.instrument_key.as_str()) {
            tools.push(&document.instrument_key);
            add(
                format!("document {}", document.instrument_key),
                Page::Document(document.id),
                &["pages/document/worksheet.rs", "pages/document/meeting.rs"],
            );
        }
    }
    add("monitoring".into(), Page::Monitoring, &["pages/goals.rs"]);
    add("actions".into(), Page::Actions, &[]);
    add("history".into(), Page::History, &[]);
    pages
}

/// Every page and dialog, and how to reach it.
pub fn routes(fixture: &Fixture<'_>) -> Vec<Route> {
    let mut routes = screens(fixture.view);
    routes.extend(dialogs(fixture));
    routes.extend(evidence(fixture.view));
    routes.push(conflict(fixture.view));
    routes.push(route(
        "connect",
        &["dialogs/connect.rs"],
        vec![Step::Do(Action::Connect)],
        Reached::Dialog("connect"),
    ));
    routes.extend(page_dialogs(fixture.view));
    routes.extend(questions(fixture.view));
    routes.extend(present(fixture.view));
    routes
}

/// Present, on each of the three pages that have it.
fn present(view: &PartnershipView) -> Vec<Route> {
    let mut routes = Vec::new();
    let mut add = |name: &str, page: Page, slide: &'static str| {
        let screen = Screen::In(view.partnership.id, page);
        routes.push(route(
            name,
            &["pages/present/mod.rs", "pages/present/fit.rs", slide],
            vec![go(screen), Step::Do(Action::Present)],
            Reached::Screen(screen),
        ));
    };
    if let Some(cycle) = view.cycles.last() {
        add(
            "present continuum",
            Page::Continuum(cycle.id),
            "pages/present/continuum.rs",
        );
    }
    if let Some(round) = view.readiness.last() {
        add(
            "present readiness",
            Page::Readiness(round.round.id),
            "pages/present/readiness.rs",
        );
    }
    if let Some(meeting) = view
        .documents
        .iter()
        .find(|d| d.instrument_key == crate::instrument::QUARTERLY_MEETING)
    {
        add(
            "present quarterly meeting",
            Page::Document(meeting.id),
            "pages/present/agenda.rs",
        );
    }
    routes
}

fn route(name: &str, modules: &[&'static str], steps: Vec<Step>, reached: Reached) -> Route {
    Route {
        name: name.to_owned(),
        modules: modules.to_vec(),
        start: Start::Sample,
        steps,
        reached,
        varies: None,
    }
}

fn go(screen: Screen) -> Step {
    Step::Do(Action::Go(screen))
}

fn click(label: impl Into<String>) -> Step {
    Step::Click(label.into())
}

/// The screens: the list, the ways to begin, and every page.
fn screens(view: &PartnershipView) -> Vec<Route> {
    let list = Reached::Screen(Screen::Partnerships);
    let list_modules = [
        "pages/partnerships/mod.rs",
        "pages/partnerships/portfolio.rs",
    ];
    let mut routes = vec![
        route("partnerships", &list_modules, Vec::new(), list.clone()),
        route(
            "due soon",
            &["pages/partnerships/mod.rs", "pages/partnerships/due.rs"],
            vec![click("Due soon")],
            list.clone(),
        ),
        Route {
            start: Start::EmptyFile,
            ..route("welcome", &["pages/welcome.rs"], Vec::new(), list)
        },
        Route {
            start: Start::NoFile,
            ..route(
                "no file",
                &["pages/welcome.rs"],
                Vec::new(),
                Reached::Screen(Screen::Partnerships),
            )
        },
    ];
    for (name, page, modules) in pages(view) {
        let screen = Screen::In(view.partnership.id, page);
        routes.push(route(
            &name,
            &modules,
            vec![go(screen)],
            Reached::Screen(screen),
        ));
    }
    // The sample has no adaptation of the continuum: the route makes one
    // and shows the file's first (`AdaptationId(1)`; a walk that comes by
    // again makes another).
    let adaptation = Screen::In(view.partnership.id, Page::Adaptation(AdaptationId(1)));
    routes.push(route(
        "adaptation",
        &["pages/adaptation.rs"],
        vec![
            go(Screen::In(view.partnership.id, Page::Cycles)),
            Step::ClickStarting("Adapt the ".into()),
            go(adaptation),
        ],
        Reached::Screen(adaptation),
    ));
    routes
}

/// The shell's dialogs.
fn dialogs(fixture: &Fixture<'_>) -> Vec<Route> {
    let view = fixture.view;
    let overview = go(Screen::In(view.partnership.id, Page::Overview));
    let dialog = |name: &str, module: &'static str, steps: Vec<Step>, id: &'static str| {
        route(name, &[module], steps, Reached::Dialog(id))
    };
    let files = "dialogs/files.rs";
    let mut routes = vec![
        dialog(
            "print",
            "dialogs/print.rs",
            vec![Step::Do(Action::Print)],
            "print dialog",
        ),
        dialog(
            "print summary",
            "dialogs/print.rs",
            vec![click("Print summary…")],
            "print dialog",
        ),
        dialog(
            "print on a page",
            "dialogs/print.rs",
            vec![overview.clone(), Step::Do(Action::Print)],
            "print dialog",
        ),
        dialog(
            "new file",
            files,
            vec![Step::Do(Action::NewFile)],
            "choose file",
        ),
        dialog(
            "open file",
            files,
            vec![Step::Do(Action::Open)],
            "choose file",
        ),
        dialog(
            "import file",
            files,
            vec![Step::Do(Action::Import)],
            "choose file",
        ),
        dialog(
            "export",
            "dialogs/export.rs",
            vec![overview.clone(), Step::Do(Action::Export)],
            "export",
        ),
        dialog(
            "export file",
            files,
            vec![overview, Step::Do(Action::Export), click("Export…")],
            "choose file",
        ),
        dialog(
            "import",
            "dialogs/import.rs",
            vec![Step::Do(Action::ReadImport(
                fixture.exchange_file.to_path_buf(),
            ))],
            "import",
        ),
        dialog(
            "recently deleted",
            "dialogs/deleted.rs",
            vec![Step::Do(Action::RecentlyDeleted)],
            "recently deleted",
        ),
        dialog(
            "backups",
            "dialogs/backups.rs",
            vec![Step::Do(Action::RestoreFromBackup)],
            "restore from backup",
        ),
        dialog(
            "about",
            "dialogs/about.rs",
            vec![Step::Do(Action::About)],
            "about",
        ),
        dialog(
            "keyboard shortcuts",
            "dialogs/shortcuts.rs",
            vec![Step::Do(Action::ShortcutHelp)],
            "keyboard shortcuts",
        ),
    ];
    for route in &mut routes {
        route.varies = match route.name.as_str() {
            "print" | "print summary" | "print on a page" => Some("the Documents folder's path"),
            "new file" | "open file" | "import file" | "export file" | "attach files" => {
                Some("the Documents folder's path")
            }
            "about" => Some("the open file's path"),
            "backups" => Some("the time of the backup"),
            _ => None,
        };
    }
    routes
}

/// The evidence of Decision Making in the newest cycle (the sample's
/// minutes and agreement), the file dialog to attach more, and the
/// question of where files dropped on the grid go.
fn evidence(view: &PartnershipView) -> Vec<Route> {
    let Some(cycle) = view.cycles.last() else {
        return Vec::new();
    };
    let grid = go(Screen::In(view.partnership.id, Page::Continuum(cycle.id)));
    let to = AttachedTo::Indicator(cycle.id, "decision-making".into());
    let what = format!("Decision Making, {}", cycle.school_year);
    let among = vec![
        (
            AttachedTo::Indicator(cycle.id, "shared-goals".into()),
            format!("Shared Goals, {}", cycle.school_year),
        ),
        (to.clone(), what.clone()),
    ];
    vec![
        route(
            "evidence",
            &["dialogs/evidence.rs"],
            vec![
                grid.clone(),
                Step::Do(Action::ShowEvidence(to.clone(), what.clone())),
            ],
            Reached::Dialog("evidence"),
        ),
        route(
            "attach files",
            &["dialogs/files.rs"],
            vec![grid.clone(), Step::Do(Action::ChooseFilesToAttach(to))],
            Reached::Dialog("choose file"),
        ),
        route(
            "where to attach",
            &["dialogs/evidence.rs"],
            vec![
                grid,
                Step::Do(Action::ChooseWhereToAttach {
                    paths: vec!["Minutes, October 2025.pdf".into()],
                    among,
                }),
            ],
            Reached::Dialog("where to attach"),
        ),
    ]
}

/// The dialogs of the partnerships list: a new partnership, a new name.
fn page_dialogs(view: &PartnershipView) -> Vec<Route> {
    let name = &view.partnership.name;
    vec![
        route(
            "new partnership",
            &["pages/partnerships/mod.rs"],
            vec![click("+ New partnership")],
            Reached::PageDialog,
        ),
        route(
            "rename partnership",
            &["pages/partnerships/mod.rs"],
            vec![
                click(format!("Manage {name}")),
                click(format!("Rename {name}")),
            ],
            Reached::PageDialog,
        ),
    ]
}

/// The choice when an edit met someone else's change (on a shared
/// database): the team's evidence for the first indicator of the newest
/// cycle, changed by Jo Lee.
fn conflict(view: &PartnershipView) -> Route {
    let mut steps = Vec::new();
    if let Some(cycle) = view.cycles.last() {
        let key = RatingKey {
            cycle_id: cycle.id,
            indicator_key: "mission-and-beliefs".into(),
            rater: Rater::Consensus,
        };
        steps.push(go(Screen::In(
            view.partnership.id,
            Page::Continuum(cycle.id),
        )));
        steps.push(Step::Do(Action::ChooseInConflict(Box::new((
            Command::SetEvidence(key, "Both boards adopted the mission in March.".into()),
            Conflict {
                who: "Jo Lee".into(),
                at: "2026-03-03T10:42:00Z".into(),
                theirs: Theirs::Rating(Rating {
                    evidence: "Mission adopted by the district board; the university's board meets in May.".into(),
                    ..Rating::default()
                }),
            },
        )))));
    }
    route(
        "conflict",
        &["dialogs/conflict.rs"],
        steps,
        Reached::Dialog("conflict"),
    )
}

/// Every question asked first, over the page that asks it.
fn questions(view: &PartnershipView) -> Vec<Route> {
    let id = view.partnership.id;
    let on = |page: Page| go(Screen::In(id, page));
    let question = |name: &str, module: &'static str, steps: Vec<Step>| {
        route(name, &[module], steps, Reached::Question)
    };
    let name = &view.partnership.name;
    let mut routes = vec![
        question(
            "delete partnership",
            "pages/partnerships/mod.rs",
            vec![
                click(format!("Manage {name}")),
                click(format!("Delete {name}")),
            ],
        ),
        Route {
            varies: Some("the time of the backup"),
            ..question(
                "restore backup",
                "dialogs/backups.rs",
                vec![
                    Step::Do(Action::RestoreFromBackup),
                    Step::ClickStarting("Restore the backup of".into()),
                ],
            )
        },
    ];
    if let Some(person) = view.people.first() {
        routes.push(question(
            "remove person",
            "pages/partnership/overview.rs",
            vec![on(Page::Overview), click(format!("Remove {}", person.name))],
        ));
    }
    if let Some(cycle) = view.cycles.last() {
        routes.push(question(
            "delete cycle",
            "pages/partnership/cycles.rs",
            vec![
                on(Page::Cycles),
                click(format!("Delete cycle {}", cycle.school_year)),
            ],
        ));
    }
    // The sample has no adaptation: the route makes one, then asks to
    // delete it.
    routes.push(question(
        "delete adaptation",
        "pages/partnership/cycles.rs",
        vec![
            on(Page::Cycles),
            Step::ClickStarting("Adapt the ".into()),
            on(Page::Cycles),
            click("Delete Our adaptation of the continuum"),
        ],
    ));
    if let Some(round) = view.readiness.last() {
        let title = &round.round.title;
        routes.push(question(
            "delete readiness round",
            "pages/partnership/rounds.rs",
            vec![
                on(Page::Rounds),
                click(format!("Delete readiness round {title}")),
            ],
        ));
        if let Some(member) = round.members_of(Team::District).next() {
            routes.push(question(
                "remove readiness member",
                "pages/readiness.rs",
                vec![
                    on(Page::Readiness(round.round.id)),
                    click(format!("Remove {}", member.name)),
                ],
            ));
        }
    }
    if let Some(document) = view.documents.last() {
        routes.push(question(
            "delete document",
            "pages/document/mod.rs",
            vec![on(Page::Document(document.id)), click("Delete…")],
        ));
    }
    if let Some(entry) = view.stages.last() {
        routes.push(question(
            "delete stage entry",
            "pages/trajectory/stages.rs",
            vec![
                on(Page::Trajectory(Tab::Stages)),
                click(format!("Delete stage entry of {}", entry.started_on)),
            ],
        ));
    }
    routes
}
