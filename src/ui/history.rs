//! An area's history: with one area chosen, who held its contracts in every dataset, as a
//! timeline and a table, fetching the other datasets when a visitor opens it.

use leptos::prelude::*;

use crate::data::Month;
use crate::engine::history::{history, History};
use crate::engine::schedule::has_passed;
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
    let found = Memo::new(move |_| {
        let slug = area.get()?;
        (open.get() && datasets.complete()).then(|| history(&datasets.all(), &slug))?
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
                <summary>{format!("Who held {name}'s contracts, in every dataset")}</summary>
                {move || match found.get() {
                    Some(h) => view! { <HistoryView h=h today=state.today /> }.into_any(),
                    None if open.get() => view! { <p class="loading" role="status">"Loading the other datasets…"</p> }.into_any(),
                    None => ().into_any(),
                }}
            </details>
        })
    })
}

/// The timeline (a picture, described by the table after it) and the table.
#[component]
fn HistoryView(h: History, today: Month) -> impl IntoView {
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
    let x =
        move |m: Month| LABELS + (WIDTH - LABELS - 8) * (months(m) - i32::from(from) * 12) / span;
    let rows = h.held.len() as i32;
    let height = rows * ROW + AXIS + 8;
    let datasets: Vec<String> = h.held.iter().fold(Vec::new(), |mut v, x| {
        if !v.contains(&x.dataset) {
            v.push(x.dataset.clone());
        }
        v
    });
    let bars = h
        .held
        .iter()
        .enumerate()
        .map(|(i, held)| {
            let y = i as i32 * ROW;
            let (x0, x1) = (x(held.start), x(held.end).max(x(held.start) + 2));
            let shade = datasets.iter().position(|d| *d == held.dataset).unwrap_or(0) % 2;
            view! {
                <text x=LABELS - 6 y=y + ROW - 7 class="label">{format!("{} · {}", held.provider, held.category)}</text>
                <rect x=x0 y=y + 4 width=x1 - x0 height=ROW - 8 class=format!("held d{shade}") />
            }
        })
        .collect_view();
    let years = (from..=to)
        .step_by(2)
        .map(|year| {
            let at = x(Month { year, month: 1 });
            view! {
                <line x1=at x2=at y1=rows * ROW y2=rows * ROW + 5 class="tick" />
                <text x=at y=rows * ROW + 18 class="year">{year.to_string()}</text>
            }
        })
        .collect_view();
    let now = x(today);
    let next = h.next.first().map(|n| {
        let at = x(n.date);
        view! {
            <circle cx=at cy=rows * ROW r=5 class="next" />
            <text x=at - 7 y=rows * ROW - 4 class="next-label">"Next"</text>
        }
    });
    let table = h
        .held
        .iter()
        .map(|held| {
            let end = if held.end_inferred {
                format!("{} (inferred)", held.end.label())
            } else {
                held.end.label()
            };
            let passed = if has_passed(held.end, today) { ", passed" } else { "" };
            view! {
                <tr>
                    <td>{held.label.clone()}</td>
                    <td>{held.provider.clone()}</td>
                    <td>{if held.regional { format!("{} (whole region)", held.category) } else { held.category.clone() }}</td>
                    <td>{held.start.label()}</td>
                    <td>{format!("{end}{passed}")}</td>
                </tr>
            }
        })
        .collect_view();
    let notes = h
        .next
        .iter()
        .map(|n| view! { <p class="about">{format!("Next, {}: {} Source: {}.", n.date.label(), n.text, n.source)}</p> })
        .collect_view();
    let key = datasets
        .iter()
        .enumerate()
        .map(|(i, slug)| {
            let label = h.held.iter().find(|x| x.dataset == *slug).map(|x| x.label.clone());
            view! {
                <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width=10 height=10 class=format!("held d{}", i % 2) /></svg>
                {label}
            }
        })
        .collect_view();
    view! {
        <p class="about key">{key}</p>
        <svg class="history-chart" viewBox=format!("0 0 {WIDTH} {height}") aria-hidden="true">
            {bars}
            <line x1=LABELS x2=WIDTH - 8 y1=rows * ROW y2=rows * ROW class="axis" />
            {years}
            <line x1=now x2=now y1=0 y2=rows * ROW class="today" />
            <text x=now - 4 y=10 class="today-label">"Today"</text>
            {next}
        </svg>
        <div class="table-scroll" role="region" tabindex="0" aria-label=format!("The history of {}: table", h.area)>
            <table class="chart-table">
                <caption>{format!("Who held {}'s contracts", h.area)}</caption>
                <thead><tr><th scope="col">"Dataset"</th><th scope="col">"Lead provider"</th><th scope="col">"Service"</th><th scope="col">"From"</th><th scope="col">"Scheduled end"</th></tr></thead>
                <tbody>{table}</tbody>
            </table>
        </div>
        {notes}
    }
}
