//! The browser entry point: start the app in its language, nothing else. A panic needs no hook here: the
//! browser build stops at once on one, and www/boot.js then shows the fallback table
//! (`ui::fallback`).

fn main() {
    contracts_explorer::ui::start();
}
