//! A chart's bar targets: a button over each bar that a click, a tap or the keyboard uses to
//! filter by it. One tab stop per chart; the arrow keys, Home and End move between the bars.
//!
//! The buttons are written by hand, in place, with the group's handlers delegated: as a keyed
//! list of Leptos views (a `For` per chart, with reactive attributes per button) they were
//! the largest part of the charts' code in the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::Hit;
use crate::data::Dataset;
use crate::engine::Key;
use crate::ui::{browser, slots, State};

/// Each bar's key, accessible name and place on the canvas, in the chart's order.
pub(super) type Targets = Vec<(Key, String, Hit)>;

/// One button and what it shows now: key, name, tab index and place.
struct Button {
    el: web_sys::HtmlElement,
    shown: [String; 4],
}

/// The group of buttons over a chart's bars, for `targets` as drawn.
#[component]
pub(super) fn BarTargets(
    /// The group's accessible name.
    label: String,
    targets: Memo<Targets>,
) -> impl IntoView {
    let state = State::get();
    let ds = state.ds;
    let group = NodeRef::<leptos::html::Div>::new();
    let buttons = StoredValue::new_local(Vec::<Button>::new());
    // The bar last focused: the chart's tab stop (else its first bar).
    let stop = StoredValue::new(None::<Key>);
    Effect::new(move |_| {
        let Some(group) = group.get() else { return };
        let refocus = targets.with(|ts| {
            buttons
                .try_update_value(|b| write(&group, b, ts, stop.get_value(), ds))
                .flatten()
        });
        // Focus moves once the buttons are written: its handler writes their tab indices.
        if let Some(el) = refocus {
            let _ = el.focus();
        }
    });
    // The bar a delegated event is on: its place and key.
    let bar = move |ev: &web_sys::Event| -> Option<(usize, Key)> {
        let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
        let i: usize = el.get_attribute("data-i")?.parse().ok()?;
        Some((i, targets.with_untracked(|ts| ts.get(i).map(|t| t.0))?))
    };
    // Focus moves outside the buttons' borrow: its handler writes their tab indices.
    let focus = move |i: usize| {
        if let Some(el) = buttons.with_value(|b| b.get(i).map(|b| b.el.clone())) {
            let _ = el.focus();
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some((_, key)) = bar(&ev) {
            state.pick(key);
            // The chart redraws and its bars move: keep the one in hand in view.
            browser::after_frame(browser::reveal_focus);
        }
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        let Some((at, key)) = bar(&ev) else { return };
        stop.set_value(Some(key));
        buttons.update_value(|b| {
            for (i, b) in b.iter_mut().enumerate() {
                set(&b.el, &mut b.shown[2], "tabindex", tab_index(i == at));
            }
        });
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some((at, _)) = bar(&ev) else { return };
        let n = targets.with_untracked(Vec::len);
        let to = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => (at + 1).min(n.saturating_sub(1)),
            "ArrowUp" | "ArrowLeft" => at.saturating_sub(1),
            "Home" => 0,
            "End" => n.saturating_sub(1),
            _ => return,
        };
        ev.prevent_default();
        focus(to);
    };
    view! {
        <div class="hits" role="group" aria-label=label node_ref=group
            on:click=on_click on:focusin=on_focus on:keydown=on_keydown>
        </div>
    }
}

fn tab_index(stop: bool) -> &'static str {
    if stop {
        "0"
    } else {
        "-1"
    }
}

/// Sets attribute `name` of `el` to `value` where it shows something else.
fn set(el: &web_sys::HtmlElement, shown: &mut String, name: &str, value: &str) {
    if shown != value {
        let _ = el.set_attribute(name, value);
        value.clone_into(shown);
    }
}

/// Makes `group` hold one button per target, in order, reusing the buttons it has: a
/// button's key, name and place change in place. Where the button in focus now holds
/// another bar, returns the one its bar moved to, to be focused, so that a bar chosen
/// from the keyboard stays in hand.
fn write(
    group: &web_sys::HtmlElement,
    buttons: &mut Vec<Button>,
    targets: &[(Key, String, Hit)],
    stop: Option<Key>,
    ds: &Dataset,
) -> Option<web_sys::HtmlElement> {
    let focused = group
        .owner_document()
        .and_then(|d| d.active_element())
        .and_then(|el| buttons.iter().position(|b| *b.el == el))
        .map(|i| buttons[i].shown[0].clone());
    let stop = stop
        .and_then(|k| targets.iter().position(|t| t.0 == k))
        .unwrap_or(0);
    let new = |i| {
        Some(Button {
            el: new_button(group, i)?,
            shown: Default::default(),
        })
    };
    let written = slots::write(group, buttons, targets, new, |i, b, (key, label, hit)| {
        set(&b.el, &mut b.shown[0], "data-key", &key.slug(ds));
        set(&b.el, &mut b.shown[1], "aria-label", label);
        set(&b.el, &mut b.shown[2], "tabindex", tab_index(i == stop));
        let place = format!("{} {} {} {}", hit.x, hit.y, hit.width, hit.height);
        if b.shown[3] != place {
            let style = b.el.style();
            for (name, v) in [
                ("left", i64::from(hit.x)),
                ("top", i64::from(hit.y)),
                ("width", i64::from(hit.width)),
                ("height", i64::from(hit.height)),
            ] {
                let _ = style.set_property(name, &format!("{v}px"));
            }
            b.shown[3] = place;
        }
    });
    if !written {
        return None;
    }
    let moved_to = focused.and_then(|slug| buttons.iter().find(|b| b.shown[0] == slug))?;
    let active = group.owner_document().and_then(|d| d.active_element());
    (active.as_ref() != Some(&*moved_to.el)).then(|| moved_to.el.clone())
}

impl slots::Slot for Button {
    fn element(&self) -> &web_sys::Element {
        &self.el
    }
}

/// A new button for the bar at place `i`, appended to `group`.
fn new_button(group: &web_sys::HtmlElement, i: usize) -> Option<web_sys::HtmlElement> {
    let el = group
        .owner_document()?
        .create_element("button")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    el.set_attribute("type", "button").ok()?;
    el.set_attribute("class", "hit").ok()?;
    el.set_attribute("data-i", &i.to_string()).ok()?;
    group.append_child(&el).ok()?;
    Some(el)
}
