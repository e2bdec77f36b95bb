//! The headline figures, each carrying its exact value in `data-value` for tests and tools.

use leptos::prelude::*;

use crate::engine::text::{percent, pounds, pounds_short, thousands};
use crate::engine::Totals;
use crate::lang::{fill, m as msg, t as tr};

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
            <Figure label=tr(msg::FIG_TOTAL_VALUE) testid="total-value"
                value=Signal::derive(move || totals.with(|t| t.value.to_string()))
                text=Signal::derive(move || totals.with(|t| if t.valued_awards == 0 && t.awards > 0 {
                    tr(msg::FIG_NOT_PUBLISHED).to_string()
                } else {
                    pounds_short(t.value)
                })) />
            <Figure label=tr(msg::BASIS_CONTRACTS) testid="contracts" value=count(|t| t.contracts) text=shown(|t| t.contracts) />
            <Figure label=tr(msg::FIG_AWARDS) testid="awards" value=count(|t| t.awards) text=shown(|t| t.awards) />
            <Figure label=tr(msg::TH_LEAD_PROVIDERS) testid="lead-providers" value=count(|t| t.lead_providers) text=shown(|t| t.lead_providers) />
            <Figure label=tr(msg::FIG_VOLUNTARY) testid="voluntary-share"
                value=Signal::derive(move || share().map(crate::ui::browser::number_text).unwrap_or_default())
                text=Signal::derive(move || share().map(percent).unwrap_or_else(|| "–".to_string())) />
        </dl>
        <p class="exact">{move || totals.with(|t| (t.valued_awards > 0).then(|| fill(msg::FIG_EXACTLY, &[("value", &pounds(t.value))])))}</p>
        <Show when=move || totals.with(|t| t.valued_awards < t.awards)>
            <p class="value-note" data-testid="valued-awards" data-value=move || totals.with(|t| t.valued_awards.to_string())>
                {move || totals.with(|t| match (t.valued_awards, t.awards) {
                    (0, 1) => tr(msg::VALUED_NONE_ONE).to_string(),
                    (0, m) => fill(msg::VALUED_NONE_MANY, &[("n", &thousands(m as u64))]),
                    (n, m) => fill(
                        msg::VALUED_SOME,
                        &[("n", &thousands(n as u64)), ("all", &thousands(m as u64))],
                    ),
                })}
            </p>
        </Show>
        <Show when=move || { partial() > 0 }>
            <p class="value-note" data-testid="unsplit-note">
                {move || {
                    let n = partial();
                    let whole = tr(if totals.with(|t| t.valued_awards > 0) {
                        msg::UNSPLIT_VALUED
                    } else {
                        msg::UNSPLIT_WHOLE
                    });
                    let template = if n == 1 { msg::UNSPLIT_ONE } else { msg::UNSPLIT_MANY };
                    fill(template, &[("n", &thousands(n as u64)), ("whole", whole)])
                }}
            </p>
        </Show>
    }
}
