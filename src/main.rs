//! The browser entry point: install the panic hook (console message plus the plain-table
//! fallback) and mount the app, nothing else.

fn main() {
    contracts_explorer::ui::fallback::install();
    leptos::mount::mount_to_body(contracts_explorer::App);
}
