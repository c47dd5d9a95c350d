//! PartnerPath's own words among a published tool's: its titles, labels
//! and options are drawn in italics, and the tool says so under its title
//! (`instrument::OURS_KEY`), so that no label of PartnerPath's reads as the
//! source's. The words themselves are unchanged, so that each control's
//! accessible name is its label.

use egui::text::LayoutJob;
use egui::{Align, FontSelection, RichText, Style, Ui, WidgetText};

use crate::instrument::{Column, Field, OURS_KEY, Worksheet};

/// `text`, in italics when PartnerPath wrote it.
pub fn text(text: impl Into<String>, from_source: bool) -> RichText {
    let text = RichText::new(text);
    if from_source { text } else { text.italics() }
}

/// A field's label as shown: the source's label, and PartnerPath's `part`
/// after a dash in italics; all in italics when PartnerPath wrote the
/// label.
pub fn field(style: &Style, field: &Field) -> WidgetText {
    match &field.part {
        None => text(&field.label, field.source).into(),
        Some(part) => {
            let mut job = LayoutJob::default();
            let mut add = |piece: RichText| {
                piece.append_to(&mut job, style, FontSelection::Default, Align::Min);
            };
            add(text(format!("{} — ", field.label), field.source));
            add(RichText::new(part).italics());
            job.into()
        }
    }
}

/// A column's label, in italics when PartnerPath wrote it.
pub fn column(column: &Column) -> RichText {
    text(&column.label, column.source)
}

/// An option of a choice, in italics when PartnerPath wrote it.
pub fn option(option: &str, ours: &[String]) -> RichText {
    text(option, !ours.iter().any(|o| o == option))
}

/// The key under a worksheet's title, when it has words of PartnerPath's.
pub fn key(ui: &mut Ui, sheet: &Worksheet) {
    if sheet.has_ours() {
        ui.label(RichText::new(OURS_KEY).italics().weak());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::Instruments;

    /// Whether each piece of the text as drawn is in italics.
    fn pieces(text: WidgetText) -> Vec<bool> {
        let job = text.into_layout_job(&Style::default(), FontSelection::Default, Align::Min);
        job.sections.iter().map(|s| s.format.italics).collect()
    }

    #[test]
    fn partnerpaths_labels_and_options_are_in_italics_and_the_sources_are_not() {
        let instruments = Instruments::builtin().expect("instruments");
        let style = Style::default();
        let (mut ours, mut theirs, mut our_options) = (0, 0, 0);
        for sheet in instruments.worksheets {
            for section in &sheet.sections {
                for f in &section.fields {
                    let drawn = pieces(field(&style, f));
                    assert_eq!(drawn[0], !f.source, "{}: {}", sheet.key, f.label);
                    if f.part.is_some() {
                        assert_eq!(drawn.last().copied(), Some(true), "{}", f.label);
                    }
                    for c in &f.columns {
                        assert_eq!(pieces(column(c).into())[0], !c.source, "{}", c.label);
                        if c.source {
                            theirs += 1;
                        } else {
                            ours += 1;
                        }
                    }
                    let options = f.options.iter().map(|o| (o, &f.options_ours)).chain(
                        f.columns
                            .iter()
                            .flat_map(|c| c.options.iter().map(move |o| (o, &c.options_ours))),
                    );
                    for (o, marked) in options {
                        let italic = pieces(option(o, marked).into())[0];
                        assert_eq!(italic, marked.contains(o), "{o}");
                        our_options += usize::from(italic);
                    }
                }
            }
        }
        assert!(
            ours > 10 && theirs > 10,
            "{ours} of PartnerPath's, {theirs} of the sources'"
        );
        assert!(
            our_options >= 4,
            "Adopt, Adapt, Abandon and No: {our_options}"
        );
    }
}
