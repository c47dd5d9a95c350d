//! Where an instrument comes from and under which terms PartnerPath uses
//! it: one shape for every instrument file's `[source]`, and one citation.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub publisher: String,
    /// The published work the instrument is taken from.
    pub work: String,
    /// When it was published, as the source gives it.
    #[serde(default)]
    pub published: Option<String>,
    /// The part of the work the instrument is in (a guidebook's chapter).
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// The licence, or what the source says of its use.
    pub licence: String,
    #[serde(default)]
    pub licence_url: Option<String>,
    /// The attribution the licence asks for, word for word.
    #[serde(default)]
    pub attribution: Option<String>,
    /// The work the source credits the tool to ("Adapted from …"), shown
    /// with the citation.
    #[serde(default)]
    pub adapted_from: Option<String>,
}

impl Source {
    /// The citation shown under a tool and printed on it: "Publisher, Work
    /// (published), section “Section”. Adapted from …. Licence."
    pub fn citation(&self) -> String {
        let published = self
            .published
            .as_ref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        let section = self
            .section
            .as_ref()
            .map(|s| format!(", section “{s}”"))
            .unwrap_or_default();
        let adapted = self
            .adapted_from
            .as_ref()
            .map(|a| format!("{}. ", a.trim_end_matches('.')))
            .unwrap_or_default();
        format!(
            "{}, {}{published}{section}. {adapted}{}.",
            self.publisher,
            self.work,
            self.licence.trim_end_matches('.')
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_names_publisher_work_date_and_licence() {
        let source = Source {
            publisher: "CCSSO".into(),
            work: "Working Better Together".into(),
            published: Some("October 2017".into()),
            section: None,
            url: None,
            licence: "CC BY 4.0".into(),
            licence_url: None,
            attribution: None,
            adapted_from: None,
        };
        assert_eq!(
            source.citation(),
            "CCSSO, Working Better Together (October 2017). CC BY 4.0."
        );
        let undated = Source {
            published: None,
            ..source
        };
        assert_eq!(
            undated.citation(),
            "CCSSO, Working Better Together. CC BY 4.0."
        );
        let chapter = Source {
            section: Some("Prepare: Identify Partners".into()),
            ..undated
        };
        assert_eq!(
            chapter.citation(),
            "CCSSO, Working Better Together, section “Prepare: Identify Partners”. CC BY 4.0."
        );
    }
}
