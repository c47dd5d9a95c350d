//! The evidence attached to one record (an indicator of a cycle, a
//! readiness round, a worksheet or meeting, a milestone): each file or
//! link with its size or address, who attached it and when, to open, save
//! a copy of or remove; and the ways to attach more: files chosen or
//! dropped on the window, and a link typed. And the question asked when
//! files are dropped on a page of several records: which one?

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::model::{AttachedTo, Attachment, Command, Evidence, is_address, short_date};
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{self, style, widgets};
use crate::ui::view::{Dialog, DialogContext};

/// The evidence of one record, and the link being typed.
pub struct EvidenceDialog {
    to: AttachedTo,
    /// What it is attached to, in words: "Decision Making, 2025–26".
    what: String,
    title: String,
    address: String,
}

impl EvidenceDialog {
    pub fn new(to: AttachedTo, what: String) -> EvidenceDialog {
        EvidenceDialog {
            to,
            what,
            title: String::new(),
            address: String::new(),
        }
    }
}

impl Dialog for EvidenceDialog {
    fn name(&self) -> &'static str {
        "evidence"
    }

    fn title(&self) -> String {
        format!("Evidence: {}", self.what)
    }

    fn drop_target(&self) -> Option<(AttachedTo, String)> {
        Some((self.to.clone(), self.what.clone()))
    }

    fn show(&mut self, ui: &mut Ui, cx: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let mut close = false;
        let title = self.title();
        let modal = egui::Modal::new(egui::Id::unique(self.name())).show(ui.ctx(), |ui| {
            ui.set_width(style::width::DIALOG_LIST);
            ui.heading(title);
            // The whole list and the forms scroll together, so that at a
            // large zoom the heading and Close stay in reach.
            let room = ui.ctx().content_rect().height() - 140.0;
            egui::ScrollArea::vertical()
                .max_height(room)
                .min_scrolled_height(room)
                .show(ui, |ui| {
                    close = self.contents(ui, cx, actions);
                });
        });
        !(close || modal.should_close())
    }
}

impl EvidenceDialog {
    /// The list, the ways to attach more, and Close (whether it was
    /// clicked).
    fn contents(&mut self, ui: &mut Ui, cx: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let mut close = false;
        {
            let attached: Vec<&Attachment> = cx
                .view
                .map(|v| v.attachments_on(&self.to).collect())
                .unwrap_or_default();
            ui.add_space(style::space::S);
            let (files, links) = attached.iter().partition::<Vec<&&Attachment>, _>(|a| {
                matches!(a.evidence(), Some(Evidence::File { .. }))
            });
            if attached.is_empty() {
                ui.weak("Nothing is attached yet.");
            } else {
                let counted: Vec<String> = [
                    (files.len(), "file", "files"),
                    (links.len(), "link", "links"),
                ]
                .into_iter()
                .filter(|(n, _, _)| *n > 0)
                .map(|(n, one, many)| widgets::count(n, one, many))
                .collect();
                ui.label(format!(
                    "{}, in the order they were attached:",
                    counted.join(" and ")
                ));
                for attachment in attached {
                    ui.separator();
                    row(ui, attachment, actions);
                }
            }
            ui.separator();
            ui.add_space(style::space::S);
            attach_more(ui, self, actions);
            ui.add_space(style::space::M);
            if ui.button("Close").clicked() {
                close = true;
            }
        }
        close
    }
}

/// One file or link: what it is, who attached it when, and its buttons.
fn row(ui: &mut Ui, attachment: &Attachment, actions: &mut Actions) {
    ui.horizontal(|ui| {
        widgets::column(ui, style::width::DIALOG_LIST - 130.0, |ui| {
            ui.label(RichText::new(&attachment.name).strong());
            let kind = match attachment.evidence() {
                Some(Evidence::File { .. }) => format!("File, {}", attachment.detail()),
                Some(Evidence::Link { .. }) if attachment.named_by_address() => "Link".to_owned(),
                Some(Evidence::Link { address }) => format!("Link: {address}"),
                None => String::new(),
            };
            ui.weak(kind);
            ui.weak(format!(
                "Added by {} on {}",
                attachment.added_by,
                short_date(attachment.added_on)
            ));
        });
        ui.vertical(|ui| {
            let boxed = || Box::new(attachment.clone());
            if ui
                .button("Open")
                .accessible_name(format!("Open {}", attachment.name))
                .clicked()
            {
                actions.push(Action::OpenAttachment(boxed()));
            }
            if matches!(attachment.evidence(), Some(Evidence::File { .. }))
                && ui
                    .button("Save a copy…")
                    .accessible_name(format!("Save a copy of {}", attachment.name))
                    .clicked()
            {
                actions.push(Action::ChooseAttachmentCopy(boxed()));
            }
            if widgets::edit_button(ui, "Remove")
                .accessible_name(format!("Remove {}", attachment.name))
                .on_hover_text("It goes to File > Recently deleted for 30 days.")
                .clicked()
            {
                actions.edit(Command::DeleteAttachment(attachment.id));
            }
        });
    });
}

/// Attaching files, and the link form.
fn attach_more(ui: &mut Ui, state: &mut EvidenceDialog, actions: &mut Actions) {
    ui.horizontal_wrapped(|ui| {
        if widgets::edit_button(ui, "Attach files…")
            .accessible_name(format!("Attach files to {}", state.what))
            .clicked()
        {
            actions.push(Action::ChooseFilesToAttach(state.to.clone()));
        }
        ui.weak("or drop files on this window. Each is kept inside the PartnerPath file (at most 100 MB).");
    });
    ui.add_space(style::space::M);
    ui.label(RichText::new("Add a link").strong());
    ui.weak("To a document kept elsewhere, such as a shared drive.");
    let editable = kit::may_edit(ui);
    egui::Grid::new("link fields")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Address");
            ui.add_enabled(
                editable,
                egui::TextEdit::singleline(&mut state.address)
                    .hint_text("https://…")
                    .desired_width(style::width::DIALOG_LIST - 140.0),
            )
            .accessible_name("Link address");
            ui.end_row();
            ui.label("Title");
            ui.add_enabled(
                editable,
                egui::TextEdit::singleline(&mut state.title)
                    .hint_text("e.g. Signed MOU, 2025")
                    .desired_width(style::width::DIALOG_LIST - 140.0),
            )
            .accessible_name("Link title");
            ui.end_row();
        });
    let typed = state.address.trim().to_owned();
    let whole = is_address(&typed);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(editable && whole, egui::Button::new("Add link"))
            .clicked()
        {
            actions.push(Action::AttachLink {
                to: state.to.clone(),
                title: state.title.trim().to_owned(),
                address: typed.clone(),
            });
            state.title.clear();
            state.address.clear();
        }
        if !typed.is_empty() && !whole {
            ui.label(
                RichText::new(
                    "Type the whole address, beginning with https://, file:// or \\\\server.",
                )
                .color(style::warning_text(ui.visuals()))
                .small(),
            );
        }
    });
}

/// Files dropped on a page of several records: which record they go to.
pub struct WhereToAttach {
    paths: Vec<PathBuf>,
    among: Vec<(AttachedTo, String)>,
}

impl WhereToAttach {
    pub fn new(paths: Vec<PathBuf>, among: Vec<(AttachedTo, String)>) -> WhereToAttach {
        WhereToAttach { paths, among }
    }
}

impl Dialog for WhereToAttach {
    fn name(&self) -> &'static str {
        "where to attach"
    }

    fn title(&self) -> String {
        match self.paths.as_slice() {
            [one] => format!("Attach “{}” to…", widgets::last_name(one)),
            many => format!("Attach {} files to…", many.len()),
        }
    }

    fn show(&mut self, ui: &mut Ui, _: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let mut close = false;
        let title = self.title();
        let modal = egui::Modal::new(egui::Id::unique(self.name())).show(ui.ctx(), |ui| {
            ui.set_width(style::width::DIALOG_CHOICES);
            ui.heading(title);
            if self.paths.len() > 1 {
                let names: Vec<String> = self.paths.iter().map(|p| widgets::last_name(p)).collect();
                ui.weak(names.join(", "));
            }
            ui.label("Choose what they are evidence for:");
            ui.add_space(style::space::S);
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.55)
                .show(ui, |ui| {
                    for (to, what) in &self.among {
                        if widgets::edit_button(ui, what)
                            .accessible_name(format!("Attach to {what}"))
                            .clicked()
                        {
                            actions.push(Action::AttachFiles(to.clone(), self.paths.clone()));
                            close = true;
                        }
                    }
                });
            ui.add_space(style::space::M);
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
        !(close || modal.should_close())
    }
}
