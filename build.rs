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

    let mut files = std::collections::HashMap::new();
    for name in data::FILES {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = fs::read(&path)
            .unwrap_or_else(|e| fail(&format!("{}: cannot read the file: {e}", path.display())));
        match data::load::decode(name, bytes) {
            Ok(text) => {
                files.insert(name.to_string(), text);
            }
            Err(e) => fail(&in_dir(&dir, &e)),
        }
    }
    let dataset = data::load(&files).unwrap_or_else(|e| fail(&in_dir(&dir, &e)));
    // What the app unpacks: the validated tables in binary, so the browser parses no CSV.
    let packed = out.join("dataset.bin");
    fs::write(&packed, data::packed::pack(&dataset))
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", packed.display())));

    let mut code = String::from(
        "/// Each data file's name and text, as built in.\npub const FILES: &[(&str, &str)] = &[\n",
    );
    for name in data::FILES {
        let path = out.join(name);
        fs::write(&path, &files[name])
            .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    code.push_str(&format!(
        "/// The dataset packed by `data::packed::pack`.\npub const PACKED: &[u8] = include_bytes!({:?});\n",
        packed.display().to_string()
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
