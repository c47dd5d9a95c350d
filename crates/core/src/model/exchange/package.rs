//! The exchange file that carries attached files: a zip archive holding
//! `exchange.json` (the exchange file's JSON, as a file without attached
//! files holds it) and each attached file once, as `files/<SHA-256>`.
//! Everything is in memory: a package is at most 2 GB.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::sync::Arc;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{Exchange, ExchangeError, MAX_BYTES, parse_json};
use crate::instrument::Instruments;
use crate::model::{Fingerprint, MAX_FILE_BYTES};

/// The largest package read.
pub const MAX_PACKAGE_BYTES: usize = 2 * 1024 * 1024 * 1024;
/// The name of the JSON inside a package.
const JSON: &str = "exchange.json";
/// The folder of the attached files inside a package.
const FILES: &str = "files/";

/// Whether `bytes` are a zip archive (and so, if PartnerPath's, a
/// package).
pub(super) fn is_package(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The bytes of the exchange file of `x`: its JSON, or, when files are
/// attached, the package holding the JSON and the files (from
/// `x.contents`, each of which must be there).
pub fn to_bytes(x: &Exchange) -> Result<Vec<u8>, ExchangeError> {
    let json = serde_json::to_vec_pretty(x).map_err(|e| ExchangeError::Damaged(e.to_string()))?;
    let files = x.attached_files();
    if files.is_empty() {
        return Ok(json);
    }
    let written = |e: &dyn std::fmt::Display| ExchangeError::Damaged(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let text = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    // PDFs, pictures and office documents are compressed already.
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .large_file(true);
    zip.start_file(JSON, text).map_err(|e| written(&e))?;
    zip.write_all(&json).map_err(|e| written(&e))?;
    for hash in files {
        let Some(content) = x.contents.get(hash) else {
            return Err(ExchangeError::Damaged(format!(
                "the attached file {hash} is not in the database"
            )));
        };
        zip.start_file(format!("{FILES}{hash}"), stored)
            .map_err(|e| written(&e))?;
        zip.write_all(content).map_err(|e| written(&e))?;
    }
    let bytes = zip.finish().map_err(|e| written(&e))?.into_inner();
    if bytes.len() > MAX_PACKAGE_BYTES {
        return Err(ExchangeError::PackageTooLarge);
    }
    Ok(bytes)
}

/// Reads a package: its JSON, checked as any exchange file is, and every
/// file its attachments name, each checked against its fingerprint and
/// size.
pub(super) fn unpack(bytes: &[u8], instruments: Instruments) -> Result<Exchange, ExchangeError> {
    if bytes.len() > MAX_PACKAGE_BYTES {
        return Err(ExchangeError::PackageTooLarge);
    }
    let damaged = |what: String| ExchangeError::Damaged(what);
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ExchangeError::NotExchange(format!("it is a zip archive that cannot be read: {e}"))
    })?;
    let json = {
        let Ok(entry) = zip.by_name(JSON) else {
            return Err(ExchangeError::NotExchange(format!(
                "it is a zip archive without {JSON}"
            )));
        };
        read_at_most(entry, MAX_BYTES).map_err(|e| damaged(format!("{JSON}: {e}")))?
    };
    if json.len() > MAX_BYTES {
        return Err(ExchangeError::TooLarge);
    }
    let mut exchange = parse_json(&json, instruments)?;
    let sizes: BTreeMap<String, u64> = exchange
        .attachments
        .iter()
        .filter_map(|a| match a.evidence() {
            Some(crate::model::Evidence::File { hash, size }) => Some((hash.to_owned(), size)),
            _ => None,
        })
        .collect();
    let mut contents = BTreeMap::new();
    for (hash, size) in sizes {
        let Ok(entry) = zip.by_name(&format!("{FILES}{hash}")) else {
            return Err(damaged(format!(
                "it names the attached file {hash} but does not hold it"
            )));
        };
        let limit = usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX);
        let content = read_at_most(entry, limit).map_err(|e| damaged(format!("{hash}: {e}")))?;
        if u64::try_from(content.len()).ok() != Some(size) || Fingerprint::of(&content) != hash {
            return Err(damaged(format!(
                "the attached file {hash} is not the file it names"
            )));
        }
        contents.insert(hash, Arc::from(content));
    }
    exchange.contents = contents;
    Ok(exchange)
}

/// An entry's bytes, refused when it holds more than `limit` (whatever its
/// header says).
fn read_at_most(entry: impl Read, limit: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let most = u64::try_from(limit).unwrap_or(u64::MAX);
    entry
        .take(most + 1)
        .read_to_end(&mut out)
        .map_err(|e| e.to_string())?;
    if out.len() > limit {
        return Err("it is larger than allowed".to_owned());
    }
    Ok(out)
}
