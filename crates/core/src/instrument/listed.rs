//! The guidebook's tools that PartnerPath does not build (their pages did
//! not survive in its copy of the guidebook, or hold nothing to fill in):
//! each with its phase, page and place in the guidebook's list, so that the
//! phase page can say the tool exists and where to find it on paper.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{InstrumentError, Phase};

const FILE_NAME: &str = "nea/also-in-the-guidebook.toml";
const FILE_TEXT: &str =
    include_str!("../../../../assets/instruments/nea/also-in-the-guidebook.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    tools: Vec<ListedTool>,
}

/// A tool of the guidebook that is listed, not built.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListedTool {
    /// As the guidebook's table of contents names it.
    pub title: String,
    pub phase: Phase,
    /// The page of the printed guidebook.
    pub page: u16,
    /// The key of the tool it follows in the guidebook's list (a
    /// worksheet's, or "monitoring-plan"); `None` when it comes first.
    #[serde(default)]
    pub after: Option<String>,
    /// PartnerPath's words: what the text kept of the tool.
    pub what_survives: String,
}

impl ListedTool {
    /// The listed tools, parsed once.
    pub fn builtin() -> Result<&'static [ListedTool], &'static InstrumentError> {
        static BUILTIN: OnceLock<Result<Vec<ListedTool>, InstrumentError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                toml::from_str::<File>(FILE_TEXT)
                    .map(|f| f.tools)
                    .map_err(|error| InstrumentError::Parse {
                        file: FILE_NAME.to_owned(),
                        message: error.to_string(),
                    })
            })
            .as_ref()
            .map(Vec::as_slice)
    }
}
