//! Present over the whole window: started from the page of what it
//! presents (View > Present, F5), in full screen, and left by Esc, its
//! Leave button, or when what it presents is gone.

use egui::Ui;
use jiff::civil::Date;

use super::App;
use crate::problem::Problem;
use crate::ui::action::Actions;
use crate::ui::nav::{Screen, ScreenContext};
use crate::ui::pages::present::{ONLY_ON, Present, Presented};

impl App {
    /// What the screen shown can present, if anything.
    pub(super) fn presentable(&self) -> Option<Presented> {
        let Screen::In(id, page) = self.screen else {
            return None;
        };
        let view = self.session.as_ref()?.view()?;
        (view.partnership.id == id)
            .then(|| Presented::of_page(page, view))
            .flatten()
    }

    pub(super) fn start_presenting(&mut self, ctx: &egui::Context) -> Result<(), Problem> {
        if self.present.is_some() {
            return Ok(());
        }
        let Some(presented) = self.presentable() else {
            return Err(Problem::new(
                "There is nothing on this page to present.",
                format!("{ONLY_ON}, then choose View > Present (F5)."),
            ));
        };
        self.present = Some(Present::new(presented));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        Ok(())
    }

    pub(super) fn stop_presenting(&mut self, ctx: &egui::Context) {
        if self.present.take().is_some() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    /// Whether Present goes on this frame: not once the page it was started
    /// from is no longer shown (its record deleted, the file closed).
    pub(super) fn still_presenting(&mut self, ctx: &egui::Context) -> bool {
        let Some(present) = &self.present else {
            return false;
        };
        if self.presentable() == Some(present.of()) {
            true
        } else {
            self.stop_presenting(ctx);
            false
        }
    }

    /// The part presented, over the whole window.
    pub(super) fn show_present(&mut self, ui: &mut Ui, today: Date, actions: &mut Actions) {
        let (Some(present), Some(session)) = (self.present.as_mut(), &self.session) else {
            return;
        };
        let (Screen::In(_, page), Some(view)) = (self.screen, session.view()) else {
            return;
        };
        let cx = ScreenContext {
            page,
            view,
            instruments: self.instruments,
            today,
            history: None,
            history_coming: false,
        };
        present.show(ui, &cx, actions);
    }

    /// Whether the window presents, and at what text size: the size of
    /// the part last drawn, and whether it fitted without scrolling.
    pub fn presenting(&self) -> Option<(f32, bool)> {
        self.present
            .as_ref()
            .map(|p| p.drawn().unwrap_or((0.0, false)))
    }
}
