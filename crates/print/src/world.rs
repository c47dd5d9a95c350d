//! The Typst "world" PartnerPath prints in: its templates, the embedded
//! fonts, the data passed in as an input, and today's date. Nothing is read
//! from the machine, so output never depends on what is installed.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The templates, by their path as Typst imports them.
const TEMPLATES: [(&str, &str); 2] = [
    ("main.typ", include_str!("../../../assets/print/main.typ")),
    ("tools.typ", include_str!("../../../assets/print/tools.typ")),
];

/// Noto Sans in four styles, and DejaVu Sans for check boxes and symbols.
const FONTS: [&[u8]; 5] = [
    include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS_LOADED: OnceLock<Fonts> = OnceLock::new();
    FONTS_LOADED.get_or_init(|| {
        let fonts: Vec<Font> = FONTS
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

pub struct PrintWorld {
    library: LazyHash<Library>,
    main: FileId,
    sources: Vec<(FileId, Source)>,
    today: Option<Datetime>,
}

impl PrintWorld {
    /// A world whose `sys.inputs.data` is `data` (JSON text).
    pub fn new(data: String, today: jiff::civil::Date) -> Option<PrintWorld> {
        let mut inputs = Dict::new();
        inputs.insert("data".into(), data.into_value());
        let library = Library::builder().with_inputs(inputs).build();
        let mut sources = Vec::new();
        for (path, text) in TEMPLATES {
            let id = file_id(path)?;
            sources.push((id, Source::new(id, text.to_owned())));
        }
        Some(PrintWorld {
            library: LazyHash::new(library),
            main: file_id("main.typ")?,
            sources,
            today: Datetime::from_ymd(
                i32::from(today.year()),
                u8::try_from(today.month()).ok()?,
                u8::try_from(today.day()).ok()?,
            ),
        })
    }
}

impl World for PrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .iter()
            .find(|(source_id, _)| *source_id == id)
            .map(|(_, source)| source.clone())
            .ok_or_else(|| {
                FileError::Other(Some("PartnerPath's templates have no such file".into()))
            })
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.source(id)
            .map(|source| Bytes::from_string(source.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}
