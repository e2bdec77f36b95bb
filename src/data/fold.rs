//! How names are folded for free-text search and made into share-link slugs, shared by the
//! dataset's index and the engine.

/// Folds text for free-text search: lower case (`lower`), apostrophes dropped, `&` as `and`.
pub fn fold(text: &str) -> String {
    lower(text)
        .replace(['\'', '\u{2019}', '\u{2018}'], "")
        .replace('&', " and ")
}

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
