//! Welsh and English: both catalogues complete, the language a visitor gets, and every
//! form the Welsh sentences take, word for word.

mod common;

use std::collections::BTreeSet;

use common::ds;
use contracts_explorer::data::{Dataset, Date, Month};
use contracts_explorer::embedded;
use contracts_explorer::engine::link::{self, View};
use contracts_explorer::engine::Filters;
use contracts_explorer::import::import;
use contracts_explorer::lang::catalogue::{parse, placeholders};
use contracts_explorer::lang::{self, Lang};

const EN: &str = include_str!("../www/lang/en.txt");
const CY: &str = include_str!("../www/lang/cy.txt");

/// Shows this test's thread in Welsh.
fn welsh() {
    lang::read_welsh(CY).expect("cy.txt reads");
    assert!(lang::set(Lang::Cy));
}

#[test]
fn both_catalogues_have_every_message_with_what_it_fills_in() {
    let en = parse(EN).unwrap_or_else(|e| panic!("en.txt:{e}"));
    let cy = parse(CY).unwrap_or_else(|e| panic!("cy.txt:{e}"));
    let en_keys: BTreeSet<&str> = en.iter().map(|e| e.key).collect();
    let cy_keys: BTreeSet<&str> = cy.iter().map(|e| e.key).collect();
    let missing: Vec<_> = en_keys.difference(&cy_keys).collect();
    let extra: Vec<_> = cy_keys.difference(&en_keys).collect();
    assert!(missing.is_empty(), "cy.txt lacks {missing:?}");
    assert!(
        extra.is_empty(),
        "cy.txt has keys en.txt has not: {extra:?}"
    );
    for e in &en {
        let c = cy.iter().find(|c| c.key == e.key).unwrap();
        assert!(
            !e.text.is_empty() && !c.text.is_empty(),
            "{} is empty",
            e.key
        );
        // Welsh may leave out what its grammar does not need ("was"/"were"), never add
        // a name the page does not fill in.
        let given: BTreeSet<_> = placeholders(e.text).into_iter().collect();
        for p in placeholders(c.text) {
            assert!(
                given.contains(p),
                "cy.txt:{}: {{{p}}} is not filled in",
                c.line
            );
        }
    }
    // The two lines the loaders show before the catalogue is read, in both languages.
    let boot = include_str!("../www/boot.js");
    assert!(boot.contains("Wrthi’n llwytho’r archwiliwr contractau…"));
    assert!(boot.contains("Loading the contracts explorer…"));
    let embed = include_str!("../www/embed.js");
    assert!(embed.contains("cy: 'Archwiliwr contractau prawf'"));
}

#[test]
fn a_malformed_catalogue_says_where() {
    assert_eq!(
        parse("a = b\nno equals\n").unwrap_err(),
        "2:1: no `=` between the key and the text"
    );
    assert_eq!(
        parse("a = b\na = c").unwrap_err(),
        "2:1: the key “a” appears twice"
    );
    assert_eq!(
        parse("ok = fine {n\n").unwrap_err(),
        "1:11: a `{` or `}` without its pair"
    );
    assert_eq!(
        parse("Bad Key = x").unwrap_err(),
        "1:1: the key “Bad Key” is not lower-case letters, digits and `_`"
    );
    // A Welsh catalogue that cannot be read leaves the page in English.
    assert!(lang::read_welsh("broken line").is_err());
    assert_eq!(lang::now(), Lang::En);
}

#[test]
fn english_labels_before_and_after_a_switch_are_the_catalogues() {
    let march = Month::parse("2025-03").unwrap();
    assert_eq!(march.label(), "March 2025");
    welsh();
    assert_eq!(march.label(), "Mawrth 2025");
    assert_eq!(
        contracts_explorer::data::Sector::Private.label(),
        "Cwmni preifat"
    );
    assert!(lang::set(Lang::En));
    assert_eq!(march.label(), "March 2025");
    assert_eq!(
        contracts_explorer::data::Sector::Private.label(),
        "Private company"
    );
    // The English catalogue's labels are the data's own, which build.rs and the command
    // line use without a catalogue.
    let data = &contracts_explorer::data::ENGLISH_WORDS;
    for (i, name) in data.months.iter().enumerate() {
        let month = i as u8 + 1;
        assert_eq!(Month { year: 2021, month }.label(), format!("{name} 2021"));
    }
    for (s, name) in contracts_explorer::data::Sector::ALL
        .iter()
        .zip(data.sectors)
    {
        assert_eq!(s.label(), name);
    }
    use contracts_explorer::data::Cohort;
    for (c, name) in [Cohort::YoungAdults, Cohort::Aged26Plus]
        .iter()
        .zip(data.cohorts)
    {
        assert_eq!(c.label(), name);
    }
}

#[test]
fn the_language_is_the_links_else_the_browsers_else_english() {
    assert_eq!(Lang::preferred(["cy-GB", "en-GB"]), Lang::Cy);
    assert_eq!(Lang::preferred(["en-GB", "cy"]), Lang::En);
    assert_eq!(Lang::preferred(["fr-FR", "cy"]), Lang::Cy);
    assert_eq!(Lang::preferred(["fr-FR"]), Lang::En);
    assert_eq!(Lang::preferred([]), Lang::En);
    assert_eq!(link::lang_of("region=wales&lang=cy"), Some(Lang::Cy));
    assert_eq!(link::lang_of("lang=EN"), Some(Lang::En));
    assert_eq!(link::lang_of("lang=fr"), None);
    assert_eq!(link::lang_of("region=wales"), None);
    // Like the map's colouring, a part of the view and not a filter: written last, and
    // only where chosen, so links made before it keep their meaning.
    let ds = ds();
    let (v, w) = View::from_query("lang=cy&category=womens", &ds);
    assert!(w.is_empty());
    assert_eq!(v.filters, Filters::from_query("category=womens", &ds).0);
    assert_eq!(v.to_query(), "category=womens&lang=cy");
    let (_, w) = View::from_query("lang=de", &ds);
    assert_eq!(
        w[0].to_string(),
        "Ignored the language “de”: no such language (use cy for Cymraeg or en for English)."
    );
    welsh();
    assert_eq!(
        w[0].to_string(),
        "Anwybyddwyd yr iaith “de”: nid oes iaith (defnyddiwch cy ar gyfer Cymraeg neu en ar gyfer Saesneg) o’r fath."
    );
}

#[test]
fn the_welsh_names_come_from_the_data_files_and_slugs_stay() {
    let ds = ds();
    let cy = ds.clone().into_welsh(&lang::not_stated());
    let name = |d: &Dataset, slug: &str| {
        d.regions
            .iter()
            .find(|r| r.slug == slug)
            .unwrap()
            .name
            .clone()
    };
    assert_eq!(name(&cy, "wales"), "Cymru");
    assert_eq!(name(&cy, "north-east"), "Gogledd-ddwyrain Lloegr");
    // No Welsh form given: the English name stays.
    assert_eq!(name(&cy, "south-central"), "South Central");
    let area = |slug: &str| {
        cy.areas
            .iter()
            .find(|a| a.slug == slug)
            .unwrap()
            .name
            .clone()
    };
    assert_eq!(
        ["north-wales", "south-wales", "dyfed-powys", "gwent"].map(area),
        ["Gogledd Cymru", "De Cymru", "Dyfed-Powys", "Gwent"]
    );
    assert_eq!(area("derbyshire"), "Derbyshire");
    assert_eq!(cy.place, "Cymru a Lloegr");
    assert_eq!(
        cy.heading,
        "Pwy gafodd eu talu i ddarparu gwasanaethau prawf?"
    );
    // A link means the same in both languages, and search finds either name.
    for q in [
        "region=wales&category=womens",
        "area=north-wales",
        "q=cymru",
        "q=wales",
    ] {
        let (a, _) = Filters::from_query(q, &ds);
        let (b, _) = Filters::from_query(q, &cy);
        assert_eq!(ds.select(&a).awards, cy.select(&b).awards, "{q}");
    }
    let search = |q: &str| ds.select(&Filters::from_query(q, &ds).0).awards;
    assert!(!search("q=cymru").is_empty());
    assert_eq!(search("q=cymru"), search("q=wales"));
    assert_eq!(search("q=gogledd+cymru"), search("q=north+wales"));
    assert_eq!(embedded::CATALOGUE[1].2, "CRCs, 2015 i 2021");
}

fn list(csv: &str) -> Dataset {
    let files = [("list.csv".to_string(), csv.as_bytes().to_vec())];
    let today = Date {
        year: 2026,
        month: 12,
        day: 6,
    };
    import(&files, today)
        .unwrap_or_else(|p| panic!("{p}"))
        .dataset
}

/// The sentence and the detail line for view `query` on `today`.
fn say(ds: &Dataset, query: &str, today: &str) -> (String, String) {
    let (f, w) = Filters::from_query(query, ds);
    assert!(w.is_empty(), "{query}: {w:?}");
    let s = ds.summarise(ds.select(&f));
    (
        ds.describe(&f, &s.summary, Month::parse(today).unwrap()),
        ds.describe_detail(&s),
    )
}

#[test]
fn every_form_of_the_welsh_sentence_reads_right() {
    welsh();
    let ds = ds().into_welsh(&lang::not_stated());
    let said = |q: &str, today: &str| say(&ds, q, today).0;
    // Across the whole dataset; a share; every end passed, over a span of months.
    assert_eq!(
        said("", "2026-12"),
        "Ar draws Cymru a Lloegr, dyfarnwyd contractau gwerth £196.1m ym mis Mai 2021 (contractau: 110; prif ddarparwyr: 26). Aeth 64% o’r gwerth i sefydliadau’r sector gwirfoddol. Roedden nhw i fod i ddod i ben rhwng mis Mehefin 2023 a mis Mawrth 2026; mae’r holl ddyddiadau hynny wedi mynd heibio."
    );
    // A place chosen ("in Wales" without "yng Nghymru": no mutation), a category, one month.
    assert_eq!(
        said("category=womens&region=wales", "2026-12"),
        "Yn yr ardal a ddewiswyd (Cymru), dyfarnwyd contractau ar gyfer gwasanaethau i fenywod gwerth £2.4m ym mis Mai 2021 (contractau: 4; prif ddarparwyr: 2). Aeth 100% o’r gwerth i sefydliadau’r sector gwirfoddol. Roedden nhw i fod i ddod i ben ym mis Mehefin 2023, ac mae’r dyddiad hwnnw wedi mynd heibio."
    );
    // One of each, and awards that also cover other areas; several names in a list.
    assert_eq!(
        said("area=south-yorkshire&category=accommodation", "2026-12"),
        "Yn yr ardal a ddewiswyd (South Yorkshire), dyfarnwyd contractau ar gyfer llety gwerth £4.1m ym mis Mai 2021 (contractau: 1; prif ddarparwyr: 1) (gan gyfrif gwerth llawn dyfarniadau sydd hefyd yn cwmpasu ardaloedd neu ddyddiadau eraill). Aeth 100% o’r gwerth i sefydliadau’r sector gwirfoddol. Roedd i fod i ddod i ben ym mis Mawrth 2025, ac mae’r dyddiad hwnnw wedi mynd heibio."
    );
    assert!(said("area=dyfed-powys,gwent&category=accommodation,ete", "2026-12").starts_with(
        "Yn yr ardal a ddewiswyd (Dyfed-Powys, Gwent), dyfarnwyd contractau ar gyfer llety, addysg, hyfforddiant a chyflogaeth gwerth £4.4m"
    ));
    // Nothing matches.
    assert_eq!(
        said("region=greater-manchester", "2026-12"),
        "Yn yr ardal a ddewiswyd (Manceinion Fwyaf), nid oes dyfarniadau yn cyfateb i’r hidlwyr hyn."
    );
    // One sector: its own count, and no share.
    assert_eq!(
        said("sector=private&category=ete", "2026-12"),
        "Ar draws Cymru a Lloegr, dyfarnwyd contractau ar gyfer addysg, hyfforddiant a chyflogaeth gwerth £29.7m ym mis Mai 2021 (contractau: 10; prif ddarparwyr preifat: 3). Roedden nhw i fod i ddod i ben ym mis Mawrth 2025, ac mae’r dyddiad hwnnw wedi mynd heibio."
    );
    // The tenses: to come (one month, a span), and some passed (one month, a span).
    assert_eq!(
        said("sector=voluntary&region=wales", "2021-06"),
        "Yn yr ardal a ddewiswyd (Cymru), dyfarnwyd contractau gwerth £11.1m ym mis Mai 2021 (contractau: 16; prif ddarparwyr yn y sector gwirfoddol: 5). Maen nhw i fod i ddod i ben rhwng mis Mehefin 2023 a mis Mawrth 2025."
    );
    assert!(said("category=womens&region=wales", "2021-06")
        .ends_with(" Maen nhw i fod i ddod i ben ym mis Mehefin 2023."));
    assert!(said("region=wales", "2025-01").ends_with(
        " Roedd 8 ohonynt i fod i ddod i ben ym mis Mehefin 2023, ac mae’r dyddiad hwnnw wedi mynd heibio; mae’r 9 arall i fod i ddod i ben ym mis Mawrth 2025."
    ));
    assert!(said("", "2026-01").ends_with(
        " Roedd 78 ohonynt i fod i ddod i ben rhwng mis Mehefin 2023 a mis Mawrth 2025, dyddiadau sydd wedi mynd heibio; mae’r 32 arall i fod i ddod i ben ym mis Mawrth 2026."
    ));
    // The detail line, with the three largest.
    assert_eq!(
        say(&ds, "", "2026-12").1,
        "Y sector gwirfoddol – £125.5m (64%) o’r gwerth; contractau: 84 o 110 (76%); prif ddarparwyr: 23 o 26 (88%). Dyfarnwyd 41% o’r gwerth i’r 3 phrif ddarparwr mwyaf."
    );
    // What the figures are, in each tense.
    let note = |today: &str| ds.currency_note(Month::parse(today).unwrap());
    assert_eq!(
        note("2021-06"),
        "Dyma’r dyfarniadau a gyhoeddwyd ym mis Mai 2021 (dyfarniadau: 66)."
    );
    assert_eq!(note("2024-01"), "Dyma’r dyfarniadau a gyhoeddwyd ym mis Mai 2021 (dyfarniadau: 66); mae rhai o’u contractau wedi mynd heibio i’w dyddiad gorffen arfaethedig.");
    assert_eq!(note("2026-12"), "Dyma’r dyfarniadau a gyhoeddwyd ym mis Mai 2021 (dyfarniadau: 66), nid darparwyr heddiw: mae pob dyddiad gorffen arfaethedig wedi mynd heibio, a’r olaf ym mis Mawrth 2026.");
}

#[test]
fn the_welsh_sentence_for_held_contracts_and_lists_without_values_or_places() {
    welsh();
    let crcs = embedded::dataset_named("tr-crcs")
        .unwrap()
        .unwrap()
        .into_welsh(&lang::not_stated());
    let (s, d) = say(&crcs, "", "2026-12");
    assert_eq!(s, "Ar draws Cymru a Lloegr, daliwyd contractau (contractau: 21; prif ddarparwyr: 8). Roedden nhw i fod i ddod i ben rhwng mis Chwefror 2019 a mis Mehefin 2021; mae’r holl ddyddiadau hynny wedi mynd heibio.");
    assert_eq!(
        d,
        "Y sector gwirfoddol – contractau: 1 o 21 (5%); prif ddarparwyr: 1 o 8 (13%)."
    );
    assert!(crcs
        .currency_note(Month::parse("2026-12").unwrap())
        .starts_with("Dyma’r dyfarniadau a ddaliwyd o fis Chwefror 2015 (dyfarniadau: 24)"));
    // A list: one award without a value, one in no place the explorer knows, one whose
    // sector is not stated.
    let l = list("Supplier,Value,Region,Sector\nA Trust,1000,Wales,voluntary\nB Ltd,,Wales,\nC Ltd,3000,Narnia,private\n")
        .into_welsh(&lang::not_stated());
    let (s, d) = say(&l, "", "2026-12");
    assert_eq!(s, "Ar draws y rhestr hon, dyfarnwyd contractau gwerth £4k (dyfarniadau â gwerth cyhoeddedig: 2 o 3) ym mis Rhagfyr 2026 (contractau: 3; prif ddarparwyr: 3). Aeth 25% o’r gwerth i sefydliadau’r sector gwirfoddol. Maen nhw i fod i ddod i ben ym mis Rhagfyr 2026.");
    assert_eq!(d, "Y sector gwirfoddol – £1k (25%) o’r gwerth; contractau: 1 o 3 (33%); prif ddarparwyr: 1 o 3 (33%). Dyfarniadau ar y map: 2 o 3; nid yw’r lleill yn enwi rhanbarth nac ardal CHTh y mae’r archwiliwr yn ei hadnabod.");
    assert_eq!(
        say(&l, "sector=not-stated", "2026-12").0,
        "Ar draws y rhestr hon, dyfarnwyd contractau ym mis Rhagfyr 2026 (contractau: 1; prif ddarparwyr heb nodi eu sector: 1). Mae i fod i ddod i ben ym mis Rhagfyr 2026."
    );
    assert_eq!(l.heading, "Pwy gafodd y contractau hyn?");
    let only_unplaced =
        list("Supplier,Value,Region\nC Ltd,3000,Narnia\n").into_welsh(&lang::not_stated());
    assert!(say(&only_unplaced, "", "2026-12").1.ends_with(" Nid yw’r dyfarniad hwn yn enwi unrhyw ranbarth nac ardal CHTh y mae’r archwiliwr yn ei hadnabod, felly nid yw’r map yn dangos dim ar ei gyfer."));
}

/// English words of the catalogue's sentences that are never Welsh (names aside).
const ENGLISH: [&str; 12] = [
    " the ",
    " and ",
    " of ",
    "awarded",
    "contracts",
    "scheduled",
    "value",
    " were ",
    " was ",
    "provider",
    "voluntary-sector",
    "which",
];

/// Every name a dataset holds, lower-cased, longest first.
fn names(ds: &Dataset) -> Vec<String> {
    let mut n: Vec<String> = ds
        .regions
        .iter()
        .map(|r| r.name.clone())
        .chain(ds.areas.iter().map(|a| a.name.clone()))
        .chain(ds.providers.iter().map(|p| p.name.clone()))
        .map(|n| n.to_lowercase())
        .collect();
    n.sort_by_key(|n| std::cmp::Reverse(n.len()));
    n
}

#[test]
fn no_view_of_any_dataset_in_welsh_says_an_english_word() {
    welsh();
    let datasets = [ds(), embedded::dataset_named("tr-crcs").unwrap().unwrap()]
        .map(|d| d.into_welsh(&lang::not_stated()));
    for ds in &datasets {
        let mut queries = vec![
            String::new(),
            "sector=voluntary".into(),
            "sector=private".into(),
        ];
        queries.extend(ds.regions.iter().map(|r| format!("region={}", r.slug)));
        queries.extend(ds.areas.iter().map(|a| format!("area={}", a.slug)));
        queries.extend(ds.categories.iter().map(|c| format!("category={}", c.slug)));
        for q in &queries {
            for today in ["2015-01", "2021-06", "2024-01", "2026-12"] {
                let (s, d) = say(ds, q, today);
                let chips = ds.chips(&Filters::from_query(q, ds).0);
                let words = [s, d, ds.currency_note(Month::parse(today).unwrap())]
                    .into_iter()
                    .chain(chips.into_iter().map(|c| c.label))
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                for w in ENGLISH {
                    // Names in English ("South Central", "Kent, Surrey and Sussex") are names.
                    let without_names = names(ds)
                        .iter()
                        .fold(words.clone(), |t, n| t.replace(n.as_str(), ""));
                    assert!(
                        !without_names.contains(w),
                        "{q} @ {today}: {w:?} in {words}"
                    );
                }
                assert!(!words.contains('{'), "{q}: {words}");
            }
        }
    }
}

#[test]
fn a_list_read_on_the_welsh_page_is_reported_in_welsh() {
    welsh();
    // As the import worker does on a Welsh page: the reader's messages in Welsh too.
    lang::read_welsh_reader(CY).expect("cy.txt reads");
    let files = [(
        "list.csv".to_string(),
        include_bytes!("fixtures/import/spreadsheet.csv").to_vec(),
    )];
    let today = Date {
        year: 2026,
        month: 12,
        day: 6,
    };
    let imported = import(&files, today).unwrap_or_else(|p| panic!("{p}"));
    let report = &imported.reports[0];
    assert_eq!(
        report.sentence(),
        "Darllenwyd dyfarniadau o resi (dyfarniadau: 4; rhesi: 6); gwerthoedd a dalgrynnwyd i bunnoedd cyfan: 1; cyflenwyr heb nodi eu sector: 1; dyfarniadau heb ranbarth nac ardal y mae’r archwiliwr yn eu hadnabod: 2; problemau, wedi’u rhestru isod: 5."
    );
    let problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        problems.contains(&"list.csv, llinell 6, colofn 2: nid yw \"lots\" yn swm o arian (fel £1,240,656 neu 1240656.50): hepgorwyd y rhes".to_string()),
        "{problems:#?}"
    );
    // A brace written `}}` in the catalogue is a brace in the message.
    let bad = [("bad.json".to_string(), b"{\"a\": 1 \"b\"}".to_vec())];
    let e = match import(&bad, today) {
        Ok(_) => panic!("broken JSON was read"),
        Err(e) => e.to_string(),
    };
    assert_eq!(
        e,
        "bad.json, llinell 1, colofn 9: disgwyliwyd , neu } ar ôl aelod gwrthrych"
    );
}
