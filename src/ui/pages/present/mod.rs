//! Present (View > Present, F5): the whole screen given to the projector,
//! one part of a tool at a time in text a room can read: an indicator of a
//! continuum cycle (`continuum.rs`), a category of a readiness round
//! (`readiness.rs`) or a section of a quarterly meeting (`agenda.rs`).
//!
//! Keys, when no text field has the keyboard: ← and → (and a presenter's
//! Page Up and Page Down) move, Home and End go to the first and last, 1–4
//! set the team's level of an indicator and 0 or Delete clears it, Esc
//! leaves. A strip at the bottom shows where we are; each mark goes there
//! when clicked. Each part can be timed with the meeting timer.
//!
//! The text's size is measured for the screen (`fit.rs`): the largest at
//! which the part fits without scrolling.

mod agenda;
mod continuum;
pub mod fit;
mod readiness;

use egui::{Align2, FontId, Id, Key, Rect, Sense, Stroke, StrokeKind, Ui, WidgetInfo, vec2};

use crate::instrument::{Continuum, Indicator, QUARTERLY_MEETING};
use crate::model::{
    Command, CycleId, CycleStatus, DocumentId, Level, PartnershipView, Rater, RatingKey,
    ReadinessRoundId, Spread, continuum_for,
};
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{self, style, timer};
use crate::ui::nav::{Page, ScreenContext};

/// What is presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presented {
    /// A continuum cycle, one indicator at a time.
    Cycle(CycleId),
    /// A readiness round, one category at a time.
    Round(ReadinessRoundId),
    /// A quarterly meeting, one section of its agenda at a time.
    Meeting(DocumentId),
}

impl Presented {
    /// What a page presents, if it is one that can be: a cycle's grid, a
    /// readiness round, a quarterly meeting.
    pub fn of_page(page: Page, view: &PartnershipView) -> Option<Presented> {
        match page {
            Page::Continuum(cycle) => view.cycle(cycle).map(|_| Presented::Cycle(cycle)),
            Page::Readiness(round) => view.readiness_round(round).map(|_| Presented::Round(round)),
            Page::Document(id) => view
                .document(id)
                .filter(|d| d.instrument_key == QUARTERLY_MEETING)
                .map(|_| Presented::Meeting(id)),
            _ => None,
        }
    }
}

/// Why View > Present is not available on a page.
pub const ONLY_ON: &str =
    "Open a continuum cycle, a readiness round or a quarterly meeting to present it";

/// The window presenting: what, where we are, and the slide as last
/// measured.
pub struct Present {
    of: Presented,
    index: usize,
    /// Whether PartnerPath's notes on the indicator are open.
    notes_open: bool,
    /// The last indicator's measure, with what it was measured for.
    plan: Option<(u64, continuum::Plan)>,
    /// The text size of the last slide drawn, and whether it fitted.
    drawn: Option<(f32, bool)>,
}

impl Present {
    pub fn new(of: Presented) -> Present {
        Present {
            of,
            index: 0,
            notes_open: false,
            plan: None,
            drawn: None,
        }
    }

    pub fn of(&self) -> Presented {
        self.of
    }

    /// The smallest text size of the slide last drawn (its own or its
    /// bar's), and whether it fitted the screen without scrolling.
    pub fn drawn(&self) -> Option<(f32, bool)> {
        self.drawn
    }

    /// Draws the part shown over the whole of `ui`; what the user asks for
    /// goes into `actions` (leaving is `Action::LeavePresent`).
    pub fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        let steps = match self.of {
            Presented::Cycle(cycle) => continuum_steps(cx, cycle),
            Presented::Round(_) => cx.instruments.readiness.categories.len(),
            Presented::Meeting(id) => agenda::sections(cx, id).len(),
        };
        if steps == 0 {
            actions.push(Action::LeavePresent);
            return;
        }
        self.index = self.index.min(steps - 1);
        let keys = keys(ui);
        if keys.leave {
            actions.push(Action::LeavePresent);
        }
        if let Some(to) = keys.moved(self.index, steps) {
            self.go(to);
        }
        let area = ui.available_rect_before_wrap();
        let shown = match self.of {
            Presented::Cycle(cycle) => self.indicator(ui, cx, cycle, area, keys.level, actions),
            Presented::Round(round) => readiness::show(ui, cx, round, self.index, area),
            Presented::Meeting(id) => agenda::show(ui, cx, id, self.index, area, actions),
        };
        let Some(shown) = shown else {
            actions.push(Action::LeavePresent);
            return;
        };
        // The smallest text on the screen: the slide's, or the bar's.
        self.drawn = Some((shown.size.min(shown.bar_size), shown.fits));
        let answer = bar(ui, &shown, self.index, area);
        if answer.leave {
            actions.push(Action::LeavePresent);
        }
        if let (Some(text), Some(evidence)) = (answer.evidence, &shown.evidence) {
            actions.edit(Command::SetEvidence(evidence.key.clone(), text));
        }
        if let Some(to) = answer.to {
            self.go(to);
        }
        if self.notes_open && !shown.notes.is_empty() {
            notes(ui, &shown, area, &mut self.notes_open);
        }
    }

    fn go(&mut self, to: usize) {
        self.index = to;
        self.notes_open = false;
    }

    /// The indicator at `self.index` of a cycle.
    #[expect(
        clippy::too_many_lines,
        reason = "an indicator's slide: its words, notes, strip, measure and drawing share the rating"
    )]
    fn indicator(
        &mut self,
        ui: &mut Ui,
        cx: &ScreenContext<'_>,
        cycle_id: CycleId,
        area: Rect,
        typed: Option<Option<Level>>,
        actions: &mut Actions,
    ) -> Option<Shown> {
        let view = cx.view;
        let cycle = view.cycle(cycle_id)?;
        let continuum = continuum_for(&cx.instruments, view, cycle);
        let indicators: Vec<(&str, &Indicator)> = continuum
            .categories
            .iter()
            .flat_map(|c| c.indicators.iter().map(move |i| (c.name.as_str(), i)))
            .collect();
        let total = indicators.len();
        let (category, indicator) = *indicators.get(self.index)?;
        let key = RatingKey {
            cycle_id,
            indicator_key: indicator.key.clone(),
            rater: Rater::Consensus,
        };
        let rating = view
            .rating(cycle_id, Rater::Consensus, &indicator.key)
            .cloned()
            .unwrap_or_default();
        let editable = cycle.status == CycleStatus::Draft && kit::may_edit(ui);
        if editable
            && let Some(level) = typed
            && level != rating.level
        {
            actions.edit(Command::SetLevel(key.clone(), level));
        }
        // Until a hidden cycle is revealed, only how many have rated.
        let choosers: Vec<continuum::Chooser<'_>> = view
            .levels_shown(cycle_id, &indicator.key)
            .into_iter()
            .map(|(person, level)| continuum::Chooser { person, level })
            .collect();
        let mut kicker = format!("{category} · {} of {total}", self.index + 1);
        if view.levels_hidden(cycle_id) {
            kicker.push_str(&format!(
                " · {}",
                view.rated_so_far(cycle_id, &indicator.key)
            ));
        } else if let Some(spread) = view
            .spread_shown(cycle_id, &indicator.key)
            .filter(Spread::needs_discussion)
        {
            kicker.push_str(&format!(" · Discuss: {} levels apart", spread.gap()));
        }
        let discs = Level::ALL.map(|level| choosers.iter().filter(|c| c.level == level).count());
        let mut text = continuum::IndicatorText::new(continuum, indicator, kicker, discs);
        let mut notes = Vec::new();
        if let Some(note) = &indicator.note {
            notes.push(format!("Note from PartnerPath: {note}"));
        }
        notes.extend(continuum.filled_note(indicator));
        if continuum.is_changed(&indicator.key) {
            notes.push(Continuum::CHANGED_NOTE.to_owned());
        }
        let timer = (
            Id::unique(("present indicator", cycle_id, &indicator.key)),
            indicator.name.clone(),
            INDICATOR_MINUTES,
        );
        let marks: Vec<(String, bool)> = indicators
            .iter()
            .map(|(_, i)| {
                let agreed = view
                    .rating(cycle_id, Rater::Consensus, &i.key)
                    .and_then(|r| r.level)
                    .is_some();
                (i.name.clone(), agreed)
            })
            .collect();
        if !notes.is_empty() {
            // At 20 points; the measure scales it with the text.
            let room = fit::width(ui, NOTES, 20.0) + 2.0 * ui.spacing().button_padding.x + 8.0;
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a width in points"
            )]
            {
                text.notes_room = room.ceil() as u32;
            }
        }
        let bar = BarContent {
            marks: &marks,
            timer_minutes: INDICATOR_MINUTES,
            evidence: Some(continuum.headings.evidence.clone()),
        };
        let plan = self.plan_for(ui, &text, area.size(), &bar);
        let size = plan.size;
        let notes_open = self.notes_open;
        let mut toggle_notes = false;
        let slide = |ui: &mut Ui, area: Rect| {
            text_at(ui, size);
            let mut notes_button = |ui: &mut Ui| {
                if !notes.is_empty()
                    && ui
                        .selectable_label(notes_open, egui::RichText::new(NOTES).italics())
                        .on_hover_text(
                            "What PartnerPath notes about this text: its own words, not the source's",
                        )
                        .clicked()
                {
                    toggle_notes = true;
                }
            };
            let rest = continuum::draw_head(ui, &text, &plan, area, &mut notes_button);
            let state = continuum::CardsState {
                chosen: rating.level,
                choosers: &choosers,
                editable,
                key: &key,
            };
            let (clicked, _) = continuum::draw_body(ui, &text, &plan, rest, &state);
            if let Some(level) = clicked {
                let level = (rating.level != Some(level)).then_some(level);
                actions.edit(Command::SetLevel(key.clone(), level));
            }
        };
        let bar_size = size.min(bar_size(ui, &bar, area.width()));
        let needs = (
            plan.fits,
            continuum::height_with_bar(ui, &plan, bar_size),
            fit::bar_height(ui, bar_size),
        );
        scrolled_if(ui, needs, area, slide);
        if toggle_notes {
            self.notes_open = !self.notes_open;
        }
        Some(Shown {
            size,
            bar_size,
            fits: plan.fits,
            marks,
            part: "Indicator",
            timer: Some(timer),
            notes,
            evidence: Some(Evidence {
                heading: continuum.headings.evidence.clone(),
                label: format!("{} for {}", continuum.headings.evidence, indicator.name),
                stored: rating.evidence.clone(),
                key,
                editable,
            }),
        })
    }

    /// The indicator's measure, kept while nothing it depends on changed.
    fn plan_for(
        &mut self,
        ui: &Ui,
        text: &continuum::IndicatorText,
        area: egui::Vec2,
        bar: &BarContent<'_>,
    ) -> continuum::Plan {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        area.x.to_bits().hash(&mut hasher);
        area.y.to_bits().hash(&mut hasher);
        bar.evidence.hash(&mut hasher);
        ui.ctx().pixels_per_point().to_bits().hash(&mut hasher);
        let hash = hasher.finish();
        if let Some((kept, plan)) = &self.plan
            && *kept == hash
        {
            return plan.clone();
        }
        let plan = continuum::plan(ui, text, area, bar_size(ui, bar, area.x));
        self.plan = Some((hash, plan.clone()));
        plan
    }
}

/// The minutes of an indicator's timer, and of a readiness category's.
/// PartnerPath's choice: 13 indicators in about an hour, four categories in
/// 40 minutes.
const INDICATOR_MINUTES: u32 = 5;
pub const CATEGORY_MINUTES: u32 = 10;

/// The line for the supporting evidence of the indicator shown, on the
/// bar: its heading and a field of one line (a longer text scrolls in it).
pub struct Evidence {
    heading: String,
    label: String,
    stored: String,
    key: RatingKey,
    editable: bool,
}

/// The evidence field's least width, in text sizes.
const EVIDENCE_FIELD: f32 = 8.5;

/// Draws the evidence line in what is left of the bar; returns the text
/// when it was changed.
fn evidence_line(ui: &mut Ui, evidence: &Evidence, size: f32) -> Option<String> {
    ui.label(egui::RichText::new(&evidence.heading).strong());
    let id = Id::unique((
        "present evidence",
        evidence.key.cycle_id,
        &evidence.key.indicator_key,
    ));
    let mut text = evidence.stored.clone();
    let height = fit::row(ui, size) + fit::FIELD_EXTRA;
    let response = ui
        .add_sized(
            vec2(ui.available_width(), height),
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .margin(egui::Margin::same(fit::FIELD_MARGIN))
                .interactive(evidence.editable && kit::may_edit(ui))
                .hint_text("What shows the partnership is at this level?"),
        )
        .accessible_name(&evidence.label);
    response.changed().then_some(text)
}

/// Draws `slide` in `area`, or, when it did not fit (a window smaller
/// than any projector's screen), in a scroll area above the bar (`bar`
/// points), over the `height` the slide needs with its bar.
fn scrolled_if(
    ui: &mut Ui,
    (fits, height, bar): (bool, f32, f32),
    area: Rect,
    slide: impl FnOnce(&mut Ui, Rect),
) {
    if fits {
        slide(ui, area);
        return;
    }
    let view = Rect::from_min_max(area.min, egui::pos2(area.right(), area.bottom() - bar));
    ui.scope_builder(egui::UiBuilder::new().max_rect(view), |ui| {
        egui::ScrollArea::vertical()
            .id_salt("present scroll")
            .auto_shrink(false)
            .show(ui, |ui| {
                let (rect, _) = ui.allocate_exact_size(
                    vec2(ui.available_width(), height - bar),
                    egui::Sense::hover(),
                );
                slide(
                    ui,
                    Rect::from_min_size(rect.min, vec2(rect.width(), height)),
                );
            });
    });
}

/// A slide of a head (the headline, with the kicker of where we are) and
/// a body `body_at` points tall at a size: the largest size at which head,
/// body and the bar fit `area`, then the head, and `body` drawn in the rect
/// under it at that size; in a scroll area when even the smallest did not
/// fit. Returns the size, whether it fitted, and the bar's size.
fn headed_slide(
    ui: &mut Ui,
    area: Rect,
    (headline, kicker): (&str, &str),
    bar: &BarContent<'_>,
    body_at: impl Fn(&Ui, f32) -> f32,
    body: impl FnOnce(&mut Ui, Rect, f32),
) -> (f32, bool, f32) {
    let width = area.width();
    let bar_limit = bar_size(ui, bar, width);
    let height_at = |ui: &Ui, size: f32| {
        let (head, _) = fit::head_height(ui, (headline, kicker), size, width, 0.0);
        head + fit::GAP * size + body_at(ui, size) + fit::bar_height(ui, size.min(bar_limit))
    };
    let (size, fits) = fit::largest(|size| height_at(ui, size) <= area.height());
    let needs = (
        fits,
        height_at(ui, size),
        fit::bar_height(ui, size.min(bar_limit)),
    );
    scrolled_if(ui, needs, area, |ui, area| {
        text_at(ui, size);
        let (head, beside) = fit::head_height(ui, (headline, kicker), size, width, 0.0);
        let head_rect = Rect::from_min_size(area.min, vec2(width, head));
        fit::draw_head(ui, (headline, kicker), size, head_rect, beside, &mut |_| {});
        body(ui, fit::below(area, head + fit::GAP * size), size);
    });
    (size, fits, size.min(bar_limit))
}

/// How many indicators a cycle's continuum has (none when the cycle is
/// gone).
fn continuum_steps(cx: &ScreenContext<'_>, cycle: CycleId) -> usize {
    cx.view.cycle(cycle).map_or(0, |c| {
        crate::model::continuum_for(&cx.instruments, cx.view, c).indicator_count()
    })
}

/// A slide drawn: its text size, whether it fitted, and what the bottom bar
/// shows for it.
pub struct Shown {
    pub size: f32,
    pub fits: bool,
    /// The strip's marks: each part's name, and whether it is done (an
    /// indicator agreed, a section with notes).
    pub marks: Vec<(String, bool)>,
    /// What a part is called on the strip ("Indicator", "Category", "Section").
    pub part: &'static str,
    /// The timer: what it times, its name, and its minutes.
    pub timer: Option<(Id, String, u32)>,
    /// PartnerPath's notes on the part, if any (shown from the head).
    pub notes: Vec<String>,
    /// The line for the supporting evidence, on the bar.
    pub evidence: Option<Evidence>,
    /// The bar's text size: the slide's, or less where the bar would not
    /// fit the width.
    pub bar_size: f32,
}

/// The keys pressed this frame, when no text field has the keyboard.
#[derive(Default)]
struct Keys {
    leave: bool,
    next: bool,
    previous: bool,
    first: bool,
    last: bool,
    /// A level typed: `Some(None)` clears it.
    level: Option<Option<Level>>,
}

impl Keys {
    fn moved(&self, index: usize, steps: usize) -> Option<usize> {
        if self.next && index + 1 < steps {
            Some(index + 1)
        } else if self.previous && index > 0 {
            Some(index - 1)
        } else if self.first {
            Some(0)
        } else if self.last {
            Some(steps - 1)
        } else {
            None
        }
    }
}

fn keys(ui: &Ui) -> Keys {
    if ui.ctx().egui_wants_keyboard_input() {
        return Keys::default();
    }
    ui.input_mut(|i| {
        let mut pressed = |key| i.consume_key(egui::Modifiers::NONE, key);
        let levels = [
            (Key::Num1, Some(Level::new(1))),
            (Key::Num2, Some(Level::new(2))),
            (Key::Num3, Some(Level::new(3))),
            (Key::Num4, Some(Level::new(4))),
            (Key::Num0, Some(None)),
            (Key::Delete, Some(None)),
        ];
        let level = levels
            .into_iter()
            .find(|(key, _)| pressed(*key))
            .and_then(|(_, level)| level);
        Keys {
            leave: pressed(Key::Escape),
            next: pressed(Key::ArrowRight) | pressed(Key::PageDown),
            previous: pressed(Key::ArrowLeft) | pressed(Key::PageUp),
            first: pressed(Key::Home),
            last: pressed(Key::End),
            level,
        }
    })
}

/// What the bar holds, for measuring its width.
pub struct BarContent<'a> {
    pub marks: &'a [(String, bool)],
    pub timer_minutes: u32,
    /// The evidence line's heading, when the line is on it.
    pub evidence: Option<String>,
}

/// What was pressed on the bar.
#[derive(Default)]
struct BarAnswer {
    to: Option<usize>,
    leave: bool,
    /// The evidence typed.
    evidence: Option<String>,
}

const LEAVE: &str = "Leave";
const NOTES: &str = "Notes";

/// The bar's width at `size`: the strip, the evidence line at its least,
/// the timer running (its widest) and Leave, with their gaps.
pub fn bar_width(ui: &Ui, size: f32, bar: &BarContent<'_>) -> f32 {
    let button = |text: &str| fit::width(ui, text, size) + 2.0 * ui.spacing().button_padding.x;
    let gap = BAR_GAP * size;
    let timer = button(&timer::start_words(bar.timer_minutes, true))
        .max(fit::width(ui, "00:00", size * 1.2) + ui.spacing().item_spacing.x + button("Stop"));
    let evidence = bar.evidence.as_ref().map_or(0.0, |heading| {
        fit::width(ui, heading, size) + gap + EVIDENCE_FIELD * size + gap
    });
    strip_width(size, bar.marks.len()) + gap + evidence + timer + gap + button(LEAVE)
}

impl<'a> BarContent<'a> {
    /// A bar without an evidence line: the strip and a timer.
    pub fn plain(marks: &'a [(String, bool)], timer_minutes: u32) -> BarContent<'a> {
        BarContent {
            marks,
            timer_minutes,
            evidence: None,
        }
    }
}

/// The largest text the bar fits `width` at.
pub fn bar_size(ui: &Ui, bar: &BarContent<'_>, width: f32) -> f32 {
    fit::largest(|size| bar_width(ui, size, bar) <= width).0
}

/// The space between the bar's parts, in text sizes.
const BAR_GAP: f32 = 0.25;

/// The bar at the bottom of the slide: the strip of parts (where we are,
/// and which are done), the evidence line, the timer, and Leave.
fn bar(ui: &mut Ui, shown: &Shown, index: usize, area: Rect) -> BarAnswer {
    let size = shown.bar_size;
    let height = fit::bar_height(ui, size);
    let rect = Rect::from_min_max(egui::pos2(area.left(), area.bottom() - height), area.max);
    let mut answer = BarAnswer::default();
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
        |ui| {
            text_at(ui, size);
            ui.spacing_mut().item_spacing.x = BAR_GAP * size;
            // Every button as tall as the bar, so that all stand on one line.
            ui.spacing_mut().interact_size.y = height - 2.0;
            let total = shown.marks.len();
            for (i, (name, done)) in shown.marks.iter().enumerate() {
                if mark(ui, size, shown.part, (i, total), name, *done, i == index).clicked() {
                    answer.to = Some(i);
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                answer.leave = ui
                    .button(LEAVE)
                    .on_hover_text("Back to the page this was presented from (Esc)")
                    .clicked();
                if let Some((key, title, minutes)) = &shown.timer {
                    timer::show_as(ui, *key, title, *minutes, true);
                }
                if let Some(evidence) = &shown.evidence {
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        answer.evidence = evidence_line(ui, evidence, size);
                    });
                }
            });
        },
    );
    answer
}

/// PartnerPath's notes on the part shown, over the slide, in italics
/// because the words are PartnerPath's.
fn notes(ui: &mut Ui, shown: &Shown, area: Rect, open: &mut bool) {
    let size = shown.size;
    egui::Area::new(Id::unique("present notes"))
        .order(egui::Order::Foreground)
        .anchor(Align2::CENTER_CENTER, vec2(0.0, 0.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                text_at(ui, size);
                ui.set_max_width(area.width() * 0.7);
                for note in &shown.notes {
                    ui.label(egui::RichText::new(note).italics());
                }
                if ui.button("Close").clicked() {
                    *open = false;
                }
            });
        });
}

/// The width of the bar's strip at `size`, for `count` parts.
pub fn strip_width(size: f32, count: usize) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "a count of parts")]
    let count = count as f32;
    count * MARK * size + (count - 1.0).max(0.0) * BAR_GAP * size
}

/// A mark of the strip, in text sizes.
const MARK: f32 = 1.2;

/// One part's mark on the strip: its number, filled when done, outlined
/// when shown.
fn mark(
    ui: &mut Ui,
    size: f32,
    part: &str,
    (i, total): (usize, usize),
    name: &str,
    done: bool,
    here: bool,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(vec2(MARK * size, MARK * size), Sense::click());
    let label = if done {
        format!("{part} {} of {total}: {name} ({})", i + 1, part_done(part))
    } else {
        format!("{part} {} of {total}: {name}", i + 1)
    };
    response.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, here, &label));
    let visuals = ui.visuals();
    let (fill, text) = if done {
        (
            style::selected_fill(visuals),
            style::selected_stroke(visuals),
        )
    } else {
        (visuals.extreme_bg_color, visuals.text_color())
    };
    let stroke = if here {
        Stroke::new(4.0, style::selected_stroke(visuals))
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    let painter = ui.painter();
    painter.rect(rect, 4.0, fill, stroke, StrokeKind::Inside);
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        (i + 1).to_string(),
        FontId::proportional(size),
        text,
    );
    response.on_hover_text(label)
}

/// What a part marked done on the strip is.
fn part_done(part: &str) -> &'static str {
    match part {
        "Indicator" => "the team's level is set",
        _ => "notes written",
    }
}

/// The styles of a slide: every text style at `size`, so that no button or
/// label on it is smaller.
fn text_at(ui: &mut Ui, size: f32) {
    for font in ui.style_mut().text_styles.values_mut() {
        font.size = size;
    }
}
