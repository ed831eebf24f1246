//! The browser and operating system of a session in words, from its `User-Agent`, so a
//! person can tell their sessions apart ("Firefox on Windows"). A guess, never a
//! security decision: any browser can send any user agent.

/// Most user agents are under 300 bytes; anything longer is cut (at a char boundary).
pub const MAX_STORED_BYTES: usize = 512;

/// `raw` cut to at most [`MAX_STORED_BYTES`] bytes.
pub fn truncate(raw: &str) -> String {
    let mut end = raw.len().min(MAX_STORED_BYTES);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    raw[..end].to_owned()
}

/// The browser's name; `None` when the user agent names none we know. Order matters:
/// Edge, Opera and Samsung Internet also say "Chrome" and "Safari", Chrome says "Safari".
pub fn browser(ua: &str) -> Option<&'static str> {
    let has = |needle: &str| ua.contains(needle);
    if has("Edg/") || has("EdgA/") || has("EdgiOS/") || has("Edge/") {
        Some("Edge")
    } else if has("OPR/") || has("Opera") || has("OPT/") {
        Some("Opera")
    } else if has("SamsungBrowser/") {
        Some("Samsung Internet")
    } else if has("Firefox/") || has("FxiOS/") {
        Some("Firefox")
    } else if has("Chrome/") || has("CriOS/") || has("Chromium/") {
        Some("Chrome")
    } else if has("Safari/") && has("Version/") {
        Some("Safari")
    } else {
        None
    }
}

/// The operating system's name; `None` when unknown. iPads and iPhones before Android
/// and macOS ("like Mac OS X"), ChromeOS and Android before Linux (both say "Linux").
pub fn system(ua: &str) -> Option<&'static str> {
    let has = |needle: &str| ua.contains(needle);
    if has("iPhone") || has("iPad") || has("iPod") {
        Some("iOS")
    } else if has("Android") {
        Some("Android")
    } else if has("CrOS") {
        Some("ChromeOS")
    } else if has("Windows") {
        Some("Windows")
    } else if has("Macintosh") || has("Mac OS X") {
        Some("macOS")
    } else if has("Linux") || has("X11") {
        Some("Linux")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHROME_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    const EDGE_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51";
    const FIREFOX_LINUX: &str =
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    const SAFARI_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
    const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    const CHROME_IPAD: &str = "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1";
    const SAMSUNG_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36";
    const OPERA_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 OPR/109.0.0.0";
    const CHROME_CHROMEOS: &str = "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    const FIREFOX_ANDROID: &str =
        "Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0";

    #[test]
    fn common_browsers_and_systems_are_named() {
        for (ua, b, s) in [
            (CHROME_WINDOWS, "Chrome", "Windows"),
            (EDGE_WINDOWS, "Edge", "Windows"),
            (FIREFOX_LINUX, "Firefox", "Linux"),
            (SAFARI_MAC, "Safari", "macOS"),
            (SAFARI_IPHONE, "Safari", "iOS"),
            (CHROME_IPAD, "Chrome", "iOS"),
            (SAMSUNG_ANDROID, "Samsung Internet", "Android"),
            (OPERA_MAC, "Opera", "macOS"),
            (CHROME_CHROMEOS, "Chrome", "ChromeOS"),
            (FIREFOX_ANDROID, "Firefox", "Android"),
        ] {
            assert_eq!(browser(ua), Some(b), "{ua}");
            assert_eq!(system(ua), Some(s), "{ua}");
        }
    }

    #[test]
    fn unknown_agents_are_none() {
        for ua in ["", "curl/8.5.0", "reqwest", "Mozilla/5.0"] {
            assert_eq!(browser(ua), None, "{ua}");
            assert_eq!(system(ua), None, "{ua}");
        }
    }

    #[test]
    fn long_agents_are_cut_at_a_character_boundary() {
        assert_eq!(truncate("short"), "short");
        let long = "é".repeat(400);
        let cut = truncate(&long);
        assert!(cut.len() <= MAX_STORED_BYTES && cut.len() >= MAX_STORED_BYTES - 1);
        assert!(long.starts_with(&cut));
    }
}
