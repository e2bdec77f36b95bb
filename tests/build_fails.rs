//! A malformed data file fails the build itself, naming file, line and column.

use std::path::PathBuf;
use std::process::Command;
use std::{env, fs};

#[test]
fn a_malformed_data_file_fails_the_build_with_its_position() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let broken = root.join("target").join("broken-data");
    fs::create_dir_all(&broken).unwrap();
    for entry in fs::read_dir(root.join("www/data")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue; // the other datasets' folders: the built-in one alone is enough here
        }
        fs::copy(&path, broken.join(path.file_name().unwrap())).unwrap();
    }
    let awards = broken.join("awards.csv");
    let text = fs::read_to_string(&awards).unwrap();
    fs::write(&awards, text.replacen(",1240656,", ",1.240.656,", 1)).unwrap();

    let out = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["check", "--lib", "--quiet"])
        .current_dir(&root)
        .env("CONTRACTS_DATA_DIR", &broken)
        // A target folder of its own, so this build leaves the real one untouched.
        .env(
            "CARGO_TARGET_DIR",
            root.join("target").join("broken-data-build"),
        )
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the build must fail");
    let expected = format!(
        "error: invalid contract data: {}/awards.csv:3:5: column `value`: \"1.240.656\" is not whole pounds",
        broken.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
}
