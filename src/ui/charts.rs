//! Chart panels: a canvas drawn by `charts::draw_*`, a clickable (and focusable) target over
//! each bar, a text summary and a "show as table" view. A drawing failure shows a message.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

use crate::charts::{
    bar_chart_height, bar_description, draw_bars, draw_timeline, estimate_width, BarChart, Hit,
    Measure, Palette, TIMELINE_HEIGHT,
};
use crate::data::Sector;
use crate::engine::text::pounds;
use crate::engine::Key;
use crate::ui::{browser, State};

/// The four charts.
#[component]
pub fn Charts() -> impl IntoView {
    let state = expect_context::<State>();
    let ds = state.ds;
    // Redraw when the window changes size (canvas backing store follows CSS size × pixel ratio).
    let resized = RwSignal::new(0u32);
    let _ = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1))
    });
    let regions = Memo::new(move |_| state.selection.with(|s| ds.region_chart(s)));
    let categories = Memo::new(move |_| state.selection.with(|s| ds.category_chart(s)));
    let providers = Memo::new(move |_| state.selection.with(|s| ds.provider_chart(s)));
    view! {
        <section class="charts" aria-label="Charts">
            <BarPanel title="Value by region" testid="chart-region" chart=regions.into() resized=resized legend=true />
            <BarPanel title="Value by service category" testid="chart-category" chart=categories.into() resized=resized legend=false />
            <BarPanel title="Lead providers by value" testid="chart-provider" chart=providers.into() resized=resized legend=true />
            <TimelinePanel resized=resized />
        </section>
    }
}

/// The colours for the visitor's colour scheme.
fn palette() -> Palette {
    if browser::prefers_dark() {
        Palette::DARK
    } else {
        Palette::LIGHT
    }
}

/// Sizes `canvas` to `css_height(css width)` CSS pixels at the device's pixel ratio and runs
/// `draw` on it. Returns the hits in CSS pixels, or `None` if drawing failed.
fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    css_height: impl FnOnce(u32) -> u32,
    draw: impl FnOnce(
        &DrawingArea<CanvasBackend, plotters::coord::Shift>,
        f64,
        Measure,
    ) -> Option<Vec<Hit>>,
) -> Option<Vec<Hit>> {
    let ratio = browser::pixel_ratio();
    let css_width = canvas.client_width().max(1) as f64;
    let css_height = css_height(css_width as u32);
    let _ = web_sys::HtmlElement::style(canvas).set_property("height", &format!("{css_height}px"));
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((f64::from(css_height) * ratio).round() as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let measure = move |text: &str, px: f64| {
        context.set_font(&format!("{px}px sans-serif"));
        context
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or_else(|_| estimate_width(text, px))
    };
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    let hits = draw(&root, ratio, &measure)?;
    root.present().ok()?;
    Some(
        hits.into_iter()
            .map(|h| Hit {
                index: h.index,
                x: (f64::from(h.x) / ratio).round() as i32,
                y: (f64::from(h.y) / ratio).round() as i32,
                width: (f64::from(h.width) / ratio).round() as u32,
                height: (f64::from(h.height) / ratio).round() as u32,
            })
            .collect(),
    )
}

/// A bar chart panel.
#[component]
fn BarPanel(
    /// The chart's heading.
    title: &'static str,
    /// The `data-testid` hook.
    testid: &'static str,
    /// What to draw.
    chart: Signal<BarChart>,
    /// Changes when the window is resized.
    resized: RwSignal<u32>,
    /// Whether to show the sector legend.
    legend: bool,
) -> impl IntoView {
    let state = expect_context::<State>();
    let canvas = NodeRef::<Canvas>::new();
    let hits = RwSignal::new(Vec::<Hit>::new());
    let failed = RwSignal::new(false);
    let table = RwSignal::new(false);
    Effect::new(move |_| {
        let _ = resized.get();
        let c = chart.get();
        let Some(el) = canvas.get() else { return };
        let drawn = paint(
            &el,
            |w| bar_chart_height(c.bars.len(), w),
            |root, ratio, measure| draw_bars(root, &c, &palette(), ratio, measure).ok(),
        );
        failed.set(drawn.is_none());
        hits.set(drawn.unwrap_or_default());
    });
    let targets = move || {
        let c = chart.get();
        hits.get()
            .into_iter()
            .filter_map(|h| {
                let bar = c.bars.get(h.index)?.clone();
                let key = bar.key;
                Some(view! {
                    <button type="button" class="hit" data-key=key.slug(state.ds)
                        aria-label=format!("{}. Filter by this.", bar_description(&bar, c.by_sector))
                        style:left=format!("{}px", h.x) style:top=format!("{}px", h.y)
                        style:width=format!("{}px", h.width) style:height=format!("{}px", h.height)
                        on:click=move |_| state.pick(key)>
                    </button>
                })
            })
            .collect_view()
    };
    let legend_view = legend.then(|| {
        let item = move |s: Sector, class: &'static str| {
            view! {
                <li>
                    <button type="button" class="legend-item" on:click=move |_| state.pick(Key::Sector(s))
                        aria-label=format!("{}. Filter by this sector.", s.label())>
                        <span class=format!("swatch {class}") aria-hidden="true"></span>
                        {s.label()}
                    </button>
                </li>
            }
        };
        view! {
            <ul class="legend">
                {item(Sector::Voluntary, "voluntary")}
                {item(Sector::Private, "private")}
            </ul>
        }
    });
    let rows = move || {
        let c = chart.get();
        c.bars
            .iter()
            .map(|b| {
                let key = b.key;
                view! {
                    <tr>
                        <th scope="row">
                            <button type="button" class="link" on:click=move |_| state.pick(key)>{b.label.clone()}</button>
                        </th>
                        <td class="num">{pounds(b.total())}</td>
                        <td class="num">{pounds(b.values[0])}</td>
                        <td class="num">{pounds(b.values[1])}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>
                <h3>{title}</h3>
                <p class="chart-summary">{move || chart.with(BarChart::summary)}</p>
            </figcaption>
            {legend_view}
            <div class="canvas-wrap" class:hidden=move || failed.get()>
                <canvas node_ref=canvas aria-hidden="true"></canvas>
                <div class="hits">{targets}</div>
            </div>
            <Show when=move || failed.get()>
                <p class="fallback" role="status">"This chart could not be drawn here; the table below has the same figures."</p>
            </Show>
            <button type="button" class="secondary toggle" aria-expanded=move || (table.get() || failed.get()).to_string()
                on:click=move |_| table.update(|t| *t = !*t)>
                {move || if table.get() { "Hide table" } else { "Show as table" }}
            </button>
            <Show when=move || table.get() || failed.get()>
                <table class="chart-table">
                    <caption>{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col" class="num">"Value"</th>
                            <th scope="col" class="num">"Voluntary sector"</th>
                            <th scope="col" class="num">"Private"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </figure>
    }
}

/// The timeline of scheduled contract ends.
#[component]
fn TimelinePanel(
    /// Changes when the window is resized.
    resized: RwSignal<u32>,
) -> impl IntoView {
    let state = expect_context::<State>();
    let ds = state.ds;
    let timeline = Memo::new(move |_| state.selection.with(|s| ds.timeline(s)));
    let canvas = NodeRef::<Canvas>::new();
    let hits = RwSignal::new(Vec::<Hit>::new());
    let failed = RwSignal::new(false);
    let table = RwSignal::new(false);
    Effect::new(move |_| {
        let _ = resized.get();
        let t = timeline.get();
        let Some(el) = canvas.get() else { return };
        let drawn = paint(
            &el,
            |_| TIMELINE_HEIGHT,
            |root, ratio, _| draw_timeline(root, &t, &palette(), ratio).ok(),
        );
        failed.set(drawn.is_none());
        hits.set(drawn.unwrap_or_default());
    });
    let targets = move || {
        let t = timeline.get();
        hits.get()
            .into_iter()
            .filter_map(|h| {
                let p = t.points.get(h.index)?.clone();
                let key = Key::End(p.month);
                Some(view! {
                    <button type="button" class="hit" data-key=p.month.to_string()
                        aria-label=format!("{}: {} contracts end. Filter by this month.", p.month.label(), p.contracts)
                        style:left=format!("{}px", h.x) style:top=format!("{}px", h.y)
                        style:width=format!("{}px", h.width) style:height=format!("{}px", h.height)
                        on:click=move |_| state.pick(key)>
                    </button>
                })
            })
            .collect_view()
    };
    let rows = move || {
        timeline
            .get()
            .points
            .into_iter()
            .map(|p| {
                let key = Key::End(p.month);
                view! {
                    <tr>
                        <th scope="row"><button type="button" class="link" on:click=move |_| state.pick(key)>{p.month.label()}</button></th>
                        <td class="num">{p.contracts}</td>
                        <td class="num">{pounds(p.value)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart" data-testid="chart-timeline">
            <figcaption>
                <h3>"When contracts are scheduled to end"</h3>
                <p class="chart-summary">{move || timeline.with(|t| t.summary())}</p>
            </figcaption>
            <div class="canvas-wrap" class:hidden=move || failed.get()>
                <canvas node_ref=canvas aria-hidden="true"></canvas>
                <div class="hits">{targets}</div>
            </div>
            <Show when=move || failed.get()>
                <p class="fallback" role="status">"This chart could not be drawn here; the table below has the same figures."</p>
            </Show>
            <button type="button" class="secondary toggle" aria-expanded=move || (table.get() || failed.get()).to_string()
                on:click=move |_| table.update(|t| *t = !*t)>
                {move || if table.get() { "Hide table" } else { "Show as table" }}
            </button>
            <Show when=move || table.get() || failed.get()>
                <table class="chart-table">
                    <caption>"Contracts by scheduled end"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Month"</th>
                            <th scope="col" class="num">"Contracts"</th>
                            <th scope="col" class="num">"Value of the awards (not split)"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </figure>
    }
}
