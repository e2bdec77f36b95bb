//! The share-link format: `Filters` to and from a URL query string. A public, versioned contract.
//!
//! Version 1 (a link without `v`, or with `v=1`). Parameters, several values comma-separated:
//! `region`, `area`, `category`, `provider`, `sector`, `buyer` (slugs); `min`, `max` (whole pounds);
//! `end-from`, `end-to` (`YYYY-MM`, inclusive); `q` (free text); `map` (how the map is
//! coloured: `value`, `sector` or a category's slug for its coverage); `data` (which
//! dataset: without it, the built-in one, so links made before there were others keep
//! their meaning); `lang` (`cy` or `en`: the language the page is written in, which, like
//! `map`, is part of the view and not a filter; without it, the browser's preference).
//! Anything unknown or
//! malformed is ignored and reported as a `Warning`; what remains still applies.
//! A link made today must mean the same in every later version: see tests/link_corpus.txt.

use crate::engine::set::Set;
use std::fmt;

use crate::data::{Dataset, Month, Sector};
use crate::embedded;
use crate::engine::colour::MapColour;
use crate::engine::filters::Filters;
use crate::lang::{self, m, Lang};

/// The format version this code writes and reads.
pub(crate) const VERSION: &str = "1";
/// Longer query strings are cut here (at a character boundary) and the rest ignored.
pub(crate) const MAX_QUERY_LEN: usize = 4096;
/// Longer search text is cut to this many characters.
pub(crate) const MAX_SEARCH_CHARS: usize = 200;

/// Why part of a link was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    UnknownParameter,
    UnknownValue,
    NotANumber,
    NotAMonth,
    BadEncoding,
    Repeated,
    TooLong,
    SearchTooLong,
    UnknownVersion,
}

/// One ignored part of a link, for the notice the visitor sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub param: String,
    pub value: String,
    pub problem: Problem,
}

/// Shortens text from a link for display: at most 40 characters, no control characters.
fn shown(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = setting(&self.param);
        let v = shown(&self.value);
        let template = match self.problem {
            Problem::UnknownParameter => m::LINK_UNKNOWN_SETTING,
            Problem::UnknownValue => m::LINK_UNKNOWN_VALUE,
            Problem::NotANumber => m::LINK_NOT_A_NUMBER,
            Problem::NotAMonth => m::LINK_NOT_A_MONTH,
            Problem::BadEncoding => m::LINK_GARBLED,
            Problem::Repeated => m::LINK_REPEATED,
            Problem::TooLong => m::LINK_TOO_LONG,
            Problem::SearchTooLong => m::LINK_SEARCH_TOO_LONG,
            Problem::UnknownVersion => m::LINK_UNKNOWN_VERSION,
        };
        let args = [
            ("param", shown(&self.param)),
            ("setting", p),
            ("value", v),
            ("noun", noun(&self.param).to_string()),
            ("max", MAX_QUERY_LEN.to_string()),
            ("max_search", MAX_SEARCH_CHARS.to_string()),
            ("version", VERSION.to_string()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        f.write_str(&lang::fill(template, &args))
    }
}

/// A link's setting as the notice names it: in words, not its short name in the link.
fn setting(param: &str) -> String {
    let m = match param {
        "min" => m::SETTING_MIN,
        "max" => m::SETTING_MAX,
        "end-from" => m::SETTING_END_FROM,
        "end-to" => m::SETTING_END_TO,
        "q" => m::SETTING_Q,
        "v" => m::SETTING_V,
        "map" => m::SETTING_MAP,
        "data" => m::SETTING_DATA,
        "lang" => m::SETTING_LANG,
        "region" => m::SETTING_REGION,
        "area" => m::SETTING_AREA,
        "category" => m::SETTING_CATEGORY,
        "provider" => m::SETTING_PROVIDER,
        "sector" => m::SETTING_SECTOR,
        "buyer" => m::SETTING_BUYER,
        other => return format!("“{}”", shown(other)),
    };
    lang::t(m).to_string()
}

fn noun(param: &str) -> &'static str {
    lang::t(match param {
        "region" => m::NOUN_REGION,
        "area" => m::NOUN_AREA,
        "category" => m::NOUN_CATEGORY,
        "provider" => m::NOUN_PROVIDER,
        "buyer" => m::NOUN_BUYER,
        "sector" => m::NOUN_SECTOR,
        "map" => m::NOUN_MAP,
        "data" => m::NOUN_DATA,
        "lang" => m::NOUN_LANG,
        _ => m::NOUN_VALUE,
    })
}

/// Decodes `%XX` escapes and `+` as space. `None` if an escape is malformed or the result is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hi = (hex[0] as char).to_digit(16)?;
                let lo = (hex[1] as char).to_digit(16)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Escapes everything but unreserved characters (`A-Z a-z 0-9 - . _ ~`).
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The slug set a list parameter fills, and how to tell a known slug.
type KnownSlug = fn(&Dataset, &str) -> bool;

fn slug_list<'f>(f: &'f mut Filters, key: &str) -> Option<(&'f mut Set<String>, KnownSlug)> {
    Some(match key {
        "region" => (&mut f.regions, |ds, s| ds.region_index(s).is_some()),
        "area" => (&mut f.areas, |ds, s| ds.area_index(s).is_some()),
        "category" => (&mut f.categories, |ds, s| ds.category_index(s).is_some()),
        "provider" => (&mut f.providers, |ds, s| ds.provider_index(s).is_some()),
        "buyer" => (&mut f.buyers, |ds, s| ds.buyer_index(s).is_some()),
        _ => return None,
    })
}

/// What a share link describes: the filters, and how the map is coloured, which is part of
/// the view a link shares though it filters nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// The dataset's slug; empty for the built-in one, which a link need not name.
    pub data: String,
    pub filters: Filters,
    pub map: MapColour,
    /// The language the link asks for, if it asks for one.
    pub lang: Option<Lang>,
}

impl View {
    /// `from_query`, falling back to `base` (an embed's own view) when nothing in `query`
    /// can be used but something was ignored: a broken deep link into an embed shows the
    /// embed's own view, with the notice of what was ignored.
    pub fn from_query_or(query: &str, base: Option<&str>, ds: &Dataset) -> (View, Vec<Warning>) {
        let (view, mut warnings) = View::from_query(query, ds);
        let unset = view.filters == Filters::default() && view.map == MapColour::default();
        match base {
            Some(base) if unset && !warnings.is_empty() => {
                let (view, more) = View::from_query(base, ds);
                warnings.extend(more);
                (view, warnings)
            }
            _ => (view, warnings),
        }
    }

    /// Reads a share-link query string (with or without the leading `?`).
    /// Never fails: what cannot be used is returned as warnings.
    pub fn from_query(query: &str, ds: &Dataset) -> (View, Vec<Warning>) {
        let mut f = Filters::default();
        let mut map = MapColour::default();
        let mut warnings = Vec::new();
        let mut warn = |param: &str, value: &str, problem: Problem| {
            warnings.push(Warning {
                param: param.to_string(),
                value: value.to_string(),
                problem,
            })
        };
        let mut query = query.strip_prefix('?').unwrap_or(query);
        if query.len() > MAX_QUERY_LEN {
            let mut cut = MAX_QUERY_LEN;
            while !query.is_char_boundary(cut) {
                cut -= 1;
            }
            query = &query[..cut];
            warn("", "", Problem::TooLong);
        }
        let data = if ds.slug == embedded::default_slug() {
            String::new()
        } else {
            ds.slug.clone()
        };
        let mut seen_single: Vec<String> = Vec::new();
        let mut chosen = None;
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = part.split_once('=').unwrap_or((part, ""));
            let (Some(key), Some(value)) = (percent_decode(raw_key), percent_decode(raw_value))
            else {
                warn(part, "", Problem::BadEncoding);
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            if let Some((set, known)) = slug_list(&mut f, &key) {
                for v in value
                    .split(',')
                    .map(|v| v.trim().to_ascii_lowercase())
                    .filter(|v| !v.is_empty())
                {
                    if known(ds, &v) {
                        set.insert(v);
                    } else {
                        warn(&key, &v, Problem::UnknownValue);
                    }
                }
                continue;
            }
            if key == "sector" {
                for v in value
                    .split(',')
                    .map(|v| v.trim().to_ascii_lowercase())
                    .filter(|v| !v.is_empty())
                {
                    match Sector::from_slug(&v) {
                        Some(s) => {
                            f.sectors.insert(s);
                        }
                        None => warn(&key, &v, Problem::UnknownValue),
                    }
                }
                continue;
            }
            let is_single = matches!(
                key.as_str(),
                "min" | "max" | "end-from" | "end-to" | "q" | "v" | "map" | "data" | "lang"
            );
            if !is_single {
                warn(&key, &value, Problem::UnknownParameter);
                continue;
            }
            let trimmed = value.trim();
            if (key == "q" && value.is_empty()) || (key != "q" && trimmed.is_empty()) {
                continue; // `min=` says nothing; nothing to ignore
            }
            if seen_single.contains(&key) {
                warn(&key, &value, Problem::Repeated);
                continue;
            }
            seen_single.push(key.clone());
            match key.as_str() {
                "min" | "max" => {
                    let number = trimmed
                        .bytes()
                        .all(|b| b.is_ascii_digit())
                        .then(|| trimmed.parse::<u64>().ok())
                        .flatten();
                    match (number, key.as_str()) {
                        (Some(n), "min") => f.min_value = Some(n),
                        (Some(n), _) => f.max_value = Some(n),
                        (None, _) => warn(&key, trimmed, Problem::NotANumber),
                    }
                }
                "end-from" | "end-to" => match (Month::parse(trimmed), key.as_str()) {
                    (Some(m), "end-from") => f.end_from = Some(m),
                    (Some(m), _) => f.end_to = Some(m),
                    (None, _) => warn(&key, trimmed, Problem::NotAMonth),
                },
                // The caller chose `ds` by this slug (`dataset_slug`); one it could not
                // find was replaced by the built-in dataset, and is reported here.
                "data" => {
                    if trimmed.to_ascii_lowercase() != ds.slug {
                        warn(&key, trimmed, Problem::UnknownValue);
                    }
                }
                "lang" => match Lang::of_code(trimmed) {
                    Some(l) => chosen = Some(l),
                    None => warn(&key, trimmed, Problem::UnknownValue),
                },
                "map" => match MapColour::parse(&trimmed.to_ascii_lowercase(), ds) {
                    Some(m) => map = m,
                    None => warn(&key, trimmed, Problem::UnknownValue),
                },
                "q" => {
                    if value.chars().count() > MAX_SEARCH_CHARS {
                        warn(&key, "", Problem::SearchTooLong);
                    }
                    f.search = value.chars().take(MAX_SEARCH_CHARS).collect();
                }
                _ => {
                    if trimmed != VERSION {
                        warn(&key, trimmed, Problem::UnknownVersion);
                    }
                }
            }
        }
        (
            View {
                data,
                filters: f,
                map,
                lang: chosen,
            },
            warnings,
        )
    }

    /// Writes the view as a share-link query string (no leading `?`; empty for the default
    /// view).
    pub fn to_query(&self) -> String {
        with_lang(query(&self.data, &self.filters, &self.map), self.lang)
    }
}

/// The first value a share-link query gives `name` (trimmed, lower-cased), if it gives one.
fn first_value(query: &str, name: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .filter_map(|(k, v)| Some((percent_decode(k)?, percent_decode(v)?)))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty())
}

/// The dataset a share-link query names with `data=` (its first, lower-cased), if it names one.
pub fn dataset_slug(query: &str) -> Option<String> {
    first_value(query, "data")
}

/// The language a share-link query asks for with `lang=`, if it asks for one this explorer
/// has (`View::from_query` reports any other).
pub fn lang_of(query: &str) -> Option<Lang> {
    first_value(query, "lang").and_then(|v| Lang::of_code(&v))
}

/// `query` with `lang=` at its end where a language was chosen (`None`: the browser's).
pub fn with_lang(mut query: String, lang: Option<Lang>) -> String {
    if let Some(l) = lang {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str("lang=");
        query.push_str(l.code());
    }
    query
}

/// The slug of the dataset a link opens: the one its `data=` names, if there is one of
/// that name, else the built-in one (`View::from_query` then reports the unknown name).
pub fn dataset_of(query: &str) -> &'static str {
    let named = dataset_slug(query).and_then(|s| embedded::position(&s));
    embedded::CATALOGUE[named.unwrap_or(0)].0
}

/// The share-link query string of `filters` over dataset `data` (empty for the built-in
/// one) with the map coloured by `map` (`View::to_query`).
pub fn query(data: &str, filters: &Filters, map: &MapColour) -> String {
    let mut parts = filters.query_parts();
    if !data.is_empty() && data != embedded::default_slug() {
        parts.insert(0, format!("data={data}"));
    }
    if *map != MapColour::default() {
        parts.push(format!("map={}", map.slug()));
    }
    parts.join("&")
}

impl Filters {
    /// The filters a share link sets, leaving its map colouring aside (`View::from_query`).
    pub fn from_query(query: &str, ds: &Dataset) -> (Filters, Vec<Warning>) {
        let (view, warnings) = View::from_query(query, ds);
        (view.filters, warnings)
    }

    /// The filters as a share-link query string, the map left at its default (`View::to_query`).
    pub fn to_query(&self) -> String {
        self.query_parts().join("&")
    }

    /// The link's parameters for these filters, in the link's order.
    fn query_parts(&self) -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        let mut list = |name: &str, values: Vec<&str>| {
            if !values.is_empty() {
                parts.push(format!("{name}={}", values.join(",")));
            }
        };
        list("region", self.regions.iter().map(String::as_str).collect());
        list("area", self.areas.iter().map(String::as_str).collect());
        list(
            "category",
            self.categories.iter().map(String::as_str).collect(),
        );
        list(
            "provider",
            self.providers.iter().map(String::as_str).collect(),
        );
        list("sector", self.sectors.iter().map(|s| s.slug()).collect());
        list("buyer", self.buyers.iter().map(String::as_str).collect());
        if let Some(v) = self.min_value {
            parts.push(format!("min={v}"));
        }
        if let Some(v) = self.max_value {
            parts.push(format!("max={v}"));
        }
        if let Some(m) = self.end_from {
            parts.push(format!("end-from={m}"));
        }
        if let Some(m) = self.end_to {
            parts.push(format!("end-to={m}"));
        }
        if !self.search.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.search)));
        }
        parts
    }
}
