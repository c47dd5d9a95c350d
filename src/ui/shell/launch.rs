//! Opening the window. PartnerPath draws with wgpu (Vulkan, DirectX 12 or
//! Metal) and falls back to OpenGL when wgpu finds no usable device, as on
//! old graphics chips, some virtual machines and Remote Desktop sessions. If
//! neither works, a message box says so in plain words.

use std::sync::Arc;

use super::App;
use crate::paths;

/// The window's name, which the desktop matches with the launcher entry of
/// the same name (`org.partnerpath.PartnerPath.desktop`) to show its icon.
pub const APP_ID: &str = "org.partnerpath.PartnerPath";

/// The file in the data folder that keeps settings between runs.
const SETTINGS_FILE: &str = "settings.ron";

/// The environment variable that picks one renderer: `wgpu` or `glow`.
pub const RENDERER_VARIABLE: &str = "PARTNERPATH_RENDERER";

/// Why no window could be opened: what each renderer answered.
#[derive(Debug, Default)]
pub struct LaunchFailure {
    pub attempts: Vec<(&'static str, String)>,
}

/// Opens the window and runs until it is closed. `make_app` builds the app
/// for each attempt (a failed renderer has already consumed the first one),
/// from the settings remembered since the last run.
pub fn run(
    mut make_app: impl FnMut(Option<&dyn eframe::Storage>) -> App,
) -> Result<(), LaunchFailure> {
    let mut failure = LaunchFailure::default();
    for (name, renderer) in renderers() {
        let options = options(renderer);
        let outcome = eframe::run_native(
            "PartnerPath",
            options,
            Box::new(|cc| Ok(Box::new(make_app(cc.storage)))),
        );
        match outcome {
            Ok(()) => return Ok(()),
            Err(error) => {
                eprintln!("PartnerPath could not draw with {name}: {error}");
                failure.attempts.push((name, error.to_string()));
            }
        }
    }
    Err(failure)
}

/// The renderers to try, in order: wgpu then OpenGL, unless
/// `PARTNERPATH_RENDERER` names one.
fn renderers() -> Vec<(&'static str, eframe::Renderer)> {
    let all = vec![
        ("wgpu", eframe::Renderer::Wgpu),
        ("OpenGL", eframe::Renderer::Glow),
    ];
    match std::env::var(RENDERER_VARIABLE).as_deref() {
        Ok("wgpu") => all.into_iter().take(1).collect(),
        Ok("glow" | "opengl" | "gl") => all.into_iter().skip(1).collect(),
        _ => all,
    }
}

fn options(renderer: eframe::Renderer) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("PartnerPath")
        .with_app_id(APP_ID)
        .with_inner_size([1366.0, 768.0])
        .with_min_inner_size([900.0, 560.0]);
    match eframe::icon_data::from_png_bytes(include_bytes!(
        "../../../assets/icons/partnerpath-256.png"
    )) {
        Ok(icon) => viewport = viewport.with_icon(Arc::new(icon)),
        Err(error) => eprintln!("PartnerPath's window icon could not be read: {error}"),
    }
    eframe::NativeOptions {
        viewport,
        renderer,
        // Beside the partnerships, in the folder the README names.
        persistence_path: paths::data_dir().ok().map(|d| d.join(SETTINGS_FILE)),
        ..Default::default()
    }
}

/// Tells the user that no window could be opened: on the terminal, and in
/// a message box of the system for someone who started PartnerPath from a
/// menu. `unattended` (a test or a measurement) leaves the box out: nobody
/// would be there to close it.
pub fn tell_no_window(failure: &LaunchFailure, unattended: bool) {
    let details = failure
        .attempts
        .iter()
        .map(|(name, error)| format!("{name}: {error}"))
        .collect::<Vec<_>>()
        .join("\n");
    let text = format!(
        "PartnerPath could not open its window: this computer's graphics did not answer.\n\n\
         PartnerPath needs either a graphics driver with Vulkan, DirectX 12 or Metal, or \
         OpenGL 2.1 or newer. Updating the graphics driver usually helps; on a remote desktop \
         or a virtual machine, turn on its 3D acceleration or ask your IT team.\n\n\
         Printing still works from a terminal: partnerpath print --help\n\nDetails:\n{details}"
    );
    eprintln!("{text}");
    if !unattended {
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("PartnerPath could not open its window")
            .set_description(text)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
}
