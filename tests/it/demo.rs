//! The sample partnership of `--demo`.

use partnerpath::demo;
use partnerpath::instrument::{CONTRACT_SUPPLEMENT, Instruments, QUARTERLY_MEETING};
use partnerpath::model::{CycleStatus, NewPartnership, Rater};
use partnerpath_store::Store;

#[test]
fn the_sample_has_several_school_years_of_ratings_and_is_marked() {
    let instruments = Instruments::builtin().expect("instruments");
    let continuum = instruments.continuum;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sample.sqlite");
    let store = demo::create_sample_database(&path, instruments).expect("sample");
    let summaries = store.partnership_summaries().expect("list");
    assert_eq!(summaries.len(), 1);
    let view = store
        .load_partnership(summaries[0].partnership.id)
        .expect("load");
    assert!(view.partnership.is_sample);
    assert!(view.partnership.name.contains("sample"));
    assert!(view.cycles.len() >= 3, "several school years");
    assert!(view.people.len() >= 4);
    let keys: Vec<&str> = continuum.indicators().map(|i| i.key.as_str()).collect();
    let first = &view.cycles[0];
    assert_eq!(first.status, CycleStatus::Final);
    assert_eq!(
        view.rated_count(first.id, Rater::Consensus, keys.iter().copied()),
        13
    );
    let last = view.cycles.last().expect("a cycle");
    assert_eq!(
        last.status,
        CycleStatus::Draft,
        "the newest cycle is still open"
    );
    let evidence = view
        .rating(last.id, Rater::Consensus, "shared-goals")
        .map(|r| r.evidence.clone())
        .unwrap_or_default();
    assert!(!evidence.is_empty());

    // Agreements and meetings: a signed supplement, three meetings with a
    // step carried forward, and a monitoring plan with check-ins.
    let supplement = view
        .documents_of(CONTRACT_SUPPLEMENT)
        .next()
        .expect("supplement");
    assert!(supplement.date("district_signed_on").is_some());
    assert!(supplement.date("partner_signed_on").is_some());
    let meetings: Vec<_> = view.documents_of(QUARTERLY_MEETING).collect();
    assert_eq!(meetings.len(), 3);
    let last = meetings[2];
    let date = last.date("meeting_date").expect("meeting date");
    let carried = partnerpath::model::carried_forward(&view.action_steps, last.id, date);
    assert!(!carried.is_empty(), "steps carried into the last meeting");
    assert!(view.milestones.len() >= 3);
    assert!(view.check_ins.len() >= 3);
    assert_eq!(view.readiness.len(), 1);
    assert_eq!(view.readiness[0].members.len(), 8);
    assert!(view.stages.iter().any(|e| e.stage == 5));

    drop(store);
    let again = demo::create_sample_database(&path, instruments).expect("rebuilt");
    assert_eq!(
        again.partnership_summaries().expect("list").len(),
        1,
        "replaced, not added"
    );
}

#[test]
fn a_file_with_real_partnerships_is_never_replaced_by_the_sample() {
    let instruments = Instruments::builtin().expect("instruments");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("real.sqlite");
    let mut store = Store::open(&path).expect("open");
    let new = NewPartnership {
        name: "Real partnership".into(),
        ..NewPartnership::default()
    };
    store.create_partnership(&new, false).expect("create");
    drop(store);
    let problem = demo::create_sample_database(&path, instruments).expect_err("refused");
    assert!(problem.what.contains("not sample data"), "{problem}");
    let store = Store::open(&path).expect("reopen");
    let names: Vec<String> = store
        .partnership_summaries()
        .expect("list")
        .into_iter()
        .map(|s| s.partnership.fields.name)
        .collect();
    assert_eq!(names, ["Real partnership"]);
}
