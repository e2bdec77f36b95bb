//! Chart panels: a canvas drawn by `charts::draw_*`, a clickable (and focusable) target over
//! each bar, a text summary, a "show as table" view and a PNG download. A drawing failure
//! shows a message and the table instead.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::{
    bar_chart_height, bar_description, draw_bars, draw_frame, draw_map, draw_timeline,
    estimate_width, BarChart, Basis, Frame, Hit, MapLayout, Palette, Timeline, TIMELINE_HEIGHT,
};
use crate::data::{Dataset, Sector};
use crate::engine::embed::Panel;
use crate::engine::text::{count, escape_html, pounds};
use crate::engine::{AreaMap, Key};
use crate::lang::{fill, m as msg, t as tr};
use crate::ui::canvas::{self, CanvasBackend};
use crate::ui::targets::BarTargets;
use crate::ui::{browser, map, State};

/// What one panel draws.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Drawing {
    Bars(BarChart),
    Timeline(Timeline),
    Map(AreaMap),
}

/// A chart's figures as a table: column headings (and whether each is a number), then per
/// row its key, label and cells.
type Table = (Vec<(&'static str, bool)>, Vec<(Key, String, Vec<String>)>);

impl Drawing {
    fn height(&self, width: u32) -> u32 {
        match self {
            Drawing::Bars(c) => bar_chart_height(c.bars.len(), width),
            Drawing::Timeline(_) => TIMELINE_HEIGHT,
            Drawing::Map(m) => MapLayout::new(width, m).height_px(),
        }
    }

    fn draw(
        &self,
        ds: &Dataset,
        area: &DrawingArea<CanvasBackend, Shift>,
        ratio: f64,
        measure: &dyn Fn(&str, f64) -> f64,
    ) -> Option<Vec<Hit>> {
        let palette = palette();
        match self {
            Drawing::Bars(c) => draw_bars(area, c, &palette, ratio, measure).ok(),
            Drawing::Timeline(t) => draw_timeline(area, t, &palette, ratio).ok(),
            Drawing::Map(m) => draw_map(area, m, ds, &palette, ratio, measure).ok(),
        }
    }

    fn summary(&self, ds: &Dataset) -> String {
        match self {
            Drawing::Bars(c) => c.summary(),
            Drawing::Timeline(t) => t.summary(),
            Drawing::Map(m) => m.summary(ds),
        }
    }

    /// The click target for hit `index`: its key and accessible name.
    fn target(&self, index: usize) -> Option<(Key, String)> {
        match self {
            Drawing::Bars(c) => {
                let bar = c.bars.get(index)?;
                Some((
                    bar.key,
                    fill(
                        msg::BAR_FILTER,
                        &[("bar", &bar_description(bar, c.by_sector, c.basis))],
                    ),
                ))
            }
            Drawing::Timeline(t) => {
                let p = t.points.get(index)?;
                let label = fill(
                    msg::MONTH_FILTER,
                    &[
                        ("month", &p.month.label()),
                        (
                            "contracts",
                            &count(p.contracts, msg::N_CONTRACTS_ONE, msg::N_CONTRACTS_MANY),
                        ),
                    ],
                );
                Some((Key::End(p.month), label))
            }
            // The map's targets are its own (see `ui::map`).
            Drawing::Map(_) => None,
        }
    }

    fn table(&self, ds: &Dataset) -> Table {
        match self {
            Drawing::Bars(c) => {
                // By value, the contracts get a column of their own; by contracts, they are
                // the amounts.
                let by_value = c.basis == Basis::Value;
                let amount = |n: u64| if by_value { pounds(n) } else { n.to_string() };
                let mut head = vec![
                    (tr(msg::TH_NAME), false),
                    (c.basis.noun(), true),
                    (tr(msg::SECTOR_VOLUNTARY), true),
                    (tr(msg::TH_PRIVATE), true),
                ];
                let unstated = c.bars.iter().any(|b| b.values[2] > 0);
                if unstated {
                    head.push((tr(msg::SECTOR_NOT_STATED), true));
                }
                if by_value {
                    head.push((tr(msg::BASIS_CONTRACTS), true));
                }
                let rows = c
                    .bars
                    .iter()
                    .map(|b| {
                        let mut cells =
                            vec![amount(b.total()), amount(b.values[0]), amount(b.values[1])];
                        if unstated {
                            cells.push(amount(b.values[2]));
                        }
                        if by_value {
                            cells.push(b.contracts.to_string());
                        }
                        (b.key, b.label.clone(), cells)
                    })
                    .collect();
                (head, rows)
            }
            Drawing::Timeline(t) => (
                vec![
                    (tr(msg::TH_MONTH), false),
                    (tr(msg::BASIS_CONTRACTS), true),
                    (tr(msg::TH_VALUE_ENDING), true),
                ],
                t.points
                    .iter()
                    .map(|p| {
                        let value = match Basis::of(ds) {
                            Basis::Value => pounds(p.value),
                            Basis::Contracts => tr(msg::NOT_PUBLISHED).to_string(),
                        };
                        (
                            Key::End(p.month),
                            p.month.label(),
                            vec![p.contracts.to_string(), value],
                        )
                    })
                    .collect(),
            ),
            Drawing::Map(m) => (
                vec![
                    (tr(msg::TH_AREA), false),
                    (tr(msg::COL_REGION), false),
                    (tr(msg::TH_ON_MAP), false),
                    (tr(msg::TH_VALUE_COVERING), true),
                    (tr(msg::TH_LEAD_PROVIDERS), false),
                ],
                m.tiles
                    .iter()
                    .map(|t| {
                        let area = &ds.areas[t.area];
                        (
                            Key::Area(t.area),
                            area.name.clone(),
                            vec![
                                ds.regions[area.region].name.clone(),
                                m.label_of(t.fill).to_string(),
                                match Basis::of(ds) {
                                    Basis::Value => pounds(t.value),
                                    Basis::Contracts => tr(msg::NOT_PUBLISHED).to_string(),
                                },
                                t.provider_names(ds),
                            ],
                        )
                    })
                    .collect(),
            ),
        }
    }
}

/// The map and the charts (the buyers' only for a list with several), as the embed
/// options allow.
#[component]
pub fn Charts() -> impl IntoView {
    let state = State::get();
    let ds = state.ds;
    // Each drawing is a memo: worked out once per change however often it is read, and a
    // chart whose drawing did not change is not redrawn.
    let bars = |f: fn(&crate::data::Dataset, &crate::engine::totals::Summary) -> BarChart| {
        Signal::from(Memo::new(move |_| {
            state.selection.with(|s| Drawing::Bars(f(ds, &s.summary)))
        }))
    };
    // What the bars measure, for every chart of this dataset (`Basis`).
    let by_value = Basis::of(ds) == Basis::Value;
    let panels = [
        (
            Panel::Map,
            tr(msg::PANEL_MAP),
            "map",
            Signal::from(Memo::new(move |_| {
                state.filters.with(|f| {
                    state.map.with(|m| {
                        state
                            .selection
                            .with(|s| Drawing::Map(ds.area_map_given(f, m, s)))
                    })
                })
            })),
            false,
        ),
        (
            Panel::ChartRegion,
            tr(if by_value {
                msg::PANEL_REGION_VALUE
            } else {
                msg::PANEL_REGION_CONTRACTS
            }),
            "chart-region",
            bars(crate::charts::region_chart),
            true,
        ),
        (
            Panel::ChartCategory,
            tr(if by_value {
                msg::PANEL_CATEGORY_VALUE
            } else {
                msg::PANEL_CATEGORY_CONTRACTS
            }),
            "chart-category",
            bars(crate::charts::category_chart),
            false,
        ),
        (
            Panel::ChartProvider,
            tr(if by_value {
                msg::PANEL_PROVIDER_VALUE
            } else {
                msg::PANEL_PROVIDER_CONTRACTS
            }),
            "chart-provider",
            bars(crate::charts::provider_chart),
            true,
        ),
        (
            Panel::ChartBuyer,
            tr(if by_value {
                msg::PANEL_BUYER_VALUE
            } else {
                msg::PANEL_BUYER_CONTRACTS
            }),
            "chart-buyer",
            bars(crate::charts::buyer_chart),
            true,
        ),
        (
            Panel::ChartTimeline,
            tr(msg::PANEL_TIMELINE),
            "chart-timeline",
            Signal::from(Memo::new(move |_| {
                state.selection.with(|s| {
                    Drawing::Timeline(crate::charts::timeline(ds, &s.summary, state.today))
                })
            })),
            false,
        ),
    ];
    view! {
        <section class="charts" aria-label="Charts">
            {panels
                .into_iter()
                .filter(|(p, ..)| state.embed.shows(*p) && (*p != Panel::ChartBuyer || ds.has_buyers()))
                .map(|(panel, title, testid, drawing, legend)| if panel == Panel::Map {
                    view! {
                        <ChartPanel title=title testid=testid drawing=drawing legend=legend>
                            <map::ColourBy />
                        </ChartPanel>
                    }.into_any()
                } else {
                    view! {
                        <ChartPanel title=title testid=testid drawing=drawing legend=legend />
                    }.into_any()
                })
                .collect_view()}
        </section>
    }
}

/// The colours for the colour scheme in force.
fn palette() -> Palette {
    if browser::is_dark() {
        Palette::DARK
    } else {
        Palette::LIGHT
    }
}

/// A text measure backed by the 2D context of a canvas that is not in the page: setting
/// the font on a canvas in the page makes the browser recompute the page's styles first.
/// The canvas is made once and kept, with the size its font was last set to.
fn canvas_measure() -> Option<impl Fn(&str, f64) -> f64> {
    type Measurer = (web_sys::CanvasRenderingContext2d, std::cell::Cell<f64>);
    thread_local! {
        static MEASURER: Option<Measurer> = browser::new_canvas()
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into().ok())
            .map(|context| (context, std::cell::Cell::new(f64::NAN)));
    }
    MEASURER
        .with(|m| m.is_some())
        .then_some(|text: &str, px: f64| {
            MEASURER.with(|m| match m {
                Some((context, font)) => {
                    // Setting the font makes the browser parse it: only when the size changes.
                    if font.get() != px {
                        context.set_font(&format!("{} sans-serif", canvas::font_size(px)));
                        font.set(px);
                    }
                    context
                        .measure_text(text)
                        .map(|m| m.width())
                        .unwrap_or_else(|_| estimate_width(text, px))
                }
                None => estimate_width(text, px),
            })
        })
}

/// Draws `drawing` on `canvas` at its CSS width and the device's pixel ratio.
/// Returns the hits in CSS pixels, or `None` if drawing failed.
/// `css_width` is measured on resize, not here: reading a size after the page changed
/// would force the browser to lay the page out again for every chart.
fn paint(
    ds: &Dataset,
    canvas: &web_sys::HtmlCanvasElement,
    drawing: &Drawing,
    css_width: u32,
) -> Option<Vec<Hit>> {
    let ratio = browser::pixel_ratio();
    let css_height = drawing.height(css_width);
    let width = (f64::from(css_width) * ratio).round() as u32;
    let height = (f64::from(css_height) * ratio).round() as u32;
    // Resizing a canvas reallocates it, so only when it must grow (or its width changes):
    // a shorter drawing uses the top of the bitmap, and the element shows only that part
    // (`object-fit: cover` from the top, in the CSS).
    if canvas.width() != width || canvas.height() < height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("height", &format!("{css_height}px"));
    let measure = canvas_measure()?;
    let root = CanvasBackend::new(canvas.clone())?.into_drawing_area();
    let root = root.shrink((0, 0), (width, height));
    let hits = drawing.draw(ds, &root, ratio, &measure)?;
    root.present().ok()?;
    let css = |v: f64| (v / ratio).round();
    Some(
        hits.into_iter()
            .map(|h| Hit {
                index: h.index,
                x: css(f64::from(h.x)) as i32,
                y: css(f64::from(h.y)) as i32,
                width: css(f64::from(h.width)) as u32,
                height: css(f64::from(h.height)) as u32,
            })
            .collect(),
    )
}

/// Width in CSS pixels of a downloaded chart image (drawn at twice that for sharpness).
const EXPORT_WIDTH: u32 = 800;

/// Draws `drawing` with its title, the active filters, the source and the date into a PNG
/// and offers it for download.
fn export_png(state: &State, title: &str, file: &str, drawing: &Drawing) -> Option<()> {
    let ratio = 2.0;
    let canvas = browser::new_canvas()?;
    let measure = canvas_measure()?;
    let ds = state.ds;
    let filters = state.filters.with_untracked(|f| ds.filters_line(f));
    let frame = Frame::new(
        title,
        &filters,
        &ds.provenance_lines(),
        EXPORT_WIDTH,
        &measure,
    );
    let height = frame.top_height() + drawing.height(EXPORT_WIDTH) + frame.bottom_height();
    canvas.set_width((f64::from(EXPORT_WIDTH) * ratio) as u32);
    canvas.set_height((f64::from(height) * ratio) as u32);
    let root = CanvasBackend::new(canvas.clone())?.into_drawing_area();
    let body = draw_frame(&root, &frame, &palette(), ratio).ok()?;
    drawing.draw(ds, &body, ratio, &measure)?;
    root.present().ok()?;
    let url = canvas.to_data_url().ok()?;
    browser::download_url(file, &url).then_some(())
}

/// One chart panel.
#[component]
fn ChartPanel(
    /// The chart's heading.
    title: &'static str,
    /// The `data-testid` hook (also the downloaded file's name).
    testid: &'static str,
    /// What to draw.
    drawing: Signal<Drawing>,
    /// Whether to show the sector legend.
    legend: bool,
    /// Controls shown under the heading (the map's colouring).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let is_map = drawing.with_untracked(|d| matches!(d, Drawing::Map(_)));
    let state = State::get();
    let canvas = NodeRef::<Canvas>::new();
    let hits = RwSignal::new(Vec::<Hit>::new());
    let failed = RwSignal::new(false);
    let table = RwSignal::new(false);
    // The canvas's width in CSS pixels, reported after layout whenever it changes.
    let width = RwSignal::new(0u32);
    // (A height change also reports; only a new width may redraw.)
    canvas.on_load(move |el| {
        browser::drop_on_cleanup(browser::watch_width(&el, move |w| {
            if width.get_untracked() != w {
                width.set(w);
            }
        }))
    });
    let drawn_once = StoredValue::new(false);
    Effect::new(move |_| {
        let w = width.get();
        let d = drawing.get();
        let Some(el) = canvas.get() else { return };
        if w == 0 {
            return;
        }
        let drawn = paint(state.ds, &el, &d, w);
        failed.set(drawn.is_none());
        hits.set(drawn.unwrap_or_default());
        // Chromium hands a canvas's bitmap to the compositor with each frame, and the first
        // redraw after that makes it a second bitmap: 10 ms of the visitor's first click in
        // a trace (of the five canvases), 2 ms of later clicks. Drawing each chart once more
        // after the page's first frame makes that second bitmap before the first click.
        if !drawn_once.get_value() && !failed.get_untracked() {
            drawn_once.set_value(true);
            // After the frame, a nudge to this effect (the chart may be gone by then: `try_`).
            browser::after_frame(move || {
                let _ = width.try_update(|_| ());
            });
        }
    });
    // Each bar's key, name and place: the buttons over the bars (`targets`).
    let targets_now = Memo::new(move |_| {
        drawing.with(|d| {
            hits.get()
                .into_iter()
                .filter_map(|h| d.target(h.index).map(|(key, label)| (key, label, h)))
                .collect::<Vec<_>>()
        })
    });

    let legend_view = legend.then(|| {
        let unstated = state
            .ds
            .providers
            .iter()
            .any(|p| p.sector == Sector::NotStated);
        let item = move |s: Sector, class: &'static str| {
            view! {
                <li>
                    <button type="button" class="legend-item" on:click=move |_| state.pick(Key::Sector(s))
                        aria-pressed=move || state.filters.with(|f| f.sectors.contains(&s)).to_string()
                        aria-label=fill(msg::SECTOR_FILTER, &[("sector", s.label())])>
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
                {unstated.then(|| item(Sector::NotStated, "not-stated"))}
            </ul>
        }
    });
    let ds = state.ds;
    // The figures as a table, written as HTML text (it changes as a whole with the view);
    // its buttons' clicks are taken by the box around it.
    let table_html = move || drawing.with(|d| figures_table(title, &d.table(ds)));
    let pick_row = move |ev: leptos::ev::MouseEvent| {
        let i = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-i"))
            .and_then(|i| i.parse::<usize>().ok());
        let key = i.and_then(|i| drawing.with_untracked(|d| d.table(ds).1.get(i).map(|r| r.0)));
        if let Some(key) = key {
            state.pick(key);
        }
    };
    let download = move |_| {
        drawing.with_untracked(|d| export_png(&state, title, &format!("{testid}.png"), d));
    };
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>
                <h3>{title}</h3>
                <p class="chart-summary">{move || drawing.with(|d| d.summary(ds))}</p>
            </figcaption>
            {children.map(|c| c())}
            {legend_view}
            <div class="canvas-wrap" class:hidden=move || failed.get()>
                <canvas node_ref=canvas aria-hidden="true"></canvas>
                {if is_map {
                    let map = Memo::new(move |_| {
                        drawing.with(|d| match d {
                            Drawing::Map(m) => Some(m.clone()),
                            _ => None,
                        })
                    });
                    view! { <map::MapTargets map=map hits=hits /> }.into_any()
                } else {
                    let label = fill(msg::BARS_LABEL, &[("title", title)]);
                    view! { <BarTargets label=label targets=targets_now /> }.into_any()
                }}
            </div>
            <Show when=move || failed.get()>
                <p class="fallback" role="status">{tr(msg::CHART_NOT_DRAWN)}</p>
            </Show>
            <div class="chart-actions">
                <button type="button" class="secondary" aria-expanded=move || (table.get() || failed.get()).to_string()
                    on:click=move |_| table.update(|t| *t = !*t)>
                    {move || tr(if table.get() { msg::HIDE_TABLE } else { msg::SHOW_TABLE })}
                </button>
                <button type="button" class="secondary" data-testid=format!("{testid}-png") on:click=download>
                    {tr(msg::DOWNLOAD_PNG)}
                </button>
            </div>
            <Show when=move || table.get() || failed.get()>
                // Scrolls sideways on a narrow screen rather than squeezing the columns.
                <div class="table-scroll" role="region" tabindex="0" aria-label=fill(msg::TABLE_OF, &[("title", title)])
                    on:click=pick_row inner_html=table_html>
                </div>
            </Show>
        </figure>
    }
}

/// A chart's figures as an HTML table headed `title`: a row per bar, tile or month, its name
/// a button (`data-i`, its place) that filters by it.
fn figures_table(title: &str, (heads, rows): &Table) -> String {
    use std::fmt::Write;
    let num = |n: bool| if n { " class=\"num\"" } else { "" };
    let mut html = format!(
        "<table class=\"chart-table\"><caption>{}</caption><thead><tr>",
        escape_html(title)
    );
    for (h, n) in heads {
        let _ = write!(html, "<th scope=\"col\"{}>{}</th>", num(*n), escape_html(h));
    }
    html.push_str("</tr></thead><tbody>");
    for (i, (_, label, cells)) in rows.iter().enumerate() {
        let _ = write!(
            html,
            "<tr><th scope=\"row\"><button type=\"button\" class=\"link\" data-i=\"{i}\">{}</button></th>",
            escape_html(label)
        );
        for (c, (_, n)) in cells.iter().zip(heads.iter().skip(1)) {
            let _ = write!(html, "<td{}>{}</td>", num(*n), escape_html(c));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}
