//! PartnerPath on a PostgreSQL server, over loopback: 20 people, each on a
//! connection of their own and signed in as an assessor of their own
//! district, each making 500 edits at once (the latency of each edit, and
//! that none is lost); and the portfolio of 500 partnerships in 20
//! districts listed for a state administrator; and the time for one
//! window's edit to appear in another's; and the window's frames while the
//! server answers 200 ms late (through a delaying proxy on loopback). Run with
//! `pg_virtualenv -t cargo bench --bench server` (it needs the server
//! `pg_virtualenv` starts and names in PGHOST, PGPORT, PGUSER and
//! PGPASSWORD); docs/PERFORMANCE.md has the figures and the budgets.

use std::time::{Duration, Instant};

#[path = "../tests/it/proxy.rs"]
#[expect(dead_code, reason = "the benchmark delays; it never holds")]
mod proxy;

use egui_kittest::Harness;
use partnerpath::instrument::Instruments;
use partnerpath::keychain::{Keychain, MemoryKeychain};
use partnerpath::model::{
    Command, CycleFields, CycleId, CycleStatus, Level, NewCycle, NewPartnership, Outcome, Rater,
    RatingKey, Role,
};
use partnerpath::session::Session;
use partnerpath::ui::{Action, App, Page, Screen};
use partnerpath_store::{ServerAddress, Store, add_server_user, set_up_server};

const PEOPLE: usize = 20;
const EDITS: usize = 500;
const PARTNERSHIPS_PER_DISTRICT: usize = 25;
const PASSWORD: &str = "bench";

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run with `pg_virtualenv -t cargo bench --bench server`")
    })
}

fn url(user: &str, database: &str) -> String {
    format!(
        "postgres://{user}@{}:{}/{database}",
        env("PGHOST"),
        env("PGPORT")
    )
}

fn address(user: &str, database: &str) -> ServerAddress {
    ServerAddress::parse(&url(user, database))
        .expect("address")
        .with_password(PASSWORD)
}

/// A new database with 20 districts of 25 partnerships, each with a
/// cycle; returns the first cycle of each district.
fn set_up(database: &str) -> Vec<CycleId> {
    let mut admin = postgres::Config::new()
        .host(&env("PGHOST"))
        .port(env("PGPORT").parse().expect("port"))
        .user(&env("PGUSER"))
        .password(env("PGPASSWORD"))
        .dbname("postgres")
        .connect(postgres::NoTls)
        .expect("the server");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {database}"))
        .expect("no database");
    admin
        .batch_execute(&format!("CREATE DATABASE {database}"))
        .expect("database");
    let owner = ServerAddress::parse(&url(&env("PGUSER"), database)).expect("address");
    set_up_server(&owner, true).expect("init");
    add_server_user(&owner, "bench_state", Role::StateAdmin, "", Some(PASSWORD)).expect("state");
    let mut store = Store::connect(&owner).expect("connect");
    let mut firsts = Vec::new();
    for district in 0..PEOPLE {
        let name = format!("District {district:02}");
        add_server_user(
            &owner,
            &format!("bench_{district:02}"),
            Role::Assessor,
            &name,
            Some(PASSWORD),
        )
        .expect("assessor");
        let cycles = store
            .batch(|store| {
                let mut cycles = Vec::new();
                for n in 0..PARTNERSHIPS_PER_DISTRICT {
                    let Outcome::PartnershipCreated(id) =
                        store.apply(&Command::CreatePartnership(NewPartnership {
                            name: format!("{name} & Partner {n:02}"),
                            district: name.clone(),
                            ..NewPartnership::default()
                        }))?
                    else {
                        unreachable!("a partnership is made")
                    };
                    let Outcome::CycleCreated(cycle) =
                        store.apply(&Command::CreateCycle(NewCycle {
                            partnership_id: id,
                            fields: CycleFields {
                                status: CycleStatus::Draft,
                                hidden: false,
                                instrument_key: "wbt-continuum".into(),
                                instrument_version: "2017-10".into(),
                                school_year: "2025–26".into(),
                                administered_on: jiff::civil::date(2025, 10, 1),
                            },
                        }))?
                    else {
                        unreachable!("a cycle is made")
                    };
                    cycles.push(cycle);
                }
                Ok(cycles)
            })
            .expect("partnerships");
        firsts.push(cycles[0]);
    }
    firsts
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "an index into a list of a few thousand"
    )]
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let database = "partnerpath_bench";
    let instruments = Instruments::builtin().expect("instruments");
    let indicators: Vec<String> = instruments
        .continuum
        .indicators()
        .map(|i| i.key.clone())
        .collect();
    let cycles = set_up(database);

    // The portfolio, for a state administrator: every district.
    let state = Store::connect(&address("bench_state", database)).expect("state");
    let mut times = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let listed = state.portfolio().expect("portfolio");
        times.push(start.elapsed());
        assert_eq!(listed.len(), PEOPLE * PARTNERSHIPS_PER_DISTRICT);
    }
    times.sort();
    println!(
        "portfolio of {} partnerships in {PEOPLE} districts, state administrator: median {:.1} ms, worst {:.1} ms (10 runs)",
        PEOPLE * PARTNERSHIPS_PER_DISTRICT,
        percentile(&times, 0.5).as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0
    );

    // 20 people at once, each 500 edits of their own district's cycle:
    // a level, then the evidence, in turn over the 13 indicators.
    let started = Instant::now();
    let threads: Vec<_> = cycles
        .iter()
        .enumerate()
        .map(|(person, cycle)| {
            let cycle = *cycle;
            let indicators = indicators.clone();
            std::thread::Builder::new()
                .name(format!("person {person}"))
                .spawn(move || {
                    let user = format!("bench_{person:02}");
                    let mut store = Store::connect(&address(&user, database)).expect("connect");
                    let mut latencies = Vec::with_capacity(EDITS);
                    for edit in 0..EDITS {
                        let key = RatingKey {
                            cycle_id: cycle,
                            indicator_key: indicators[edit % indicators.len()].clone(),
                            rater: Rater::Consensus,
                        };
                        let command = if edit % 2 == 0 {
                            #[expect(
                                clippy::cast_possible_truncation,
                                reason = "a level of 1 to 4"
                            )]
                            let level = (edit / 2 % 4) as u8 + 1;
                            Command::SetLevel(key, Level::new(level))
                        } else {
                            Command::SetEvidence(key, format!("{user}, edit {edit}"))
                        };
                        let start = Instant::now();
                        store.apply(&command).expect("stored");
                        latencies.push(start.elapsed());
                    }
                    latencies
                })
                .expect("thread")
        })
        .collect();
    let mut latencies: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("a person's edits"))
        .collect();
    let elapsed = started.elapsed();
    latencies.sort();

    let lost = lost(&state, &cycles, &indicators);
    println!(
        "{PEOPLE} people × {EDITS} edits at once ({} edits in {:.1} s): p50 {:.2} ms, p95 {:.2} ms, worst {:.1} ms; lost: {lost}",
        latencies.len(),
        elapsed.as_secs_f64(),
        percentile(&latencies, 0.5).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.95).as_secs_f64() * 1000.0,
        latencies[latencies.len() - 1].as_secs_f64() * 1000.0
    );
    assert_eq!(lost, 0, "every edit is on the server");

    appears_elsewhere(database, &state, cycles[0], &indicators);
    let first = state
        .portfolio()
        .expect("portfolio")
        .into_iter()
        .find(|f| f.summary.partnership.fields.district == "District 00")
        .map(|f| f.summary.partnership.id)
        .expect("district's first");
    for follows in [true, false] {
        frames_on_a_slow_network(database, first, cycles[0], &indicators, follows);
    }
}

/// How much later the server answers, through the proxy (half each way).
const LATE: Duration = Duration::from_millis(200);

/// The window's frames while every answer of the server comes `LATE`: a
/// person rates in the window (a level every 400 ms, for 10 seconds) while
/// another person's edits of the same cycle arrive (one every 300 ms). The
/// window is drawn every 16 ms, as at 60 frames a second; each frame's time
/// is measured. `follows`: the window as people open it (following
/// changes, its store on a thread of its own); otherwise the window storing
/// each edit before its frame ends, as PartnerPath did before.
fn frames_on_a_slow_network(
    database: &str,
    partnership: partnerpath::model::PartnershipId,
    cycle: CycleId,
    indicators: &[String],
    follows: bool,
) {
    let proxy = proxy::Proxy::start_on(
        "127.0.0.1",
        (env("PGHOST"), env("PGPORT").parse().expect("port")),
        LATE / 2,
    );
    let url = format!("postgres://bench_00@127.0.0.1:{}/{database}", proxy.port);
    let instruments = Instruments::builtin().expect("instruments");
    let started = Instant::now();
    let app = if follows {
        let keychain = MemoryKeychain::default();
        keychain.keep(&url, PASSWORD).expect("keep");
        let mut app = App::without_database(instruments).with_keychain(Box::new(keychain));
        app.act(Action::ConnectTo(url.clone()));
        app
    } else {
        App::new(instruments, Session::connect_with(&url, Some(PASSWORD)))
    };
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    // Connecting and opening, frame by frame: the window is drawn while
    // the server answers (each frame's time kept for the worst).
    let mut waiting = Vec::new();
    let mut step_until = |harness: &mut Harness<'_, App>, done: &dyn Fn(&App) -> bool| {
        loop {
            let frame = Instant::now();
            harness.step();
            waiting.push(frame.elapsed());
            if done(harness.state()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(16).saturating_sub(frame.elapsed()));
        }
    };
    step_until(&mut harness, &|app| {
        app.connecting().is_none() && app.session().is_some()
    });
    let connecting = started.elapsed();
    let started = Instant::now();
    let screen = Screen::In(partnership, Page::Continuum(cycle));
    harness.state_mut().act(Action::Go(screen));
    step_until(&mut harness, &|app| app.screen() == screen);
    let opening = started.elapsed();
    let worst_waiting = waiting.iter().max().copied().unwrap_or_default();

    // Someone else, on a connection of their own, straight to the server.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let other = someone_else(database, cycle, indicators, stop.clone());
    let mut frames = Vec::new();
    let mut edits = Vec::new();
    let started = Instant::now();
    let mut next_edit = Duration::ZERO;
    while started.elapsed() < Duration::from_secs(10) {
        if started.elapsed() >= next_edit {
            let n = edits.len();
            let key = RatingKey {
                cycle_id: cycle,
                indicator_key: indicators[n % 6].clone(),
                rater: Rater::Consensus,
            };
            let level = u8::try_from(n % 4 + 1).ok().and_then(Level::new);
            edits.push((key.clone(), level));
            harness
                .state_mut()
                .act(Action::Edit(Command::SetLevel(key, level)));
            next_edit += Duration::from_millis(400);
        }
        let frame = Instant::now();
        harness.step();
        frames.push(frame.elapsed());
        std::thread::sleep(Duration::from_millis(16).saturating_sub(frame.elapsed()));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    other.join().expect("the other person");
    // Every edit is on the server once the window has finished saving.
    while harness.state().session().is_some_and(Session::saving) {
        harness.step();
        std::thread::sleep(Duration::from_millis(16));
    }
    let lost = lost_edits(database, partnership, cycle, &edits);
    frames.sort();
    println!(
        "window frames, server answering {} ms late, {}: {} frames, p50 {:.1} ms, p95 {:.1} ms, worst {:.1} ms; {} edits, lost: {lost}; connecting {:.1} s, opening the cycle {:.1} s, worst frame meanwhile {:.1} ms",
        LATE.as_millis(),
        if follows {
            "store on its own thread"
        } else {
            "each edit stored within its frame (before)"
        },
        frames.len(),
        percentile(&frames, 0.5).as_secs_f64() * 1000.0,
        percentile(&frames, 0.95).as_secs_f64() * 1000.0,
        frames[frames.len() - 1].as_secs_f64() * 1000.0,
        edits.len(),
        connecting.as_secs_f64(),
        opening.as_secs_f64(),
        worst_waiting.as_secs_f64() * 1000.0,
    );
    assert_eq!(lost, 0, "every edit is on the server");
}

/// How many of the team levels `edits` set (the last for each indicator)
/// the server does not hold.
fn lost_edits(
    database: &str,
    partnership: partnerpath::model::PartnershipId,
    cycle: CycleId,
    edits: &[(RatingKey, Option<Level>)],
) -> usize {
    let state = Store::connect(&address("bench_state", database)).expect("state");
    let view = state.load_partnership(partnership).expect("load");
    let mut last = std::collections::HashMap::new();
    for (key, level) in edits {
        last.insert(key.indicator_key.clone(), *level);
    }
    last.iter()
        .filter(|(key, level)| {
            view.rating(cycle, Rater::Consensus, key)
                .and_then(|r| r.level)
                != **level
        })
        .count()
}

/// The time from one window's edit to the level showing in another's:
/// person 00 rates, the state administrator's window (following changes
/// through LISTEN, as the window does each frame) has it in its view.
fn appears_elsewhere(database: &str, state: &Store, cycle: CycleId, indicators: &[String]) {
    let first = state
        .portfolio()
        .expect("portfolio")
        .into_iter()
        .find(|f| f.summary.partnership.fields.district == "District 00")
        .map(|f| f.summary.partnership.id)
        .expect("district's first");
    let connect =
        |user: &str| Session::connect_with(&url(user, database), Some(PASSWORD)).expect("connect");
    let mut rater = connect("bench_00");
    let mut watcher = connect("bench_state");
    watcher.listen(std::sync::Arc::new(|| {})).expect("listen");
    watcher.open_partnership(first).expect("open");
    let mut times = Vec::new();
    for round in 0..100_usize {
        let key = RatingKey {
            cycle_id: cycle,
            indicator_key: indicators[round % indicators.len()].clone(),
            rater: Rater::Consensus,
        };
        let level = u8::try_from(round % 4 + 1).ok().and_then(Level::new);
        let shown = |s: &Session| {
            s.view()
                .and_then(|v| v.rating(cycle, Rater::Consensus, &key.indicator_key))
                .and_then(|r| r.level)
                == level
        };
        if shown(&watcher) {
            continue;
        }
        let start = Instant::now();
        rater
            .apply(&Command::SetLevel(key.clone(), level))
            .expect("stored");
        while !shown(&watcher) {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "the edit never appeared"
            );
            std::thread::sleep(Duration::from_micros(200));
            watcher.follow().expect("follow");
        }
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "an edit appears in another window: p50 {:.1} ms, p95 {:.1} ms, worst {:.1} ms ({} edits)",
        percentile(&times, 0.5).as_secs_f64() * 1000.0,
        percentile(&times, 0.95).as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0,
        times.len()
    );
}

/// How many of the edits each person made last are not on the server.
fn lost(state: &Store, cycles: &[CycleId], indicators: &[String]) -> usize {
    let portfolio = state.portfolio().expect("portfolio");
    let mut lost = 0;
    for (person, cycle) in cycles.iter().enumerate() {
        let district = format!("District {person:02}");
        let first = portfolio
            .iter()
            .find(|f| f.summary.partnership.fields.district == district)
            .map(|f| f.summary.partnership.id)
            .expect("district's first");
        let view = state.load_partnership(first).expect("load");
        for (i, key) in indicators.iter().enumerate() {
            let last_evidence = (0..EDITS)
                .rev()
                .find(|e| e % 2 == 1 && e % indicators.len() == i);
            let rating = view.rating(*cycle, Rater::Consensus, key);
            if let Some(edit) = last_evidence {
                let want = format!("bench_{person:02}, edit {edit}");
                if rating.map(|r| r.evidence.as_str()) != Some(want.as_str()) {
                    lost += 1;
                }
            }
            let last_level = (0..EDITS)
                .rev()
                .find(|e| e % 2 == 0 && e % indicators.len() == i);
            if let Some(edit) = last_level {
                let want = u8::try_from(edit / 2 % 4 + 1).ok().and_then(Level::new);
                if rating.and_then(|r| r.level) != want {
                    lost += 1;
                }
            }
        }
    }
    lost
}

/// Another person's evidence for the last six indicators, every 300 ms,
/// until `stop`.
fn someone_else(
    database: &str,
    cycle: CycleId,
    indicators: &[String],
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> std::thread::JoinHandle<()> {
    let indicators = indicators.to_vec();
    let database = database.to_owned();
    std::thread::Builder::new()
        .name("someone else".into())
        .spawn(move || {
            let mut store = Store::connect(&address("bench_00", &database)).expect("connect");
            let mut n = 0_usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let key = RatingKey {
                    cycle_id: cycle,
                    indicator_key: indicators[indicators.len() - 1 - n % 6].clone(),
                    rater: Rater::Consensus,
                };
                store
                    .apply(&Command::SetEvidence(key, format!("someone else, {n}")))
                    .expect("stored");
                n += 1;
                std::thread::sleep(Duration::from_millis(300));
            }
        })
        .expect("thread")
}
