//! Text rules shared by the engine and the views: slugs, and figures and lists for people.
//! Folding names for search, and slugs, are the data's (`data::fold`).

pub use crate::data::fold::slugify;
use crate::lang::{self, fill, m, Msg};

/// A whole number with thousands separators: `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Whole pounds with thousands separators: `£1,234,567`.
pub fn pounds(value: u64) -> String {
    format!("£{}", thousands(value))
}

/// An award's value as the table shows it: `pounds`, or "not published".
pub fn award_value(value: Option<u64>) -> String {
    value.map_or_else(|| lang::t(m::NOT_PUBLISHED).to_string(), pounds)
}

/// A short figure for people: `£1.2bn`, `£46.6m`, `£545k`, `£900`.
pub(crate) fn pounds_short(value: u64) -> String {
    if value >= 999_950_000 {
        let tenths = (value + 50_000_000) / 100_000_000;
        fill(m::MONEY_BN, &[("n", &tenths_of(tenths))])
    } else if value >= 999_500 {
        let tenths = (value + 50_000) / 100_000;
        fill(m::MONEY_M, &[("n", &tenths_of(tenths))])
    } else if value >= 1_000 {
        fill(m::MONEY_K, &[("n", &((value + 500) / 1_000).to_string())])
    } else {
        format!("£{value}")
    }
}

/// A number of tenths as a decimal: `463` → `46.3`, `20` → `2`.
fn tenths_of(tenths: u64) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// A share as a whole percentage: `0.6446` → `64%`.
pub(crate) fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// A count in the language shown: "1 award", "2 awards", "1,204 awards" (`one` for 1,
/// `many` for any other number, each with `{n}`).
pub(crate) fn count(n: usize, one: Msg, many: Msg) -> String {
    fill(
        if n == 1 { one } else { many },
        &[("n", &thousands(n as u64))],
    )
}

/// "a", "a and b", "a, b and c", as the language shown joins a list.
pub(crate) fn join_and(items: Vec<String>) -> String {
    let mut items = items.into_iter();
    let Some(mut out) = items.next() else {
        return String::new();
    };
    let mut items = items.peekable();
    while let Some(item) = items.next() {
        out = if items.peek().is_some() {
            fill(m::LIST_COMMA, &[("rest", &out), ("item", &item)])
        } else {
            fill(m::LIST_AND, &[("rest", &out), ("last", &item)])
        };
    }
    out
}

/// `text` with the characters HTML gives meaning to escaped, for text and attribute values.
#[cfg_attr(not(feature = "ui"), allow(dead_code))] // the page's views written as HTML text
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_figures_read_in_billions_and_with_separators() {
        assert_eq!(pounds_short(26_284_000_000), "£26.3bn");
        assert_eq!(pounds_short(2_000_000_000), "£2bn");
        assert_eq!(pounds_short(999_949_999), "£999.9m");
        assert_eq!(pounds_short(999_950_000), "£1bn");
        assert_eq!(thousands(4_525), "4,525");
        assert_eq!(thousands(999), "999");
        assert_eq!(pounds(1_234_567), "£1,234,567");
    }

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
