//! The pages of a partnership as the shell keeps them: one of each, with
//! what it remembers between frames, and which one a `Page` is drawn by.

use egui::Ui;

use crate::ui::action::Actions;
use crate::ui::kit::style;
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::pages::{
    ActionsPage, AdaptationPage, AgreementsPage, ContinuumPage, CyclesPage, DocumentPage,
    HistoryPage, MonitoringPage, OverviewPage, PhasePage, ReadinessPage, RoundsPage,
    TrajectoryPage, partnership,
};
use crate::ui::view::PageView;

/// What each page of a partnership remembers between frames.
#[derive(Default)]
pub struct Pages {
    overview: OverviewPage,
    cycles: CyclesPage,
    rounds: RoundsPage,
    agreements: AgreementsPage,
    phase: PhasePage,
    continuum: ContinuumPage,
    adaptation: AdaptationPage,
    pub trajectory: TrajectoryPage,
    readiness: ReadinessPage,
    document: DocumentPage,
    monitoring: MonitoringPage,
    actions: ActionsPage,
    history: HistoryPage,
}

impl Pages {
    /// The page that draws `page`.
    fn of(&mut self, page: Page) -> &mut dyn PageView {
        match page {
            Page::Overview => &mut self.overview,
            Page::Cycles => &mut self.cycles,
            Page::Rounds => &mut self.rounds,
            Page::Agreements => &mut self.agreements,
            Page::Phase(_) => &mut self.phase,
            Page::Continuum(_) => &mut self.continuum,
            Page::Adaptation(_) => &mut self.adaptation,
            Page::Trajectory(_) => &mut self.trajectory,
            Page::Readiness(_) => &mut self.readiness,
            Page::Document(_) => &mut self.document,
            Page::Monitoring => &mut self.monitoring,
            Page::Actions => &mut self.actions,
            Page::History => &mut self.history,
        }
    }

    /// Draws the page `cx` names, beside the partnership's side panel (or
    /// under its row, in a narrow window).
    pub fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        if ui.available_width() >= style::width::NARROW + style::width::NAV {
            egui::Panel::left("partnership sections")
                .resizable(false)
                .exact_size(style::width::NAV)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("partnership sections scroll")
                        .show(ui, |ui| partnership::side_panel(ui, cx, actions));
                });
        } else {
            egui::Panel::top("partnership sections row").show(ui, |ui| {
                partnership::top_row(ui, cx, actions);
            });
        }
        self.of(cx.page).show(ui, cx, actions);
    }
}
