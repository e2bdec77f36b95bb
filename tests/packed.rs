//! The packed dataset the app reads: it unpacks to exactly what loading the CSV files
//! gives, and damaged bytes are refused without panicking.

use contracts_explorer::data::packed::{pack, unpack};
use contracts_explorer::data::{load, Dataset};
use contracts_explorer::{embedded, synth};
use proptest::prelude::*;

fn from_csv() -> Dataset {
    load(embedded::FILES).expect("the built-in files load")
}

#[test]
fn the_built_in_dataset_is_what_the_csv_files_say() {
    let unpacked = embedded::dataset().expect("the built-in dataset unpacks");
    assert_eq!(unpacked, from_csv());
    assert_eq!(unpacked.awards.len(), 66);
    assert_eq!(unpacked.contracts.len(), 110);
}

#[test]
fn synthetic_data_survives_packing() {
    let ds = synth::dataset(3_000, 7).expect("synthetic data loads");
    assert_eq!(unpack(&pack(&ds)), Ok(ds));
}

#[test]
fn a_truncated_or_extended_buffer_is_refused_with_where() {
    let bytes = pack(&from_csv());
    for cut in [0, 3, 4, 5, bytes.len() / 2, bytes.len() - 1] {
        let e = unpack(&bytes[..cut]).expect_err("a cut buffer must be refused");
        assert!(e.to_string().starts_with("built-in dataset"), "{e}");
        // Past the magic number, the first thing wrong is the end of the bytes, and that
        // is what is reported (not whatever the reads after it would have said).
        if cut >= 4 {
            assert!(e.to_string().contains("ends early"), "{e}");
        }
    }
    // Two things wrong: the first one is reported, with where it is.
    let mut twice = bytes[..bytes.len() / 2].to_vec();
    twice[5] = 0xff; // the first byte of the title, after the magic number and its length
    let e = unpack(&twice).expect_err("bad text must be refused");
    assert!(e.to_string().contains("byte 5: text is not UTF-8"), "{e}");
    let mut longer = bytes.clone();
    longer.push(0);
    let e = unpack(&longer).expect_err("trailing bytes must be refused");
    assert!(e.to_string().contains("left over"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn damaged_bytes_never_panic(at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<prop::sample::Index>()) {
        let mut bytes = pack(&from_csv());
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let keep = cut.index(bytes.len() + 1);
        // Either refused, or a dataset every index of which is in range.
        if let Ok(ds) = unpack(&bytes[..keep]) {
            for a in &ds.awards {
                prop_assert!(a.region < ds.regions.len() && a.provider < ds.providers.len());
            }
        }
    }
}
