//! The awards table: one row per award, sortable by every column, paged, and downloadable as CSV.

use crate::lang::{self, fill, m as msg, t as tr, Lang};
use leptos::prelude::*;

use crate::data::Month;
use crate::engine::csv::CsvWriter;
use crate::engine::order::AwardOrders;
use crate::engine::rows::{AwardRow, Column};
use crate::engine::text::award_value;
use crate::ui::{browser, slots, State};

/// Rows per page: enough to scan, few enough to stay fast however large the data.
const PAGE: usize = 20;

/// Rows of the CSV file written between two chances for the page to draw and answer input:
/// 9–28 ms of work a part on the benchmark machine (100k awards, traced).
const CSV_ROWS_PER_TASK: usize = 10_000;

/// Writes `awards[from..]` into the CSV file a part per task, then offers the file in a
/// task of its own (handing 18 MB to a blob took 30–43 ms at 100k awards, traced).
fn write_csv(
    mut writer: CsvWriter<'static>,
    awards: Vec<usize>,
    from: usize,
    preparing: RwSignal<bool>,
) {
    let Some(part) = awards.get(from..).filter(|rest| !rest.is_empty()) else {
        browser::download(
            &writer.file_name(),
            "text/csv;charset=utf-8",
            &writer.finish(),
        );
        preparing.set(false);
        return;
    };
    let part = &part[..part.len().min(CSV_ROWS_PER_TASK)];
    writer.write(part);
    let to = from + part.len();
    set_timeout(
        move || write_csv(writer, awards, to, preparing),
        std::time::Duration::ZERO,
    );
}

#[component]
pub fn AwardsTable() -> impl IntoView {
    let state = State::get();
    let ds = state.ds;
    let columns = ds.columns();
    let sort = RwSignal::new((Column::Region, false));
    let page = RwSignal::new(0usize);
    // The selection's awards in table order; rows are built only for the page shown.
    let orders = AwardOrders::default();
    let rows = Memo::new(move |_| {
        let awards: Vec<usize> = state.selection.with(|s| {
            ds.award_rows(&s.selection)
                .into_iter()
                .map(|(a, _)| a)
                .collect()
        });
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
    // The page's rows are fixed slots, written in place: a filter change rewrites only the
    // cells whose text changed, rather than rebuilding twenty rows' elements and attributes.
    let body = NodeRef::<leptos::html::Tbody>::new();
    let slots = StoredValue::new_local(Vec::<Slot>::new());
    let shown_columns = columns.clone();
    Effect::new(move |_| {
        let shown: Vec<Vec<String>> = visible()
            .iter()
            .map(|r| fields(r, state.today, &shown_columns))
            .collect();
        if let Some(body) = body.get() {
            slots.update_value(|s| write_rows(&body, s, &shown_columns, &shown));
        }
    });
    // A large view's file is written a part at a time after the click has drawn "Preparing
    // CSV…", so the page answers at once and keeps answering while the file is made.
    let preparing = RwSignal::new(false);
    let download = move |_| {
        if preparing.get_untracked() {
            return;
        }
        preparing.set(true);
        let filters = state.filters.get_untracked();
        let link = browser::url_with_query(&state.query());
        let awards = rows.get_untracked();
        let writer = CsvWriter::new(ds, &filters, &link, awards.len());
        browser::after_frame(move || write_csv(writer, awards, 0, preparing));
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
                <button type="button" class="sort" data-testid=format!("sort-{}", c.slug())
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
                <h2 id="awards-title">{tr(msg::AWARDS_TITLE)}</h2>
                <button type="button" data-testid="download-csv" on:click=download>
                    {move || tr(if preparing.get() { msg::PREPARING_CSV } else { msg::DOWNLOAD_CSV })}
                </button>
            </div>
            <div class="table-scroll">
                // Explicit roles keep the table's semantics when narrow screens lay rows out as cards.
                <table class="awards" role="table" aria-labelledby="awards-title">
                    <thead role="rowgroup">
                        <tr role="row">{columns.into_iter().map(header).collect_view()}</tr>
                    </thead>
                    <tbody role="rowgroup" node_ref=body></tbody>
                </table>
            </div>
            <nav class="pager" aria-label=tr(msg::PAGES)>
                // The button that has reached the first or last page is disabled, which
                // drops focus: it moves to the other.
                <button type="button" data-testid="prev-page" disabled=move || page.get() == 0
                    on:click=move |_| {
                        page.update(|p| *p = p.saturating_sub(1));
                        if page.get_untracked() == 0 {
                            browser::focus_later("[data-testid=next-page]".to_string());
                        }
                    }>{tr(msg::PREVIOUS)}</button>
                <span data-testid="page-status" aria-live="polite">
                    {move || {
                        let n = rows.with(Vec::len);
                        let p = page.get().min(pages() - 1);
                        if n == 0 {
                            tr(msg::NO_AWARDS).to_string()
                        } else {
                            fill(
                                msg::PAGE_STATUS,
                                &[
                                    ("from", &(p * PAGE + 1).to_string()),
                                    ("to", &(p * PAGE + PAGE).min(n).to_string()),
                                    ("all", &n.to_string()),
                                ],
                            )
                        }
                    }}
                </span>
                <button type="button" data-testid="next-page" disabled=move || { page.get() + 1 >= pages() }
                    on:click=move |_| {
                        page.update(|p| *p += 1);
                        if page.get_untracked() + 1 >= pages() {
                            browser::focus_later("[data-testid=prev-page]".to_string());
                        }
                    }>{tr(msg::NEXT)}</button>
            </nav>
        </section>
    }
}

/// What one row shows: the award's id and exact value (attributes), then the text of each
/// of `columns`, then the note after the source.
fn fields(r: &AwardRow, today: Month, columns: &[Column]) -> Vec<String> {
    let mut fields = vec![String::new(); columns.len() + 3];
    fields[0] = r.id.to_string();
    fields[1] = r.value.map_or_else(String::new, |v| v.to_string());
    for (field, &c) in fields[2..].iter_mut().zip(columns) {
        *field = if c == Column::Value {
            let mut value = award_value(r.value);
            if r.subject_to_contract {
                value.push(' ');
                value.push_str(tr(msg::SUBJECT_TO_CONTRACT));
            }
            value
        } else if c == Column::End {
            r.end_on(today)
        } else {
            r.text(c)
        };
    }
    if let Some(note) = fields.last_mut().filter(|_| !r.note.is_empty()) {
        *note = format!(" — {}", r.note);
    }
    fields
}

/// One table row on the page: its elements, and the fields it shows now.
struct Slot {
    row: web_sys::Element,
    value_cell: web_sys::Element,
    /// A text node per column, then the note's.
    texts: Vec<web_sys::Text>,
    shown: Vec<String>,
}

impl Slot {
    /// A new row with a cell per column (labelled for the narrow layout), appended to `body`.
    fn new(body: &web_sys::HtmlElement, columns: &[Column]) -> Option<Self> {
        let doc = body.owner_document()?;
        let row = doc.create_element("tr").ok()?;
        row.set_attribute("role", "row").ok()?;
        row.set_attribute("data-testid", "award-row").ok()?;
        let mut texts = Vec::with_capacity(columns.len() + 1);
        let mut value_cell = None;
        for &c in columns {
            let cell = doc.create_element("td").ok()?;
            cell.set_attribute("role", "cell").ok()?;
            cell.set_attribute("data-label", c.title()).ok()?;
            let text = doc.create_text_node("");
            if c == Column::Source {
                // The source and its note in one box: one grid item beside the label when
                // narrow screens lay rows out as cards.
                let both = doc.create_element("span").ok()?;
                let note = doc.create_element("span").ok()?;
                note.set_attribute("class", "note").ok()?;
                // A source's note is in the source's language.
                if lang::now() != Lang::En {
                    note.set_attribute("lang", "en").ok()?;
                }
                let note_text = doc.create_text_node("");
                note.append_child(&note_text).ok()?;
                both.append_child(&text).ok()?;
                both.append_child(&note).ok()?;
                cell.append_child(&both).ok()?;
                texts.push(text);
                texts.push(note_text);
            } else {
                cell.append_child(&text).ok()?;
                texts.push(text);
            }
            if c == Column::Value {
                cell.set_attribute("class", "num").ok()?;
                value_cell = Some(cell.clone());
            }
            row.append_child(&cell).ok()?;
        }
        body.append_child(&row).ok()?;
        Some(Slot {
            row,
            value_cell: value_cell?,
            texts,
            shown: vec![String::new(); columns.len() + 3],
        })
    }

    /// Writes the fields that differ from what the row shows.
    fn show(&mut self, fields: &[String]) {
        for (i, (new, old)) in fields.iter().zip(&mut self.shown).enumerate() {
            if new == old {
                continue;
            }
            match i {
                0 => drop(self.row.set_attribute("data-award", new)),
                1 => drop(self.value_cell.set_attribute("data-value", new)),
                _ => self.texts[i - 2].set_data(new),
            }
            old.clone_from(new);
        }
    }
}

/// Makes `body` show one row per entry of `rows`, reusing the rows it has.
fn write_rows(
    body: &web_sys::HtmlElement,
    slots: &mut Vec<Slot>,
    columns: &[Column],
    rows: &[Vec<String>],
) {
    slots::write(
        body,
        slots,
        rows,
        |_| Slot::new(body, columns),
        |_, slot, fields| slot.show(fields),
    );
}

impl slots::Slot for Slot {
    fn element(&self) -> &web_sys::Element {
        &self.row
    }
}
