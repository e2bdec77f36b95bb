//! Opening your own list: the control, and the list coming back into the page as a dataset.
//!
//! The control is plain markup. What it starts is not in this wasm: `www/boot.js` loads
//! `www/open-list.js` when a file is first chosen or dropped, which reads it in the import
//! worker (`src/bin/import_worker.rs`, a wasm of its own) and hands the packed dataset to
//! [`open_list`].

use crate::lang::{self, m, t};
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::data::{packed, Dataset};
use crate::engine::text::escape_html;
use crate::ui::Datasets;

/// What was read from the visitor's file, line by line (a sentence per file, then each of
/// its problems, indented by two spaces), for the dataset whose slug it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opened {
    pub slug: &'static str,
    pub report: Vec<String>,
    /// The file's name, where the host lists it beside the explorer (`data/catalogue.csv`);
    /// `None` for a file the visitor opened.
    pub hosted: Option<String>,
}

/// What takes a list read by the worker: the dataset, its report's lines, and the file's
/// name where the host lists it.
type Receiver = Box<dyn Fn(Dataset, Vec<String>, Option<String>)>;

thread_local! {
    /// Where a list read by the worker goes: set while the explorer is on the page.
    static RECEIVE: RefCell<Option<Receiver>> = const { RefCell::new(None) };
}

/// Receives lists opened from now on into `datasets`, recording each one's report in `opened`.
pub fn receive(datasets: Datasets, opened: RwSignal<Option<Opened>>) {
    RECEIVE.with(|r| {
        *r.borrow_mut() = Some(Box::new(move |ds, report, hosted| {
            let slug = datasets.open(ds, hosted.is_some());
            opened.set(Some(Opened {
                slug,
                report,
                hosted,
            }));
        }))
    });
}

/// Whether the explorer has dataset `slug` of its own (`www/boot.js` asks, to know whether a
/// link's `data=` names a list the host publishes instead).
#[wasm_bindgen(js_name = knowsDataset)]
pub fn knows_dataset(slug: &str) -> bool {
    crate::embedded::position(slug).is_some()
}

/// Shows a list the import worker read (`www/open-list.js` calls it with the packed dataset
/// and the report's lines; for a list the host publishes, with its slug, label and file
/// name from `data/catalogue.csv`, a line each). Returns why it could not, or nothing.
#[wasm_bindgen(js_name = openList)]
pub fn open_list(bytes: &[u8], report: String, hosted: Option<String>) -> Option<String> {
    let mut ds = match packed::unpack(bytes) {
        Ok(ds) => ds,
        Err(e) => return Some(e.to_string()),
    };
    let lines = report.lines().map(str::to_string).collect();
    let hosted: Option<Vec<&str>> = hosted.as_deref().map(|h| h.lines().collect());
    let file = match hosted.as_deref() {
        Some(&[slug, label, file]) => {
            ds.slug = slug.to_string();
            ds.label = label.to_string();
            Some(file.to_string())
        }
        _ => None,
    };
    RECEIVE.with(|r| match r.borrow().as_ref() {
        Some(receive) => {
            receive(ds, lines, file);
            None
        }
        None => Some("the explorer is not on the page".to_string()),
    })
}

/// "Open your own list": the file picker and where its progress is said. Static markup,
/// written as HTML text: with the notice, as Leptos views they cost the page 0.4 KB more.
/// What www/open-list.js says as it reads a file is in the status line's `data-` attributes,
/// from the catalogue, with `{name}`s it fills in.
fn open_list_html() -> String {
    let says = [
        ("reading", m::OPEN_READING),
        ("progress", m::OPEN_PROGRESS),
        ("stopped", m::OPEN_STOPPED),
        ("unreadable", m::OPEN_UNREADABLE),
        ("unshown", m::OPEN_UNSHOWN),
        ("reader-stopped", m::OPEN_READER_STOPPED),
        ("unfetched", m::OPEN_UNFETCHED),
    ]
    .map(|(name, msg)| format!(" data-{name}=\"{}\"", escape_html(t(msg))))
    .concat();
    format!(
        "<summary>{}</summary><p>{}</p>\
         <p><label for=\"open-file\">{}</label> \
         <input id=\"open-file\" type=\"file\" data-testid=\"open-file\" \
         accept=\".csv,.json,.jsonl,.ndjson,text/csv,application/json\"> {}</p>\
         <p id=\"open-status\" role=\"status\" data-testid=\"open-status\"{says}></p>\
         <button type=\"button\" id=\"open-cancel\" class=\"secondary\" hidden>{}</button>",
        escape_html(t(m::OPEN_TITLE)),
        lang::fill_text(
            &escape_html(t(m::OPEN_ABOUT)),
            &[(
                "template",
                &format!(
                    "<a href=\"list-template.csv\" download=\"list-template.csv\">{}</a>",
                    escape_html(t(m::OPEN_TEMPLATE))
                )
            )]
        ),
        escape_html(t(m::OPEN_CHOOSE)),
        escape_html(t(m::OPEN_OR_DROP)),
        escape_html(t(m::CANCEL)),
    )
}

#[component]
pub fn OpenList() -> impl IntoView {
    view! { <details class="open-list" inner_html=open_list_html()></details> }
}

/// The notice over a view of the visitor's own file: what it is, that a link cannot carry
/// it, and what was read (a sentence per file, then each of its problems, indented).
#[component]
pub fn OwnListNotice(ds: &'static Dataset, opened: Opened) -> impl IntoView {
    let label = escape_html(&ds.label);
    let mut html = match &opened.hosted {
        None => format!(
            "<p>{}</p>",
            lang::fill_text(&escape_html(t(m::OWN_FILE)), &[("label", &label)])
        ),
        Some(file) => format!(
            "<p>{}</p>",
            lang::fill_text(
                &escape_html(t(m::HOSTED_FILE)),
                &[("label", &label), ("file", &escape_html(file))]
            )
        ),
    };
    // The report is the reader's, in the page's language (www/open-list.js sends it the
    // Welsh catalogue).
    html += "<div data-testid=\"import-report\">";
    let (problems, sentences): (Vec<String>, Vec<String>) =
        opened.report.into_iter().partition(|l| l.starts_with("  "));
    for s in &sentences {
        html += &format!("<p>{}</p>", escape_html(s));
    }
    if !problems.is_empty() {
        html += &format!(
            "<details><summary>{}</summary><ul>",
            escape_html(&lang::fill(
                m::UNREAD,
                &[("n", &problems.len().to_string())]
            ))
        );
        for p in &problems {
            html += &format!("<li>{}</li>", escape_html(p.trim_start()));
        }
        html += "</ul></details>";
    }
    html += "</div>";
    view! { <div class="notice" role="status" data-testid="own-list" id="own-list" tabindex="-1" inner_html=html></div> }
}
