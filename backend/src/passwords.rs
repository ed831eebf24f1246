//! argon2id password hashing. Hashing is CPU-heavy, so callers run it off the async runtime.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Hashes on a blocking thread (argon2id takes tens of milliseconds of CPU), mapping any
/// failure to a generic `500` after logging it.
pub async fn hash_off_runtime(password: &str) -> Result<String, crate::problem::ApiProblem> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash(&password))
        .await?
        .map_err(|e| {
            eprintln!("password hashing failed: {e}");
            crate::problem::ApiProblem::internal()
        })
}

/// A stored hash that fails to parse counts as a mismatch, never as a crash.
pub fn verify(password: &str, stored_hash: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("TopoCloud-demo-2026").expect("hash");
        let b = hash("TopoCloud-demo-2026").expect("hash");
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("TopoCloud-demo-2026", &a));
        assert!(!verify("TopoCloud-demo-2027", &a));
        assert!(!verify("TopoCloud-demo-2026", "not a hash"));
    }
}
