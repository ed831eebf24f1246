//! Recovery codes: ten single-use codes for when the phone is gone, shown once and kept
//! only as SHA-256 hashes of their normalised form.

use crate::session::sha256_hex;
use rand::Rng;
use rusqlite::{params, Connection};
use topocloud_contract::{normalise_recovery_code, RECOVERY_CODE_CHARS, RECOVERY_CODE_COUNT};

/// Lowercase letters and digits without look-alikes (no i, l, o, 0, 1).
pub const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// One code as printed: `xxxxx-xxxxx`.
pub fn generate_one() -> String {
    let mut rng = rand::rngs::OsRng;
    let mut code = String::with_capacity(RECOVERY_CODE_CHARS + 1);
    for i in 0..RECOVERY_CODE_CHARS {
        if i == RECOVERY_CODE_CHARS / 2 {
            code.push('-');
        }
        code.push(char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]));
    }
    code
}

fn hash(normalised: &str) -> String {
    sha256_hex(normalised)
}

/// Replaces the account's recovery codes with [`RECOVERY_CODE_COUNT`] new ones (the old
/// ones stop working) and returns them, the only time they are seen.
pub fn replace(conn: &Connection, user_id: i64, now: i64) -> rusqlite::Result<Vec<String>> {
    conn.execute(
        "DELETE FROM recovery_codes WHERE user_id = ?1",
        params![user_id],
    )?;
    let mut codes = Vec::with_capacity(RECOVERY_CODE_COUNT);
    while codes.len() < RECOVERY_CODE_COUNT {
        let code = generate_one();
        let normalised = normalise_recovery_code(&code).unwrap_or_default();
        // Two equal codes among ten are all but impossible; one is drawn again if so.
        let inserted = conn.execute(
            "INSERT OR IGNORE INTO recovery_codes (user_id, hash, created_at) VALUES (?1, ?2, ?3)",
            params![user_id, hash(&normalised), now],
        )?;
        if inserted == 1 {
            codes.push(code);
        }
    }
    Ok(codes)
}

/// Uses one recovery code: one conditional `UPDATE`, and a success only when it changed
/// the row, so a code sent twice at the same moment works once.
pub fn use_code(conn: &Connection, user_id: i64, typed: &str, now: i64) -> rusqlite::Result<bool> {
    let Some(normalised) = normalise_recovery_code(typed) else {
        return Ok(false);
    };
    let changed = conn.execute(
        "UPDATE recovery_codes SET used_at = ?1
         WHERE hash = ?2 AND user_id = ?3 AND used_at IS NULL",
        params![now, hash(&normalised), user_id],
    )?;
    Ok(changed == 1)
}

/// How many unused codes the account has.
pub fn left(conn: &Connection, user_id: i64) -> rusqlite::Result<u32> {
    conn.query_row(
        "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?1 AND used_at IS NULL",
        params![user_id],
        |r| r.get(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_five_dash_five_from_the_alphabet_and_normalise() {
        assert_eq!(ALPHABET.len(), 31);
        for _ in 0..50 {
            let code = generate_one();
            assert_eq!(code.len(), 11, "{code}");
            assert_eq!(code.as_bytes()[5], b'-');
            assert!(code
                .bytes()
                .filter(|b| *b != b'-')
                .all(|b| ALPHABET.contains(&b)));
            let upper = code.to_uppercase().replace('-', " ");
            assert_eq!(normalise_recovery_code(&upper), Some(code.replace('-', "")));
        }
        assert_ne!(generate_one(), generate_one());
    }
}
