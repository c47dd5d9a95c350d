//! The continuum grid of one cycle: indicators as rows under their
//! categories, the four levels as columns with their full text. Clicking a
//! cell chooses that level; clicking it again clears it.

use std::collections::HashSet;

use egui::{
    Align2, Color32, FontId, Id, Key, Response, RichText, Sense, Stroke, StrokeKind, Ui,
    WidgetInfo, vec2,
};

use crate::instrument::{Continuum, Headings, Indicator, Passage};
use crate::model::{
    AttachedTo, Command, Cycle, CycleId, CycleStatus, Level, PartnershipView, Person, Rater,
    Rating, RatingKey, Spread, continuum_for, initials,
};
use crate::ui::action::Actions;
use crate::ui::charts::sides;
use crate::ui::kit::{self, style, widgets};
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::pages::evidence;
use crate::ui::view::PageView;

#[derive(Default)]
pub struct ContinuumPage {
    /// Indicators whose criteria and probing questions are shown.
    open_criteria: HashSet<String>,
    show_about: bool,
    /// Who is rating, for the cycle it was chosen in (the team otherwise).
    rater: Option<(CycleId, Rater)>,
    view: CycleView,
}

/// What the cycle's screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum CycleView {
    #[default]
    Grid,
    Sides,
    Raters,
}

impl ContinuumPage {
    /// Who is rating: the one chosen for this cycle, or the team. In a copy
    /// made for rating apart, only the people it was made for.
    fn rater(&self, view: &PartnershipView, cycle: CycleId) -> Rater {
        let chosen = match self.rater {
            Some((c, rater)) if c == cycle => Some(rater),
            _ => None,
        };
        match view.rating_copy.as_ref().filter(|copy| copy.cycle == cycle) {
            Some(copy) => chosen
                .filter(|r| copy.rates_as(*r))
                .or_else(|| copy.people.first().map(|p| Rater::Person(*p)))
                .unwrap_or(Rater::Consensus),
            None => chosen.unwrap_or(Rater::Consensus),
        }
    }
}

/// A person who chose a level, drawn as a small disc with their initials.
struct Marker {
    initials: String,
    colour: Color32,
}

/// The indicator names' column, and the narrower one used when four level
/// cells would not otherwise fit beside it (at a large zoom or on a small
/// screen), so that no level is cut off at the right.
const NAME_WIDTH: f32 = 210.0;
const NARROW_NAME_WIDTH: f32 = 140.0;
/// A level cell is never narrower than this, nor, beside the wide names'
/// column, than `WIDE_CELL`.
const MIN_CELL: f32 = 120.0;
const WIDE_CELL: f32 = 140.0;
const GAP: f32 = 6.0;
const PADDING: f32 = 8.0;
/// Room at the top of each cell for the "chosen" mark.
const MARK_HEIGHT: f32 = 22.0;

/// Column positions shared by the header and the rows.
struct Columns {
    name: f32,
    cell: f32,
}

impl Columns {
    fn new(width: f32) -> Columns {
        let cells = |name: f32| (width - name - GAP * 4.0) / 4.0;
        let name = if cells(NAME_WIDTH) >= WIDE_CELL {
            NAME_WIDTH
        } else {
            NARROW_NAME_WIDTH
        };
        Columns {
            name,
            cell: cells(name).max(MIN_CELL),
        }
    }

    fn span(&self, cells: usize) -> f32 {
        self.cell * cells as f32 + GAP * (cells.saturating_sub(1)) as f32
    }
}

impl PageView for ContinuumPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        if let Page::Continuum(cycle) = cx.page {
            show(ui, self, cx, cycle, actions);
        }
    }
}

fn show(
    ui: &mut Ui,
    state: &mut ContinuumPage,
    cx: &ScreenContext<'_>,
    cycle_id: CycleId,
    actions: &mut Actions,
) {
    let view = cx.view;
    let Some(cycle) = view.cycle(cycle_id) else {
        actions.go(view, Page::Overview);
        return;
    };
    let continuum = continuum_for(&cx.instruments, cx.view, cycle);
    let rater = state.rater(view, cycle.id);
    let editable = cycle.status == CycleStatus::Draft && kit::may_edit(ui);
    header(ui, state, view, cycle, continuum, rater, actions);
    match state.view {
        CycleView::Grid => {}
        CycleView::Sides | CycleView::Raters if cycle.hidden => {
            ui.add_space(style::space::L);
            ui.label("Each person's levels are hidden until the team reveals them, so they cannot be compared yet. Choose “Reveal” above when everyone has rated.");
            return;
        }
        CycleView::Sides => {
            sides::show(ui, view, cycle, continuum);
            return;
        }
        CycleView::Raters => {
            sides::raters_radar(ui, view, cycle, continuum);
            return;
        }
    }

    let width = ui.available_width() - 18.0;
    let columns = Columns::new(width);
    column_headings(ui, &columns, continuum);
    egui::ScrollArea::vertical()
        .id_salt(("grid scroll", cycle.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            for category in &continuum.categories {
                egui::Frame::new()
                    .fill(style::category_fill(ui.visuals()))
                    .inner_margin(egui::Margin::symmetric(10, 6))
                    .show(ui, |ui| {
                        ui.set_width(width - 20.0);
                        ui.label(
                            RichText::new(&category.name)
                                .size(style::size::LEAD)
                                .strong(),
                        );
                    });
                ui.add_space(style::space::XS);
                for indicator in &category.indicators {
                    let key = RatingKey {
                        cycle_id: cycle.id,
                        indicator_key: indicator.key.clone(),
                        rater,
                    };
                    let rating = view
                        .rating(cycle.id, rater, &indicator.key)
                        .cloned()
                        .unwrap_or_default();
                    indicator_row(
                        ui, state, &columns, view, continuum, indicator, &key, &rating, editable,
                        actions,
                    );
                    ui.add_space(style::space::S);
                    ui.separator();
                    ui.add_space(style::space::S);
                }
            }
            source_line(ui, continuum);
        });
}

/// The tool, its version and the school year, and how many indicators are
/// rated. Wrapped, so that at a large zoom the count goes under the title
/// rather than past the right edge.
fn title_line(
    ui: &mut Ui,
    view: &PartnershipView,
    cycle: &Cycle,
    continuum: &Continuum,
    rater: Rater,
) {
    let total = continuum.indicator_count();
    let rated = view.rated_count(
        cycle.id,
        rater,
        continuum.indicators().map(|i| i.key.as_str()),
    );
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!("{} · {}", continuum.short_title, cycle.school_year));
        ui.weak(continuum.version_label());
        ui.add_space(style::space::L);
        ui.add(
            egui::Label::new(
                RichText::new(format!("{rated} of {total} indicators rated"))
                    .strong()
                    .size(style::size::TITLE),
            )
            .extend(),
        );
        ui.add(
            egui::ProgressBar::new(rated as f32 / total.max(1) as f32)
                .desired_width(style::width::PROGRESS)
                .desired_height(10.0),
        );
    });
}

fn header(
    ui: &mut Ui,
    state: &mut ContinuumPage,
    view: &PartnershipView,
    cycle: &Cycle,
    continuum: &Continuum,
    rater: Rater,
    actions: &mut Actions,
) {
    ui.add_space(style::space::XS);
    title_line(ui, view, cycle, continuum, rater);
    if let Some(adapted) = &continuum.adapted {
        ui.add(egui::Label::new(RichText::new(&adapted.statement).italics()).wrap());
    }
    // On a line of their own, so that the side panel and a larger zoom
    // leave them room.
    ui.horizontal(|ui| {
        rater_choice(ui, state, view, cycle);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let (label, status) = match cycle.status {
                CycleStatus::Draft => ("Mark final", CycleStatus::Final),
                CycleStatus::Final => ("Reopen for editing", CycleStatus::Draft),
            };
            if widgets::edit_button(ui, label).clicked() {
                actions.edit(Command::SetCycleStatus(cycle.id, status));
            }
            hide_or_reveal(ui, view, cycle, actions);
            ui.toggle_value(&mut state.show_about, "About this tool");
        });
    });
    if cycle.hidden {
        ui.label(RichText::new(HIDDEN).color(style::selected_stroke(ui.visuals())));
    }
    if cycle.status == CycleStatus::Final {
        ui.label(
            RichText::new("This cycle is final: its ratings are shown as agreed and cannot be changed. Choose “Reopen for editing” if the team agrees to change them.")
                .color(style::warning_text(ui.visuals())),
        );
    } else if let Some(copy) = view.rating_copy.as_ref().filter(|c| c.cycle == cycle.id) {
        let names: Vec<&str> = copy
            .people
            .iter()
            .filter_map(|id| view.person(*id))
            .map(|p| p.name.as_str())
            .collect();
        ui.label(
            RichText::new(format!(
                "This copy of the partnership was made for {} to rate the {} cycle apart, each only as themselves. When the ratings are done, choose File > Export partnership… and send the file back to the person who sent it.",
                names.join(" and "),
                cycle.school_year
            ))
            .color(style::selected_stroke(ui.visuals())),
        );
    } else if let Rater::Person(id) = rater {
        let name = view.person(id).map_or("This person", |p| p.name.as_str());
        ui.label(
            RichText::new(format!("{name} is rating on their own: the team's consensus is not changed. Choose “Team consensus” to record what the team agrees."))
                .color(style::selected_stroke(ui.visuals())),
        );
    } else {
        ui.weak("Click a cell to choose that level for an indicator; click it again to clear it. With a cell focused (Tab), keys 1–4 choose a level and 0 or Delete clears it. Everything is saved as you go.");
    }
    ui.horizontal(|ui| {
        let views = [
            (CycleView::Grid, "Continuum grid"),
            (CycleView::Sides, "Compare sides"),
            (CycleView::Raters, "Each rater on a radar"),
        ];
        for (choice, label) in views {
            ui.selectable_value(
                &mut state.view,
                choice,
                RichText::new(label).size(style::size::BODY),
            );
        }
    });
    if cycle.instrument_key != continuum.key || cycle.instrument_version != continuum.version {
        ui.label(
            RichText::new(format!(
                "This cycle was rated with version {} of the tool, which this copy of PartnerPath does not include; it is shown with the wording of the {}. Install the newest PartnerPath to see its own.",
                cycle.instrument_version,
                continuum.name_and_version()
            ))
            .color(style::warning_text(ui.visuals())),
        );
    }
    if state.show_about {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&continuum.title).strong());
            for paragraph in &continuum.how_to_use {
                ui.label(paragraph);
            }
            source_line(ui, continuum);
        });
    }
    ui.add_space(style::space::S);
}

/// Said over a cycle whose levels are hidden until revealed.
const HIDDEN: &str = "Rate first, reveal together: each person rates on their own (choose them under “Rating as”, or send them a copy for rating apart), and no one's level is shown here, in Present or on paper until you choose “Reveal”. Hidden is not secret: whoever has this file can still read every level.";

/// "Rate first, reveal together" on a draft cycle, "Reveal" on a hidden
/// one.
fn hide_or_reveal(ui: &mut Ui, view: &PartnershipView, cycle: &Cycle, actions: &mut Actions) {
    if view.rating_copy.is_some() {
        return;
    }
    if cycle.hidden {
        if widgets::edit_button(ui, "Reveal")
            .on_hover_text("Show everyone's levels, the spread and the “Discuss” flags, so that the team can agree its level")
            .clicked()
        {
            actions.edit(Command::SetCycleHidden(cycle.id, false));
        }
    } else if cycle.status == CycleStatus::Draft
        && widgets::edit_button(ui, "Rate first, reveal together")
            .on_hover_text("Keep each person's level out of sight until you reveal them all at once, so that no one's level sways the others")
            .clicked()
    {
        actions.edit(Command::SetCycleHidden(cycle.id, true));
    }
}

/// The "Rating as" drop-down: the team's consensus or one person.
fn rater_choice(ui: &mut Ui, state: &mut ContinuumPage, view: &PartnershipView, cycle: &Cycle) {
    let mut rater = state.rater(view, cycle.id);
    let name = |rater: Rater| match rater {
        Rater::Consensus => "Team consensus".to_owned(),
        Rater::Person(id) => view
            .person(id)
            .map_or_else(String::new, |p| format!("{} ({})", p.name, p.side.label())),
    };
    ui.label("Rating as:");
    egui::ComboBox::from_id_salt("rater")
        .selected_text(name(rater))
        .width(style::width::CHOICE)
        .show_ui(ui, |ui| {
            let copy = view.rating_copy.as_ref().filter(|c| c.cycle == cycle.id);
            if copy.is_none() {
                ui.selectable_value(&mut rater, Rater::Consensus, name(Rater::Consensus));
            }
            for person in &view.people {
                let choice = Rater::Person(person.id);
                if copy.is_none_or(|c| c.rates_as(choice)) {
                    ui.selectable_value(&mut rater, choice, name(choice));
                }
            }
        })
        .response
        .accessible_name("Rating as");
    state.rater = Some((cycle.id, rater));
}

fn marker(person: &Person) -> Marker {
    Marker {
        initials: initials(&person.name),
        colour: style::side_colour(person.side),
    }
}

fn source_line(ui: &mut Ui, continuum: &Continuum) {
    ui.weak(format!("Source: {}", continuum.source.citation()));
}

fn column_headings(ui: &mut Ui, columns: &Columns, continuum: &Continuum) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = GAP;
        ui.allocate_exact_size(vec2(columns.name, 24.0), Sense::hover());
        for level in Level::ALL {
            let (rect, _) = ui.allocate_exact_size(vec2(columns.cell, 24.0), Sense::hover());
            ui.painter().text(
                rect.center(),
                Align2::CENTER_CENTER,
                format!("{} · {}", level.number(), continuum.level_name(level)),
                FontId::proportional(style::size::TAB),
                ui.visuals().strong_text_color(),
            );
        }
    });
}

#[expect(
    clippy::too_many_arguments,
    reason = "a row of the grid draws from the layout, the partnership, the indicator and its rating"
)]
fn indicator_row(
    ui: &mut Ui,
    state: &mut ContinuumPage,
    columns: &Columns,
    view: &PartnershipView,
    continuum: &Continuum,
    indicator: &Indicator,
    key: &RatingKey,
    rating: &Rating,
    editable: bool,
    actions: &mut Actions,
) {
    let mut cells = Vec::with_capacity(4);
    // With the team's consensus, show who chose each level on their own.
    // With the team's consensus, show who chose each level on their own;
    // until a hidden cycle is revealed, only how many have rated.
    let team = key.rater == Rater::Consensus;
    let individual = if team {
        view.levels_shown(key.cycle_id, &indicator.key)
    } else {
        Vec::new()
    };
    let spread = if team {
        view.spread_shown(key.cycle_id, &indicator.key)
    } else {
        None
    };
    let rated = (team && view.levels_hidden(key.cycle_id))
        .then(|| view.rated_so_far(key.cycle_id, &indicator.key));
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = GAP;
        ui.allocate_ui_with_layout(
            vec2(columns.name, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(columns.name);
                indicator_name(ui, state, continuum, indicator, rating, (spread, rated));
                indicator_evidence(ui, view, key.cycle_id, indicator, actions);
            },
        );
        let text_color = ui.visuals().text_color();
        let galleys: Vec<_> = Level::ALL
            .iter()
            .map(|level| {
                let text = continuum
                    .shown(indicator, Passage::Level(*level))
                    .join("\n\n");
                ui.painter().layout(
                    text,
                    FontId::proportional(style::size::CELL),
                    text_color,
                    columns.cell - PADDING * 2.0,
                )
            })
            .collect();
        let height =
            galleys.iter().map(|g| g.size().y).fold(0.0, f32::max) + PADDING * 2.0 + MARK_HEIGHT;
        for (level, galley) in Level::ALL.into_iter().zip(galleys) {
            let chosen = rating.level == Some(level);
            let label = format!("{}: {}", indicator.name, continuum.level_name(level));
            let choosers: Vec<&Person> = individual
                .iter()
                .filter(|(_, l)| *l == level)
                .map(|(person, _)| *person)
                .collect();
            let markers: Vec<Marker> = choosers.iter().map(|p| marker(p)).collect();
            let response = level_cell(
                ui,
                vec2(columns.cell, height),
                galley,
                chosen,
                editable,
                &label,
                &markers,
            );
            let response = if choosers.is_empty() {
                response
            } else {
                let names: Vec<String> = choosers
                    .iter()
                    .map(|p| format!("{} ({})", p.name, p.side.label()))
                    .collect();
                response.on_hover_text(format!("Chosen on their own by: {}", names.join(", ")))
            };
            if response.clicked() {
                response.request_focus();
                let level = if chosen { None } else { Some(level) };
                actions.edit(Command::SetLevel(key.clone(), level));
            }
            cells.push(response);
        }
    });
    if editable
        && cells.iter().any(Response::has_focus)
        && let Some(level) = typed_level(ui)
        && level != rating.level
    {
        actions.edit(Command::SetLevel(key.clone(), level));
    }
    if state.open_criteria.contains(&indicator.key) {
        criteria(ui, columns, continuum, indicator);
    }
    notes(
        ui,
        columns,
        indicator,
        &continuum.headings,
        key,
        rating,
        editable,
        actions,
    );
}

fn indicator_name(
    ui: &mut Ui,
    state: &mut ContinuumPage,
    continuum: &Continuum,
    indicator: &Indicator,
    rating: &Rating,
    (spread, rated): (Option<Spread>, Option<String>),
) {
    ui.label(
        RichText::new(&indicator.name)
            .size(style::size::SECTION)
            .strong(),
    );
    match rating.level {
        Some(level) => ui.label(format!("Rated: {}", continuum.level_name(level))),
        None => ui.weak("Not rated yet"),
    };
    if let Some(rated) = rated {
        ui.label(RichText::new(rated).strong()).on_hover_text(format!(
            "How many have rated {} on their own. Their levels stay hidden until the team chooses “Reveal”.",
            indicator.name
        ));
    }
    if let Some(spread) = spread.filter(Spread::needs_discussion) {
        ui.label(
            RichText::new(format!("Discuss: ratings {} levels apart", spread.gap()))
                .strong()
                .color(style::warning_text(ui.visuals())),
        )
        .on_hover_text(format!(
            "On their own, people rated {} from {} to {}.",
            indicator.name,
            continuum.level_name(spread.lowest),
            continuum.level_name(spread.highest)
        ));
    }
    let open = state.open_criteria.contains(&indicator.key);
    let text = if open {
        "Hide criteria & questions"
    } else {
        "Criteria & questions…"
    };
    if ui
        .selectable_label(open, text)
        .accessible_name(format!(
            "Criteria and probing questions for {}",
            indicator.name
        ))
        .clicked()
    {
        if open {
            state.open_criteria.remove(&indicator.key);
        } else {
            state.open_criteria.insert(indicator.key.clone());
        }
    }
    if let Some(note) = &indicator.note {
        widgets::note(ui, format!("Note from PartnerPath: {note}"));
    }
    if let Some(note) = continuum.filled_note(indicator) {
        widgets::note(ui, note);
    }
    if continuum.is_changed(&indicator.key) {
        widgets::note(ui, Continuum::CHANGED_NOTE);
    }
}

/// The button of the evidence attached to an indicator in this cycle,
/// with how many files and links there are.
fn indicator_evidence(
    ui: &mut Ui,
    view: &PartnershipView,
    cycle: CycleId,
    indicator: &Indicator,
    actions: &mut Actions,
) {
    let year = view.cycle(cycle).map_or("", |c| c.school_year.as_str());
    evidence::button(
        ui,
        view,
        &AttachedTo::Indicator(cycle, indicator.key.clone()),
        &format!("{}, {year}", indicator.name),
        actions,
    );
}

/// How far apart the raters' discs are, centre to centre.
const DISC_STEP: f32 = 22.0;

/// One level cell: the level's full text, marked when chosen by a thick
/// outline and a check mark, not by colour alone.
fn level_cell(
    ui: &mut Ui,
    size: egui::Vec2,
    galley: std::sync::Arc<egui::Galley>,
    chosen: bool,
    editable: bool,
    label: &str,
    markers: &[Marker],
) -> Response {
    let sense = if editable {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(size, sense);
    response.widget_info(|| WidgetInfo::selected(egui::Role::Button, editable, chosen, label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let (fill, stroke) = if chosen {
        (
            style::selected_fill(visuals),
            Stroke::new(3.0, style::selected_stroke(visuals)),
        )
    } else if response.hovered() && editable {
        (
            visuals.widgets.hovered.weak_bg_fill,
            Stroke::new(1.5, visuals.widgets.hovered.bg_stroke.color),
        )
    } else {
        (
            visuals.extreme_bg_color,
            Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        )
    };
    let painter = ui.painter();
    painter.rect(rect, 6.0, fill, stroke, StrokeKind::Inside);
    if response.has_focus() {
        painter.rect_stroke(
            rect.expand(2.0),
            8.0,
            Stroke::new(2.0, visuals.selection.stroke.color),
            StrokeKind::Outside,
        );
    }
    if chosen {
        let color = style::selected_stroke(visuals);
        let origin = rect.left_top() + vec2(PADDING, PADDING);
        painter.add(egui::Shape::line(
            vec![
                origin + vec2(1.0, 8.0),
                origin + vec2(5.5, 13.0),
                origin + vec2(14.0, 2.0),
            ],
            Stroke::new(2.5, color),
        ));
        painter.text(
            origin + vec2(20.0, 0.0),
            Align2::LEFT_TOP,
            "Chosen",
            FontId::proportional(style::size::CELL),
            color,
        );
    } else if response.hovered() && editable {
        painter.text(
            rect.left_top() + vec2(PADDING, PADDING),
            Align2::LEFT_TOP,
            "Click to choose",
            FontId::proportional(style::size::CHART),
            visuals.weak_text_color(),
        );
    }
    // Who chose this level on their own: discs with initials, right-aligned,
    // as many as fit beside "Chosen" (or "Click to choose"); the others are
    // counted in a last disc ("+5"), and all are named on hover.
    let words = if chosen {
        Some(("Chosen", style::size::CELL, 20.0))
    } else if response.hovered() && editable {
        Some(("Click to choose", style::size::CHART, 0.0))
    } else {
        None
    };
    let taken = words.map_or(0.0, |(text, size, indent)| {
        indent
            + painter
                .layout_no_wrap(
                    text.to_owned(),
                    FontId::proportional(size),
                    Color32::PLACEHOLDER,
                )
                .size()
                .x
            + 6.0
    });
    rater_discs(painter, visuals, rect, markers, taken);
    let text_pos = rect.left_top() + vec2(PADDING, PADDING + MARK_HEIGHT);
    painter.galley(text_pos, galley, Color32::PLACEHOLDER);
    response
}

/// The raters' discs in a cell's top right corner, leaving `taken` points
/// on the left free; those that do not fit are counted in a last disc.
fn rater_discs(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    rect: egui::Rect,
    markers: &[Marker],
    taken: f32,
) {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a count of discs, from a width in points"
    )]
    let room = ((rect.width() - 2.0 * PADDING - taken) / DISC_STEP).max(0.0) as usize;
    let (fit, more) = discs_that_fit(markers.len(), room);
    let shown = &markers[..fit];
    let mut x = rect.right() - PADDING - 9.0;
    if more > 0 {
        let centre = egui::pos2(x, rect.top() + PADDING + 8.0);
        let weak = visuals.widgets.inactive.bg_fill;
        painter.circle_filled(centre, 10.0, weak);
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            format!("+{more}"),
            FontId::proportional(style::size::MARKER),
            visuals.text_color(),
        );
        x -= DISC_STEP;
    }
    for marker in shown.iter().rev() {
        let centre = egui::pos2(x, rect.top() + PADDING + 8.0);
        painter.circle_filled(centre, 10.0, marker.colour);
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            &marker.initials,
            FontId::proportional(style::size::MARKER),
            style::marker_text(marker.colour),
        );
        x -= DISC_STEP;
    }
}

/// Of `count` discs, with `room` for so many: how many show, and how many
/// the last disc counts ("+3") when not all fit.
fn discs_that_fit(count: usize, room: usize) -> (usize, usize) {
    if count > room {
        let shown = room.saturating_sub(1);
        (shown, count - shown)
    } else {
        (count, 0)
    }
}

/// A level typed on the keyboard: 1–4 choose, 0 or Delete clears.
fn typed_level(ui: &mut Ui) -> Option<Option<Level>> {
    let keys = [
        (Key::Num1, Level::new(1)),
        (Key::Num2, Level::new(2)),
        (Key::Num3, Level::new(3)),
        (Key::Num4, Level::new(4)),
        (Key::Num0, None),
        (Key::Delete, None),
        (Key::Backspace, None),
    ];
    ui.input_mut(|input| {
        keys.into_iter()
            .find(|(key, _)| input.consume_key(egui::Modifiers::NONE, *key))
            .map(|(_, level)| level)
    })
}

fn criteria(ui: &mut Ui, columns: &Columns, continuum: &Continuum, indicator: &Indicator) {
    let headings = &continuum.headings;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = GAP;
        ui.allocate_exact_size(vec2(columns.name, 0.0), Sense::hover());
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(columns.span(4) - 16.0);
            ui.columns(2, |halves| {
                bullet_list(
                    &mut halves[0],
                    &headings.criteria,
                    &continuum.shown(indicator, Passage::Criteria),
                );
                bullet_list(
                    &mut halves[1],
                    &headings.questions,
                    &continuum.questions_shown(indicator),
                );
            });
        });
    });
}

fn bullet_list(ui: &mut Ui, title: &str, items: &[String]) {
    ui.label(RichText::new(title).strong());
    for item in items {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.add(egui::Label::new(item).wrap());
        });
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the two boxes need the row's layout, indicator, headings and rating, and the actions"
)]
fn notes(
    ui: &mut Ui,
    columns: &Columns,
    indicator: &Indicator,
    headings: &Headings,
    key: &RatingKey,
    rating: &Rating,
    editable: bool,
    actions: &mut Actions,
) {
    ui.add_space(style::space::XS);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = GAP;
        ui.allocate_exact_size(vec2(columns.name, 0.0), Sense::hover());
        let boxes = [
            (
                headings.evidence.as_str(),
                "evidence",
                rating.evidence.as_str(),
                "What shows the partnership is at this level?",
            ),
            (
                headings.next_steps.as_str(),
                "next steps",
                rating.next_steps.as_str(),
                "What will move the partnership forward, and who will do it?",
            ),
        ];
        for (title, salt, stored, hint) in boxes {
            ui.allocate_ui_with_layout(
                vec2(columns.span(2), 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(columns.span(2));
                    ui.label(RichText::new(title).strong());
                    let id = Id::unique((salt, key.cycle_id, &key.indicator_key, key.rater));
                    let name = format!("{title} for {}", indicator.name);
                    if let Some(text) = widgets::long_text(ui, id, stored, &name, hint, 2, editable)
                    {
                        let command = if salt == "evidence" {
                            Command::SetEvidence(key.clone(), text)
                        } else {
                            Command::SetNextSteps(key.clone(), text)
                        };
                        actions.edit(command);
                    }
                },
            );
        }
    });
}

#[cfg(test)]
mod columns_tests {
    use super::*;

    /// A dozen raters on one level: as many discs as fit, the last one
    /// counting the rest; none hidden when all fit.
    #[test]
    fn the_discs_that_do_not_fit_are_counted() {
        assert_eq!(discs_that_fit(12, 7), (6, 6));
        assert_eq!(discs_that_fit(4, 7), (4, 0));
        assert_eq!(discs_that_fit(7, 7), (7, 0));
        assert_eq!(discs_that_fit(3, 0), (0, 3));
    }

    /// The names' column and four level cells, with their gaps.
    fn total(c: &Columns) -> f32 {
        c.name + GAP * 4.0 + c.cell * 4.0
    }

    #[test]
    fn four_levels_fit_beside_the_names_at_a_large_zoom_and_keep_the_wide_names_otherwise() {
        // The page at 1366 points, and at 200 % (683 points, less the side
        // panel's drop-down row and the scroll bar).
        let wide = Columns::new(1130.0);
        assert!((wide.name - NAME_WIDTH).abs() < f32::EPSILON);
        assert!(total(&wide) <= 1130.0 + 0.01);
        let zoomed = Columns::new(665.0);
        assert!((zoomed.name - NARROW_NAME_WIDTH).abs() < f32::EPSILON);
        assert!(total(&zoomed) <= 665.0 + 0.01, "{}", total(&zoomed));
        assert!(zoomed.cell >= MIN_CELL);
    }
}
