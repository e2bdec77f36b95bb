//! The catalogue file format: one message a line, `key = text`, with `{name}` for what is
//! filled in and `{{` or `}}` for a brace itself; blank lines and lines starting with `#`
//! are for people. Read by `build.rs`
//! (the English catalogue, built in), by the page (the Welsh one, fetched) and by the tests.

/// A message of a catalogue: its key, its text and the line it is on (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    pub key: &'a str,
    pub text: &'a str,
    pub line: usize,
}

/// Reads a catalogue; a malformed line is an error naming its line and column. (The page
/// reads one too: no `{:?}` here, which would link Rust's string escaping into it.)
pub fn parse(text: &str) -> Result<Vec<Entry<'_>>, String> {
    let mut out: Vec<Entry> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, text)) = raw.split_once('=') else {
            return Err(format!("{line}:1: no `=` between the key and the text"));
        };
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(format!(
                "{line}:1: the key “{key}” is not lower-case letters, digits and `_`"
            ));
        }
        if out.iter().any(|e| e.key == key) {
            return Err(format!("{line}:1: the key “{key}” appears twice"));
        }
        let text = text.trim();
        if let Some(col) = unbalanced(text) {
            let at = raw.len() - raw.trim_start().len() + raw.trim().find(text).unwrap_or(0);
            return Err(format!(
                "{line}:{}: a `{{` or `}}` without its pair",
                at + col + 1
            ));
        }
        out.push(Entry { key, text, line });
    }
    Ok(out)
}

/// Where in `text` a brace has no pair, if one has none. `{{` and `}}` are a brace itself.
fn unbalanced(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let (mut i, mut open) = (0, None);
    while i < b.len() {
        match (b[i], open) {
            (b'{', None) if b.get(i + 1) == Some(&b'{') => i += 1,
            (b'}', None) if b.get(i + 1) == Some(&b'}') => i += 1,
            (b'{', None) => open = Some(i),
            (b'}', Some(_)) => open = None,
            (b'{' | b'}', _) => return Some(i),
            _ => {}
        }
        i += 1;
    }
    open
}

/// The names of what `text` fills in (`{n}` and `{place}` in "{n} in {place}"), in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        if rest[start..].starts_with("{{") {
            rest = &rest[start + 2..];
            continue;
        }
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push(&rest[start + 1..start + len]);
        rest = &rest[start + len + 1..];
    }
    out
}

/// A key's hash (32-bit FNV-1a): how the page finds a fetched message's place without
/// carrying every key's name.
pub fn hash(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
