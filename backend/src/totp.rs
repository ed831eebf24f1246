//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the
//! key's base32 form and `otpauth://` URI, and the URI drawn as a QR code. Pure
//! functions: storage and the once-only rule live in [`crate::two_step`].

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;
use topocloud_contract::{percent_encode, QrCode};

/// Seconds per time step.
pub const STEP_SECONDS: i64 = 30;
/// Digits of a code, as authenticator apps show them.
pub const DIGITS: u32 = 6;
/// Bytes of a new key (160 bits, as RFC 4226 recommends for HMAC-SHA1).
pub const SECRET_BYTES: usize = 20;
/// Modules of light border around a QR code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// The time step that `unix_seconds` falls in.
pub fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The HOTP value (RFC 4226) of `key` at `counter`, `digits` long with leading zeros.
pub fn code_at(key: &[u8], counter: u64, digits: u32) -> String {
    // HMAC accepts a key of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(&counter.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[hash.len() - 1] & 0x0f);
    let binary = (u32::from(hash[offset] & 0x7f) << 24)
        | (u32::from(hash[offset + 1]) << 16)
        | (u32::from(hash[offset + 2]) << 8)
        | u32::from(hash[offset + 3]);
    let value = u64::from(binary) % 10u64.pow(digits);
    format!("{value:0width$}", width = digits as usize)
}

/// The six-digit code of `key` for time step `step` (`None` before 1970).
pub fn code_for_step(key: &[u8], step: i64) -> Option<String> {
    u64::try_from(step).ok().map(|s| code_at(key, s, DIGITS))
}

/// A fresh random key and its base32 form (RFC 4648, no padding).
pub fn new_secret() -> String {
    let mut bytes = [0u8; SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    data_encoding::BASE32_NOPAD.encode(&bytes)
}

/// The key bytes of a base32 secret as stored; `None` if it is not base32.
pub fn decode_secret(secret: &str) -> Option<Vec<u8>> {
    data_encoding::BASE32_NOPAD.decode(secret.as_bytes()).ok()
}

/// `otpauth://totp/<issuer>:<email>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`,
/// the Key URI Format authenticator apps read from a QR code.
pub fn otpauth_uri(issuer: &str, email: &str, secret: &str) -> String {
    let issuer = percent_encode(issuer);
    format!(
        "otpauth://totp/{issuer}:{}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        percent_encode(email)
    )
}

/// `text` as a QR code: one `M{x} {y}h{run}v1h-{run}z` per horizontal run of dark
/// modules, the quiet zone included in `size`. `None` when it does not fit in a QR code.
pub fn qr_code(text: &str) -> Option<QrCode> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if row[x] != qrcode::Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] == qrcode::Color::Dark {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!(
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            ));
        }
    }
    Some(QrCode {
        size: u32::try_from(width + 2 * QUIET_ZONE).ok()?,
        path,
    })
}

/// Compares two codes in time independent of where they differ.
pub fn same_code(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |diff, (x, y)| diff | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC_KEY: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc_6238_appendix_b_sha1_vectors() {
        for (time, expected) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            let step = u64::try_from(step_of(time)).expect("after 1970");
            assert_eq!(code_at(RFC_KEY, step, 8), expected, "T = {time}");
        }
    }

    #[test]
    fn six_digit_codes_are_the_last_six_of_the_eight() {
        assert_eq!(
            code_for_step(RFC_KEY, step_of(59)).as_deref(),
            Some("287082")
        );
        assert_eq!(
            code_for_step(RFC_KEY, step_of(1_111_111_109)).as_deref(),
            Some("081804")
        );
        assert_eq!(code_for_step(RFC_KEY, -1), None);
    }

    #[test]
    fn steps_are_thirty_seconds() {
        assert_eq!(step_of(0), 0);
        assert_eq!(step_of(29), 0);
        assert_eq!(step_of(30), 1);
        assert_eq!(step_of(-1), -1);
    }

    #[test]
    fn a_new_secret_is_160_bits_of_unpadded_base32() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        assert!(secret
            .bytes()
            .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b)));
        assert_eq!(decode_secret(&secret).map(|k| k.len()), Some(SECRET_BYTES));
        assert_ne!(new_secret(), secret);
        assert_eq!(decode_secret("not base32!"), None);
        // RFC 4648's test vector.
        assert_eq!(decode_secret("MZXW6YTBOI").as_deref(), Some(&b"foobar"[..]));
    }

    #[test]
    fn the_uri_names_issuer_and_account_percent_encoded() {
        let uri = otpauth_uri("Topo Cloud", "jan+test@bureau.nl", "JBSWY3DPEHPK3PXP");
        assert_eq!(
            uri,
            "otpauth://totp/Topo%20Cloud:jan%2Btest%40bureau.nl?secret=JBSWY3DPEHPK3PXP&issuer=Topo%20Cloud&algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn the_qr_code_has_its_quiet_zone_and_one_rectangle_per_dark_run() {
        let qr = qr_code("otpauth://totp/TopoCloud:a@b.nl?secret=JBSWY3DPEHPK3PXP").expect("fits");
        let modules =
            qrcode::QrCode::new(b"otpauth://totp/TopoCloud:a@b.nl?secret=JBSWY3DPEHPK3PXP")
                .expect("fits");
        assert_eq!(qr.size as usize, modules.width() + 8);
        // The top-left finder pattern: a run of seven dark modules at the quiet zone's edge.
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "{}", &qr.path[..40]);
        let dark = modules
            .to_colors()
            .iter()
            .filter(|c| **c == qrcode::Color::Dark)
            .count();
        let drawn: usize = qr
            .path
            .split('z')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let run = p.split('h').nth(1).and_then(|r| r.strip_suffix("v1"));
                run.and_then(|r| r.parse::<usize>().ok()).expect("a run")
            })
            .sum();
        assert_eq!(drawn, dark);
    }

    #[test]
    fn codes_compare_whole() {
        assert!(same_code("123456", "123456"));
        assert!(!same_code("123456", "123457"));
        assert!(!same_code("123456", "12345"));
    }
}
