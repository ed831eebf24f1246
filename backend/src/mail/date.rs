//! Dates in emails, written out in Dutch or English and in Dutch local time.
//!
//! TopoCloud's users are in the Netherlands, so an invitation's expiry is shown in
//! Amsterdam time. The EU summer-time rule is fixed and simple enough to compute here
//! rather than pull in a time-zone database for one sentence.

use topocloud_contract::Locale;

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

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

struct Parts {
    year: i64,
    month: u32,
    day: u32,
    hour: i64,
    minute: i64,
    second: i64,
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The inverse of [`civil_from_days`].
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Day number of the last Sunday of `month` (March and October are all we need).
fn last_sunday(year: i64, month: u32) -> i64 {
    let last_day = days_from_civil(year, month + 1, 1) - 1;
    // 1970-01-01 was a Thursday: +4 makes Sunday 0.
    last_day - (last_day + 4).rem_euclid(7)
}

/// CET (+1 h), or CEST (+2 h) from 01:00 UTC on the last Sunday of March until
/// 01:00 UTC on the last Sunday of October.
fn amsterdam_offset(unix: i64) -> i64 {
    let (year, _, _) = civil_from_days(unix.div_euclid(DAY));
    let summer_starts = last_sunday(year, 3) * DAY + HOUR;
    let summer_ends = last_sunday(year, 10) * DAY + HOUR;
    if (summer_starts..summer_ends).contains(&unix) {
        2 * HOUR
    } else {
        HOUR
    }
}

fn parts(unix: i64) -> Parts {
    let (year, month, day) = civil_from_days(unix.div_euclid(DAY));
    let secs = unix.rem_euclid(DAY);
    Parts {
        year,
        month,
        day,
        hour: secs / HOUR,
        minute: secs % HOUR / 60,
        second: secs % 60,
    }
}

/// "3 april 2026 om 14:00 (Nederlandse tijd)" / "3 April 2026 at 14:00 (Dutch time)".
pub(crate) fn local_date_time(unix: i64, locale: Locale) -> String {
    let p = parts(unix + amsterdam_offset(unix));
    let index = (p.month as usize).saturating_sub(1);
    match locale {
        Locale::Nl => format!(
            "{} {} {} om {:02}:{:02} (Nederlandse tijd)",
            p.day, MONTHS_NL[index], p.year, p.hour, p.minute
        ),
        Locale::En => format!(
            "{} {} {} at {:02}:{:02} (Dutch time)",
            p.day, MONTHS_EN[index], p.year, p.hour, p.minute
        ),
    }
}

/// "2026-04-03 12:00:00 UTC", for developer pages.
pub fn utc_stamp(unix: i64) -> String {
    let p = parts(unix);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        p.year, p.month, p.day, p.hour, p.minute, p.second
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
    fn civil_days_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
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
}
