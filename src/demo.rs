//! The fictional sample partnership behind `--demo` and "Explore the sample
//! partnership": an exchange file, `assets/demo/sample-partnership.partnerpath`,
//! imported through the same import as any file a user brings, in one
//! transaction. Every name in it is invented. To change the sample, open it
//! (`partnerpath --demo`), edit it in the window, and export it over that
//! file (File > Export partnership…, or `partnerpath export --demo`).

use std::path::Path;

use crate::instrument::Instruments;
use crate::model::PartnershipId;
use crate::model::exchange;
use crate::problem::{Doing, Problem, Remedy};
use partnerpath_store::Store;

const SAMPLE: &[u8] = include_bytes!("../assets/demo/sample-partnership.partnerpath");

fn invalid(problem: &str) -> Problem {
    Problem::new(
        format!("The sample data that comes with PartnerPath is not valid: {problem}."),
        "Please report this; your own files are not affected.",
    )
}

/// Writes the sample partnership into the fresh file `store`, in one
/// transaction, marked as sample data, and returns its id.
fn write_sample(store: &mut Store, instruments: Instruments) -> Result<PartnershipId, Problem> {
    let file = exchange::parse(SAMPLE, instruments).map_err(|e| invalid(&e.to_string()))?;
    // A fresh file uses none of the sample's ids.
    let plan =
        exchange::plan(&file, None, &[], instruments).map_err(|e| invalid(&e.to_string()))?;
    store
        .import_sample(&file, &plan)
        .map_err(|e| Problem::store(&e, Doing::Saving))
}

/// Makes a fresh sample database at `path`, replacing an earlier sample there.
/// A file at `path` that holds anything but sample data is left alone.
pub fn create_sample_database(path: &Path, instruments: Instruments) -> Result<Store, Problem> {
    let mut store = fresh_sample_file(path)?;
    write_sample(&mut store, instruments)?;
    Ok(store)
}

/// An empty database at `path` for sample data, after removing an earlier
/// sample there; a file holding anything but sample data is left alone.
pub fn fresh_sample_file(path: &Path) -> Result<Store, Problem> {
    if path.exists() {
        let existing = Store::open(path).map_err(|e| Problem::store(&e, Doing::Opening))?;
        let summaries = existing
            .partnership_summaries()
            .map_err(|e| Problem::store(&e, Doing::Reading))?;
        if summaries.iter().any(|s| !s.partnership.is_sample) {
            let kept = Problem::new(
                "The sample file holds partnerships that are not sample data, so it was not replaced.",
                "Open that file to keep working with it, or move it elsewhere.",
            );
            return Err(kept.at(path).with_remedy(Remedy::OpenOrNew));
        }
        drop(existing);
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            match std::fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Problem::new(
                        format!("The earlier sample file could not be replaced ({e})."),
                        "Close other PartnerPath windows and try again.",
                    )
                    .at(path));
                }
            }
        }
    }
    Store::open(path).map_err(|e| Problem::store(&e, Doing::Opening))
}
