//! The browser entry point: mount the app, nothing else. A panic needs no hook here: the
//! browser build stops at once on one, and www/boot.js then shows the fallback table
//! (`ui::fallback`).

fn main() {
    leptos::mount::mount_to_body(contracts_explorer::App);
}
