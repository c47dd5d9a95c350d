//! Printing: every tool, filled or blank, as a tagged PDF made with Typst.
//! All Typst calls are behind `render`; the data comes from the model, the
//! layout from the templates in `assets/print/`.

mod data;
mod job;
mod tool;
mod world;

pub use data::{PortfolioPrint, PrintPart, Printout, portfolio};
pub use job::{Blank, Filled, Paper, PrintRequest, What, printout};
pub use tool::{Missing, Selection, Tool};

use thiserror::Error;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use world::PrintWorld;

#[derive(Debug, Error)]
pub enum PrintError {
    #[error("the print data could not be prepared: {0}")]
    Data(String),
    #[error("the layout failed: {0}")]
    Layout(String),
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
}

/// Lays out `printout` and returns the bytes of a tagged PDF/UA-1 file.
pub fn render(printout: &Printout) -> Result<Vec<u8>, PrintError> {
    let json = serde_json::to_string(printout).map_err(|e| PrintError::Data(e.to_string()))?;
    let world = PrintWorld::new(json, printout.printed_on)
        .ok_or_else(|| PrintError::Data("the templates could not be loaded".into()))?;
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| PrintError::Layout(describe(&errors)))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1])
        .map_err(|e| PrintError::Pdf(e.message().to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("partnerpath-{}", printout.title)),
        creator: Smart::Custom(Some("PartnerPath".into())),
        timestamp: None,
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    let pdf =
        typst_pdf::pdf(&document, &options).map_err(|errors| PrintError::Pdf(describe(&errors)));
    // Typst keeps what it computed for the next compilation; a printout is
    // made now and then, so free it all rather than hold it in memory.
    typst::comemo::evict(0);
    pdf
}

fn describe(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| {
            let hints: Vec<&str> = e.hints.iter().map(|h| h.v.as_str()).collect();
            if hints.is_empty() {
                e.message.to_string()
            } else {
                format!("{} ({})", e.message, hints.join("; "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}
