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

/// At most this many hashes at once (one per core): each argon2id run holds 19 MiB, so
/// a burst of sign-ins would otherwise start a blocking thread and take that memory per
/// request, and all of them would finish late instead of most of them early.
fn hashing_permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores)
    })
}

/// Runs `work` (hashing or verifying) on a blocking thread once a hashing permit is free.
async fn off_runtime<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::task::JoinError> {
    // The semaphore is never closed, so acquiring cannot fail; without a permit the
    // work would still be correct, only unbounded.
    let _permit = hashing_permits().acquire().await.ok();
    tokio::task::spawn_blocking(work).await
}

/// [`verify`] on a blocking thread, at most one per core at a time.
pub async fn verify_off_runtime(
    password: String,
    stored_hash: String,
) -> Result<bool, tokio::task::JoinError> {
    off_runtime(move || verify(&password, &stored_hash)).await
}

/// Hashes on a blocking thread (argon2id takes tens of milliseconds of CPU), at most one
/// per core at a time, mapping any failure to a generic `500` after logging it.
pub async fn hash_off_runtime(password: &str) -> Result<String, crate::problem::ApiProblem> {
    let password = password.to_owned();
    off_runtime(move || hash(&password)).await?.map_err(|e| {
        tracing::error!("password hashing failed: {e}");
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
