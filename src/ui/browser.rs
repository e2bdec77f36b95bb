//! The few browser APIs the views use, each failing quietly (a missing API never panics the widget).

use wasm_bindgen::JsCast;

/// The page's query string (with its `?`), or empty.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
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
pub fn write_query(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let url = if query.is_empty() {
        window.location().pathname().unwrap_or_else(|_| ".".into())
    } else {
        format!("?{query}")
    };
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}

/// Copies text to the clipboard; false if the browser offers no clipboard.
pub fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    let _promise = clipboard.write_text(text);
    true
}

/// Offers `text` for download as a file named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys_array(text);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
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

fn js_sys_array(text: &str) -> wasm_bindgen::JsValue {
    let array = js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(text));
    array.into()
}

/// Device pixels per CSS pixel (1 where unknown).
pub fn pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// Whether the visitor prefers a dark colour scheme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Whether the window is wide enough to show filters beside the results (matches the CSS breakpoint).
pub fn is_wide() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(min-width: 60rem)").ok().flatten())
        .is_some_and(|m| m.matches())
}
