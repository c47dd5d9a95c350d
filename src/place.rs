//! Where a shared database is, in the four parts the Connect dialog asks
//! for (the server, its port, the database, the user name), and as the
//! address the command line and the recent list use:
//! `postgres://USER@HOST:PORT/DATABASE`. No password is ever part of it.

/// PostgreSQL's own port, which a server listens on unless IT chose another.
pub const DEFAULT_PORT: u16 = 5432;

/// A shared database's place and who signs in there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
}

impl Default for Place {
    fn default() -> Place {
        Place {
            host: String::new(),
            port: DEFAULT_PORT,
            database: "partnerpath".to_owned(),
            user: String::new(),
        }
    }
}

impl Place {
    /// Reads `postgres://USER@HOST[:PORT]/DATABASE` (anything after `?`
    /// and any password are left out); `None` for anything else.
    pub fn parse(address: &str) -> Option<Place> {
        let rest = address
            .strip_prefix("postgres://")
            .or_else(|| address.strip_prefix("postgresql://"))?;
        let rest = rest.split('?').next().unwrap_or(rest);
        let (user, rest) = rest.split_once('@')?;
        let user = user.split(':').next().unwrap_or(user);
        let (server, database) = rest.split_once('/')?;
        let (host, port) = match server.rsplit_once(':') {
            Some((host, port)) if !port.contains(']') => (host, port.parse().ok()?),
            _ => (server, DEFAULT_PORT),
        };
        let place = Place {
            host: host.to_owned(),
            port,
            database: database.to_owned(),
            user: user.to_owned(),
        };
        place.is_complete().then_some(place)
    }

    /// `postgres://USER@HOST:PORT/DATABASE`.
    pub fn address(&self) -> String {
        format!(
            "postgres://{}@{}:{}/{}",
            self.user.trim(),
            self.host.trim(),
            self.port,
            self.database.trim()
        )
    }

    /// Whether every part is given.
    pub fn is_complete(&self) -> bool {
        [&self.host, &self.database, &self.user]
            .iter()
            .all(|part| !part.trim().is_empty())
    }

    /// This computer's own server, reached without TLS.
    pub fn is_local(&self) -> bool {
        matches!(
            self.host.trim(),
            "localhost" | "127.0.0.1" | "::1" | "[::1]"
        )
    }

    /// "partnerpath on db.district.org", for titles and menus.
    pub fn label(&self) -> String {
        format!("{} on {}", self.database, self.host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_reads_back_into_its_place_without_a_password() {
        let place =
            Place::parse("postgres://jo:secret@db.district.org:6543/partners?sslrootcert=/ca.pem")
                .expect("an address");
        assert_eq!(
            place,
            Place {
                host: "db.district.org".into(),
                port: 6543,
                database: "partners".into(),
                user: "jo".into(),
            }
        );
        assert_eq!(
            place.address(),
            "postgres://jo@db.district.org:6543/partners"
        );
        assert_eq!(Place::parse(&place.address()), Some(place));
        let default = Place::parse("postgres://jo@localhost/pp").expect("an address");
        assert_eq!(default.port, DEFAULT_PORT);
        assert!(default.is_local());
        for wrong in [
            "",
            "/home/jo/pp.sqlite",
            "postgres://localhost/pp",
            "postgres://jo@host:port/pp",
            "postgres://jo@/pp",
        ] {
            assert_eq!(Place::parse(wrong), None, "{wrong}");
        }
    }
}
