//! One indicator of a continuum cycle on the projector: its name and
//! category, the criteria and probing questions, the four levels as cards
//! with their whole text, the team's level marked, who chose each level on
//! their own, and a line for the supporting evidence.
//!
//! The slide is measured before it is drawn (`plan`): the largest text at
//! which everything fits the screen, and of the ways to arrange the boxes
//! the one that needs the least height at that size.

use egui::{Align2, FontId, Id, Rect, Sense, Stroke, StrokeKind, Ui, WidgetInfo, pos2, vec2};

use super::fit::{self, GAP, PAD, below};
use crate::instrument::{Continuum, Indicator, Passage};
use crate::model::{Level, Person, RatingKey, initials};
use crate::ui::kit::style;

/// What an indicator's slide shows, in words.
#[derive(Hash)]
pub struct IndicatorText {
    pub name: String,
    /// Above the name: the category, where we are, and a flag to discuss.
    pub kicker: String,
    pub criteria_heading: String,
    pub criteria: Vec<String>,
    pub questions_heading: String,
    pub questions: Vec<String>,
    /// "1 · Emerging" and the others.
    pub titles: [String; 4],
    /// "Emerging" and the others, as the grid's cells are named.
    pub level_names: [String; 4],
    pub levels: [String; 4],
    /// How many chose each level on their own (each a disc on its card).
    pub discs: [usize; 4],
    /// The room kept at the right of the kicker's line for the button of
    /// PartnerPath's notes, if there are notes.
    pub notes_room: u32,
}

impl IndicatorText {
    pub fn new(
        continuum: &Continuum,
        indicator: &Indicator,
        kicker: String,
        discs: [usize; 4],
    ) -> Self {
        let headings = &continuum.headings;
        IndicatorText {
            name: indicator.name.clone(),
            kicker,
            criteria_heading: headings.criteria.clone(),
            criteria: continuum.shown(indicator, Passage::Criteria),
            questions_heading: headings.questions.clone(),
            questions: continuum.questions_shown(indicator),
            titles: Level::ALL
                .map(|level| format!("{} · {}", level.number(), continuum.level_name(level))),
            level_names: Level::ALL.map(|level| continuum.level_name(level).to_owned()),
            levels: Level::ALL
                .map(|level| continuum.shown(indicator, Passage::Level(level)).join("\n")),
            discs,
            notes_room: 0,
        }
    }
}

/// Where the criteria and the questions go: in boxes side by side, each
/// this wide and holding these lines of `prompt_lines` (the criteria's
/// heading and items, then the questions'), or the questions' box under
/// the criteria's.
#[derive(Debug, Clone, PartialEq)]
enum Prompts {
    Columns(Vec<(f32, std::ops::Range<usize>)>),
    Stacked,
}

/// The criteria and the questions as the lines of their boxes.
fn prompt_lines(text: &IndicatorText) -> Vec<fit::Line> {
    let mut lines = fit::list(&text.criteria_heading, &text.criteria);
    lines.extend(fit::list(&text.questions_heading, &text.questions));
    lines
}

/// Where the four cards go.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cards {
    /// In a row, each this wide.
    Row([f32; 4]),
    /// One under the other, the titles in a column this wide.
    Stacked(f32),
    /// One under the other, each title above its text.
    Column,
}

/// The slide measured for a screen: its text size, whether it fits, and
/// where each box goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub size: f32,
    pub fits: bool,
    /// The kicker on the name's line (else on a line above it).
    kicker_beside: bool,
    head: f32,
    prompts: Prompts,
    prompts_height: f32,
    cards: Cards,
    cards_height: f32,
    /// The criteria and questions in a column this wide on the left and
    /// the cards in a column on the right, rather than the one row above
    /// the other.
    side: Option<f32>,
}

impl Plan {
    /// The height of the criteria, questions and cards together.
    fn body(&self, size: f32) -> f32 {
        match self.side {
            Some(_) => self.prompts_height.max(self.cards_height),
            None => self.prompts_height + GAP * size + self.cards_height,
        }
    }
}

/// The space between a card's title and its text, in text sizes.
const UNDER_TITLE: f32 = 0.2;
/// The room for the "agreed" check before a card's title, in text sizes.
const CHECK: f32 = 1.1;
/// A disc with a rater's initials: its row's height, and the step from one
/// to the next, in text sizes.
const DISC_ROW: f32 = 1.9;
const DISC_STEP: f32 = 1.9;

/// Measures the slide for an area of `area` points, with a bottom bar
/// whose text is at most `bar` points.
pub fn plan(ui: &Ui, text: &IndicatorText, area: egui::Vec2, bar: f32) -> Plan {
    let mut best = None;
    let (size, fits) = fit::largest(|size| {
        let plan = arrange(ui, text, area.x, size);
        let fits = height(ui, &plan, size, bar) <= area.y;
        if fits {
            best = Some(plan);
        }
        fits
    });
    let mut plan = match best.filter(|p| (p.size - size).abs() < f32::EPSILON) {
        Some(plan) => plan,
        None => arrange(ui, text, area.x, size),
    };
    plan.fits = fits;
    plan
}

/// The whole slide's height, its bar's text at `bar` points.
pub fn height_with_bar(ui: &Ui, plan: &Plan, bar: f32) -> f32 {
    height(ui, plan, plan.size, bar)
}

/// The whole slide's height with `plan` at `size`.
fn height(ui: &Ui, plan: &Plan, size: f32, bar: f32) -> f32 {
    plan.head + GAP * size + plan.body(size) + GAP * size + fit::bar_height(ui, size.min(bar))
}

/// The arrangement that needs the least height at `size` in `width`.
fn arrange(ui: &Ui, text: &IndicatorText, width: f32, size: f32) -> Plan {
    let gap = GAP * size;
    // The name, and the kicker beside it when both fit on one line.
    #[expect(clippy::cast_precision_loss, reason = "a width in points")]
    let extra = text.notes_room as f32 * size / 20.0;
    let (head, kicker_beside) =
        fit::head_height(ui, (&text.name, &text.kicker), size, width, extra);
    // The criteria and questions: side by side at several shares of the
    // width, or one under the other.
    let criteria_lines = fit::list(&text.criteria_heading, &text.criteria);
    let question_lines = fit::list(&text.questions_heading, &text.questions);
    let criteria = |w: f32| fit::box_height(ui, &criteria_lines, size, w);
    let questions = |w: f32| fit::box_height(ui, &question_lines, size, w);
    let mut prompts = (Prompts::Stacked, criteria(width) + gap + questions(width));
    let lines = prompt_lines(text);
    let split = criteria_lines.len();
    for share in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6] {
        let left = (width - gap) * share;
        let h = criteria(left).max(questions(width - gap - left));
        if h < prompts.1 {
            let right = width - gap - left;
            let columns = vec![(left, 0..split), (right, split..lines.len())];
            prompts = (Prompts::Columns(columns), h);
        }
    }
    // Or flowing, whole items, through two or three columns of one width.
    for count in [2, 3] {
        if let Some(flow) = flow(ui, &lines, size, width, count)
            && flow.1 < prompts.1
        {
            prompts = flow;
        }
    }
    // The cards: in a row, wider where their text is longer, or stacked.
    let title_width = text
        .titles
        .iter()
        .map(|t| fit::width(ui, t, size))
        .fold(0.0, f32::max);
    let stacked_titles = title_width + CHECK * size + PAD * size;
    let mut cards = (
        Cards::Stacked(stacked_titles),
        stacked_height(ui, text, size, width, stacked_titles),
    );
    // In a row no word of a card is cut, and its title stays on one line
    // unless the four cannot have that.
    let longest = |t: &str| {
        t.split_whitespace()
            .map(|w| fit::width(ui, w, size))
            .fold(0.0, f32::max)
    };
    let pads = 2.0 * PAD * size;
    let words = std::array::from_fn::<f32, 4, _>(|i| longest(&text.levels[i]) + pads);
    let whole = std::array::from_fn::<f32, 4, _>(|i| {
        (fit::width(ui, &text.titles[i], size) + CHECK * size + pads).max(words[i])
    });
    let broken = std::array::from_fn::<f32, 4, _>(|i| {
        (longest(&text.titles[i]) + CHECK * size + pads).max(words[i])
    });
    let least = if whole.iter().sum::<f32>() + 3.0 * gap <= width {
        whole
    } else {
        broken
    };
    for power in [0.0, 0.5, 0.75, 1.0, 1.25] {
        let Some(widths) = card_widths(text, size, width, power, least) else {
            break;
        };
        let h = row_height(ui, text, size, &widths);
        if h < cards.1 {
            cards = (Cards::Row(widths), h);
        }
    }
    let rows = Plan {
        size,
        fits: false,
        kicker_beside,
        head,
        prompts: prompts.0,
        prompts_height: prompts.1,
        cards: cards.0,
        cards_height: cards.1,
        side: None,
    };
    // Or the criteria and questions on the left, the cards on the right.
    let mut best = rows;
    for share in [0.35, 0.4, 0.45, 0.5, 0.55, 0.6] {
        let left = (width - gap) * share;
        let right = width - gap - left;
        let prompts_height = criteria(left) + gap + questions(left);
        let cards_height = column_height(ui, text, size, right);
        let side = Plan {
            prompts: Prompts::Stacked,
            prompts_height,
            cards: Cards::Column,
            cards_height,
            side: Some(left),
            ..best.clone()
        };
        if side.body(size) < best.body(size) {
            best = side;
        }
    }
    best
}

/// The height of a card in a column `width` wide.
fn column_card(ui: &Ui, text: &IndicatorText, size: f32, i: usize, width: f32) -> f32 {
    card_top(ui, text, size, i, width)
        + fit::height(ui, &text.levels[i], size, width - 2.0 * PAD * size)
        + PAD * size
}

/// The four cards one under the other in a column `width` wide.
fn column_height(ui: &Ui, text: &IndicatorText, size: f32, width: f32) -> f32 {
    (0..4)
        .map(|i| column_card(ui, text, size, i, width))
        .sum::<f32>()
        + 3.0 * GAP * size
}

/// The lines flowed through `count` columns of one width (never a heading
/// at the foot of a column), as even as whole items allow.
fn flow(
    ui: &Ui,
    lines: &[fit::Line],
    size: f32,
    width: f32,
    count: usize,
) -> Option<(Prompts, f32)> {
    let gap = GAP * size;
    #[expect(clippy::cast_precision_loss, reason = "two or three columns")]
    let column = (width - gap * (count - 1) as f32) / count as f32;
    let inner = column - 2.0 * PAD * size;
    let heights: Vec<f32> = lines
        .iter()
        .map(|l| fit::height(ui, &l.text, size, inner) + fit::AFTER_ITEM * size)
        .collect();
    let sum = |r: std::ops::Range<usize>| 2.0 * PAD * size + heights[r].iter().sum::<f32>();
    // A column may start at any line but one that follows a heading.
    let starts: Vec<usize> = (1..lines.len())
        .filter(|&i| lines[i - 1].look != fit::Look::Strong)
        .collect();
    let n = lines.len();
    let mut best: Option<(Vec<std::ops::Range<usize>>, f32)> = None;
    let mut consider = |ranges: Vec<std::ops::Range<usize>>| {
        let h = ranges.iter().map(|r| sum(r.clone())).fold(0.0, f32::max);
        if best.as_ref().is_none_or(|b| h < b.1) {
            best = Some((ranges, h));
        }
    };
    match count {
        2 => {
            for &a in &starts {
                consider(vec![0..a, a..n]);
            }
        }
        _ => {
            for &a in &starts {
                for &b in starts.iter().filter(|&&b| b > a) {
                    consider(vec![0..a, a..b, b..n]);
                }
            }
        }
    }
    best.map(|(ranges, h)| {
        (
            Prompts::Columns(ranges.into_iter().map(|r| (column, r)).collect()),
            h,
        )
    })
}

/// Four widths filling `width` less the gaps, each in proportion to its
/// text's length to the `power` (0: all alike), none narrower than its
/// `least`; none when the four least do not fit.
fn card_widths(
    text: &IndicatorText,
    size: f32,
    width: f32,
    power: f32,
    least: [f32; 4],
) -> Option<[f32; 4]> {
    let room = width - 3.0 * GAP * size;
    if least.iter().sum::<f32>() > room {
        return None;
    }
    #[expect(clippy::cast_precision_loss, reason = "a text's length")]
    let weights = text
        .levels
        .clone()
        .map(|t| (t.chars().count().max(1) as f32).powf(power));
    let mut widths = [0.0; 4];
    // Those whose share is under their least get it; the rest share what
    // is left in proportion, until none is under.
    let mut fixed = [false; 4];
    loop {
        let free: f32 = room - (0..4).filter(|&i| fixed[i]).map(|i| least[i]).sum::<f32>();
        let total: f32 = (0..4).filter(|&i| !fixed[i]).map(|i| weights[i]).sum();
        let mut changed = false;
        for i in 0..4 {
            widths[i] = if fixed[i] {
                least[i]
            } else {
                free * weights[i] / total
            };
        }
        for i in 0..4 {
            if !fixed[i] && widths[i] < least[i] {
                fixed[i] = true;
                changed = true;
            }
        }
        if !changed {
            return Some(widths);
        }
    }
}

/// A card's head in a row: its title, and the discs of those who chose
/// its level on their own, beside the title when one fits there (the
/// others counted in it),
/// else on a row of their own under it.
struct Head {
    title: f32,
    /// Where the discs start, from the title's left, when beside it.
    beside: Option<f32>,
    height: f32,
}

/// A disc's diameter, in text sizes.
const DISC: f32 = 1.7;

fn card_head(ui: &Ui, text: &IndicatorText, size: f32, i: usize, width: f32) -> Head {
    let title = &text.titles[i];
    let has = text.discs[i] > 0;
    let inner = width - 2.0 * PAD * size - CHECK * size;
    let one_line = fit::width(ui, title, size);
    let title_height = fit::height(ui, title, size, inner);
    let room = inner - one_line - GAP * size;
    let beside = (has && room >= DISC_STEP * size).then_some(one_line + GAP * size);
    let height = match (has, beside) {
        (false, _) => title_height,
        (true, Some(_)) => title_height.max(DISC * size),
        (true, None) => title_height + DISC_ROW * size,
    };
    Head {
        title: title_height,
        beside,
        height,
    }
}

/// A card's height above its text: padding, head, and a little space.
fn card_top(ui: &Ui, text: &IndicatorText, size: f32, i: usize, width: f32) -> f32 {
    PAD * size + card_head(ui, text, size, i, width).height + UNDER_TITLE * size
}

fn row_height(ui: &Ui, text: &IndicatorText, size: f32, widths: &[f32; 4]) -> f32 {
    (0..4)
        .map(|i| {
            card_top(ui, text, size, i, widths[i])
                + fit::height(ui, &text.levels[i], size, widths[i] - 2.0 * PAD * size)
                + PAD * size
        })
        .fold(0.0, f32::max)
}

fn stacked_height(ui: &Ui, text: &IndicatorText, size: f32, width: f32, titles: f32) -> f32 {
    (0..4)
        .map(|i| stacked_card(ui, text, size, i, width, titles))
        .sum::<f32>()
        + 3.0 * UNDER_TITLE * size
}

/// A card one under the other, its title in a column `titles` wide.
fn stacked_card(
    ui: &Ui,
    text: &IndicatorText,
    size: f32,
    i: usize,
    width: f32,
    titles: f32,
) -> f32 {
    let discs = if text.discs[i] > 0 {
        DISC_ROW * size
    } else {
        0.0
    };
    let inner = width - titles - 2.0 * PAD * size;
    let left = fit::row(ui, size) + discs;
    2.0 * PAD * size + left.max(fit::height(ui, &text.levels[i], size, inner))
}

/// A person who chose a level on their own.
pub struct Chooser<'a> {
    pub person: &'a Person,
    pub level: Level,
}

/// What the cards need besides the text: the team's level, who chose
/// what, and whether a click changes it.
pub struct CardsState<'a> {
    pub chosen: Option<Level>,
    pub choosers: &'a [Chooser<'a>],
    pub editable: bool,
    pub key: &'a RatingKey,
}

/// Draws the slide's head (the kicker and the name, `extra` at the right
/// of the kicker) in `rect`; returns the rect below it.
pub fn draw_head(
    ui: &mut Ui,
    text: &IndicatorText,
    plan: &Plan,
    rect: Rect,
    extra: &mut dyn FnMut(&mut Ui),
) -> Rect {
    let size = plan.size;
    let head = Rect::from_min_size(rect.min, vec2(rect.width(), plan.head));
    fit::draw_head(
        ui,
        (&text.name, &text.kicker),
        size,
        head,
        plan.kicker_beside,
        extra,
    );
    below(rect, plan.head + GAP * size)
}

/// Draws the criteria, the questions and the cards; returns the level
/// clicked, if one was, and the rect below them.
pub fn draw_body(
    ui: &mut Ui,
    text: &IndicatorText,
    plan: &Plan,
    rect: Rect,
    state: &CardsState<'_>,
) -> (Option<Level>, Rect) {
    let gap = GAP * plan.size;
    if let Some(left) = plan.side {
        let prompts = Rect::from_min_size(rect.min, vec2(left, rect.height()));
        draw_prompts(ui, text, plan, prompts);
        let cards = Rect::from_min_max(pos2(rect.left() + left + gap, rect.top()), rect.max);
        let (clicked, _) = draw_cards(ui, text, plan, cards, state);
        (clicked, below(rect, plan.body(plan.size) + gap))
    } else {
        let rest = draw_prompts(ui, text, plan, rect);
        draw_cards(ui, text, plan, rest, state)
    }
}

/// Draws the criteria and questions; returns the rect below them.
fn draw_prompts(ui: &mut Ui, text: &IndicatorText, plan: &Plan, rect: Rect) -> Rect {
    let size = plan.size;
    let gap = GAP * size;
    let criteria = fit::list(&text.criteria_heading, &text.criteria);
    let questions = fit::list(&text.questions_heading, &text.questions);
    match &plan.prompts {
        Prompts::Columns(columns) => {
            let lines = prompt_lines(text);
            let mut x = rect.left();
            for (w, range) in columns {
                let column =
                    Rect::from_min_size(pos2(x, rect.top()), vec2(*w, plan.prompts_height));
                fit::draw_box(ui, &lines[range.clone()], size, column);
                x += w + gap;
            }
        }
        Prompts::Stacked => {
            let w = rect.width();
            let first = fit::box_height(ui, &criteria, size, w);
            fit::draw_box(
                ui,
                &criteria,
                size,
                Rect::from_min_size(rect.min, vec2(w, first)),
            );
            let second = plan.prompts_height - first - gap;
            fit::draw_box(
                ui,
                &questions,
                size,
                Rect::from_min_size(rect.min + vec2(0.0, first + gap), vec2(w, second)),
            );
        }
    }
    below(rect, plan.prompts_height + gap)
}

/// Draws the four cards; returns the level clicked, if one was, and the
/// rect below them.
fn draw_cards(
    ui: &mut Ui,
    text: &IndicatorText,
    plan: &Plan,
    rect: Rect,
    state: &CardsState<'_>,
) -> (Option<Level>, Rect) {
    let size = plan.size;
    let mut clicked = None;
    let titles = match plan.cards {
        Cards::Stacked(titles) => Some(titles),
        Cards::Row(_) | Cards::Column => None,
    };
    for (level, card) in Level::ALL.into_iter().zip(card_rects(ui, text, plan, rect)) {
        if card_widget(ui, text, size, card, level, titles, state) {
            clicked = Some(level);
        }
    }
    (clicked, below(rect, plan.cards_height + GAP * size))
}

/// Where the four cards go in `rect`, as the plan arranged them.
fn card_rects(ui: &Ui, text: &IndicatorText, plan: &Plan, rect: Rect) -> [Rect; 4] {
    let size = plan.size;
    let mut at = rect.min;
    std::array::from_fn(|i| {
        let (width, height, step) = match plan.cards {
            Cards::Row(widths) => (
                widths[i],
                plan.cards_height,
                vec2(widths[i] + GAP * size, 0.0),
            ),
            Cards::Column => {
                let h = column_card(ui, text, size, i, rect.width());
                (rect.width(), h, vec2(0.0, h + GAP * size))
            }
            Cards::Stacked(titles) => {
                let h = stacked_card(ui, text, size, i, rect.width(), titles);
                (rect.width(), h, vec2(0.0, h + UNDER_TITLE * size))
            }
        };
        let card = Rect::from_min_size(at, vec2(width, height));
        at += step;
        card
    })
}

/// One level's card in `rect`: its title (with the check when the team
/// chose it), the discs of those who chose it on their own, and its text;
/// the text beside a column of `titles` points when stacked. Returns
/// whether it was clicked.
fn card_widget(
    ui: &mut Ui,
    text: &IndicatorText,
    size: f32,
    rect: Rect,
    level: Level,
    titles: Option<f32>,
    state: &CardsState<'_>,
) -> bool {
    let i = level.index();
    let chosen = state.chosen == Some(level);
    let label = format!("{}: {}", text.name, text.level_names[i]);
    let sense = if state.editable {
        Sense::click()
    } else {
        Sense::hover()
    };
    let id = Id::unique(("present card", &state.key.indicator_key, i));
    let response = ui.interact(rect, id, sense);
    response
        .widget_info(|| WidgetInfo::selected(egui::Role::Button, state.editable, chosen, &label));
    let visuals = ui.visuals();
    let (fill, stroke) = if chosen {
        (
            style::selected_fill(visuals),
            Stroke::new(4.0, style::selected_stroke(visuals)),
        )
    } else if response.hovered() && state.editable {
        (
            visuals.widgets.hovered.weak_bg_fill,
            Stroke::new(2.0, visuals.widgets.hovered.bg_stroke.color),
        )
    } else {
        (
            visuals.extreme_bg_color,
            Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        )
    };
    let painter = ui.painter();
    painter.rect(rect, 8.0, fill, stroke, StrokeKind::Inside);
    let pad = PAD * size;
    let origin = rect.min + vec2(pad, pad);
    let text_colour = visuals.text_color();
    let strong = visuals.strong_text_color();
    if chosen {
        let colour = style::selected_stroke(visuals);
        let s = size / 16.0;
        painter.add(egui::Shape::line(
            vec![
                origin + vec2(1.0 * s, 8.0 * s),
                origin + vec2(5.5 * s, 13.0 * s),
                origin + vec2(14.0 * s, 2.0 * s),
            ],
            Stroke::new(3.0, colour),
        ));
    }
    let title_width = titles.map_or(rect.width() - 2.0 * pad, |t| t - pad) - CHECK * size;
    let title = fit::galley(ui, &text.titles[i], size, title_width, strong);
    painter.galley(origin + vec2(CHECK * size, 0.0), title, strong);
    let mine: Vec<&Person> = state
        .choosers
        .iter()
        .filter(|c| c.level == level)
        .map(|c| c.person)
        .collect();
    let inner = rect.width() - 2.0 * pad;
    let (discs_at, discs_width, text_at, text_width) = match titles {
        None => {
            let head = card_head(ui, text, size, i, rect.width());
            let text_at = origin + vec2(0.0, head.height + UNDER_TITLE * size);
            match head.beside {
                Some(x) => {
                    let x = CHECK * size + x;
                    (origin + vec2(x, 0.0), inner - x, text_at, inner)
                }
                None => (
                    origin + vec2(0.0, head.title + (DISC_ROW - DISC) * size),
                    inner,
                    text_at,
                    inner,
                ),
            }
        }
        Some(t) => (
            origin + vec2(0.0, fit::row(ui, size) + (DISC_ROW - DISC) * size),
            t - pad,
            origin + vec2(t, 0.0),
            rect.width() - t - 2.0 * pad,
        ),
    };
    discs(ui, &mine, discs_at, discs_width, size);
    let body = fit::galley(ui, &text.levels[i], size, text_width, text_colour);
    ui.painter().galley(text_at, body, text_colour);
    if response.hovered() && !mine.is_empty() {
        let names: Vec<String> = mine
            .iter()
            .map(|p| format!("{} ({})", p.name, p.side.label()))
            .collect();
        response
            .clone()
            .on_hover_text(format!("Chosen on their own by: {}", names.join(", ")));
    }
    response.clicked()
}

/// The discs of those who chose a level on their own, from `at`, as many
/// as fit in `width`, the last counting the rest ("+5").
fn discs(ui: &Ui, people: &[&Person], at: egui::Pos2, width: f32, size: f32) {
    if people.is_empty() {
        return;
    }
    let step = DISC_STEP * size;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a count of discs, from a width in points"
    )]
    let room = (width / step).max(1.0) as usize;
    let (shown, more) = if people.len() > room {
        (room - 1, people.len() - (room - 1))
    } else {
        (people.len(), 0)
    };
    let painter = ui.painter();
    let radius = DISC / 2.0 * size;
    let mut centre = at + vec2(radius, radius);
    for person in &people[..shown] {
        let colour = style::side_colour(person.side);
        painter.circle_filled(centre, radius, colour);
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            initials(&person.name),
            FontId::proportional(size),
            style::marker_text(colour),
        );
        centre.x += step;
    }
    if more > 0 {
        let visuals = ui.visuals();
        painter.circle_filled(centre, radius, visuals.widgets.inactive.bg_fill);
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            format!("+{more}"),
            FontId::proportional(size),
            visuals.text_color(),
        );
    }
}
