//! The Leptos components: thin views that call the engine and hold no business logic.

use leptos::prelude::*;

use crate::data::Dataset;
use crate::embedded;
use crate::engine::text::{percent, pounds, pounds_short};
use crate::engine::{Filters, Totals};

/// The root: the explorer over the built-in data, or a message if it cannot be read.
#[component]
pub fn App() -> impl IntoView {
    match embedded::dataset() {
        Ok(ds) => view! { <Explorer ds=ds query=current_query() /> }.into_any(),
        Err(e) => view! {
            <main class="explorer">
                <p role="alert">"The built-in contract data could not be read: " {e.to_string()}</p>
            </main>
        }
        .into_any(),
    }
}

/// The page's query string, the share link's filters.
fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The headline figures, the notices and the list of awards for one share-link query.
#[component]
fn Explorer(
    /// The validated dataset.
    ds: Dataset,
    /// A share-link query string.
    query: String,
) -> impl IntoView {
    let (filters, warnings) = Filters::from_query(&query, &ds);
    let selection = ds.select(&filters);
    let totals = ds.totals(&selection);
    let separate: Vec<String> = ds
        .separate_matching(&filters)
        .into_iter()
        .map(|s| s.note.clone())
        .collect();
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    let rows = ds
        .award_rows(&selection)
        .into_iter()
        .map(|(a, _)| award_row(&ds, a))
        .collect_view();
    let source = ds
        .sources
        .iter()
        .map(|s| format!("{}, “{}” ({})", s.publisher, s.title, s.date.label()))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <main class="explorer">
            <h1>"Who was paid to deliver probation services?"</h1>
            <p class="lede">{ds.title.clone()} ", England and Wales."</p>
            {(!warnings.is_empty()).then(|| view! {
                <div class="notice" role="status" data-testid="link-warnings">
                    <p>"Parts of this link were ignored:"</p>
                    <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                </div>
            })}
            <Figures totals=totals.clone() area_note=filters.selects_within_awards() />
            {separate.into_iter().map(|note| view! {
                <p class="separate" data-testid="separately-commissioned">{note}</p>
            }).collect_view()}
            <table class="awards">
                <caption>"Awards in this view"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Region"</th>
                        <th scope="col">"Category"</th>
                        <th scope="col">"Lead provider"</th>
                        <th scope="col">"Sector"</th>
                        <th scope="col" class="num">"Value"</th>
                        <th scope="col">"Areas"</th>
                        <th scope="col">"Scheduled end"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="source">
                "Source: " {source} ". Data as at " {ds.data_as_at.label()} "."
            </p>
        </main>
    }
}

/// The headline figures, each with its exact value in `data-value`.
#[component]
fn Figures(
    /// The totals to show.
    totals: Totals,
    /// Whether some award values cover contracts outside the view.
    area_note: bool,
) -> impl IntoView {
    let share = totals.voluntary_value_share();
    let partial = totals.partial_awards;
    view! {
        <dl class="figures">
            <div>
                <dt>"Total value"</dt>
                <dd data-testid="total-value" data-value=totals.value.to_string() title=pounds(totals.value)>
                    {pounds_short(totals.value)}
                </dd>
            </div>
            <div>
                <dt>"Contracts"</dt>
                <dd data-testid="contracts" data-value=totals.contracts.to_string()>{totals.contracts}</dd>
            </div>
            <div>
                <dt>"Awards"</dt>
                <dd data-testid="awards" data-value=totals.awards.to_string()>{totals.awards}</dd>
            </div>
            <div>
                <dt>"Lead providers"</dt>
                <dd data-testid="lead-providers" data-value=totals.lead_providers.to_string()>{totals.lead_providers}</dd>
            </div>
            <div>
                <dt>"To the voluntary sector"</dt>
                <dd data-testid="voluntary-share" data-value=share.map(|s| s.to_string()).unwrap_or_default()>
                    {share.map(percent).unwrap_or_else(|| "–".to_string())}
                </dd>
            </div>
        </dl>
        {(area_note && partial > 0).then(|| view! {
            <p class="value-note" data-testid="unsplit-note">
                {format!(
                    "{partial} award{} also cover{} areas or dates outside this view: the source gives one value per award and does not split it, so the full value is counted.",
                    if partial == 1 { "" } else { "s" },
                    if partial == 1 { "s" } else { "" },
                )}
            </p>
        })}
    }
}

/// One award as a table row.
fn award_row(ds: &Dataset, a: usize) -> impl IntoView + use<> {
    let award = &ds.awards[a];
    let provider = &ds.providers[award.provider];
    let category = &ds.categories[award.category];
    let areas = if award.areas.is_empty() {
        format!("Whole region ({})", ds.regions[award.region].name)
    } else {
        award
            .areas
            .iter()
            .map(|x| match x.until {
                Some(m) => format!("{} (until {})", ds.areas[x.area].name, m.label()),
                None => ds.areas[x.area].name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut end = category.scheduled_end.label();
    if let Some(earliest) = award.areas.iter().filter_map(|x| x.until).min() {
        end.push_str(&format!(" (some areas {})", earliest.label()));
    }
    let mut value = pounds(award.value);
    if award.subject_to_contract {
        value.push_str(" (subject to contract)");
    }
    view! {
        <tr data-testid="award-row">
            <td>{ds.regions[award.region].name.clone()}</td>
            <td>{category.name.clone()}</td>
            <td>{provider.name.clone()}</td>
            <td>{provider.sector.label()}</td>
            <td class="num" data-value=award.value.to_string()>{value}</td>
            <td>{areas}</td>
            <td>{end}</td>
        </tr>
    }
}
