//! An area's history: with one area chosen, who held its contracts in every dataset, as a
//! timeline and a table, fetching the other datasets when a visitor opens it.

use crate::lang::{fill, fill_text, m as msg, t as tr};
use crate::ui::lang_en_html;
use leptos::prelude::*;

use crate::data::Month;
use crate::engine::history::{history, History};
use crate::engine::schedule::has_passed;
use crate::engine::text::escape_html;
use crate::ui::{Datasets, State};

/// Height of one row of the timeline, and the room for the axis, in its own units.
const ROW: i32 = 22;
const AXIS: i32 = 24;
const WIDTH: i32 = 600;
/// Where the bars start: the left part holds their labels.
const LABELS: i32 = 250;

/// Months since year 0, for placing months on the axis.
fn months(m: Month) -> i32 {
    i32::from(m.year) * 12 + i32::from(m.month) - 1
}

/// The history of the one chosen area, if exactly one is chosen.
#[component]
pub fn AreaHistory() -> impl IntoView {
    let state = State::get();
    let datasets = use_context::<Datasets>()?;
    let area = Memo::new(move |_| {
        state.filters.with(|f| {
            (f.areas.len() == 1)
                .then(|| f.areas.iter().next().cloned())
                .flatten()
        })
    });
    let open = RwSignal::new(false);
    // The history as HTML, once every dataset is read (a memo of text: its plumbing is
    // already in the page for others).
    let found = Memo::new(move |_| {
        let slug = area.get()?;
        let h = (open.get() && datasets.complete()).then(|| history(&datasets.all(), &slug))??;
        Some(history_html(&h, state.today))
    });
    let toggle = move |ev: leptos::ev::Event| {
        let details = event_target::<web_sys::HtmlDetailsElement>(&ev);
        open.set(details.open());
        if details.open() {
            datasets.fetch_all();
        }
    };
    Some(move || {
        let slug = area.get()?;
        let name = state
            .ds
            .area_index(&slug)
            .map(|a| state.ds.areas[a].name.clone())
            .unwrap_or_default();
        Some(view! {
            <details class="history" data-testid="history" on:toggle=toggle>
                <summary>{fill(msg::HISTORY_TITLE, &[("area", &name)])}</summary>
                {move || match found.get() {
                    Some(html) => view! { <div inner_html=html /> }.into_any(),
                    None if open.get() => view! { <p class="loading" role="status">{tr(msg::HISTORY_LOADING)}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </details>
        })
    })
}

/// The timeline (a picture, described by the table after it), the table and what comes
/// next, as HTML. Written as text rather than as Leptos views: it is drawn once and never
/// changes, and as views it added 12 KB to the page.
fn history_html(h: &History, today: Month) -> String {
    use std::fmt::Write;
    let first = h.held.iter().map(|x| x.start).min().unwrap_or(today);
    let last = h
        .held
        .iter()
        .map(|x| x.end)
        .chain(h.next.iter().map(|n| n.date))
        .chain([today])
        .max()
        .unwrap_or(today);
    let (from, to) = (first.year, last.year + 1);
    let span = (i32::from(to) - i32::from(from)).max(1) * 12;
    let x = |m: Month| LABELS + (WIDTH - LABELS - 8) * (months(m) - i32::from(from) * 12) / span;
    let rows = h.held.len() as i32;
    let axis = rows * ROW;
    let mut datasets: Vec<(&str, &str)> = Vec::new();
    for held in &h.held {
        if !datasets.iter().any(|(d, _)| *d == held.dataset) {
            datasets.push((&held.dataset, &held.label));
        }
    }
    let shade = |slug: &str| datasets.iter().position(|(d, _)| *d == slug).unwrap_or(0) % 2;
    let mut out = String::from("<p class=\"about key\">");
    for (i, (_, label)) in datasets.iter().enumerate() {
        let _ = write!(
            out,
            "<svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" class=\"held d{}\"/></svg>{}",
            i % 2,
            escape_html(label)
        );
    }
    let _ = write!(
        out,
        "</p><svg class=\"history-chart\" viewBox=\"0 0 {WIDTH} {}\" aria-hidden=\"true\">",
        axis + AXIS + 8
    );
    for (i, held) in h.held.iter().enumerate() {
        let y = i as i32 * ROW;
        let (x0, x1) = (x(held.start), x(held.end).max(x(held.start) + 2));
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"label\">{} · {}</text><rect x=\"{x0}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"held d{}\"/>",
            LABELS - 6,
            y + ROW - 7,
            escape_html(&held.provider),
            escape_html(&held.category),
            y + 4,
            x1 - x0,
            ROW - 8,
            shade(&held.dataset)
        );
    }
    let _ = write!(
        out,
        "<line x1=\"{LABELS}\" x2=\"{}\" y1=\"{axis}\" y2=\"{axis}\" class=\"axis\"/>",
        WIDTH - 8
    );
    for year in (from..=to).step_by(2) {
        let at = x(Month { year, month: 1 });
        let _ = write!(
            out,
            "<line x1=\"{at}\" x2=\"{at}\" y1=\"{axis}\" y2=\"{}\" class=\"tick\"/><text x=\"{at}\" y=\"{}\" class=\"year\">{year}</text>",
            axis + 5,
            axis + 18
        );
    }
    let now = x(today);
    let _ = write!(
        out,
        "<line x1=\"{now}\" x2=\"{now}\" y1=\"0\" y2=\"{axis}\" class=\"today\"/><text x=\"{}\" y=\"10\" class=\"today-label\">{}</text>",
        now - 4,
        tr(msg::TIMELINE_TODAY)
    );
    if let Some(n) = h.next.first() {
        let at = x(n.date);
        let _ = write!(
            out,
            "<circle cx=\"{at}\" cy=\"{axis}\" r=\"5\" class=\"next\"/><text x=\"{}\" y=\"{}\" class=\"next-label\">{}</text>",
            at - 7,
            axis - 4,
            tr(msg::TIMELINE_NEXT_MARK)
        );
    }
    let area = escape_html(&h.area);
    let _ = write!(
        out,
        "</svg><div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table class=\"chart-table\"><caption>{}</caption><thead><tr>",
        fill_text(&escape_html(tr(msg::HISTORY_TABLE)), &[("area", &area)]),
        fill_text(&escape_html(tr(msg::HISTORY_CAPTION)), &[("area", &area)]),
    );
    for head in [
        msg::TH_DATASET,
        msg::COL_PROVIDER,
        msg::TH_SERVICE,
        msg::FROM,
        msg::COL_END,
    ] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape_html(tr(head)));
    }
    out.push_str("</tr></thead><tbody>");
    for held in &h.held {
        let mut end = held.end.label();
        if held.end_inferred {
            end = format!("{end} {}", tr(msg::INFERRED));
        }
        if has_passed(held.end, today) {
            end = fill(msg::END_PASSED, &[("end", &end)]);
        }
        let mut category = escape_html(&held.category);
        if held.regional {
            category = format!("{category} {}", tr(msg::WHOLE_REGION_NOTE));
        }
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{category}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&held.label),
            escape_html(&held.provider),
            held.start.label(),
            escape_html(&end)
        );
    }
    out.push_str("</tbody></table></div>");
    for n in &h.next {
        let _ = write!(
            out,
            "<p class=\"about\">{}</p>",
            fill_text(
                &escape_html(tr(msg::HISTORY_NEXT)),
                &[
                    ("date", &n.date.label()),
                    (
                        "text",
                        &format!(
                            "<span{}>{}</span>",
                            lang_en_html(n.in_both),
                            escape_html(&n.text)
                        )
                    ),
                    ("source", &escape_html(&n.source)),
                ]
            )
        );
    }
    out
}
