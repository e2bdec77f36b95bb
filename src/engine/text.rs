//! Text rules shared by the engine and the views: slugs, search folding, and figures for people.

/// The share-link slug of a name: lower-cased, `&` as `and`, apostrophes dropped,
/// every other run of non-alphanumerics as `-`, and a leading `the-` dropped.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    let replaced = name.replace('&', " and ");
    for ch in replaced.chars() {
        if matches!(ch, '\'' | '\u{2019}' | '\u{2018}') {
            continue;
        }
        if ch.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(ch.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    match out.strip_prefix("the-") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// Folds text for free-text search: lower case, apostrophes dropped, `&` as `and`.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .replace(['\'', '\u{2019}', '\u{2018}'], "")
        .replace('&', " and ")
}

/// Whole pounds with thousands separators: `£1,234,567`.
pub fn pounds(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::from("£");
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A short figure for people: `£46.6m`, `£545k`, `£900`.
pub fn pounds_short(value: u64) -> String {
    if value >= 999_500 {
        let tenths = (value + 50_000) / 100_000;
        if tenths.is_multiple_of(10) {
            format!("£{}m", tenths / 10)
        } else {
            format!("£{}.{}m", tenths / 10, tenths % 10)
        }
    } else if value >= 1_000 {
        format!("£{}k", (value + 500) / 1_000)
    } else {
        format!("£{value}")
    }
}

/// A share as a whole percentage: `0.6446` → `64%`.
pub fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_published_rule() {
        assert_eq!(slugify("The Forward Trust"), "forward-trust");
        assert_eq!(slugify("St Mungo's"), "st-mungos");
        assert_eq!(slugify("Catch22"), "catch22");
        assert_eq!(slugify("Avon & Somerset"), "avon-and-somerset");
        assert_eq!(slugify("Dyfed-Powys"), "dyfed-powys");
        assert_eq!(
            slugify("Nottingham Women’s Centre"),
            "nottingham-womens-centre"
        );
        assert_eq!(slugify("  --Weird__  name!! "), "weird-name");
        assert_eq!(slugify(""), "");
    }

    #[test]
    fn short_figures_round_for_people() {
        assert_eq!(pounds(46_609_099), "£46,609,099");
        assert_eq!(pounds(0), "£0");
        assert_eq!(pounds(999), "£999");
        assert_eq!(pounds_short(46_609_099), "£46.6m");
        assert_eq!(pounds_short(2_000_000), "£2m");
        assert_eq!(pounds_short(544_992), "£545k");
        assert_eq!(pounds_short(999_999), "£1m");
        assert_eq!(pounds_short(999_499), "£999k");
        assert_eq!(percent(0.6446), "64%");
    }
}
