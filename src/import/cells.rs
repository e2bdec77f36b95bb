//! Reading cells as people write them: money ("£1,240,656", "1240656.50"), dates
//! (`YYYY-MM-DD`, `DD/MM/YYYY`, `YYYY-MM`, or an OCDS date-time) and HTML entities.

use crate::data::Date;

/// An amount of money as whole pounds, rounded half up, and whether rounding changed it;
/// `None` when it is not an amount. "£", "GBP", commas and spaces are allowed.
pub(crate) fn pounds(text: &str) -> Option<(u64, bool)> {
    let t = text.trim();
    let t = t.strip_prefix("GBP").unwrap_or(t);
    let t = t.trim_start().strip_prefix('£').unwrap_or(t).trim();
    let cleaned: String = t.chars().filter(|c| !matches!(c, ',' | ' ')).collect();
    let (whole, fraction) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || whole.len() > 15 {
        return None;
    }
    let mut pounds: u64 = whole.parse().ok()?;
    let rounded = fraction.bytes().any(|b| b != b'0');
    if fraction.as_bytes().first().is_some_and(|&b| b >= b'5') {
        pounds += 1;
    }
    Some((pounds, rounded))
}

/// An OCDS amount (a JSON number as written) as whole pounds, and whether rounding changed
/// it. Exponents are accepted; negative amounts are not.
pub(crate) fn amount(number: &str) -> Option<(u64, bool)> {
    let (mantissa, exponent) = match number.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (number, 0),
    };
    if mantissa.starts_with('-') || !(-30..=15).contains(&exponent) {
        return None;
    }
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits = format!("{whole}{fraction}");
    let point = whole.len() as i32 + exponent;
    if point < 0 {
        digits = "0".repeat((-point) as usize) + &digits;
    }
    let point = point.max(0) as usize;
    while digits.len() < point {
        digits.push('0');
    }
    let (w, f) = digits.split_at(point);
    pounds(&format!("{}.{f}", if w.is_empty() { "0" } else { w }))
}

/// A date as `YYYY-MM-DD` (or the date of an ISO 8601 date-time), `DD/MM/YYYY`, or
/// `YYYY-MM` (the first of the month).
pub(crate) fn date(text: &str) -> Option<Date> {
    let t = text.trim();
    if let Some((d, rest)) = t.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        if d.len() > 2 || m.len() > 2 || y.len() != 4 {
            return None;
        }
        return Date::parse(&format!("{y}-{m:0>2}-{d:0>2}"));
    }
    match t.len() {
        7 => Date::parse(&format!("{t}-01")),
        10 => Date::parse(t),
        n if n > 10 && t.as_bytes()[10] == b'T' => Date::parse(t.get(..10)?),
        _ => None,
    }
}

/// Text with HTML character references decoded (`&apos;`, `&amp;`, `&#8217;`, `&#x27;`),
/// as OCDS publishers send it. Anything else, mis-encoded characters included, is kept.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let window = &rest.as_bytes()[1..rest.len().min(12)];
        let semicolon = window.iter().position(|&b| b == b';');
        let decoded = semicolon.and_then(|end| {
            let name = &rest[1..=end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "pound" => Some('£'),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "rdquo" => Some('”'),
                "ldquo" => Some('“'),
                _ => {
                    let code = name.strip_prefix('#')?;
                    let n = match code.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => code.parse().ok()?,
                    };
                    char::from_u32(n).filter(|c| *c != '\0')
                }
            }?;
            Some((c, end + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_as_people_write_it() {
        assert_eq!(pounds("£1,240,656"), Some((1_240_656, false)));
        assert_eq!(pounds("1240656.50"), Some((1_240_657, true)));
        assert_eq!(pounds("1240656.49"), Some((1_240_656, true)));
        assert_eq!(pounds(" GBP 12,000.00 "), Some((12_000, false)));
        assert_eq!(pounds("£"), None);
        assert_eq!(pounds("-5"), None);
        assert_eq!(pounds("1.2m"), None);
        assert_eq!(pounds("99999999999999999999"), None);
    }

    #[test]
    fn ocds_amounts_are_exact() {
        assert_eq!(amount("544992"), Some((544_992, false)));
        assert_eq!(amount("1240656.5"), Some((1_240_657, true)));
        assert_eq!(amount("1.5e6"), Some((1_500_000, false)));
        assert_eq!(amount("25e-1"), Some((3, true)));
        assert_eq!(amount("-1"), None);
        assert_eq!(amount("1e400"), None);
    }

    #[test]
    fn dates_in_the_usual_forms() {
        let d = |y, m, day| {
            Some(Date {
                year: y,
                month: m,
                day,
            })
        };
        assert_eq!(date("2021-05-21"), d(2021, 5, 21));
        assert_eq!(date("21/05/2021"), d(2021, 5, 21));
        assert_eq!(date("1/6/2021"), d(2021, 6, 1));
        assert_eq!(date("2021-06"), d(2021, 6, 1));
        assert_eq!(date("2021-06-01T00:00:00Z"), d(2021, 6, 1));
        assert_eq!(date("2021-02-30"), None);
        assert_eq!(date("June 2021"), None);
    }

    #[test]
    fn entities_decode_and_the_rest_is_kept() {
        assert_eq!(decode_entities("St Giles&apos; Trust"), "St Giles' Trust");
        assert_eq!(decode_entities("A &amp; B &#8217; &#x27;"), "A & B ’ '");
        assert_eq!(
            decode_entities("R&D &unknown; &#0; â€™"),
            "R&D &unknown; &#0; â€™"
        );
        assert_eq!(decode_entities("&"), "&");
    }
}
