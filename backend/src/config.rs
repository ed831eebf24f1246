//! Command-line flags, each with an environment variable of the same meaning.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use topocloud_contract::PasswordPolicy;

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub database: PathBuf,
    /// Demo seeds and the developer endpoints under `/dev`. Never on in production.
    pub dev: bool,
    /// A built site to serve on the same origin as the API (`dist/`).
    pub site_dir: Option<PathBuf>,
    /// `Secure` and the `__Host-` prefix on the session cookie; on whenever served over https.
    pub secure_cookies: bool,
    /// The site's origin as people reach it; emailed links start with this.
    pub public_url: String,
    /// Deliver emails over SMTP as well as to the outbox (`smtp://host:port`).
    pub smtp_url: Option<String>,
    /// Whether people may create their own accounts (`/api/registrations`).
    pub registration_open: bool,
    pub password_policy: PasswordPolicy,
    pub verify_email_ttl: i64,
    pub reset_ttl: i64,
    pub invitation_ttl: i64,
    /// Per-client limits (sign-in attempts per 15 minutes, email requests per hour). Behind
    /// a proxy every request shares one peer address; a test suite is one busy client.
    pub client_sign_in_limit: i64,
    pub client_email_limit: i64,
    /// Proxies whose `X-Forwarded-For` names the client (for per-client limits). Empty:
    /// the header is ignored and the peer address is the client.
    pub trusted_proxies: Vec<IpAddr>,
    /// The product's name where people see it outside the site: the issuer an
    /// authenticator app shows beside the codes (`TOPOCLOUD_PRODUCT_NAME`).
    pub product_name: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 3000)),
            database: PathBuf::from("topocloud-dev.sqlite"),
            dev: false,
            site_dir: None,
            secure_cookies: false,
            public_url: "http://127.0.0.1:8080".to_owned(),
            smtp_url: None,
            registration_open: true,
            password_policy: PasswordPolicy::recommended(),
            verify_email_ttl: 24 * 3600,
            reset_ttl: 3600,
            invitation_ttl: 7 * 24 * 3600,
            client_sign_in_limit: crate::rate_limit::SIGN_IN_PER_CLIENT,
            client_email_limit: crate::rate_limit::EMAIL_REQUESTS_PER_CLIENT,
            trusted_proxies: Vec::new(),
            product_name: "TopoCloud".to_owned(),
        }
    }
}

pub const USAGE: &str = "\
topocloud-backend: reference implementation of the TopoCloud auth API

  --listen ADDR       address to listen on            [TOPOCLOUD_LISTEN, default 127.0.0.1:3000]
  --database PATH     SQLite file (created if absent) [TOPOCLOUD_DATABASE, default topocloud-dev.sqlite]
  --dev               demo account and /dev endpoints [TOPOCLOUD_DEV=1]
  --site-dir DIR      also serve a built site from DIR [TOPOCLOUD_SITE_DIR]
  --secure-cookies    Secure, __Host- session cookie  [TOPOCLOUD_SECURE_COOKIES=1]
  --public-url URL    origin of the site, for links in emails [TOPOCLOUD_PUBLIC_URL, default http://127.0.0.1:8080]
  --smtp-url URL      also send emails over SMTP, e.g. smtp://127.0.0.1:1025 [TOPOCLOUD_SMTP_URL]
  --registration open|closed                   [TOPOCLOUD_REGISTRATION, default open]
  --password-policy recommended|legacy         [TOPOCLOUD_PASSWORD_POLICY, default recommended]
                      recommended: 12-128 characters, common passwords refused
                      legacy: 8-128 characters with a letter and a digit, common refused
  --trusted-proxy IP[,IP...]  on connections from these addresses, the last entry of
                      X-Forwarded-For is the client (per-client limits behind a proxy that
                      sets it to $remote_addr); the header is ignored otherwise [TOPOCLOUD_TRUSTED_PROXY]
  --help              this text

Link lifetimes in seconds: TOPOCLOUD_VERIFY_EMAIL_TTL (86400), TOPOCLOUD_RESET_TTL (3600),
TOPOCLOUD_INVITATION_TTL (604800).
Per-client limits: TOPOCLOUD_CLIENT_SIGN_IN_LIMIT (300 per 15 minutes),
TOPOCLOUD_CLIENT_EMAIL_LIMIT (50 per hour).
The issuer authenticator apps show: TOPOCLOUD_PRODUCT_NAME (TopoCloud).";

impl Config {
    /// Environment first, then flags on top, so a flag always wins.
    pub fn parse(
        args: impl IntoIterator<Item = String>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, String> {
        let mut config = Config::default();
        let truthy = |v: Option<String>| matches!(v.as_deref(), Some("1" | "true" | "yes"));
        if let Some(listen) = env("TOPOCLOUD_LISTEN") {
            config.listen = parse_addr(&listen)?;
        }
        if let Some(db) = env("TOPOCLOUD_DATABASE") {
            config.database = PathBuf::from(db);
        }
        config.dev = truthy(env("TOPOCLOUD_DEV"));
        config.site_dir = env("TOPOCLOUD_SITE_DIR").map(PathBuf::from);
        config.secure_cookies = truthy(env("TOPOCLOUD_SECURE_COOKIES"));
        if let Some(url) = env("TOPOCLOUD_PUBLIC_URL") {
            config.public_url = url;
        }
        config.smtp_url = env("TOPOCLOUD_SMTP_URL");
        if let Some(name) = env("TOPOCLOUD_PRODUCT_NAME").filter(|n| !n.trim().is_empty()) {
            config.product_name = name.trim().to_owned();
        }
        if let Some(v) = env("TOPOCLOUD_TRUSTED_PROXY") {
            config.trusted_proxies = parse_ips(&v)?;
        }
        if let Some(v) = env("TOPOCLOUD_REGISTRATION") {
            config.registration_open = parse_registration(&v)?;
        }
        if let Some(v) = env("TOPOCLOUD_PASSWORD_POLICY") {
            config.password_policy = parse_policy(&v)?;
        }
        for (name, slot) in [
            ("TOPOCLOUD_VERIFY_EMAIL_TTL", &mut config.verify_email_ttl),
            ("TOPOCLOUD_RESET_TTL", &mut config.reset_ttl),
            ("TOPOCLOUD_INVITATION_TTL", &mut config.invitation_ttl),
            (
                "TOPOCLOUD_CLIENT_SIGN_IN_LIMIT",
                &mut config.client_sign_in_limit,
            ),
            (
                "TOPOCLOUD_CLIENT_EMAIL_LIMIT",
                &mut config.client_email_limit,
            ),
        ] {
            if let Some(v) = env(name) {
                *slot = v
                    .parse()
                    .ok()
                    .filter(|s: &i64| *s > 0)
                    .ok_or(format!("{name}: not a positive whole number"))?;
            }
        }

        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--listen" => config.listen = parse_addr(&value()?)?,
                "--database" => config.database = PathBuf::from(value()?),
                "--site-dir" => config.site_dir = Some(PathBuf::from(value()?)),
                "--dev" => config.dev = true,
                "--secure-cookies" => config.secure_cookies = true,
                "--public-url" => config.public_url = value()?,
                "--smtp-url" => config.smtp_url = Some(value()?),
                "--registration" => config.registration_open = parse_registration(&value()?)?,
                "--password-policy" => config.password_policy = parse_policy(&value()?)?,
                "--trusted-proxy" => config.trusted_proxies.extend(parse_ips(&value()?)?),
                "--help" | "-h" => return Err(USAGE.to_owned()),
                other => return Err(format!("unknown flag {other}\n\n{USAGE}")),
            }
        }
        config.public_url = config.public_url.trim_end_matches('/').to_owned();
        Ok(config)
    }
}

fn parse_registration(raw: &str) -> Result<bool, String> {
    match raw {
        "open" => Ok(true),
        "closed" => Ok(false),
        other => Err(format!("--registration is open or closed, not {other}")),
    }
}

fn parse_policy(raw: &str) -> Result<PasswordPolicy, String> {
    match raw {
        "recommended" => Ok(PasswordPolicy::recommended()),
        "legacy" => Ok(PasswordPolicy::legacy_product()),
        other => Err(format!(
            "--password-policy is recommended or legacy, not {other}"
        )),
    }
}

fn parse_ips(raw: &str) -> Result<Vec<IpAddr>, String> {
    raw.split(',')
        .map(str::trim)
        .filter(|ip| !ip.is_empty())
        .map(|ip| {
            ip.parse::<IpAddr>()
                .map(|ip| ip.to_canonical())
                .map_err(|_| format!("--trusted-proxy: not an IP address: {ip}"))
        })
        .collect()
}

fn parse_addr(raw: &str) -> Result<SocketAddr, String> {
    raw.parse()
        .map_err(|_| format!("not an address:port: {raw}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_listen_on_loopback_3000() {
        let c = Config::parse(args(&[]), |_| None).expect("parses");
        assert_eq!(c.listen.to_string(), "127.0.0.1:3000");
        assert!(!c.dev);
    }

    #[test]
    fn flags_override_environment() {
        let env = |k: &str| (k == "TOPOCLOUD_LISTEN").then(|| "127.0.0.1:4000".to_owned());
        let c = Config::parse(args(&["--listen", "127.0.0.1:5000", "--dev"]), env).expect("ok");
        assert_eq!(c.listen.port(), 5000);
        assert!(c.dev);
    }

    #[test]
    fn rejects_unknown_flags_and_bad_addresses() {
        assert!(Config::parse(args(&["--nope"]), |_| None).is_err());
        assert!(Config::parse(args(&["--listen", "nowhere"]), |_| None).is_err());
        assert!(Config::parse(args(&["--database"]), |_| None).is_err());
        assert!(Config::parse(args(&["--registration", "maybe"]), |_| None).is_err());
        assert!(Config::parse(args(&["--password-policy", "weak"]), |_| None).is_err());
        assert!(Config::parse(args(&["--trusted-proxy", "localhost"]), |_| None).is_err());
    }

    #[test]
    fn trusted_proxies_are_off_unless_named() {
        let c = Config::parse(args(&[]), |_| None).expect("parses");
        assert!(c.trusted_proxies.is_empty());
        let env = |k: &str| (k == "TOPOCLOUD_TRUSTED_PROXY").then(|| "127.0.0.1, ::1".to_owned());
        let c = Config::parse(args(&["--trusted-proxy", "10.0.0.2"]), env).expect("parses");
        let ips: Vec<String> = c.trusted_proxies.iter().map(|ip| ip.to_string()).collect();
        assert_eq!(ips, ["127.0.0.1", "::1", "10.0.0.2"]);
    }

    #[test]
    fn policy_registration_and_lifetimes_are_configurable() {
        let env = |k: &str| (k == "TOPOCLOUD_RESET_TTL").then(|| "60".to_owned());
        let c = Config::parse(
            args(&["--registration", "closed", "--password-policy", "legacy"]),
            env,
        )
        .expect("parses");
        assert!(!c.registration_open);
        assert_eq!(c.password_policy, PasswordPolicy::legacy_product());
        assert_eq!(c.reset_ttl, 60);
        assert!(Config::parse(args(&[]), |k| (k == "TOPOCLOUD_RESET_TTL")
            .then(|| "-5".into()))
        .is_err());
    }
}
