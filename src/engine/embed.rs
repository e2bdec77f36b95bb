//! Embed options: how a host page asks the widget to look and whom it may talk to, read from
//! the widget URL's fragment (`#embed&id=…&host=…&panels=…&theme=…&accent=…`), kept apart from
//! the share-link filters in the query string. Also the embed snippet for a view.

use crate::engine::link::{percent_decode, percent_encode, Problem, Warning};
use crate::lang::Lang;

/// A part of the widget an embed can show or hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Figures,
    Sentence,
    Filters,
    Map,
    ChartRegion,
    ChartCategory,
    ChartProvider,
    /// Shown only for a list with more than one buyer.
    ChartBuyer,
    ChartTimeline,
    Table,
}

impl Panel {
    pub const ALL: [Panel; 10] = [
        Panel::Figures,
        Panel::Sentence,
        Panel::Filters,
        Panel::Map,
        Panel::ChartRegion,
        Panel::ChartCategory,
        Panel::ChartProvider,
        Panel::ChartBuyer,
        Panel::ChartTimeline,
        Panel::Table,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Panel::Figures => "figures",
            Panel::Sentence => "sentence",
            Panel::Filters => "filters",
            Panel::Map => "map",
            Panel::ChartRegion => "chart-region",
            Panel::ChartCategory => "chart-category",
            Panel::ChartProvider => "chart-provider",
            Panel::ChartBuyer => "chart-buyer",
            Panel::ChartTimeline => "chart-timeline",
            Panel::Table => "table",
        }
    }
}

/// The colour scheme an embed asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the visitor's setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// What the widget was asked for. The default is the standalone page: everything shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// True inside an embed's iframe.
    pub embedded: bool,
    /// The embed's name on its host page (for messages and the host's URL fragment).
    pub id: String,
    /// The host page's origin: the only one the widget sends messages to.
    pub host: Option<String>,
    /// Which panels to show.
    pub panels: Vec<Panel>,
    pub theme: Theme,
    /// `#rrggbb`.
    pub accent: Option<String>,
    pub transparent: bool,
    /// Whether the host mirrors the view into its own URL.
    pub sync: bool,
    /// The embed's own view (`data-view`), when the view it opened on came from the host
    /// page's fragment instead: what it shows if nothing in that fragment can be used.
    pub base: Option<String>,
    /// The host page's address (no fragment), on the host's origin: a synced embed's
    /// copied link opens the host page at this view.
    pub page: Option<String>,
    /// The language the host asked for (`data-lang`), which a link's `lang=` overrides.
    pub lang: Option<Lang>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            embedded: false,
            id: String::new(),
            host: None,
            panels: Panel::ALL.to_vec(),
            theme: Theme::Auto,
            accent: None,
            transparent: false,
            sync: false,
            base: None,
            page: None,
            lang: None,
        }
    }
}

/// `http(s)://host[:port]` and nothing more; returns it normalised to lower case.
pub fn parse_origin(s: &str) -> Option<String> {
    let lower = s.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !host.starts_with(['.', '-']);
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
    });
    (host_ok && port_ok).then_some(lower)
}

/// A CSS colour written `#rgb` or `#rrggbb`, normalised to `#rrggbb`.
pub fn parse_colour(s: &str) -> Option<String> {
    let hex = s.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

/// Black or white, whichever reads better on `#rrggbb` (WCAG relative luminance).
pub fn text_on(colour: &str) -> &'static str {
    let channel =
        |i: usize| u8::from_str_radix(colour.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    if white_reads_better(channel(1), channel(3), channel(5)) {
        "#ffffff"
    } else {
        "#000000"
    }
}

/// Whether white text contrasts more than black with the colour `r, g, b` (WCAG relative luminance).
pub(crate) fn white_reads_better(r: u8, g: u8, b: u8) -> bool {
    let linear = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    let l = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    // Contrast with white is (1.05)/(l+0.05); with black (l+0.05)/0.05. Pick the larger.
    1.05 / (l + 0.05) >= (l + 0.05) / 0.05
}

/// `x` to the power 2.4 for `x` ≥ 0: x² times the fifth root of x², found by Newton's
/// method from above (from 1, or x² when larger, it falls to the root and stops when it can
/// fall no further). Exact to the last bit or two, without the 1.4 KB of wasm that `powf`
/// brings in.
pub fn pow_2_4(x: f64) -> f64 {
    let square = x * x;
    let mut root = square.max(1.0);
    loop {
        let next = (4.0 * root + square / (root * root * root * root)) / 5.0;
        if next.is_nan() || next >= root {
            return square * root;
        }
        root = next;
    }
}

impl EmbedOptions {
    /// Reads the fragment (with or without `#`). Never fails; what cannot be used is a warning.
    pub fn from_fragment(fragment: &str) -> (EmbedOptions, Vec<Warning>) {
        let mut o = EmbedOptions::default();
        let mut warnings = Vec::new();
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let fragment = &fragment[..floor_char_boundary(fragment, 2048)];
        let mut warn = |param: &str, value: &str| {
            warnings.push(Warning {
                param: param.to_string(),
                value: value.to_string(),
                problem: Problem::UnknownValue,
            })
        };
        for part in fragment.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let (Some(key), Some(value)) = (percent_decode(k), percent_decode(v)) else {
                warn("embed option", part);
                continue;
            };
            match key.as_str() {
                "embed" => o.embedded = true,
                "transparent" => o.transparent = true,
                "sync" => o.sync = true,
                "id" => {
                    let ok = !value.is_empty()
                        && value.len() <= 40
                        && value
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                    if ok {
                        o.id = value;
                    } else {
                        warn("id", &value);
                    }
                }
                "host" => match parse_origin(&value) {
                    Some(h) => o.host = Some(h),
                    None => warn("host", &value),
                },
                "theme" => match value.as_str() {
                    "auto" => o.theme = Theme::Auto,
                    "light" => o.theme = Theme::Light,
                    "dark" => o.theme = Theme::Dark,
                    _ => warn("theme", &value),
                },
                "accent" => match parse_colour(&value) {
                    Some(c) => o.accent = Some(c),
                    None => warn("accent", &value),
                },
                "lang" => match Lang::of_code(&value) {
                    Some(l) => o.lang = Some(l),
                    None => warn("lang", &value),
                },
                "base" if value.len() <= 2048 => o.base = Some(value),
                // Checked against the host once all options are read: they come in any order.
                "page" if value.len() <= 2048 => o.page = Some(value),
                "panels" => {
                    let mut panels = Vec::new();
                    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                        let chosen: Vec<Panel> = match name {
                            "charts" => Panel::ALL
                                .into_iter()
                                .filter(|p| p.slug().starts_with("chart-"))
                                .collect(),
                            other => match Panel::ALL.into_iter().find(|p| p.slug() == other) {
                                Some(p) => vec![p],
                                None => {
                                    warn("panels", other);
                                    Vec::new()
                                }
                            },
                        };
                        for p in chosen {
                            if !panels.contains(&p) {
                                panels.push(p);
                            }
                        }
                    }
                    if !panels.is_empty() {
                        o.panels = panels;
                    }
                }
                _ => warn("embed option", &key),
            }
        }
        // A page address is used only on the host's own origin, and only as a plain
        // address (no quotes, spaces or fragment to break out of a link).
        if let Some(page) = o.page.take() {
            let on_host = o.host.as_deref().is_some_and(|h| {
                page.strip_prefix(h)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            });
            let plain = page.bytes().all(|b| {
                b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'#' | b'\\')
            });
            if on_host && plain {
                o.page = Some(page);
            } else {
                warn("page", &page);
            }
        }
        (o, warnings)
    }

    /// The address a visitor's copied link gives for the view `query`: the host page at
    /// this view (its fragment, as the host mirrors it) for a synced embed that knows its
    /// page, else `widget_url` (the widget's own address at this view).
    pub fn share_url(&self, query: &str, widget_url: String) -> String {
        match (&self.page, self.sync) {
            (Some(page), true) if !self.id.is_empty() => {
                format!("{page}#ce-{}={}", self.id, percent_encode(query))
            }
            _ => widget_url,
        }
    }

    pub fn shows(&self, p: Panel) -> bool {
        self.panels.contains(&p)
    }

    /// The two lines that embed the widget, opening on `query`, with these options.
    /// `widget` is the folder the widget is served from, ending in `/`.
    pub fn snippet(&self, widget: &str, query: &str) -> String {
        let mut attrs = vec!["data-contracts-explorer".to_string()];
        let mut attr =
            |name: &str, value: &str| attrs.push(format!("data-{name}=\"{}\"", html_attr(value)));
        if !query.is_empty() {
            attr("view", query);
        }
        if self.panels != Panel::ALL {
            let names: Vec<&str> = self.panels.iter().map(|p| p.slug()).collect();
            attr("panels", &names.join(","));
        }
        if self.theme != Theme::Auto {
            attr("theme", self.theme.slug());
        }
        if let Some(a) = &self.accent {
            attr("accent", a);
        }
        if let Some(l) = self.lang {
            attr("lang", l.code());
        }
        if self.transparent {
            attr("transparent", "");
        }
        if self.sync {
            attr("sync-url", "");
        }
        format!(
            "<div {}></div>\n<script src=\"{}embed.js\" async></script>",
            attrs.join(" "),
            html_attr(widget)
        )
    }

    /// The options as a fragment (`embed&id=…`), the inverse of `from_fragment`.
    pub fn to_fragment(&self) -> String {
        let mut parts = vec!["embed".to_string()];
        if !self.id.is_empty() {
            parts.push(format!("id={}", self.id));
        }
        if let Some(h) = &self.host {
            parts.push(format!("host={}", percent_encode(h)));
        }
        if self.panels != Panel::ALL {
            let names: Vec<&str> = self.panels.iter().map(|p| p.slug()).collect();
            parts.push(format!("panels={}", names.join(",")));
        }
        if self.theme != Theme::Auto {
            parts.push(format!("theme={}", self.theme.slug()));
        }
        if let Some(a) = &self.accent {
            parts.push(format!("accent={}", percent_encode(a)));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        if self.transparent {
            parts.push("transparent".to_string());
        }
        if self.sync {
            parts.push("sync".to_string());
        }
        for (name, value) in [("base", &self.base), ("page", &self.page)] {
            if let Some(v) = value {
                parts.push(format!("{name}={}", percent_encode(v)));
            }
        }
        parts.join("&")
    }
}

fn floor_char_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Escapes text for an HTML attribute value in double quotes.
fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
