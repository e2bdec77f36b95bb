//! The filter controls and the active-filter chips.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::Month;
use crate::engine::facets::{long_list_note, matching_options, shown_options, Facet};
use crate::engine::text::count;
use crate::engine::Filters;
use crate::lang::{fill, m as msg, t as tr};
use crate::ui::{browser, options, Change, State, RESULTS};

/// Every filter control, in a panel that starts open on wide screens and folded on phones.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let state = State::get();
    let active = move || state.chips.with(Vec::len);
    // Open beside the results on wide screens, folded above them on phones, and again so
    // when the window crosses from one to the other (not on every resize: a visitor's own
    // choice stands until then).
    let open = RwSignal::new(browser::is_wide());
    let wide = StoredValue::new(browser::is_wide());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let now = browser::is_wide();
        if now != wide.get_value() {
            wide.set_value(now);
            open.set(now);
        }
    });
    on_cleanup(move || resize.remove());
    let awards = move || state.totals.with(|t| t.awards);
    let show_results = move |_| {
        open.set(false);
        browser::focus_later(RESULTS.to_string());
    };
    view! {
        <div class="filters-landmark" role="search" aria-labelledby="filters-title">
            <details class="filters" data-testid="filter-panel" prop:open=move || open.get()
                on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                <summary>
                    <span class="disclosure" aria-hidden="true"></span>
                    <h2 id="filters-title">{tr(msg::FILTERS_TITLE)}</h2>
                    <span class="active-count">
                        {move || match active() {
                            0 => String::new(),
                            n => count(n, msg::N_ACTIVE_ONE, msg::N_ACTIVE_MANY),
                        }}
                    </span>
                </summary>
                <Search />
                <FacetGroup facet=Facet::Category legend=tr(msg::LEGEND_CATEGORY) find=None />
                <FacetGroup facet=Facet::Sector legend=tr(msg::LEGEND_SECTOR) find=None />
                <FacetGroup facet=Facet::Region legend=tr(msg::LEGEND_REGION) find=None />
                <FacetGroup facet=Facet::Area legend=tr(msg::LEGEND_AREA)
                    find=Some((tr(msg::FIND_AREA), tr(msg::FIND_AREA_NONE))) />
                <FacetGroup facet=Facet::Provider legend=tr(msg::COL_PROVIDER)
                    find=Some((tr(msg::FIND_PROVIDER), tr(msg::FIND_PROVIDER_NONE))) />
                {state.ds.has_buyers().then(|| view! {
                    <FacetGroup facet=Facet::Buyer legend=tr(msg::COL_BUYER)
                        find=Some((tr(msg::FIND_BUYER), tr(msg::FIND_BUYER_NONE))) />
                })}
                <ValueRange />
                <EndRange />
                // On a phone the results are far below: a way straight to them.
                <button type="button" class="show-results" data-testid="show-results" on:click=show_results>
                    {move || fill(msg::SHOW_AWARDS, &[("awards", &count(awards(), msg::N_AWARDS_ONE, msg::N_AWARDS_MANY))])}
                </button>
            </details>
        </div>
    }
}

/// Free-text search over provider, area, region and category names.
#[component]
fn Search() -> impl IntoView {
    let state = State::get();
    // A burst of typing is one step back: its first key adds a history entry (so Back
    // returns to the view before it), the rest replace that entry.
    let typing = StoredValue::new(false);
    let on_input = move |ev: leptos::ev::Event| {
        let mut f = state.filters.get_untracked();
        f.search = event_target_value(&ev);
        let how = if typing.get_value() {
            Change::Replace
        } else {
            Change::Push
        };
        typing.set_value(true);
        state.set.run((f, how));
    };
    view! {
        <div class="field">
            <label for="search">{tr(msg::SEARCH)}</label>
            <input id="search" type="search" data-testid="search" autocomplete="off"
                placeholder=tr(msg::SEARCH_PLACEHOLDER)
                prop:value=move || state.filters.with(|f| f.search.clone())
                on:input=on_input on:blur=move |_| typing.set_value(false) />
        </div>
    }
}

/// A group of checkboxes for one facet, each showing how many awards it would give,
/// with an optional box to narrow a long list by typing.
#[component]
fn FacetGroup(
    /// Which filter this group sets.
    facet: Facet,
    /// The group's visible name.
    legend: &'static str,
    /// For long lists, the find-as-you-type box's label and what it says when nothing
    /// matches.
    find: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let state = State::get();
    let ds = state.ds;
    let typed = RwSignal::new(String::new());
    // Options keep their labels and order whatever is filtered: only their counts and
    // choices change, and only those are written again (`options::write`).
    let options = Arc::new(ds.facet_options(facet));
    let counts = Memo::new(move |_| {
        state.filters.with(|f| {
            state
                .selection
                .with(|s| ds.facet_counts_given(f, facet, s, state.unfiltered))
        })
    });
    // The same in every language: links to a filter and tests find it by this.
    let id = match facet {
        Facet::Category => "facet-service-category",
        Facet::Sector => "facet-lead-provider-s-sector",
        Facet::Region => "facet-probation-region",
        Facet::Area => "facet-pcc-area",
        Facet::Provider => "facet-lead-provider",
        Facet::Buyer => "facet-buyer",
    }
    .to_string();
    let testid = id.clone();
    let find_box = find.map(|(label, _)| {
        let find_id = format!("{id}-find");
        view! {
            <label class="find" for=find_id.clone()>{label}</label>
            <input id=find_id type="search" autocomplete="off" class="find"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev)) />
        }
    });
    // A long list shows the chosen options and the first `LONG_LIST` others that match what
    // was typed, by their places in `options`. Which options show changes only with what
    // was typed and chosen, not with the counts, so a click elsewhere leaves the list be.
    // The filters are read once for the whole list: reading the signal per option was
    // about 4 ms of a click with 5,000 lead providers (profiled).
    let texts = ds.find_texts(facet);
    let matching = Memo::new(move |_| typed.with(|t| matching_options(&texts, t)));
    let shown = {
        let options = Arc::clone(&options);
        Memo::new(move |_| {
            matching.with(|m| match find {
                Some(_) => state
                    .filters
                    .with(|f| shown_options(m, |i| facet.is_chosen(f, &options[i].slug))),
                None => m.clone(),
            })
        })
    };
    // The items, written in place whenever what shows, a count or a choice changes.
    let list = NodeRef::<leptos::html::Ul>::new();
    let slots = StoredValue::new_local(Vec::<options::Slot>::new());
    let list_id = id.clone();
    Effect::new(move |_| {
        let Some(ul) = list.get() else { return };
        shown.with(|s| {
            counts.with(|c| {
                state.filters.with(|f| {
                    let items: Vec<options::Shown> = s
                        .iter()
                        .map(|&i| options::Shown {
                            slug: &options[i].slug,
                            label: &options[i].label,
                            awards: c.get(i).copied().unwrap_or(0),
                            chosen: facet.is_chosen(f, &options[i].slug),
                        })
                        .collect();
                    slots.update_value(|sl| options::write(&ul, sl, &list_id, &items));
                })
            })
        });
    });
    let on_change = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some((slug, on)) =
            input.and_then(|i| Some((i.get_attribute("data-slug")?, i.checked())))
        else {
            return;
        };
        let f = state
            .filters
            .with_untracked(|f| facet.toggled(f, &slug, on));
        state.set.run((f, Change::Push));
    };
    // What the list leaves out, or that nothing matches what was typed (announced).
    let hidden = move || {
        let (_, none) = find?;
        match matching.with(Vec::len) {
            0 => Some(fill(
                msg::FIND_NONE,
                &[
                    ("none", none),
                    ("typed", &typed.with(|t| t.trim().to_string())),
                ],
            )),
            n => long_list_note(n),
        }
    };
    view! {
        <fieldset class="facet" data-testid=testid>
            <legend>{legend}</legend>
            {find_box}
            <ul class="options" class:long=find.is_some() node_ref=list on:change=on_change></ul>
            <p class="more" aria-live="polite">{hidden}</p>
        </fieldset>
    }
}

/// Minimum and maximum award value, in whole pounds.
#[component]
fn ValueRange() -> impl IntoView {
    let state = State::get();
    let input = move |label: &'static str,
                      id: &'static str,
                      get: fn(&Filters) -> Option<u64>,
                      put: fn(&mut Filters, Option<u64>)| {
        let on_input = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let text = text.trim();
            let value = if text.is_empty() {
                None
            } else if let Ok(v) = text.parse::<u64>() {
                Some(v)
            } else {
                return; // not a whole number yet: keep what applies
            };
            let mut f = state.filters.get_untracked();
            put(&mut f, value);
            state.set.run((f, Change::Replace));
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id data-testid=id type="number" inputmode="numeric" min="0" step="1"
                    prop:value=move || state.filters.with(|f| get(f).map(|v| v.to_string()).unwrap_or_default())
                    on:input=on_input />
            </div>
        }
    };
    view! {
        <fieldset class="range">
            <legend>{tr(msg::LEGEND_VALUE)}</legend>
            {input(tr(msg::AT_LEAST), "min-value", |f| f.min_value, |f, v| f.min_value = v)}
            {input(tr(msg::AT_MOST), "max-value", |f| f.max_value, |f, v| f.max_value = v)}
        </fieldset>
    }
}

/// The range of scheduled end months.
#[component]
fn EndRange() -> impl IntoView {
    let state = State::get();
    let months = state.ds.end_months();
    let select = move |label: &'static str,
                       id: &'static str,
                       get: fn(&Filters) -> Option<Month>,
                       put: fn(&mut Filters, Option<Month>)| {
        let options = months
            .iter()
            .map(|m| view! { <option value=m.to_string()>{m.label()}</option> })
            .collect_view();
        let on_change = move |ev: leptos::ev::Event| {
            let mut f = state.filters.get_untracked();
            put(&mut f, Month::parse(&event_target_value(&ev)));
            state.set.run((f, Change::Push));
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id data-testid=id on:change=on_change
                    prop:value=move || state.filters.with(|f| get(f).map(|m| m.to_string()).unwrap_or_default())>
                    <option value="">{tr(msg::ANY)}</option>
                    {options}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="range">
            <legend>{tr(msg::LEGEND_END)}</legend>
            {select(tr(msg::FROM), "end-from", |f| f.end_from, |f, m| f.end_from = m)}
            {select(tr(msg::TO), "end-to", |f| f.end_to, |f, m| f.end_to = m)}
        </fieldset>
    }
}

/// The active filters as removable chips, and one button to clear them all.
#[component]
pub fn Chips() -> impl IntoView {
    let state = State::get();
    let chips = state.chips;
    view! {
        <Show when=move || chips.with(|c| !c.is_empty())>
            <div class="chips" data-testid="chips">
                <span class="chips-title">{tr(msg::CHIPS_TITLE)}</span>
                <ul>
                    {move || chips.get().into_iter().enumerate().map(|(i, chip)| {
                        let label = chip.label.clone();
                        let without = chip.without.clone();
                        // The chips are drawn again: focus the one now in this place, or
                        // the results once none is left.
                        let remove = move |_| {
                            state.set.run((without.clone(), Change::Push));
                            let left = chips.with_untracked(Vec::len);
                            browser::focus_later(if left == 0 {
                                RESULTS.to_string()
                            } else {
                                format!(".chips li:nth-child({}) .chip", i.min(left - 1) + 1)
                            });
                        };
                        view! {
                            <li>
                                <button type="button" class="chip" aria-label=fill(msg::REMOVE_FILTER, &[("filter", &label)])
                                    on:click=remove>
                                    {chip.label} <span aria-hidden="true">" ×"</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="secondary" data-testid="clear-all"
                    on:click=move |_| {
                        state.set.run((Filters::default(), Change::Push));
                        browser::focus_later(RESULTS.to_string());
                    }>
                    {tr(msg::CLEAR_ALL)}
                </button>
            </div>
        </Show>
    }
}
