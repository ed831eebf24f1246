//! Command-line flags, each with an environment variable of the same meaning.

use std::net::SocketAddr;
use std::path::PathBuf;

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
  --help              this text";

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
                "--help" | "-h" => return Err(USAGE.to_owned()),
                other => return Err(format!("unknown flag {other}\n\n{USAGE}")),
            }
        }
        config.public_url = config.public_url.trim_end_matches('/').to_owned();
        Ok(config)
    }
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
    }
}
