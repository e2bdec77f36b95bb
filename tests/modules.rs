//! The crate's modules depend on each other one way only: no import cycles.
//!
//! Each `.rs` file under `src/` is a module. A module depends on another when its code names
//! it by a `crate::` or `super::` path (in a `use` or inline), or when a `mod.rs` re-exports
//! from it (`pub use child::…`). The paths are read from the source text, so this holds for
//! every build, with or without the `ui` feature.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Every module of the crate as its path (`engine::filters`; the crate root is ``), with the
/// code of its file, test modules left out.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                if stem != "bin" {
                    let mut p = prefix.to_vec();
                    p.push(stem);
                    walk(&path, &p, out);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let mut p = prefix.to_vec();
            if !matches!(stem.as_str(), "mod" | "lib" | "main") {
                p.push(stem);
            }
            let text = fs::read_to_string(&path).unwrap();
            // Test modules may name their parent (`use super::*`); they are not the module.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let code: Vec<&str> = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            out.insert(p.join("::"), code.join("\n"));
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut out,
    );
    out
}

/// The longest module path that `segments` starts with.
fn resolve(segments: &[String], known: &BTreeMap<String, String>) -> Option<String> {
    (0..=segments.len())
        .rev()
        .map(|n| segments[..n].join("::"))
        .find(|m| known.contains_key(m))
}

/// The modules each module depends on.
fn dependencies(known: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut deps = BTreeMap::new();
    for (module, code) in known {
        let here: Vec<String> = module
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let mut out = BTreeSet::new();
        let mut paths: Vec<Vec<String>> = Vec::new();
        for (start, base) in [
            ("crate::", Vec::new()),
            ("super::", {
                let mut b = here.clone();
                b.pop();
                b
            }),
        ] {
            for (i, _) in code.match_indices(start) {
                if code[..i].ends_with(ident) {
                    continue;
                }
                let rest = &code[i + start.len()..];
                let mut segments = base.clone();
                let mut tail = rest;
                loop {
                    let name: String = tail.chars().take_while(|&c| ident(c)).collect();
                    if name.is_empty() {
                        // `crate::{a, b::c}`: each name in the braces.
                        if let Some(group) = tail.strip_prefix('{') {
                            let inner = group.split('}').next().unwrap_or_default();
                            for item in inner.split(',') {
                                let mut s = segments.clone();
                                s.extend(item.trim().split("::").map(String::from));
                                paths.push(s);
                            }
                        }
                        break;
                    }
                    tail = &tail[name.len()..];
                    segments.push(name);
                    match tail.strip_prefix("::") {
                        Some(t) => tail = t,
                        None => break,
                    }
                }
                paths.push(segments);
            }
        }
        // A mod.rs re-exporting its child's items depends on that child.
        for line in code.lines() {
            if let Some(rest) = line.trim().strip_prefix("pub use ") {
                let child: String = rest.chars().take_while(|&c| ident(c)).collect();
                let mut s = here.clone();
                s.push(child);
                paths.push(s);
            }
        }
        for p in paths {
            if let Some(m) = resolve(&p, known) {
                if m != *module && !m.is_empty() {
                    out.insert(m);
                }
            }
        }
        deps.insert(module.clone(), out);
    }
    deps
}

/// A cycle through `from`, as the modules in order, if there is one.
fn cycle_from(from: &str, deps: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut stack = vec![(from.to_string(), vec![from.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((m, path)) = stack.pop() {
        for next in deps.get(&m).into_iter().flatten() {
            if next == from {
                let mut cycle = path.clone();
                cycle.push(from.to_string());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}

#[test]
fn no_module_imports_another_that_imports_it_back() {
    let known = modules();
    let deps = dependencies(&known);
    let cycles: Vec<String> = known
        .keys()
        .filter_map(|m| cycle_from(m, &deps))
        .map(|c| c.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_reader_finds_the_dependencies_it_must() {
    // The test above is only as good as this reading of the source.
    let known = modules();
    assert!(known.contains_key("engine::filters") && known.contains_key("ui::map"));
    let deps = dependencies(&known);
    let of = |m: &str| deps[m].clone();
    assert!(of("engine::aggregate").contains("engine::filters"));
    assert!(
        of("ui::table").contains("ui"),
        "ui::table uses crate::ui::State"
    );
    assert!(
        of("engine").contains("engine::link"),
        "engine re-exports link's types"
    );
    assert!(
        of("data::load").contains("data::types"),
        "super:: paths count"
    );
    let made_up: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(x, y)| (x.to_string(), BTreeSet::from([y.to_string()])))
        .collect();
    assert_eq!(
        cycle_from("a", &made_up).map(|c| c.join(" → ")),
        Some("a → b → c → a".to_string())
    );
}

#[test]
fn a_dataset_is_assembled_in_one_place() {
    // Loading the CSV files and unpacking the built-in data make the same tables; only
    // `data::assemble` derives the contracts and index from them.
    let literal = |code: &str| {
        code.match_indices("Dataset {")
            .filter(|(i, _)| {
                let before = code[..*i].trim_end();
                !["struct", "impl", "for", "->", "'static"]
                    .iter()
                    .any(|w| before.ends_with(w))
            })
            .count()
    };
    let places: Vec<(String, usize)> = modules()
        .into_iter()
        .map(|(m, code)| (m, literal(&code)))
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(places, vec![("data::assemble".to_string(), 1)]);
}

#[test]
fn the_views_build_the_filter_chips_once_per_change() {
    // The filter panel's count and the chips row share one memo (`ui::State::chips`).
    let calls: Vec<String> = modules()
        .into_iter()
        .filter(|(m, _)| m.starts_with("ui"))
        .flat_map(|(m, code)| {
            code.matches(".chips(")
                .map(move |_| m.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(calls, vec!["ui".to_string()]);
}
