//! A filled worksheet on screen: the Contract Supplement, a quarterly
//! meeting, and any worksheet to come.

use egui::{RichText, Ui};

use super::nav::{Page, Requests, ScreenContext, back_to_partnership};
use super::{meeting, style, widgets, worksheet};
use crate::instrument::QUARTERLY_MEETING;
use crate::model::{Command, DocumentId};

#[derive(Default)]
pub struct State {
    pub meeting: meeting::State,
    deleting: Option<DocumentId>,
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
            widgets::required_text(ui, id, &document.title, "Title of this document", 320.0)
        {
            requests
                .commands
                .push(Command::RenameDocument(document.id, title));
        }
    });
    // On the line below the title, after the note, so that it stays in
    // sight at any zoom (a long title can push the right edge off screen).
    ui.horizontal(|ui| {
        ui.weak("Everything is saved as you type.");
        ui.add_space(style::space::XL);
        if ui
            .button("Delete…")
            .on_hover_text("Delete this document; it can be restored for 30 days")
            .clicked()
        {
            state.deleting = Some(document.id);
        }
    });
    let asked = widgets::ask_first(ui, &mut state.deleting, |id| {
        let document = view.document(id)?;
        let steps = view.steps_raised_at(id).count();
        let also = if steps == 0 {
            String::new()
        } else {
            format!(
                " with the {} raised there",
                widgets::count(steps, "action step", "action steps")
            )
        };
        Some(widgets::Question {
            title: format!("Delete “{}”?", document.title),
            body: format!(
                "This deletes the document{also}. For 30 days it can be restored from File > Recently deleted…; after that it is gone for good."
            ),
            confirm: "Delete",
        })
    });
    if let Some(id) = asked {
        requests.commands.push(Command::DeleteDocument(id));
        requests.go(view, Page::Overview);
        return;
    }
    if document.instrument_version != sheet.version {
        ui.label(
            RichText::new(format!(
                "Made with version {} of this tool; shown with the wording of version {}.",
                document.instrument_version, sheet.version
            ))
            .color(style::warning_text(ui.visuals())),
        );
    }
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
