//! Validates the data files and embeds them, as text and packed: a malformed file fails the build with file, line and column.
//!
//! The files come from `www/data/`, or from the folder named by `CONTRACTS_DATA_DIR`.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

#[allow(dead_code, unused_imports)]
#[path = "src/data/mod.rs"]
mod data;

fn main() {
    println!("cargo:rerun-if-env-changed=CONTRACTS_DATA_DIR");
    let dir = env::var("CONTRACTS_DATA_DIR").unwrap_or_else(|_| "www/data".to_string());
    let dir = PathBuf::from(dir);
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    fs::create_dir_all(&out)
        .unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", out.display())));

    // The built-in dataset is the folder's own files; every sub-folder with a `dataset.csv`
    // is another dataset, with its own files but the built-in one's geography (`SHARED`).
    let mut folders = vec![dir.clone()];
    let mut more: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&format!("{}: cannot list the folder: {e}", dir.display())))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.join("dataset.csv").is_file())
        .collect();
    more.sort();
    folders.extend(more);

    let mut code = String::new();
    let mut catalogue = String::new();
    let mut extra_files = String::new();
    let mut extra_packed = String::new();
    for (n, folder) in folders.iter().enumerate() {
        let mut files = std::collections::HashMap::new();
        for name in data::FILES {
            let from = if n > 0 && data::load::SHARED.contains(&name) {
                &dir
            } else {
                folder
            };
            let path = from.join(name);
            println!("cargo:rerun-if-changed={}", path.display());
            let bytes = fs::read(&path).unwrap_or_else(|e| {
                fail(&format!("{}: cannot read the file: {e}", path.display()))
            });
            match data::load::decode(name, bytes) {
                Ok(text) => {
                    files.insert(name.to_string(), text);
                }
                Err(e) => fail(&in_dir(from, &e)),
            }
        }
        let dataset = data::load(&files).unwrap_or_else(|e| {
            let from = if n > 0 && data::load::SHARED.contains(&e.file.as_str()) {
                &dir
            } else {
                folder
            };
            fail(&in_dir(from, &e))
        });
        let name = folder.file_name().and_then(|f| f.to_str()).unwrap_or("");
        if n > 0 && dataset.slug != name {
            fail(&format!(
                "{}/dataset.csv: the slug {:?} is not the folder's name {name:?}",
                folder.display(),
                dataset.slug
            ));
        }
        // What the app unpacks: the validated tables in binary, so the browser parses no CSV.
        let here = out.join(&dataset.slug);
        fs::create_dir_all(&here)
            .unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", here.display())));
        let packed = here.join("dataset.bin");
        fs::write(&packed, data::packed::pack(&dataset))
            .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", packed.display())));
        let mut list = String::from("&[\n");
        for name in data::FILES {
            let path = here.join(name);
            fs::write(&path, &files[name])
                .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
            list.push_str(&format!(
                "    ({name:?}, include_str!({:?})),\n",
                path.display().to_string()
            ));
        }
        list.push(']');
        let bytes = format!("include_bytes!({:?})", packed.display().to_string());
        catalogue.push_str(&format!("    ({:?}, {:?}),\n", dataset.slug, dataset.label));
        if n == 0 {
            code.push_str(&format!(
                "/// Each data file's name and text, as built in.\npub const FILES: &[(&str, &str)] = {list};\n"
            ));
            code.push_str(&format!(
                "/// The dataset packed by `data::packed::pack`.\npub const PACKED: &[u8] = {bytes};\n"
            ));
        } else {
            extra_files.push_str(&format!("{list},\n"));
            extra_packed.push_str(&format!("    {bytes},\n"));
        }
    }
    code.push_str(&format!(
        "/// Every dataset's slug and label, the built-in one first.\npub const CATALOGUE: &[(&str, &str)] = &[\n{catalogue}];\n"
    ));
    code.push_str(&format!(
        "/// The other datasets' files, in `CATALOGUE` order after the first.\npub const MORE_FILES: &[&[(&str, &str)]] = &[\n{extra_files}];\n"
    ));
    code.push_str(&format!(
        "/// The other datasets packed, in the same order.\npub const MORE_PACKED: &[&[u8]] = &[\n{extra_packed}];\n"
    ));
    let generated = out.parent().unwrap_or(&out).join("embedded_files.rs");
    fs::write(&generated, code)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", generated.display())));
}

fn in_dir(dir: &Path, e: &data::DataError) -> String {
    format!("{}/{e}", dir.display())
}

fn fail(message: &str) -> ! {
    eprintln!("error: invalid contract data: {message}");
    println!("cargo:warning=invalid contract data: {message}");
    process::exit(1);
}
