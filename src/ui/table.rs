//! The awards table: one row per award, sortable by every column, paged, and downloadable as CSV.

use leptos::prelude::*;

use crate::engine::text::pounds;
use crate::engine::view::{AwardOrders, AwardRow, Column};
use crate::ui::{browser, State};

/// Rows per page: enough to scan, few enough to stay fast however large the data.
const PAGE: usize = 20;

#[component]
pub fn AwardsTable() -> impl IntoView {
    let state = expect_context::<State>();
    let ds = state.ds;
    let sort = RwSignal::new((Column::Region, false));
    let page = RwSignal::new(0usize);
    // The selection's awards in table order; rows are built only for the page shown.
    let orders = AwardOrders::default();
    let rows = Memo::new(move |_| {
        let awards: Vec<usize> = state
            .selection
            .with(|s| ds.award_rows(s).into_iter().map(|(a, _)| a).collect());
        let (column, descending) = sort.get();
        orders.sorted(ds, &awards, column, descending)
    });
    // A new view starts at its first page.
    Effect::new(move |_| {
        state.filters.track();
        page.set(0);
    });
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE)).max(1);
    let visible = move || {
        let p = page.get().min(pages() - 1);
        rows.with(|r| {
            r.iter()
                .skip(p * PAGE)
                .take(PAGE)
                .map(|&a| ds.award_row(a))
                .collect::<Vec<_>>()
        })
    };
    let download = move |_| {
        let filters = state.filters.get_untracked();
        let link = browser::url_with_query(&filters.to_query());
        let all: Vec<AwardRow> =
            rows.with_untracked(|r| r.iter().map(|&a| ds.award_row(a)).collect());
        let csv = ds.export_csv(&all, &filters, &link);
        browser::download(
            "probation-contracts-2021.csv",
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let header = move |c: Column| {
        let aria = move || match sort.get() {
            (col, false) if col == c => "ascending",
            (col, true) if col == c => "descending",
            _ => "none",
        };
        let arrow = move || match sort.get() {
            (col, false) if col == c => " ▲",
            (col, true) if col == c => " ▼",
            _ => "",
        };
        let class = if c == Column::Value { "num" } else { "" };
        view! {
            <th scope="col" role="columnheader" class=class aria-sort=aria>
                <button type="button" class="sort" data-testid=format!("sort-{}", c.title().to_lowercase().replace(' ', "-"))
                    on:click=move |_| sort.update(|(col, desc)| {
                        if *col == c {
                            *desc = !*desc;
                        } else {
                            *col = c;
                            *desc = c == Column::Value;
                        }
                    })>
                    {c.title()}<span aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };
    view! {
        <section class="table-section" aria-labelledby="awards-title">
            <div class="table-head">
                <h2 id="awards-title">"Awards in this view"</h2>
                <button type="button" data-testid="download-csv" on:click=download>"Download CSV"</button>
            </div>
            <div class="table-scroll">
                // Explicit roles keep the table's semantics when narrow screens lay rows out as cards.
                <table class="awards" role="table">
                    <thead role="rowgroup">
                        <tr role="row">{Column::ALL.into_iter().map(header).collect_view()}</tr>
                    </thead>
                    <tbody role="rowgroup">
                        {move || visible().into_iter().map(row).collect_view()}
                    </tbody>
                </table>
            </div>
            <nav class="pager" aria-label="Pages of awards">
                <button type="button" data-testid="prev-page" disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"Previous"</button>
                <span data-testid="page-status" aria-live="polite">
                    {move || {
                        let n = rows.with(Vec::len);
                        let p = page.get().min(pages() - 1);
                        if n == 0 {
                            "No awards".to_string()
                        } else {
                            format!("Awards {}–{} of {n}", p * PAGE + 1, (p * PAGE + PAGE).min(n))
                        }
                    }}
                </span>
                <button type="button" data-testid="next-page" disabled=move || { page.get() + 1 >= pages() }
                    on:click=move |_| page.update(|p| *p += 1)>"Next"</button>
            </nav>
        </section>
    }
}

/// One award as a table row.
fn row(r: AwardRow) -> impl IntoView {
    let mut value = pounds(r.value);
    if r.subject_to_contract {
        value.push_str(" (subject to contract)");
    }
    let label = |c: Column| c.title();
    view! {
        <tr role="row" data-testid="award-row" data-award=r.id.to_string()>
            <td role="cell" data-label=label(Column::Region)>{r.region}</td>
            <td role="cell" data-label=label(Column::Category)>{r.category}</td>
            <td role="cell" data-label=label(Column::Provider)>{r.provider}</td>
            <td role="cell" data-label=label(Column::Sector)>{r.sector}</td>
            <td role="cell" class="num" data-label=label(Column::Value) data-value=r.value.to_string()>{value}</td>
            <td role="cell" data-label=label(Column::Areas)>{r.areas}</td>
            <td role="cell" data-label=label(Column::End)>{r.end_label}</td>
            <td role="cell" data-label=label(Column::Source)>{r.source} {(!r.note.is_empty()).then(|| view! { <span class="note">" — " {r.note.clone()}</span> })}</td>
        </tr>
    }
}
