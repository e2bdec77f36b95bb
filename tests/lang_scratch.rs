mod common;
use common::ds;
use contracts_explorer::data::{Dataset, Date, Month};
use contracts_explorer::embedded;
use contracts_explorer::engine::Filters;
use contracts_explorer::import::import;
use contracts_explorer::lang::{self, Lang};

fn welsh() {
    lang::read_welsh(include_str!("../www/lang/cy.txt")).unwrap();
    assert!(lang::set(Lang::Cy));
}
fn list(csv: &str) -> Dataset {
    let files = [("list.csv".to_string(), csv.as_bytes().to_vec())];
    import(&files, Date { year: 2026, month: 12, day: 6 }).unwrap_or_else(|p| panic!("{p}")).dataset
}
#[test]
fn show() {
    welsh();
    let ds = ds().in_welsh(&lang::not_stated());
    let crcs = embedded::dataset_named("tr-crcs").unwrap().unwrap().in_welsh(&lang::not_stated());
    let l = list("Supplier,Value,Region,Sector\nA Trust,1000,Wales,voluntary\nB Ltd,,Wales,\nC Ltd,3000,Narnia,private\n");
    let say = |ds: &Dataset, q: &str, today: &str| {
        let (f, w) = Filters::from_query(q, ds);
        assert!(w.is_empty(), "{w:?}");
        let s = ds.summarise(ds.select(&f));
        println!("[{q} @ {today}]\n  {}\n  {}\n", ds.describe(&f, &s.summary, Month::parse(today).unwrap()), ds.describe_detail(&s));
    };
    for (q, t) in [("", "2026-12"), ("region=wales", "2026-12"), ("category=womens&region=wales", "2026-12"), ("area=south-yorkshire&category=accommodation", "2026-12"), ("region=greater-manchester", "2026-12"), ("sector=private&category=ete", "2026-12"), ("sector=voluntary&region=wales", "2021-06"), ("region=wales", "2025-01"), ("category=womens&region=wales", "2021-06"), ("area=dyfed-powys,gwent&category=accommodation,ete","2024-01"), ("region=wales", "2026-01")] { say(&ds, q, t); }
    say(&crcs, "", "2026-12");
    say(&crcs, "region=wales", "2026-12");
    say(&l, "", "2026-12");
    say(&l, "sector=not-stated", "2026-12");
    for t in ["2026-12", "2021-06", "2024-01"] { println!("{}", ds.currency_note(Month::parse(t).unwrap())); }
    println!("{}", crcs.currency_note(Month::parse("2026-12").unwrap()));
    println!("{}", l.currency_note(Month::parse("2026-12").unwrap()));
}
