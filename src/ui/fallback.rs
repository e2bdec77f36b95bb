//! What a visitor sees if the widget ever panics: a short message and the data as a plain
//! table, instead of a dead box. Built with plain DOM calls from the raw records, so it
//! depends on as little of the code that may have failed as possible.
//!
//! The browser build panics with the `immediate-abort` strategy (`scripts/trunk`): a panic
//! stops the wasm where it is, with no hook run. The wasm's call into it then throws a
//! `WebAssembly.RuntimeError`, and www/boot.js, which watches for one, calls
//! [`show_fallback`].

use crate::lang::{self, m, t};
use std::sync::OnceLock;

use wasm_bindgen::prelude::wasm_bindgen;

use crate::embedded;
use crate::engine::text::award_value;
use crate::ui::browser;

/// Where to report the fallback's height when embedded: (host origin, embed id).
static EMBED: OnceLock<(String, String)> = OnceLock::new();

/// Remembers the embed's host, so the fallback can still size its frame.
pub fn remember_embed(host: &str, id: &str) {
    let _ = EMBED.set((host.to_string(), id.to_string()));
}

/// Replaces the page's content with the message and the table (www/boot.js calls it once
/// the wasm has stopped). It reads only the built-in data, not the explorer's state, which
/// a panic may have left half changed.
#[wasm_bindgen(js_name = showFallback)]
pub fn show_fallback() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    body.set_text_content(None);
    let el = |tag: &str, text: Option<&str>| {
        let e = document.create_element(tag).ok()?;
        if let Some(t) = text {
            e.set_text_content(Some(t));
        }
        Some(e)
    };
    let Some(main) = el("main", None) else { return };
    let _ = main.set_attribute("class", "explorer fallback-page");
    let _ = main.set_attribute("data-testid", "fallback");
    if let Some(p) = el("p", Some(t(m::FALLBACK))) {
        let _ = p.set_attribute("role", "alert");
        let _ = main.append_child(&p);
    }
    if let Ok(ds) = embedded::dataset() {
        let ds = crate::ui::in_lang(ds);
        if let Some(table) = el("table", None) {
            let _ = table.set_attribute("class", "awards");
            if let Some(caption) = el(
                "caption",
                Some(&lang::fill(
                    m::FALLBACK_CAPTION,
                    &[("title", &ds.title), ("date", &ds.data_as_at.label())],
                )),
            ) {
                let _ = table.append_child(&caption);
            }
            let heads = [
                m::COL_REGION,
                m::COL_CATEGORY,
                m::COL_PROVIDER,
                m::COL_VALUE,
            ]
            .map(|h| t(h).to_string());
            // Each cell labelled with its column, so a phone shows each award as a card
            // (the CSS for `.awards tbody`), as the explorer's own table does.
            let row = |cells: &[String], tag: &str| {
                let tr = el("tr", None)?;
                for (c, head) in cells.iter().zip(&heads) {
                    let cell = el(tag, Some(c))?;
                    let _ = cell.set_attribute("data-label", head);
                    let _ = tr.append_child(&cell);
                }
                Some(tr)
            };
            if let (Some(thead), Some(tr)) = (el("thead", None), row(&heads, "th")) {
                let _ = thead.append_child(&tr);
                let _ = table.append_child(&thead);
            }
            let tbody = el("tbody", None);
            if let Some(tbody) = &tbody {
                let _ = table.append_child(tbody);
            }
            for a in &ds.awards {
                let cells = [
                    ds.regions
                        .get(a.region)
                        .map(|r| r.name.clone())
                        .unwrap_or_default(),
                    ds.categories
                        .get(a.category)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    ds.providers
                        .get(a.provider)
                        .map(|p| p.name.clone())
                        .unwrap_or_default(),
                    award_value(a.value),
                ];
                if let (Some(tr), Some(tbody)) = (row(&cells, "td"), &tbody) {
                    let _ = tr.set_attribute("data-testid", "fallback-row");
                    let _ = tbody.append_child(&tr);
                }
            }
            let _ = main.append_child(&table);
        }
    }
    let _ = body.append_child(&main);
    // The page may have been scrolled down to whatever failed: show the message first.
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    if let Some((host, id)) = EMBED.get() {
        let height = body.get_bounding_client_rect().height().ceil();
        browser::post_to_host(
            host,
            "contracts-explorer:height",
            id,
            &[("height", height.into())],
        );
    }
}
