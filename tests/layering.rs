//! Guards the architecture and the published slug rule.

use std::fs;
use std::path::Path;

use contracts_explorer::embedded;
use contracts_explorer::engine::text::slugify;

/// Every `.rs` file under `dir`, recursively.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn data_and_engine_use_neither_leptos_nor_web_sys() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root.join("data"), &mut files);
    sources(&root.join("engine"), &mut files);
    assert!(files.len() >= 6);
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for banned in ["leptos", "web_sys", "wasm_bindgen"] {
            assert!(
                !text.contains(banned),
                "{} mentions {banned}",
                file.display()
            );
        }
        assert!(
            text.starts_with("//!"),
            "{} must open with a //! line",
            file.display()
        );
    }
}

#[test]
fn provider_and_area_slugs_follow_the_published_rule() {
    let ds = embedded::dataset().unwrap();
    for p in &ds.providers {
        assert_eq!(p.slug, slugify(&p.name), "provider {}", p.name);
    }
    for a in &ds.areas {
        assert_eq!(a.slug, slugify(&a.name), "area {}", a.name);
    }
}
