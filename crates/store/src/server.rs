//! A PartnerPath database on a PostgreSQL server: its address, connecting
//! to it (over TLS, verified, except on this computer), and setting up or
//! upgrading its schema (`server_schema.rs`).

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use super::{Store, StoreError};
use crate::connection::{self, Connection, Server};
use crate::server_schema::{ACCESS, SERVER_VERSION, STEPS};
use partnerpath_core::model::{Account, Role};

/// How long connecting to a server may take before it is reported.
const CONNECT_WAIT: Duration = Duration::from_secs(10);

/// The oldest PostgreSQL this program runs on (for `gen_random_uuid`,
/// generated columns and `EXECUTE FUNCTION`).
const OLDEST_SERVER: i64 = 130_000;

/// Where a server's PartnerPath database is: a URL such as
/// `postgres://jo@db.district.org/partnerpath`, with `sslrootcert=FILE`
/// naming the certificate authority IT gave, when it is not one the
/// system trusts. The password never comes in the URL shown to the user.
#[derive(Clone)]
pub struct ServerAddress {
    config: postgres::Config,
    /// A certificate authority's file, as `sslrootcert` named it.
    ca_file: Option<PathBuf>,
    /// The address as the user sees it, without a password.
    shown: String,
}

impl std::fmt::Debug for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl ServerAddress {
    /// Reads a `postgres://` URL. A URL without a password takes it from
    /// `PGPASSWORD` or the password file (`~/.pgpass`), as `psql` does.
    pub fn parse(url: &str) -> Result<ServerAddress, StoreError> {
        let (base, ca_file) = take_parameter(url, "sslrootcert");
        let mut config = postgres::Config::from_str(&base).map_err(|e| StoreError::CannotOpen {
            path: PathBuf::from(hide_password(url)),
            detail: format!("the address is not understood ({e})"),
        })?;
        if config.get_user().is_none() {
            return Err(StoreError::CannotOpen {
                path: PathBuf::from(hide_password(url)),
                detail: "the address names no user (postgres://USER@HOST/DATABASE)".to_owned(),
            });
        }
        let mut address = ServerAddress {
            shown: String::new(),
            ca_file: ca_file.map(PathBuf::from),
            config: config.clone(),
        };
        address.shown = address.describe();
        if config.get_password().is_none()
            && let Some(password) = address.stored_password()
        {
            config.password(password);
        }
        config.connect_timeout(CONNECT_WAIT);
        config.application_name("PartnerPath");
        address.config = config;
        Ok(address)
    }

    /// The address as shown: `postgres://jo@db.district.org:5432/partnerpath`.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// The user it connects as.
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// The same address with `password` (typed by the user) to sign in.
    #[must_use]
    pub fn with_password(&self, password: &str) -> ServerAddress {
        let mut address = self.clone();
        address.config.password(password);
        address
    }

    /// Whether the server is this computer, where a connection without
    /// TLS is allowed (nothing crosses a network).
    pub fn is_local(&self) -> bool {
        self.config.get_hosts().iter().all(|host| match host {
            postgres::config::Host::Tcp(name) => {
                matches!(name.as_str(), "localhost" | "127.0.0.1" | "::1")
            }
            #[cfg(unix)]
            postgres::config::Host::Unix(_) => true,
        })
    }

    fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(name)) => name.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(path)) => path.display().to_string(),
            None => "localhost".to_owned(),
        }
    }

    fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    fn database(&self) -> &str {
        self.config.get_dbname().unwrap_or_else(|| self.user())
    }

    fn describe(&self) -> String {
        format!(
            "postgres://{}@{}:{}/{}",
            self.user(),
            self.host(),
            self.port(),
            self.database()
        )
    }

    /// `PGPASSWORD`, or the first matching line of the password file.
    fn stored_password(&self) -> Option<String> {
        if let Ok(password) = std::env::var("PGPASSWORD") {
            return Some(password);
        }
        let file = std::env::var_os("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(default_password_file)?;
        let text = std::fs::read_to_string(file).ok()?;
        password_from_file(
            &text,
            &[
                &self.host(),
                &self.port().to_string(),
                self.database(),
                self.user(),
            ],
        )
    }

    /// Where errors about this server are said to be.
    pub(crate) fn path(&self) -> PathBuf {
        PathBuf::from(&self.shown)
    }

    /// Connects: over TLS verified against the system's certificate
    /// authorities (and `sslrootcert`), or without TLS on this computer.
    pub(crate) fn connect(&self) -> Result<postgres::Client, StoreError> {
        let result = if self.is_local() {
            self.config.connect(postgres::NoTls)
        } else {
            let mut config = self.config.clone();
            config.ssl_mode(postgres::config::SslMode::Require);
            config.connect(self.tls()?)
        };
        result.map_err(|e| self.connect_error(&e))
    }

    fn tls(&self) -> Result<tokio_postgres_rustls::MakeRustlsConnect, StoreError> {
        let mut roots = rustls::RootCertStore::empty();
        let found = rustls_native_certs::load_native_certs();
        roots.add_parsable_certificates(found.certs);
        if let Some(file) = &self.ca_file {
            let certificates =
                read_certificates(file).map_err(|detail| StoreError::CannotOpen {
                    path: self.path(),
                    detail,
                })?;
            for certificate in certificates {
                roots.add(certificate).map_err(|e| StoreError::CannotOpen {
                    path: self.path(),
                    detail: format!(
                        "{} holds a certificate that cannot be used ({e})",
                        file.display()
                    ),
                })?;
            }
        }
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| StoreError::CannotOpen {
                path: self.path(),
                detail: e.to_string(),
            })?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
    }

    fn connect_error(&self, error: &postgres::Error) -> StoreError {
        let path = self.path();
        if let Some(db) = error.as_db_error() {
            let detail = db.message().to_owned();
            return match db.code().code() {
                // invalid_password, invalid_authorization_specification
                "28P01" | "28000" => StoreError::SignIn { path, detail },
                // invalid_catalog_name: no such database
                "3D000" => StoreError::CannotOpen { path, detail },
                _ => StoreError::Other { path, detail },
            };
        }
        let detail = error_chain(error);
        // rustls's words for a certificate it would not trust.
        if detail.contains("invalid peer certificate") {
            return StoreError::Certificate { path, detail };
        }
        StoreError::CannotOpen { path, detail }
    }
}

/// A failure and its causes, in one line: "error connecting to server:
/// invalid peer certificate: UnknownIssuer".
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

fn read_certificates(
    file: &Path,
) -> Result<Vec<rustls::pki_types::CertificateDer<'static>>, String> {
    use rustls::pki_types::pem::PemObject;
    let certificates: Result<Vec<_>, _> = rustls::pki_types::CertificateDer::pem_file_iter(file)
        .map_err(|e| format!("{} cannot be read ({e})", file.display()))?
        .collect();
    let certificates =
        certificates.map_err(|e| format!("{} is not a certificate file ({e})", file.display()))?;
    if certificates.is_empty() {
        return Err(format!("{} holds no certificate", file.display()));
    }
    Ok(certificates)
}

/// The URL without the parameter `name`, and its value.
fn take_parameter(url: &str, name: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_owned(), None);
    };
    let mut value = None;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.split_once('=') {
            Some((key, v)) if key == name => {
                value = Some(v.to_owned());
                false
            }
            _ => true,
        })
        .collect();
    if kept.is_empty() {
        (base.to_owned(), value)
    } else {
        (format!("{base}?{}", kept.join("&")), value)
    }
}

/// `url` with any password replaced, for messages.
fn hide_password(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:…{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

fn default_password_file() -> Option<PathBuf> {
    if cfg!(windows) {
        std::env::var_os("APPDATA")
            .map(|dir| PathBuf::from(dir).join("postgresql").join("pgpass.conf"))
    } else {
        std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".pgpass"))
    }
}

/// The password of the first line of a password file matching `wanted`
/// (host, port, database, user; `*` matches anything, `\:` is a colon).
fn password_from_file(text: &str, wanted: &[&str; 4]) -> Option<String> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = split_escaped(line);
            let [host, port, database, user, password] = fields.as_slice() else {
                return None;
            };
            let matches = [host, port, database, user]
                .iter()
                .zip(wanted)
                .all(|(field, want)| field.as_str() == "*" || field.as_str() == *want);
            matches.then(|| password.clone())
        })
}

fn split_escaped(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(field)) = (chars.next(), fields.last_mut()) {
                    field.push(next);
                }
            }
            ':' => fields.push(String::new()),
            _ => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

/// What a server's database holds, read without changing it.
enum Found {
    /// Nothing yet: ready to set up.
    Empty,
    /// PartnerPath's tables at `version`.
    PartnerPath(i64),
    /// Some other program's tables.
    Other,
}

fn found(client: &mut impl postgres::GenericClient) -> Result<Found, postgres::Error> {
    let ours: Option<String> = client
        .query_one("SELECT to_regclass('partnerpath_schema')::text", &[])?
        .get(0);
    if ours.is_some() {
        let version: i32 = client
            .query_one("SELECT version FROM partnerpath_schema", &[])?
            .get(0);
        return Ok(Found::PartnerPath(i64::from(version)));
    }
    let tables: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'p')",
            &[],
        )?
        .get(0);
    Ok(if tables == 0 {
        Found::Empty
    } else {
        Found::Other
    })
}

/// Refuses a server older than PartnerPath runs on.
fn check_server_version(
    client: &mut postgres::Client,
    address: &ServerAddress,
) -> Result<(), StoreError> {
    let version: String = client
        .query_one("SHOW server_version_num", &[])
        .map_err(|e| address.connect_error(&e))?
        .get(0);
    let number: i64 = version.parse().unwrap_or(0);
    if number < OLDEST_SERVER {
        return Err(StoreError::OldServer {
            path: address.path(),
            found: number / 10_000,
        });
    }
    Ok(())
}

/// What setting up or upgrading a server did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetUp {
    /// The schema was made, at this version.
    Created(i64),
    /// The schema was upgraded from the first version to the second.
    Upgraded(i64, i64),
    /// The schema was already this program's.
    Current(i64),
}

/// Sets up PartnerPath's schema on the server at `address`, in an empty
/// database (`create`), or brings an older PartnerPath schema up to this
/// program's. A database that holds another program's tables, or a newer
/// PartnerPath schema, is refused and left untouched.
pub fn set_up_server(address: &ServerAddress, create: bool) -> Result<SetUp, StoreError> {
    set_up_server_to(address, create, SERVER_VERSION)
}

/// Sets up an empty database with the schema of an older `version`, for
/// tests that upgrade an old server.
#[doc(hidden)]
pub fn set_up_server_version(address: &ServerAddress, version: i64) -> Result<SetUp, StoreError> {
    set_up_server_to(address, true, version)
}

fn set_up_server_to(
    address: &ServerAddress,
    create: bool,
    target: i64,
) -> Result<SetUp, StoreError> {
    let mut client = address.connect()?;
    check_server_version(&mut client, address)?;
    let path = address.path();
    let db = |e: postgres::Error| StoreError::from_db(&path, connection::Error::Postgres(e));
    let mut tx = client.transaction().map_err(db)?;
    // One set-up at a time, should two administrators run it at once.
    tx.batch_execute("SELECT pg_advisory_xact_lock(1347449960)")
        .map_err(db)?;
    let from = match found(&mut tx).map_err(db)? {
        Found::Other => return Err(StoreError::NotPartnerPath { path }),
        Found::Empty if !create => {
            return Err(StoreError::NotSetUp { path });
        }
        Found::Empty => 0,
        Found::PartnerPath(version) if version > SERVER_VERSION => {
            return Err(StoreError::Newer {
                path,
                found: version,
                supported: SERVER_VERSION,
            });
        }
        Found::PartnerPath(version) => version,
    };
    let start = usize::try_from(from).unwrap_or(0);
    let end = usize::try_from(target).unwrap_or(0).max(start);
    for step in STEPS.iter().take(end).skip(start) {
        tx.batch_execute(step).map_err(db)?;
    }
    tx.batch_execute(ACCESS).map_err(db)?;
    tx.execute(
        "UPDATE partnerpath_schema SET version = $1",
        &[&i32::try_from(target.max(from)).unwrap_or(i32::MAX)],
    )
    .map_err(db)?;
    tx.commit().map_err(db)?;
    Ok(match from {
        0 => SetUp::Created(target),
        v if v < target => SetUp::Upgraded(v, target),
        v => SetUp::Current(v),
    })
}

/// Gives `name` a PartnerPath account on the server at `address` (the
/// database's owner signs in there): a PostgreSQL user who may sign in,
/// made if it does not exist (with `password`, if given; an existing
/// user's password is changed only when one is given), with the privileges
/// of `role`, kept to `district` unless a state administrator. Run again,
/// it changes the role or district. All of it, or none.
pub fn add_server_user(
    address: &ServerAddress,
    name: &str,
    role: Role,
    district: &str,
    password: Option<&str>,
) -> Result<(), StoreError> {
    let path = address.path();
    let valid = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'));
    if !valid {
        return Err(StoreError::Other {
            path,
            detail: format!(
                "{name:?} cannot be a user name: use up to 63 letters, digits, and . _ - @"
            ),
        });
    }
    let district = if role.has_district() {
        district.trim()
    } else {
        ""
    };
    if role.has_district() && district.is_empty() {
        return Err(StoreError::Other {
            path,
            detail: format!("a {} needs a district (--district)", role.label()),
        });
    }
    let mut client = address.connect()?;
    let db = |e: postgres::Error| StoreError::from_db(&path, connection::Error::Postgres(e));
    let mut tx = client.transaction().map_err(db)?;
    let exists = tx
        .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&name])
        .map_err(db)?
        .is_some();
    let password = password.map(|p| format!(" PASSWORD {}", literal(p)));
    let user = identifier(name);
    if !exists {
        tx.batch_execute(&format!(
            "CREATE ROLE {user} LOGIN{}",
            password.as_deref().unwrap_or_default()
        ))
        .map_err(db)?;
    } else if let Some(password) = &password {
        tx.batch_execute(&format!("ALTER ROLE {user}{password}"))
            .map_err(db)?;
    }
    for other in Role::ALL {
        tx.batch_execute(&format!("REVOKE partnerpath_{} FROM {user}", other.key()))
            .map_err(db)?;
    }
    tx.batch_execute(&format!("GRANT partnerpath_{} TO {user}", role.key()))
        .map_err(db)?;
    tx.execute(
        "INSERT INTO partnerpath_users (name, role, district) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET role = excluded.role, district = excluded.district",
        &[&name, &role.key(), &district],
    )
    .map_err(db)?;
    tx.commit().map_err(db)
}

/// `name` as a quoted SQL identifier.
fn identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `text` as a quoted SQL string (standard_conforming_strings is on in
/// every supported PostgreSQL).
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// What a store on a server knows of it.
#[derive(Debug)]
pub(crate) struct OnServer {
    pub address: ServerAddress,
    /// Who signed in.
    pub account: Account,
    /// The server process of this store's connection, shared with its
    /// listener (`live.rs`), which passes on only other processes' changes.
    pub own: Arc<AtomicI32>,
}

impl Store {
    /// Connects to the PartnerPath database on the server at `address`.
    /// A database that is not PartnerPath's, not yet set up, or set up by
    /// an older or newer program is refused, and left as it was.
    pub fn connect(address: &ServerAddress) -> Result<Store, StoreError> {
        let mut client = address.connect()?;
        check_server_version(&mut client, address)?;
        let path = address.path();
        let db = |e: postgres::Error| StoreError::from_db(&path, connection::Error::Postgres(e));
        match found(&mut client).map_err(db)? {
            Found::PartnerPath(version) if version == SERVER_VERSION => {}
            Found::PartnerPath(version) if version > SERVER_VERSION => {
                return Err(StoreError::Newer {
                    path,
                    found: version,
                    supported: SERVER_VERSION,
                });
            }
            Found::PartnerPath(version) => {
                return Err(StoreError::OlderServerSchema {
                    path,
                    found: version,
                });
            }
            Found::Empty => return Err(StoreError::NotSetUp { path }),
            Found::Other => return Err(StoreError::NotPartnerPath { path }),
        }
        let found = client
            .query_opt("SELECT role, district FROM partnerpath_account()", &[])
            .map_err(db)?;
        let Some(row) = found else {
            return Err(StoreError::NoAccount {
                path,
                user: address.user().to_owned(),
            });
        };
        let role: String = row.get(0);
        let account = Account {
            user: address.user().to_owned(),
            role: Role::from_key(&role).unwrap_or(Role::Viewer),
            district: row.get(1),
        };
        Ok(Store {
            conn: Connection::Postgres(Box::new(Server::new(client))),
            path,
            lock: None,
            server: Some(OnServer {
                address: address.clone(),
                account,
                own: Arc::new(AtomicI32::new(0)),
            }),
        })
    }

    /// Who is signed in, when this store is on a server.
    pub fn account(&self) -> Option<&Account> {
        self.server.as_ref().map(|on| &on.account)
    }

    /// The server this store is connected to, if it is one.
    pub fn server_address(&self) -> Option<&ServerAddress> {
        self.server.as_ref().map(|on| &on.address)
    }

    /// Whether this store's connection to its server was lost (never, for
    /// a file).
    pub fn is_disconnected(&self) -> bool {
        match &self.conn {
            Connection::Postgres(server) => server.is_closed(),
            Connection::Sqlite(_) => false,
        }
    }

    /// Connects to the server again, as the same user, after the
    /// connection was lost. Nothing is done for a file.
    pub fn reconnect(&mut self) -> Result<(), StoreError> {
        let Some(on) = &self.server else {
            return Ok(());
        };
        let client = on.address.connect()?;
        self.conn = Connection::Postgres(Box::new(Server::new(client)));
        let pid = self.backend_pid()?;
        if let Some(on) = &self.server {
            on.own.store(pid, Ordering::Relaxed);
        }
        Ok(())
    }

    /// The server process serving this connection, to tell this
    /// connection's own changes from other people's.
    pub(crate) fn backend_pid(&self) -> Result<i32, StoreError> {
        self.conn
            .query_row("SELECT pg_backend_pid()", [0; 0], |row| row.get::<i64>(0))
            .map(|pid| i32::try_from(pid).unwrap_or(0))
            .map_err(|e| self.error(e))
    }

    pub(crate) fn server_schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT version FROM partnerpath_schema", [0; 0], |row| {
                row.get(0)
            })
            .map_err(|e| self.error(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_file_line_matches_by_field_with_wildcards() {
        let text = "# comment\nother:5432:*:jo:wrong\ndb\\:1:*:partnerpath:jo:secret:x\n\
                    db.district.org:*:*:jo:right";
        let wanted = ["db.district.org", "5432", "partnerpath", "jo"];
        assert_eq!(password_from_file(text, &wanted).as_deref(), Some("right"));
        let colon = ["db:1", "5432", "partnerpath", "jo"];
        assert_eq!(
            password_from_file(text, &colon),
            None,
            "six fields: no match"
        );
    }

    #[test]
    fn the_address_shown_has_no_password_and_names_every_part() {
        let address = ServerAddress::parse(
            "postgres://jo:secret@db.district.org/partnerpath?sslrootcert=/etc/ca.pem",
        )
        .expect("parsed");
        assert_eq!(
            address.shown(),
            "postgres://jo@db.district.org:5432/partnerpath"
        );
        assert_eq!(address.ca_file.as_deref(), Some(Path::new("/etc/ca.pem")));
        assert!(!address.is_local());
        assert!(
            ServerAddress::parse("postgres://jo@localhost/pp")
                .expect("parsed")
                .is_local()
        );
        assert_eq!(
            hide_password("postgres://jo:secret@host/db"),
            "postgres://jo:…@host/db"
        );
    }

    #[test]
    fn an_address_without_a_user_is_refused() {
        assert!(matches!(
            ServerAddress::parse("postgres://db.district.org/partnerpath"),
            Err(StoreError::CannotOpen { .. })
        ));
    }
}
