//! Validates the data files and embeds them, as text and packed: a malformed file fails the build with file, line and column.
//!
//! The files come from `www/data/`, or from the folder named by `CONTRACTS_DATA_DIR`.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

#[allow(dead_code, unused_imports)]
#[path = "src/data/mod.rs"]
mod data;

#[allow(dead_code)]
#[path = "src/lang/catalogue.rs"]
mod catalogue;

fn main() {
    messages();
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
        let label_cy = match dataset.welsh.label.as_str() {
            "" => &dataset.label,
            cy => cy,
        };
        catalogue.push_str(&format!(
            "    ({:?}, {:?}, {:?}),\n",
            dataset.slug, dataset.label, label_cy
        ));
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
        "/// Every dataset's slug and label in English and in Welsh, the built-in one first.\npub const CATALOGUE: &[(&str, &str, &str)] = &[\n{catalogue}];\n"
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

/// The English catalogue as code: a constant for each message, its text and its key's hash.
fn messages() {
    let path = "www/lang/en.txt";
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| fail_lang(&format!("{path}: {e}")));
    let entries = catalogue::parse(&text).unwrap_or_else(|e| fail_lang(&format!("{path}:{e}")));
    // The messages after the line `#: reader` are the import reader's: a table of their own,
    // which only the reader links.
    let reader_from = text
        .lines()
        .position(|l| l.trim() == "#: reader")
        .map_or(usize::MAX, |i| i + 1);
    let page = entries.iter().filter(|e| e.line < reader_from).count();
    if entries[page..].iter().any(|e| e.line < reader_from) {
        fail_lang(&format!(
            "{path}: the reader's messages must all follow `#: reader`"
        ));
    }
    let mut consts = String::new();
    let (mut texts, mut reader_texts) = (String::new(), String::new());
    let (mut hashes, mut reader_hashes) = (String::new(), String::new());
    for (i, e) in entries.iter().enumerate() {
        let h = catalogue::hash(e.key);
        if let Some(other) = entries[..i].iter().find(|o| catalogue::hash(o.key) == h) {
            fail_lang(&format!(
                "{path}:{}:1: the key {:?} has the same hash as {:?}: rename one",
                e.line, e.key, other.key
            ));
        }
        consts.push_str(&format!(
            "    pub const {}: Msg = Msg({i});\n",
            e.key.to_ascii_uppercase()
        ));
        let (texts, hashes) = if i < page {
            (&mut texts, &mut hashes)
        } else {
            (&mut reader_texts, &mut reader_hashes)
        };
        texts.push_str(&format!("    {:?},\n", e.text));
        hashes.push_str(&format!("    {h},\n"));
    }
    let (n, r) = (page, entries.len() - page);
    let code = format!(
        "/// Each message of the catalogue, by its key.\n#[allow(dead_code)]\npub mod m {{\n    use super::Msg;\n{consts}}}\n\
         /// How many of the messages are the page's (the reader's follow them).\npub(crate) const PAGE: usize = {n};\n\
         /// The English catalogue's texts: the page's, and the reader's.\npub(crate) static ENGLISH: [&str; {n}] = [\n{texts}];\n\
         pub(crate) static READER_ENGLISH: [&str; {r}] = [\n{reader_texts}];\n\
         /// Each key's hash, in the same two parts.\npub(crate) static HASHES: [u32; {n}] = [\n{hashes}];\n\
         pub(crate) static READER_HASHES: [u32; {r}] = [\n{reader_hashes}];\n"
    );
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("messages.rs");
    fs::write(&out, code)
        .unwrap_or_else(|e| fail_lang(&format!("cannot write {}: {e}", out.display())));
}

fn fail_lang(message: &str) -> ! {
    eprintln!("error: invalid catalogue: {message}");
    println!("cargo:warning=invalid catalogue: {message}");
    process::exit(1);
}

fn in_dir(dir: &Path, e: &data::DataError) -> String {
    format!("{}/{e}", dir.display())
}

fn fail(message: &str) -> ! {
    eprintln!("error: invalid contract data: {message}");
    println!("cargo:warning=invalid contract data: {message}");
    process::exit(1);
}
