//! Invitation tokens: 256 random bits from the operating system, shown once as 64 hex
//! digits, stored only as their SHA-256, and compared in constant time. Also the form's
//! CSRF token, which is derived from the link and a key that lives only in the server.

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::store::{Invitation, Store};

/// Length of a token in hex digits (32 bytes = 256 bits).
pub const TOKEN_HEX_LEN: usize = 64;

/// A new random token from the OS RNG, as lowercase hex.
pub fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).context("the operating system gave no random bytes")?;
    Ok(hex(&bytes))
}

/// Random key material for a server process (the CSRF key).
pub fn new_key() -> Result<[u8; 32]> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).context("the operating system gave no random bytes")?;
    Ok(bytes)
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// The stored form of a token: its SHA-256 in hex.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether `token` has the shape of one of ours (checked before anything is looked up).
pub fn well_formed(token: &str) -> bool {
    token.len() == TOKEN_HEX_LEN
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The invitation `token` opens, whatever its state (the caller decides what an expired or
/// revoked link may do). `None` for a malformed or unknown token.
pub fn find(store: &Store, token: &str) -> Result<Option<Invitation>> {
    if !well_formed(token) {
        return Ok(None);
    }
    let hash = token_hash(token);
    let Some(inv) = store.invitation_by_lookup(&hash[..16])? else {
        return Ok(None);
    };
    let same: bool = inv.token_hash.as_bytes().ct_eq(hash.as_bytes()).into();
    Ok(same.then_some(inv))
}

/// The CSRF token of one link for this server process.
pub fn csrf_for(key: &[u8; 32], token_hash: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"intake-csrf\0");
    h.update(key);
    h.update(token_hash.as_bytes());
    hex(&h.finalize()[..16])
}

/// Whether `given` is the CSRF token of the link, compared in constant time.
pub fn csrf_ok(key: &[u8; 32], token_hash: &str, given: &str) -> bool {
    let want = csrf_for(key, token_hash);
    want.len() == given.len() && bool::from(want.as_bytes().ct_eq(given.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_of_256_bits() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert!(well_formed(&a) && well_formed(&b));
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert!(!well_formed("ABC"));
        assert!(!well_formed(&"G".repeat(64)));
    }

    #[test]
    fn csrf_tokens_differ_per_link_and_per_key() {
        let k1 = [1u8; 32];
        let k2 = [2u8; 32];
        let t = csrf_for(&k1, "aa");
        assert!(csrf_ok(&k1, "aa", &t));
        assert!(!csrf_ok(&k1, "bb", &t));
        assert!(!csrf_ok(&k2, "aa", &t));
        assert!(!csrf_ok(&k1, "aa", ""));
    }

    #[test]
    fn hex_matches_the_usual_spelling() {
        assert_eq!(hex(&[0, 15, 16, 255]), "000f10ff");
    }
}
