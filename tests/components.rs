//! Component tests in headless Chromium (wasm-bindgen-test): the views mount, show the
//! engine's figures, and follow changes. Run by scripts/test for the wasm32 target.
#![cfg(target_arch = "wasm32")]

use contracts_explorer::data::Dataset;
use contracts_explorer::embedded;
use contracts_explorer::engine::{Filters, Totals};
use contracts_explorer::ui::{Explorer, Figures};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("appended");
    div.unchecked_into()
}

fn attr(root: &web_sys::HtmlElement, selector: &str, name: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(name))
        .unwrap_or_else(|| panic!("no {name} on {selector}"))
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| panic!("no {selector}"))
}

/// Clicks the element `selector` inside `root`.
fn click(root: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = root
        .query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    el.click();
}

/// Mounts the explorer over `ds` opened on `query`; keep the handle alive while testing.
async fn mount_explorer(
    ds: &'static Dataset,
    query: &'static str,
) -> (web_sys::HtmlElement, impl Sized) {
    let root = container();
    let mounted = mount_to(root.clone(), move || {
        view! { <Explorer ds=ds query=query.to_string() /> }
    });
    tick().await;
    (root, mounted)
}

fn dataset() -> &'static Dataset {
    Box::leak(Box::new(
        embedded::dataset().expect("the built-in data loads"),
    ))
}

#[wasm_bindgen_test]
async fn figures_show_exact_values_and_follow_their_totals() {
    let totals = RwSignal::new(Totals {
        value: 46_609_099,
        awards: 24,
        valued_awards: 24,
        contracts: 40,
        lead_providers: 15,
        voluntary_value: 46_609_099,
        ..Totals::default()
    });
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        view! { <Figures totals=totals.into() /> }
    });
    tick().await;
    assert_eq!(
        attr(&root, "[data-testid=total-value]", "data-value"),
        "46609099"
    );
    assert_eq!(text(&root, "[data-testid=total-value]"), "£46.6m");
    assert_eq!(
        attr(&root, "[data-testid=voluntary-share]", "data-value"),
        "1"
    );
    assert_eq!(text(&root, "[data-testid=voluntary-share]"), "100%");

    // Counts of thousands read with separators; `data-value` keeps the plain number.
    totals.set(Totals {
        contracts: 16_195,
        awards: 8_408,
        valued_awards: 8_408,
        ..Totals::default()
    });
    tick().await;
    assert_eq!(text(&root, "[data-testid=contracts]"), "16,195");
    assert_eq!(
        attr(&root, "[data-testid=contracts]", "data-value"),
        "16195"
    );
    assert_eq!(text(&root, "[data-testid=awards]"), "8,408");

    totals.set(Totals::default());
    tick().await;
    assert_eq!(attr(&root, "[data-testid=total-value]", "data-value"), "0");
    assert_eq!(
        attr(&root, "[data-testid=voluntary-share]", "data-value"),
        ""
    );
    assert_eq!(text(&root, "[data-testid=voluntary-share]"), "–");
}

#[wasm_bindgen_test]
async fn the_explorer_opens_a_share_link_and_follows_a_ticked_box() {
    let ds = dataset();
    let (root, _mounted) = mount_explorer(ds, "region=wales&colour=red").await;
    let engine = |q: &str| ds.totals(&ds.select(&Filters::from_query(q, ds).0));
    assert_eq!(
        attr(&root, "[data-testid=awards]", "data-value"),
        engine("region=wales").awards.to_string()
    );
    assert!(text(&root, "[data-testid=link-warnings]").contains("colour"));
    assert_eq!(
        root.query_selector_all("[data-testid=award-row]")
            .unwrap()
            .length(),
        6
    );

    click(&root, "#facet-service-category-womens");
    tick().await;
    let expected = engine("region=wales&category=womens");
    assert_eq!(
        attr(&root, "[data-testid=total-value]", "data-value"),
        expected.value.to_string()
    );
    assert_eq!(
        root.query_selector_all("[data-testid=award-row]")
            .unwrap()
            .length(),
        2
    );
    assert!(text(&root, "[data-testid=sentence]")
        .starts_with("In Wales, 2 lead providers were awarded 4 contracts for women's services"));
    // The address is written after the frame that shows the change.
    after_frame().await;
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search, "?region=wales&category=womens");
}

#[wasm_bindgen_test]
async fn an_empty_view_offers_to_remove_the_last_filter() {
    let ds = dataset();
    let (root, _mounted) = mount_explorer(ds, "region=london").await;
    assert!(root
        .query_selector("[data-testid=empty]")
        .unwrap()
        .is_none());
    click(&root, "#facet-service-category-womens");
    tick().await;
    assert!(text(&root, "[data-testid=separately-commissioned]").contains("MOPAC"));
    click(&root, "[data-testid=remove-last-filter]");
    tick().await;
    assert!(root
        .query_selector("[data-testid=empty]")
        .unwrap()
        .is_none());
    assert_eq!(attr(&root, "[data-testid=awards]", "data-value"), "3");
}

#[wasm_bindgen_test]
async fn hostile_names_in_the_data_render_as_text_and_run_nothing() {
    let mut files: std::collections::HashMap<String, String> = embedded::FILES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let providers = files["providers.csv"].replace(
        "advance,Advance,voluntary,",
        "advance,\"=HYPERLINK(\"\"http://evil\"\",\"\"<img src=x onerror=window.__pwned=1>\"\")\",voluntary,Advance",
    );
    files.insert("providers.csv".into(), providers);
    let ds: &'static Dataset = Box::leak(Box::new(
        contracts_explorer::data::load(&files).expect("odd names still load"),
    ));
    let (root, _mounted) = mount_explorer(ds, "provider=advance").await;
    assert!(
        root.query_selector("main img").unwrap().is_none(),
        "no element was injected"
    );
    let row = text(&root, "[data-testid=award-row]");
    assert!(
        row.contains("<img src=x onerror="),
        "the name shows as text: {row}"
    );
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    let awards: Vec<usize> = ds
        .award_rows(&ds.select(&Filters::from_query("provider=advance", ds).0))
        .iter()
        .map(|(a, _)| *a)
        .collect();
    let csv = ds.export_csv(&awards, &Filters::default(), "x");
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\","),
        "the formula is neutralised: {csv}"
    );
    assert!(!csv.contains(",\"=HYPERLINK"));
}

/// How many resize observers are connected now. The first call puts a counting
/// `ResizeObserver` in place of the browser's, for the observers made after it.
fn live_observers() -> f64 {
    let count = js_sys::Function::new_no_args(
        "if (!window.__observers) {
           const Native = window.ResizeObserver;
           window.__observers = { live: 0 };
           window.ResizeObserver = class extends Native {
             observe(el) { if (!this.on) { this.on = true; window.__observers.live++; } super.observe(el); }
             disconnect() { if (this.on) { this.on = false; window.__observers.live--; } super.disconnect(); }
           };
         }
         return window.__observers.live;",
    );
    count
        .call0(&wasm_bindgen::JsValue::NULL)
        .ok()
        .and_then(|n| n.as_f64())
        .unwrap_or(f64::NAN)
}

#[wasm_bindgen_test]
async fn charts_that_go_stop_watching_their_size() {
    let before = live_observers();
    // Errors from the page's code (a panic is a RuntimeError), not the browser's notice that
    // a resize observer's loop left notifications undelivered.
    let errors = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let counted = std::rc::Rc::clone(&errors);
    let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
        move |event: wasm_bindgen::JsValue| {
            let message = js_sys::Reflect::get(&event, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            if !message.starts_with("ResizeObserver loop") {
                counted.borrow_mut().push(message);
            }
        },
    );
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .unwrap();
    let ds = dataset();
    let (root, mounted) = mount_explorer(ds, "").await;
    after_frame().await;
    let watching = live_observers() - before;
    assert!(
        watching >= 5.0,
        "each chart and the map watch their width: {watching}"
    );
    // The explorer goes (as a panel that unmounts): its canvases leave the page, which a
    // still-connected observer would report to a chart whose signals are gone.
    drop(mounted);
    root.remove();
    after_frame().await;
    after_frame().await;
    assert_eq!(live_observers(), before, "every observer is disconnected");
    assert_eq!(
        *errors.borrow(),
        Vec::<String>::new(),
        "nothing failed after the charts went"
    );
    window
        .remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .unwrap();
}

/// Resolves a frame and a task from now, once writes queued for after a frame have run.
async fn after_frame() {
    let waited = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            set_timeout(
                move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL)),
                std::time::Duration::ZERO,
            )
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(waited).await;
}
