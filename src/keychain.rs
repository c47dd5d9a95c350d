//! Where a shared database's password is kept when the user ticks
//! "Remember": the system's keychain (Windows' Credential Manager, the
//! macOS Keychain, the Secret Service of the Linux desktop), never the
//! settings file. A password not remembered is asked for each time, or
//! read from `PGPASSWORD` or the password file as `psql` reads it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// The keychain's name for PartnerPath's entries.
const SERVICE: &str = "PartnerPath";

/// A store of passwords, one per server address (`postgres://USER@HOST:PORT/DB`).
pub trait Keychain {
    /// The password kept for `address`, if one is.
    fn password(&self, address: &str) -> Option<String>;
    /// Keeps `password` for `address`; says why not in words.
    fn keep(&self, address: &str, password: &str) -> Result<(), String>;
    /// Forgets the password of `address`, if one was kept.
    fn forget(&self, address: &str);
}

/// The system's keychain.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemKeychain;

impl Keychain for SystemKeychain {
    fn password(&self, address: &str) -> Option<String> {
        keyring::Entry::new(SERVICE, address)
            .and_then(|entry| entry.get_password())
            .ok()
    }

    fn keep(&self, address: &str, password: &str) -> Result<(), String> {
        keyring::Entry::new(SERVICE, address)
            .and_then(|entry| entry.set_password(password))
            .map_err(|e| e.to_string())
    }

    fn forget(&self, address: &str) {
        // Nothing kept is nothing to forget.
        let _ = keyring::Entry::new(SERVICE, address).and_then(|entry| entry.delete_credential());
    }
}

/// A keychain in memory, shared by its clones (for tests).
#[derive(Debug, Default, Clone)]
pub struct MemoryKeychain(Arc<Mutex<HashMap<String, String>>>);

impl MemoryKeychain {
    /// Every address with a password kept.
    pub fn addresses(&self) -> Vec<String> {
        let kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let mut addresses: Vec<String> = kept.keys().cloned().collect();
        addresses.sort();
        addresses
    }
}

impl Keychain for MemoryKeychain {
    fn password(&self, address: &str) -> Option<String> {
        let kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        kept.get(address).cloned()
    }

    fn keep(&self, address: &str, password: &str) -> Result<(), String> {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        kept.insert(address.to_owned(), password.to_owned());
        Ok(())
    }

    fn forget(&self, address: &str) {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        kept.remove(address);
    }
}
