//! A filled worksheet on screen: the Contract Supplement, a quarterly
//! meeting, and any worksheet to come.

use egui::{RichText, Ui};

use super::nav::{Page, Requests, ScreenContext, back_to_partnership};
use super::{meeting, style, worksheet};
use crate::instrument::QUARTERLY_MEETING;
use crate::model::{Command, DocumentId};

#[derive(Default)]
pub struct State {
    pub meeting: meeting::State,
}

pub fn show(
    ui: &mut Ui,
    state: &mut State,
    cx: &ScreenContext<'_>,
    id: DocumentId,
    requests: &mut Requests,
) {
    let ScreenContext {
        view,
        instruments,
        today,
    } = *cx;
    back_to_partnership(ui, view, requests);
    let Some(document) = view.document(id) else {
        requests.go(view, Page::Overview);
        return;
    };
    let Some(sheet) = instruments.worksheet(&document.instrument_key) else {
        ui.label(
            RichText::new(format!(
                "This document was made with a tool this version of PartnerPath does not have ({} {}). Its contents are kept unchanged; open it with the newest PartnerPath.",
                document.instrument_key, document.instrument_version
            ))
            .color(style::warning_text(ui.visuals())),
        );
        return;
    };
    ui.add_space(style::space::XS);
    ui.horizontal(|ui| {
        ui.heading(&sheet.title);
        ui.label("·");
        let id = egui::Id::unique(("document title", document.id));
        if let Some(title) =
            super::widgets::required_text(ui, id, &document.title, "Title of this document", 320.0)
        {
            requests
                .commands
                .push(Command::RenameDocument(document.id, title));
        }
    });
    if document.instrument_version != sheet.version {
        ui.label(
            RichText::new(format!(
                "Made with version {} of this tool; shown with the wording of version {}.",
                document.instrument_version, sheet.version
            ))
            .color(style::warning_text(ui.visuals())),
        );
    }
    ui.weak("Everything is saved as you type.");
    egui::ScrollArea::vertical()
        .id_salt(("document scroll", document.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            let is_meeting = sheet.key == QUARTERLY_MEETING;
            worksheet::show(
                ui,
                sheet,
                document,
                view,
                requests,
                &mut |ui, section, place, requests| {
                    if is_meeting {
                        let state = &mut state.meeting;
                        meeting::extra(ui, state, section, place, document, cx, requests);
                    }
                },
                today,
            );
        });
}
