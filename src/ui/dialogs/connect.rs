//! File > Connect to a shared database…: where the district's or state's
//! PartnerPath database is (the server, its port, the database, the user
//! name, as IT gives them), the password, and whether to remember it in the
//! system's keychain. The connection is encrypted and the server checked,
//! except to this computer's own server, which the dialog says.

use egui::{RichText, Ui};

use crate::place::Place;
use crate::ui::action::{Action, Actions, SignIn};
use crate::ui::kit::style;
use crate::ui::view::{Dialog, DialogContext};

/// The dialog, with what has been typed.
pub struct Connect {
    place: Place,
    port: String,
    password: String,
    remember: bool,
    /// Why the dialog opened, when the window asked (a password needed).
    reason: Option<String>,
    /// Put the keyboard in the password field on the first frame.
    focus_password: bool,
}

impl Connect {
    /// The dialog, filled in with `place` when one is known (the last
    /// server connected to).
    pub fn new(place: Option<Place>, reason: Option<String>) -> Connect {
        let focus_password = place.is_some();
        let place = place.unwrap_or_default();
        Connect {
            focus_password,
            port: place.port.to_string(),
            place,
            password: String::new(),
            remember: false,
            reason,
        }
    }

    /// The place typed, if every part is given and the port is a number.
    fn typed(&self) -> Option<Place> {
        let port = self.port.trim().parse().ok().filter(|p| *p > 0)?;
        let place = Place {
            host: self.place.host.trim().to_owned(),
            port,
            database: self.place.database.trim().to_owned(),
            user: self.place.user.trim().to_owned(),
        };
        place.is_complete().then_some(place)
    }
}

impl Dialog for Connect {
    fn name(&self) -> &'static str {
        "connect"
    }

    fn title(&self) -> String {
        "Connect to a shared database".to_owned()
    }

    fn show(&mut self, ui: &mut Ui, _: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique(self.name())).show(ui.ctx(), |ui| {
            ui.set_width(style::width::DIALOG_FORM);
            ui.heading(self.title());
            if let Some(reason) = &self.reason {
                ui.label(
                    RichText::new(reason)
                        .strong()
                        .color(style::warning_text(ui.visuals())),
                );
                ui.add_space(style::space::S);
            }
            ui.label("A PartnerPath database on your district's or state's PostgreSQL server, shared by everyone who works on its partnerships. Your IT department gives you these details.");
            ui.add_space(style::space::M);
            egui::Grid::new("server fields")
                .num_columns(2)
                .spacing([style::space::L, style::space::S])
                .show(ui, |ui| self.fields(ui));
            ui.add_space(style::space::S);
            ui.checkbox(
                &mut self.remember,
                "Remember the password on this computer (in the system's keychain)",
            );
            ui.add_space(style::space::S);
            ui.weak(if self.place.is_local() {
                "This computer's own server: the connection is not encrypted, which is safe only on this computer."
            } else {
                "The connection is encrypted, and the server's certificate is checked before the password is sent."
            });
            ui.add_space(style::space::M_PLUS);
            ui.horizontal(|ui| {
                let typed = self.typed();
                let connect = ui
                    .add_enabled(typed.is_some(), egui::Button::new("Connect"))
                    .on_disabled_hover_text("Fill in the server, the port, the database and your user name");
                let entered = ui.input(|i| i.key_pressed(egui::Key::Enter));
                if let Some(place) = typed
                    && (connect.clicked() || entered)
                {
                    actions.push(Action::SignIn(SignIn {
                        place,
                        password: std::mem::take(&mut self.password),
                        remember: self.remember,
                    }));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        !(close || modal.should_close())
    }
}

impl Connect {
    fn fields(&mut self, ui: &mut Ui) {
        let width = style::width::DIALOG_FORM * 0.6;
        let rows: [(&str, &str, &mut String); 4] = [
            ("Server", "db.district.org", &mut self.place.host),
            ("Port", "5432", &mut self.port),
            ("Database", "partnerpath", &mut self.place.database),
            ("User name", "", &mut self.place.user),
        ];
        for (label, hint, value) in rows {
            ui.label(label);
            ui.add(
                egui::TextEdit::singleline(value)
                    .hint_text(hint)
                    .desired_width(width),
            )
            .accessible_name(label);
            ui.end_row();
        }
        ui.label("Password");
        let password = ui
            .add(
                egui::TextEdit::singleline(&mut self.password)
                    .password(true)
                    .desired_width(width),
            )
            .accessible_name("Password");
        // Asked again for a known place: the password is what is missing.
        if std::mem::take(&mut self.focus_password) {
            password.request_focus();
        }
        ui.end_row();
    }
}
