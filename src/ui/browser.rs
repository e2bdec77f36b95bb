//! The few browser APIs the views use, each failing quietly (a missing API never panics the widget).

use wasm_bindgen::JsCast;

/// The page's query string (with its `?`), or empty.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// This month on the visitor's clock, by which the page says whether a scheduled end has passed.
pub fn this_month() -> crate::data::Month {
    let now = js_sys::Date::new_0();
    crate::data::Month {
        year: now.get_full_year().min(u32::from(u16::MAX)) as u16,
        month: (now.get_month() + 1).clamp(1, 12) as u8,
    }
}

/// Fetches `url` (relative to the page, so from its own origin) and calls `done` with the
/// bytes, or with why it could not.
pub fn fetch_bytes(url: &str, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(Err("no window".to_string()));
    };
    let request = window.fetch_with_str(url);
    // Not Leptos' executor: the page's language is fetched before anything is mounted.
    wasm_bindgen_futures::spawn_local(async move {
        let why = |e: wasm_bindgen::JsValue| {
            e.as_string()
                .unwrap_or_else(|| "the network request failed".to_string())
        };
        let response = match wasm_bindgen_futures::JsFuture::from(request).await {
            Ok(r) => r.unchecked_into::<web_sys::Response>(),
            Err(e) => return done(Err(why(e))),
        };
        if !response.ok() {
            return done(Err(format!("the server answered {}", response.status())));
        }
        let buffer = match response.array_buffer() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await,
            Err(e) => Err(e),
        };
        match buffer {
            Ok(b) => done(Ok(js_sys::Uint8Array::new(&b).to_vec())),
            Err(e) => done(Err(why(e))),
        }
    });
}

/// The page's address with `query` (no `?`) as its query string.
pub fn url_with_query(query: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    if query.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{query}")
    }
}

/// Writes `query` into the address bar: a new history entry when `push`, else replacing this one.
///
/// It is written after the frame that shows the change, not during the click: a history
/// entry costs Chromium 4–5 ms (and a fresh request for the page's icon), which the visitor
/// would otherwise wait for before seeing anything. Writes keep their order (frame
/// callbacks and timers run in the order they were asked for).
pub fn write_query(query: &str, push: bool) {
    // The language is part of the view where the visitor or the link chose it.
    let query = crate::engine::link::with_lang(query.to_string(), crate::lang::chosen());
    let url = if query.is_empty() {
        web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_else(|| ".".into())
    } else {
        format!("?{query}")
    };
    after_frame(move || {
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let state = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&state, "", Some(&url))
        } else {
            history.replace_state_with_url(&state, "", Some(&url))
        };
    });
}

/// The browser's preferred languages, most preferred first (`navigator.languages`).
pub fn languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|l| l.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}

/// Says which language the page is in (`<html lang>`), for screen readers and search.
pub fn set_page_lang(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// Runs `f` once the next frame has been drawn: a task queued from that frame's callback.
pub fn after_frame(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO)
    });
}

/// Copies text to the clipboard, then calls `done` with whether the browser took it. A
/// browser without a clipboard (an insecure origin) or one that refuses the write (no
/// permission, a frame not allowed `clipboard-write`) gives false: the page must never say
/// "copied" for text that was not.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = web_sys::window()
        .map(|w| w.navigator().clipboard())
        .filter(|c| !wasm_bindgen::JsValue::from(c).is_undefined());
    let Some(clipboard) = clipboard else {
        done(false);
        return;
    };
    let slot = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let settle = |ok: bool| {
        let slot = std::rc::Rc::clone(&slot);
        wasm_bindgen::closure::Closure::once(move |_: wasm_bindgen::JsValue| {
            if let Some(done) = slot.take() {
                done(ok);
            }
        })
    };
    let (taken, refused) = (settle(true), settle(false));
    let _ = clipboard.write_text(text).then2(&taken, &refused);
    // The promise settles once, calling one of them; both must live until it does.
    taken.forget();
    refused.forget();
}

/// Offers `text` for download as a file named `name`.
///
/// The blob is made from the text's UTF-8 bytes, copied once: made from a JS string, the
/// text would be decoded to UTF-16 and encoded back (an 18 MB CSV at 100k awards).
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(text.as_bytes()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Ok(element) = document.create_element("a") else {
        return false;
    };
    let Ok(a) = element.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// A number as JavaScript writes it (the shortest text that reads back the same), so the
/// wasm carries no float formatting of its own.
pub fn number_text(x: f64) -> String {
    js_sys::Number::from(x)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// Device pixels per CSS pixel (1 where unknown).
pub fn pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// Whether the visitor prefers a dark colour scheme. The query is made once and kept (each
/// chart asks on every redraw); its `matches` follows the preference as it changes.
pub fn prefers_dark() -> bool {
    thread_local! {
        static QUERY: Option<web_sys::MediaQueryList> = web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    }
    QUERY.with(|q| q.as_ref().is_some_and(web_sys::MediaQueryList::matches))
}

/// Whether the window is wide enough to show filters beside the results (matches the CSS breakpoint).
pub fn is_wide() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(min-width: 60rem)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The page's fragment (with its `#`), or empty.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The folder the widget is served from (`https://host/path/`), for embed snippets.
pub fn widget_base() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    format!("{origin}{dir}")
}

/// Applies an embed's look to the document: colour scheme, accent colour (with its readable
/// text colour) and a transparent background. Uses the CSSOM, which a strict CSP allows.
pub fn apply_look(theme: &str, accent: Option<(&str, &str)>, transparent: bool) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("data-theme", theme);
    if transparent {
        let _ = root.class_list().add_1("transparent");
    }
    if let (Some((colour, text)), Ok(el)) = (accent, root.dyn_into::<web_sys::HtmlElement>()) {
        let style = el.style();
        let _ = style.set_property("--accent", colour);
        let _ = style.set_property("--accent-fg", text);
    }
}

/// The colour scheme in force: the embed's choice, else the visitor's preference.
pub fn is_dark() -> bool {
    let chosen = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => prefers_dark(),
    }
}

/// Sends `{type, id, …fields}` to the parent window, to `host` only (an exact origin).
pub fn post_to_host(host: &str, kind: &str, id: &str, fields: &[(&str, wasm_bindgen::JsValue)]) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let message = js_sys::Object::new();
    let set = |k: &str, v: &wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&message, &k.into(), v);
    };
    set("type", &kind.into());
    set("id", &id.into());
    for (k, v) in fields {
        set(k, v);
    }
    let _ = parent.post_message(&message, host);
}

/// Calls `report` with the page content's height in CSS pixels once it is laid out and
/// whenever it changes: the body's content box, which is the frame's content as the body has
/// no margin, border or padding (www/style.css). Stops when the returned watch is dropped.
pub fn watch_height(report: impl Fn(f64) + 'static) -> Option<SizeWatch> {
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())?;
    observe_size(&body, move |rect| report(rect.height().ceil()))
}

/// Calls `report` with `el`'s width in CSS pixels once it is laid out and whenever it
/// changes. Stops when the returned watch is dropped.
pub fn watch_width(el: &web_sys::HtmlElement, report: impl Fn(u32) + 'static) -> Option<SizeWatch> {
    observe_size(el, move |rect| report(rect.width().round().max(1.0) as u32))
}

/// A resize observer and its callback. Dropping it disconnects the observer, then frees the
/// callback: a view that goes must drop its watch (`on_cleanup`), or the observer reports
/// the removed element's new size (0) to a callback whose signals are gone, and that panic
/// would replace the whole page with the fallback.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Drops `watch` when the current reactive owner (a view) is cleaned up.
pub fn drop_on_cleanup(watch: Option<SizeWatch>) {
    let watch = OnPageThread(watch);
    leptos::prelude::on_cleanup(move || drop(watch));
}

/// A browser object handed to a cleanup, which must be `Send` and `Sync`. The page's wasm
/// has one thread (it is built without atomics, so nothing can be sent to another), which
/// makes these promises true; `send_wrapper` would check them at run time, with code the
/// page does not need.
struct OnPageThread<T>(T);
// SAFETY: wasm32-unknown-unknown without the atomics feature has exactly one thread.
unsafe impl<T> Send for OnPageThread<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for OnPageThread<T> {}

/// Calls `report` with `el`'s content box each time a resize observer reports it (once `el`
/// is laid out, then on each change of size), until the watch is dropped. The size is the
/// one in the observer's entry, not read from the element: the page's observers run one
/// after another, each chart's redraw changes the page (its canvas's height, its buttons),
/// and reading `clientWidth` in the next one made the browser lay the page out again there
/// and then (7 layouts before the page was complete, against 3 with the entry's size).
fn observe_size(
    el: &web_sys::Element,
    report: impl Fn(&web_sys::DomRectReadOnly) + 'static,
) -> Option<SizeWatch> {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            // One element is observed, so its entry is the last (and only) one.
            if let Some(last) = entries.length().checked_sub(1) {
                let entry: web_sys::ResizeObserverEntry = entries.get(last).unchecked_into();
                report(&entry.content_rect())
            }
        },
    );
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(SizeWatch {
        observer,
        _callback: callback,
    })
}

/// Offers a `data:` URL for download as a file named `name`.
pub fn download_url(name: &str, url: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(a) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    else {
        return false;
    };
    a.set_href(url);
    a.set_download(name);
    a.click();
    true
}

/// A new canvas element, not attached to the page (for exports).
pub fn new_canvas() -> Option<web_sys::HtmlCanvasElement> {
    let document = web_sys::window()?.document()?;
    document.create_element("canvas").ok()?.dyn_into().ok()
}

/// Focuses the first element matching `selector` once the frame that shows a change has
/// been drawn: where focus goes when the control that had it is removed or disabled.
pub fn focus_later(selector: String) {
    after_frame(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// Scrolls the focused element into view if it is not (after a redraw moved it).
pub fn reveal_focus() {
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    if let Some(el) = focused {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Sets the page's title (what a tab, a bookmark and the history list show).
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Opens the first `<details>` matching `selector`.
pub fn open_details(selector: &str) {
    let details = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(d) = details {
        let _ = d.set_attribute("open", "");
    }
}

/// Whether `target` (an event's related target) is inside an element matching `selector`.
pub fn is_within(target: Option<web_sys::EventTarget>, selector: &str) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// Focuses the element whose `data-key` is `key` among the siblings of the event's element
/// (moving between a chart's targets with the arrow keys).
pub fn focus_sibling(ev: &web_sys::Event, key: &str) {
    let sibling = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.parent_element())
        .and_then(|parent| {
            parent
                .query_selector(&format!("[data-key=\"{key}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = sibling {
        let _ = el.focus();
    }
}
