//! The headline figures, each carrying its exact value in `data-value` for tests and tools.

use leptos::prelude::*;

use crate::engine::text::plural;
use crate::engine::text::{percent, pounds, pounds_short, thousands};
use crate::engine::Totals;

/// One figure: a label, the text people read, and the exact value.
#[component]
fn Figure(
    /// What the figure is.
    label: &'static str,
    /// The `data-testid` hook.
    testid: &'static str,
    /// The exact, unrounded value.
    value: Signal<String>,
    /// The figure as people read it.
    text: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="figure">
            <dt>{label}</dt>
            <dd data-testid=testid data-value=value>{text}</dd>
        </div>
    }
}

/// Total value, contracts, awards, lead providers and the voluntary sector's share of the value.
#[component]
pub fn Figures(
    /// The totals to show.
    totals: Signal<Totals>,
) -> impl IntoView {
    // A count's exact figure for `data-value`, and as read: with thousands separators.
    let count =
        move |f: fn(&Totals) -> usize| Signal::derive(move || totals.with(|t| f(t).to_string()));
    let shown = move |f: fn(&Totals) -> usize| {
        Signal::derive(move || totals.with(|t| thousands(f(t) as u64)))
    };
    let share = move || totals.with(Totals::voluntary_value_share);
    let partial = move || totals.with(|t| t.partial_awards);
    view! {
        <dl class="figures">
            <Figure label="Total value" testid="total-value"
                value=Signal::derive(move || totals.with(|t| t.value.to_string()))
                text=Signal::derive(move || totals.with(|t| if t.valued_awards == 0 && t.awards > 0 {
                    "Not published".to_string()
                } else {
                    pounds_short(t.value)
                })) />
            <Figure label="Contracts" testid="contracts" value=count(|t| t.contracts) text=shown(|t| t.contracts) />
            <Figure label="Awards" testid="awards" value=count(|t| t.awards) text=shown(|t| t.awards) />
            <Figure label="Lead providers" testid="lead-providers" value=count(|t| t.lead_providers) text=shown(|t| t.lead_providers) />
            <Figure label="To the voluntary sector" testid="voluntary-share"
                value=Signal::derive(move || share().map(crate::ui::browser::number_text).unwrap_or_default())
                text=Signal::derive(move || share().map(percent).unwrap_or_else(|| "–".to_string())) />
        </dl>
        <p class="exact">{move || totals.with(|t| (t.valued_awards > 0).then(|| format!("Exactly {}.", pounds(t.value))))}</p>
        <Show when=move || totals.with(|t| t.valued_awards < t.awards)>
            <p class="value-note" data-testid="valued-awards" data-value=move || totals.with(|t| t.valued_awards.to_string())>
                {move || totals.with(|t| match (t.valued_awards, t.awards) {
                    (0, 1) => "No source gives this award's value, so the total is not known.".to_string(),
                    (0, m) => format!("No source gives a value for any of these {} awards, so the total is not known.", thousands(m as u64)),
                    (n, m) => format!(
                        "The total is based on {} of {} awards with a published value: no source gives a value for the rest.",
                        thousands(n as u64),
                        thousands(m as u64),
                    ),
                })}
            </p>
        </Show>
        <Show when=move || { partial() > 0 }>
            <p class="value-note" data-testid="unsplit-note">
                {move || {
                    let n = partial();
                    let whole = if totals.with(|t| t.valued_awards > 0) {
                        "The source gives one value per award and does not split it, so each award's full value is counted."
                    } else {
                        "Each is counted whole."
                    };
                    format!(
                        "{} in this view also cover{} other areas or dates. {whole}",
                        plural(n, "award", "awards"),
                        if n == 1 { "s" } else { "" },
                    )
                }}
            </p>
        </Show>
    }
}
