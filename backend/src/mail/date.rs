//! Dates in emails, written out in Dutch or English and in Dutch local time.
//!
//! TopoCloud's users are in the Netherlands, so an invitation's expiry is shown in
//! Amsterdam time, by the real `Europe/Amsterdam` rules of the time-zone database that
//! `jiff` compiles in (so it works on a machine without /usr/share/zoneinfo).

use jiff::tz::TimeZone;
use jiff::{civil::DateTime, Timestamp};
use std::sync::OnceLock;
use topocloud_contract::Locale;

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn amsterdam() -> &'static TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    // The bundled database always has the zone; UTC would only be a last resort.
    ZONE.get_or_init(|| TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC))
}

/// The wall-clock time of `unix` in `zone`; the epoch for a time outside jiff's range
/// (years -9999 to 9999), which no link lifetime reaches.
fn civil(unix: i64, zone: &TimeZone) -> DateTime {
    Timestamp::from_second(unix)
        .unwrap_or(Timestamp::UNIX_EPOCH)
        .to_zoned(zone.clone())
        .datetime()
}

/// "3 april 2026 om 14:00 (Nederlandse tijd)" / "3 April 2026 at 14:00 (Dutch time)".
pub(crate) fn local_date_time(unix: i64, locale: Locale) -> String {
    let t = civil(unix, amsterdam());
    let index = usize::try_from(t.month() - 1).unwrap_or(0);
    match locale {
        Locale::Nl => format!(
            "{} {} {} om {:02}:{:02} (Nederlandse tijd)",
            t.day(),
            MONTHS_NL[index],
            t.year(),
            t.hour(),
            t.minute()
        ),
        Locale::En => format!(
            "{} {} {} at {:02}:{:02} (Dutch time)",
            t.day(),
            MONTHS_EN[index],
            t.year(),
            t.hour(),
            t.minute()
        ),
    }
}

/// "2026-04-03 12:00:00 UTC", for developer pages.
pub fn utc_stamp(unix: i64) -> String {
    let t = civil(unix, &TimeZone::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_stamps_match_known_instants() {
        assert_eq!(utc_stamp(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc_stamp(1_709_248_500), "2024-02-29 23:15:00 UTC");
        assert_eq!(utc_stamp(946_683_000), "1999-12-31 23:30:00 UTC");
    }

    #[test]
    fn winter_is_cet_and_summer_is_cest() {
        assert_eq!(
            local_date_time(1_768_469_400, Locale::Nl),
            "15 januari 2026 om 10:30 (Nederlandse tijd)"
        );
        assert_eq!(
            local_date_time(1_782_900_000, Locale::En),
            "1 July 2026 at 12:00 (Dutch time)"
        );
    }

    #[test]
    fn clocks_change_at_one_utc_on_the_last_sundays_of_march_and_october() {
        // 2026-03-29 00:59 and 01:00 UTC; 2026-10-25 00:59 and 01:00 UTC.
        assert!(local_date_time(1_774_745_940, Locale::En).contains("29 March 2026 at 01:59"));
        assert!(local_date_time(1_774_746_000, Locale::En).contains("29 March 2026 at 03:00"));
        assert!(local_date_time(1_792_889_940, Locale::Nl).contains("25 oktober 2026 om 02:59"));
        assert!(local_date_time(1_792_890_000, Locale::Nl).contains("25 oktober 2026 om 02:00"));
    }

    #[test]
    fn the_rules_of_other_years_come_from_the_time_zone_database() {
        // 1977: Dutch summer time began on 3 April, not on the last Sunday of March.
        assert!(local_date_time(228_571_200, Locale::En).contains("30 March 1977 at 13:00"));
        // 1990: it ended on the last Sunday of September, not of October.
        assert!(local_date_time(655_264_800, Locale::En).contains("7 October 1990 at 03:00"));
    }
}
