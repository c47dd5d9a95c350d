//! PartnerPath's own licence files match `Cargo.toml`, and every font it
//! bundles comes with a font licence that allows shipping it inside a
//! program (the crates' licences are checked by `cargo deny`, deny.toml).

use std::path::Path;

/// Each bundled font family: the start of its files' names, its licence
/// file, and words that licence must contain.
const FONTS: &[(&str, &str, &str)] = &[
    ("NotoSans-", "NotoSans-OFL.txt", "SIL OPEN FONT LICENSE"),
    ("DejaVuSans", "DejaVuSans-LICENSE.txt", "Bitstream Vera"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_project_licence_files_match_the_manifest() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("license = \"MIT OR Apache-2.0\""));
    let mit = std::fs::read_to_string(root().join("LICENSE-MIT")).expect("LICENSE-MIT");
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache = std::fs::read_to_string(root().join("LICENSE-APACHE")).expect("LICENSE-APACHE");
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0"));
}

#[test]
fn every_bundled_font_has_a_font_licence() {
    let folder = root().join("assets/fonts");
    let mut fonts = 0;
    for entry in std::fs::read_dir(&folder).expect("assets/fonts") {
        let path = entry.expect("entry").path();
        let is_font = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ttf") || e.eq_ignore_ascii_case("otf"));
        if !is_font {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        fonts += 1;
        let Some((_, licence, words)) = FONTS.iter().find(|(start, ..)| name.starts_with(start))
        else {
            panic!("assets/fonts/{name} has no licence listed in tests/it/licences.rs");
        };
        let text = std::fs::read_to_string(folder.join(licence))
            .unwrap_or_else(|e| panic!("{name}: its licence {licence} cannot be read ({e})"));
        assert!(
            text.to_uppercase().contains(&words.to_uppercase()),
            "{licence} does not read as the {words} licence"
        );
    }
    assert!(fonts >= 5, "the fonts were found ({fonts})");
}
