//! The two shapes a part of the window has, as egui's demo app has `View`
//! and `Demo`: a page of a partnership (`PageView`) and a dialog
//! (`Dialog`). Both draw from what they are given and push `Actions`;
//! neither changes the file or names the shell.

use std::path::Path;

use egui::Ui;
use jiff::civil::Date;

use super::action::Actions;
use super::nav::ScreenContext;
use crate::instrument::Instruments;
use crate::model::{AttachedTo, PartnershipView};

/// A page of a partnership (a `Page` of `nav.rs`): drawn beside the
/// partnership's side panel from the frame's `ScreenContext`, keeping
/// between frames what the user is in the middle of (a form, a question).
pub trait PageView {
    /// Draws the page of `cx.page`; what the user asks for goes into
    /// `actions`.
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions);
}

/// What every dialog is drawn from this frame.
#[derive(Clone, Copy)]
pub struct DialogContext<'a> {
    /// The partnership open, if one is.
    pub view: Option<&'a PartnershipView>,
    /// The file open, if one is.
    pub file: Option<&'a Path>,
    /// The shared database open, if one is.
    pub server: Option<&'a crate::place::Place>,
    pub instruments: Instruments,
    pub today: Date,
}

/// A window over the screen (an `egui::Modal`): opened by the shell on an
/// action, closed by the user. Only one dialog of a name is open at a time.
pub trait Dialog {
    /// Its name: the id of its window, and the key that keeps one of a
    /// name open.
    fn name(&self) -> &'static str;

    /// Its heading.
    fn title(&self) -> String;

    /// Draws the dialog; what the user chose goes into `actions`. Returns
    /// whether it is still open.
    fn show(&mut self, ui: &mut Ui, cx: &DialogContext<'_>, actions: &mut Actions) -> bool;

    /// The record files dropped on the window while it is open are
    /// attached to, with what it is in words, if it is such a dialog.
    fn drop_target(&self) -> Option<(AttachedTo, String)> {
        None
    }
}
