//! The map's own controls: the "colour the map by" choice, and a button over each area's
//! tile that a click, a tap or the keyboard (arrow keys between tiles, Enter to choose)
//! uses to filter by that area, with the area's details on hover and focus.

use crate::lang::{m as msg, t as tr};
use leptos::prelude::*;

use crate::charts::Hit;
use crate::engine::colour::MapColour;
use crate::engine::facets::Facet;
use crate::engine::map::{Step, Walk};
use crate::engine::AreaMap;
use crate::ui::{browser, Change, State};

/// Width in CSS pixels the details box may take.
const TIP_WIDTH: i32 = 240;

/// The choice of what colours the map; it is part of the share link.
#[component]
pub fn ColourBy() -> impl IntoView {
    let state = State::get();
    let ds = state.ds;
    let current = move || state.map.with(|m| m.slug().to_string());
    let change = move |ev: leptos::ev::Event| {
        if let Some(colour) = MapColour::parse(&event_target_value(&ev), ds) {
            state.colour(colour);
        }
    };
    let options = MapColour::choices(ds)
        .into_iter()
        .map(|c| {
            let slug = c.slug().to_string();
            let value = slug.clone();
            view! { <option value=value selected=move || current() == slug>{c.label(ds)}</option> }
        })
        .collect_view();
    view! {
        <label class="colour-by">
            {tr(msg::COLOUR_BY)} " "
            <select data-testid="map-colour" prop:value=current on:change=change>{options}</select>
        </label>
    }
}

/// One button per area over its tile. Only one is in the tab order; the arrow keys move
/// between them. The buttons are made once, so focus survives every redraw.
#[component]
pub fn MapTargets(
    /// The map as drawn (`None` until it is).
    map: Memo<Option<AreaMap>>,
    /// Where each tile landed on the canvas.
    hits: RwSignal<Vec<Hit>>,
) -> impl IntoView {
    let state = State::get();
    let ds = state.ds;
    let with_map = move |f: &dyn Fn(&AreaMap) -> String| map.with(|m| m.as_ref().map(f));
    // The tab stop: the first chosen area, else the top-left tile.
    let start = state.filters.with_untracked(|f| {
        (0..ds.areas.len())
            .filter(|&a| f.areas.contains(&ds.areas[a].slug))
            .chain((0..ds.areas.len()).min_by_key(|&a| (ds.areas[a].tile.1, ds.areas[a].tile.0)))
            .next()
            .unwrap_or(0)
    });
    let current = RwSignal::new(start);
    let tip = RwSignal::new(None::<usize>);
    let walk = StoredValue::new(Walk::default());
    // Escape closes the details wherever focus or the pointer is (they may hide tiles).
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            tip.set(None);
        }
    });
    on_cleanup(move || escape.remove());
    let hit_of = move |a: usize| hits.with(|h| h.iter().find(|h| h.index == a).copied());
    let px = |v: i32| format!("{v}px");
    let buttons = (0..ds.areas.len())
        .map(|a| {
            let slug = ds.areas[a].slug.clone();
            let selected = move || state.filters.with(|f| f.areas.contains(&ds.areas[a].slug));
            let label = move || {
                let action = tr(if selected() {
                    msg::AREA_CHOSEN
                } else {
                    msg::AREA_CHOOSE
                });
                with_map(&|m| format!("{}. {action}", m.describe(ds, &m.tiles[a]).join(". ")))
            };
            let toggle = move |_| {
                let f = state.filters.get_untracked();
                let slug = &ds.areas[a].slug;
                let next = Facet::Area.toggled(&f, slug, !f.areas.contains(slug));
                state.set.run((next, Change::Push));
            };
            let keydown = move |ev: leptos::ev::KeyboardEvent| {
                let step = match ev.key().as_str() {
                    "ArrowUp" => Some(Step::Up),
                    "ArrowDown" => Some(Step::Down),
                    "ArrowLeft" => Some(Step::Left),
                    "ArrowRight" => Some(Step::Right),
                    "Home" | "End" => None,
                    _ => return,
                };
                ev.prevent_default();
                let next = map.with_untracked(|m| {
                    let m = m.as_ref()?;
                    match step {
                        Some(step) => walk.try_update_value(|w| w.step(m, ds, a, step)).flatten(),
                        None => {
                            m.first_and_last(ds)
                                .map(|(first, last)| if ev.key() == "Home" { first } else { last })
                        }
                    }
                });
                if let Some(b) = next {
                    current.set(b);
                    browser::focus_sibling(&ev, &ds.areas[b].slug);
                }
            };
            view! {
                <button type="button" class="hit tile" data-key=slug
                    tabindex=move || if current.get() == a { "0" } else { "-1" }
                    aria-pressed=move || selected().to_string()
                    aria-label=label
                    class:hidden=move || hit_of(a).is_none()
                    style:left=move || hit_of(a).map(|h| px(h.x))
                    style:top=move || hit_of(a).map(|h| px(h.y))
                    style:width=move || hit_of(a).map(|h| px(h.width as i32))
                    style:height=move || hit_of(a).map(|h| px(h.height as i32))
                    on:click=toggle
                    on:keydown=keydown
                    on:focus=move |_| {
                        current.set(a);
                        tip.set(Some(a));
                    }
                    on:blur=move |_| tip.set(None)
                    on:mouseenter=move |_| tip.set(Some(a))
                    on:mouseleave=move |ev: leptos::ev::MouseEvent| {
                        // The pointer may move onto the details without them closing.
                        if !browser::is_within(ev.related_target(), ".map-tip") {
                            tip.set(None);
                        }
                    }>
                </button>
            }
        })
        .collect_view();
    let details = move || {
        let a = tip.get()?;
        let h = hit_of(a)?;
        let lines = map.with(|m| m.as_ref().map(|m| m.describe(ds, &m.tiles[a])))?;
        let right = hits.with(|hs| hs.iter().map(|h| h.x + h.width as i32).max().unwrap_or(0));
        let left = h.x.min(right - TIP_WIDTH).max(0);
        let (name, rest) = lines.split_first()?;
        Some(view! {
            <div class="map-tip" aria-hidden="true" data-testid="map-tip"
                style:left=px(left) style:top=px(h.y + h.height as i32)
                on:mouseleave=move |ev: leptos::ev::MouseEvent| {
                    if !browser::is_within(ev.related_target(), ".hit.tile") {
                        tip.set(None);
                    }
                }>
                <strong>{name.clone()}</strong>
                {rest.iter().map(|l| view! { <span>{l.clone()}</span> }).collect_view()}
            </div>
        })
    };
    view! {
        <div class="hits" role="group"
            aria-label=tr(msg::MAP_TARGETS)>
            {buttons}
            {details}
        </div>
    }
}
