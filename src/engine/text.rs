//! Text rules shared by the engine and the views: slugs, search folding, and figures and
//! lists for people.

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

/// Folds text for free-text search: lower case (`lower`), apostrophes dropped, `&` as `and`.
pub fn fold(text: &str) -> String {
    lower(text)
        .replace(['\'', '\u{2019}', '\u{2018}'], "")
        .replace('&', " and ")
}

/// Lower case for the alphabets names are written in here: ASCII, the accented letters of
/// Latin-1 and Latin Extended-A (Welsh ŵ and ŷ among them), and Greek and Cyrillic
/// capitals. Any other character stays as it is, and `İ` lowers to a plain `i`.
/// `str::to_lowercase` would lower every script, but it brings Unicode's whole case table
/// into the page, for letters no name here uses: the page was 10.4 KB lighter, gzipped,
/// once nothing called it.
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// `lower` for one character.
pub(crate) fn lower_char(c: char) -> char {
    let u = c as u32;
    let lowered = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3A9 | 0x410..=0x42F => {
            u + 32
        }
        0x400..=0x40F => u + 80,
        0x130 => 0x69,
        0x178 => 0xFF,
        // Latin Extended-A pairs each capital with the small letter after it.
        0x100..=0x137 | 0x14A..=0x177 if u & 1 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u & 1 == 1 => u + 1,
        _ => u,
    };
    char::from_u32(lowered).unwrap_or(c)
}

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

/// A short figure for people: `£1.2bn`, `£46.6m`, `£545k`, `£900`.
pub(crate) fn pounds_short(value: u64) -> String {
    if value >= 999_950_000 {
        let tenths = (value + 50_000_000) / 100_000_000;
        if tenths.is_multiple_of(10) {
            format!("£{}bn", tenths / 10)
        } else {
            format!("£{}.{}bn", tenths / 10, tenths % 10)
        }
    } else if value >= 999_500 {
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
pub(crate) fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// "1 award", "2 awards", "1,204 awards".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

/// "a", "a and b", "a, b and c".
pub(crate) fn join_and(items: Vec<String>) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
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
    fn lower_agrees_with_unicode_for_the_letters_it_covers() {
        let covered = (0..=0x17F).chain(0x391..=0x3A9).chain(0x400..=0x42F);
        for c in covered.filter(|&u| u != 0x130).filter_map(char::from_u32) {
            assert_eq!(
                lower_char(c).to_string(),
                c.to_lowercase().to_string(),
                "{c:?}"
            );
        }
        assert_eq!(lower("Ŵ YSTRAD İ ΣΩ Ж Ǆ"), "ŵ ystrad i σω ж Ǆ");
        assert_eq!(fold("Women’s AID & Ŷ"), "womens aid  and  ŷ");
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
