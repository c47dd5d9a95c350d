//! Who is signed in to a shared database on a server, and what their role
//! lets them do. (A file on this computer has no accounts: whoever opens
//! it may change it.)

/// One of PartnerPath's four roles on a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Reads the district's partnerships; changes nothing.
    Viewer,
    /// Rates and edits the district's partnerships.
    Assessor,
    /// An assessor who also reads the district's history of changes.
    DistrictAdmin,
    /// Sees and edits every district's partnerships, and the whole history.
    StateAdmin,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Viewer,
        Role::Assessor,
        Role::DistrictAdmin,
        Role::StateAdmin,
    ];

    /// Its name in the database and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Assessor => "assessor",
            Role::DistrictAdmin => "district_admin",
            Role::StateAdmin => "state_admin",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// As the user reads it: "viewer", "district administrator".
    pub fn label(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Assessor => "assessor",
            Role::DistrictAdmin => "district administrator",
            Role::StateAdmin => "state administrator",
        }
    }

    /// Whether it may change partnerships (the server holds to it too).
    pub fn may_edit(self) -> bool {
        self != Role::Viewer
    }

    /// Whether it may read the history of changes (of its district's
    /// partnerships, or every one's; the server holds to it too).
    pub fn may_read_history(self) -> bool {
        matches!(self, Role::DistrictAdmin | Role::StateAdmin)
    }

    /// Whether it belongs to one district (every role but the state's).
    pub fn has_district(self) -> bool {
        self != Role::StateAdmin
    }
}

/// The user signed in to a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Their user name on the server.
    pub user: String,
    pub role: Role,
    /// Their district, as partnerships name it; empty for the state.
    pub district: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_reads_back_from_its_key_and_only_a_viewer_may_not_edit() {
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
            assert_eq!(role.may_edit(), role != Role::Viewer);
        }
        assert_eq!(Role::from_key("superuser"), None);
    }
}
