//! The dataset's types: geography, categories, providers, awards and the contracts derived from them.

use std::fmt;

use super::fold::{fold, slugify};

/// A calendar month, the precision at which the sources give contract ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
}

/// English's month names.
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The words the data's own labels use (months, sectors, cohorts), in one language.
#[derive(Debug)]
pub struct Words {
    pub months: [&'static str; 12],
    /// In `Sector::ALL` order.
    pub sectors: [&'static str; 3],
    /// Young adults, aged 26 and over.
    pub cohorts: [&'static str; 2],
}

/// English's words: what labels use where no catalogue has been chosen (`build.rs`, the
/// command line). The English catalogue gives the same (tests/lang.rs).
pub const ENGLISH_WORDS: Words = Words {
    months: MONTH_NAMES,
    sectors: ["Voluntary sector", "Private company", "Sector not stated"],
    cohorts: ["young adults", "aged 26+"],
};

thread_local! {
    /// The words labels use: the language shown's (`lang::set`).
    static WORDS: std::cell::Cell<&'static Words> = const { std::cell::Cell::new(&ENGLISH_WORDS) };
}

/// Labels months, sectors and cohorts with `words` from now on (on this thread): the
/// language shown's.
pub fn use_words(words: &'static Words) {
    WORDS.with(|w| w.set(words));
}

impl Month {
    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let year = parse_digits(y)? as u16;
        let month = parse_digits(m)? as u8;
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// This month plus `n` months.
    pub fn plus(self, n: u32) -> Month {
        let index = u32::from(self.year) * 12 + u32::from(self.month) - 1 + n;
        Month {
            year: (index / 12).min(u32::from(u16::MAX)) as u16,
            month: (index % 12) as u8 + 1,
        }
    }

    /// "March 2025" (in the language shown: "Mawrth 2025").
    pub fn label(self) -> String {
        let name = WORDS.with(|w| w.get().months[usize::from(self.month.clamp(1, 12)) - 1]);
        format!("{name} {}", self.year)
    }
}

impl fmt::Display for Month {
    /// `YYYY-MM`, the form used in files and links.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A calendar day, for dates the sources give to the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists in that month.
    pub fn parse(s: &str) -> Option<Date> {
        let (ym, d) = s.rsplit_once('-')?;
        let month = Month::parse(ym)?;
        if d.len() != 2 {
            return None;
        }
        let day = parse_digits(d)? as u8;
        let leap = month.year % 4 == 0 && (month.year % 100 != 0 || month.year % 400 == 0);
        let days = match month.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (1..=days).contains(&day).then_some(Date {
            year: month.year,
            month: month.month,
            day,
        })
    }

    pub fn month(self) -> Month {
        Month {
            year: self.year,
            month: self.month,
        }
    }

    /// "31 March 2025".
    pub fn label(self) -> String {
        format!("{} {}", self.day, self.month().label())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// ASCII digits only (no sign, no spaces), at most 9 of them.
fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Who a lead provider is, as Clinks counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sector {
    /// Charities, housing associations and social enterprises.
    Voluntary,
    /// Private companies.
    Private,
    /// No source says which (an imported list whose supplier is not marked either way).
    NotStated,
}

impl Sector {
    pub const ALL: [Sector; 3] = [Sector::Voluntary, Sector::Private, Sector::NotStated];

    pub fn slug(self) -> &'static str {
        match self {
            Sector::Voluntary => "voluntary",
            Sector::Private => "private",
            Sector::NotStated => "not-stated",
        }
    }

    /// Its position in `Sector::ALL`.
    pub(crate) fn position(self) -> u8 {
        self as u8
    }

    pub(crate) fn from_slug(s: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|x| x.slug() == s)
    }

    /// "Voluntary sector", in the language shown.
    pub fn label(self) -> &'static str {
        WORDS.with(|w| w.get().sectors[usize::from(self.position())])
    }
}

/// What an award's published value stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueBasis {
    /// The value for the standard term.
    StandardTerm,
    /// A predicted value (Accommodation and ETE).
    Predicted,
}

impl ValueBasis {
    pub(crate) fn from_slug(s: &str) -> Option<ValueBasis> {
        match s {
            "standard-term" => Some(ValueBasis::StandardTerm),
            "predicted" => Some(ValueBasis::Predicted),
            _ => None,
        }
    }
}

/// An age group for which a service was let as a separate contract (Wales personal wellbeing).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cohort {
    YoungAdults,
    Aged26Plus,
}

impl Cohort {
    pub(crate) fn from_slug(s: &str) -> Option<Cohort> {
        match s {
            "young-adults" => Some(Cohort::YoungAdults),
            "26-plus" => Some(Cohort::Aged26Plus),
            _ => None,
        }
    }

    /// "young adults", in the language shown.
    pub fn label(self) -> &'static str {
        WORDS.with(|w| w.get().cohorts[self as usize])
    }
}

/// A probation region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub slug: String,
    pub name: String,
    /// Its name in Welsh, where it has one of its own (empty where not).
    pub name_cy: String,
}

/// A Police and Crime Commissioner (police force) area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Area {
    pub slug: String,
    pub name: String,
    /// Its name in Welsh, where it has one of its own (empty where not).
    pub name_cy: String,
    /// Index into `Dataset::regions`.
    pub region: usize,
    /// A short code (at most four characters) drawn on the area's map tile.
    pub code: String,
    /// The area's tile on the tile-grid map: column and row from the top left.
    pub tile: (u8, u8),
    /// Councils and places that make up the area (`places.csv`), which search finds it by.
    pub places: Vec<String>,
}

/// A service category, with the terms the sources give for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub slug: String,
    pub name: String,
    /// Its name in Welsh (empty where none is given).
    pub name_cy: String,
    /// Length of the standard term the published value covers.
    pub term_months: u32,
    pub value_basis: ValueBasis,
    /// When the contracts are scheduled to end (Clinks).
    pub scheduled_end: Date,
    /// Index into `Dataset::sources`, for `scheduled_end`.
    pub source: usize,
    /// The scheduled end is put together from stated facts, not stated itself.
    pub end_inferred: bool,
    /// Everyday words search finds the category by ("housing"): the explorer's own.
    pub search_words: Vec<String>,
}

/// A lead provider: one organisation however the sources spell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provider {
    pub slug: String,
    pub name: String,
    pub sector: Sector,
    /// Other spellings found in the sources.
    pub other_spellings: Vec<String>,
    /// What the sources say of it beyond its name (its partners, a later name); may be empty.
    pub note: String,
}

/// A published source document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    /// `None` where the source gives no date.
    pub date: Option<Date>,
}

impl Source {
    /// "Publisher, “title” (date)", the date left out where the source gives none.
    pub fn cite(&self) -> String {
        match self.date {
            Some(date) => format!("{}, “{}” ({})", self.publisher, self.title, date.label()),
            None => format!("{}, “{}”", self.publisher, self.title),
        }
    }
}

/// One PCC area an award covers, with its note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardArea {
    /// Index into `Dataset::areas`.
    pub area: usize,
    /// Set when the area is covered only until this month ("until June 2023").
    pub until: Option<Month>,
}

/// One line of the announcement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Award {
    pub id: u32,
    pub region: usize,
    pub category: usize,
    pub provider: usize,
    /// The provider's name as this line of the source spells it.
    pub published_provider: String,
    /// Whole pounds; `None` where no source gives a value.
    pub value: Option<u64>,
    pub subject_to_contract: bool,
    /// Age groups let as separate contracts; empty when the service is for everyone.
    pub cohorts: Vec<Cohort>,
    pub source: usize,
    pub note: String,
    /// The areas the source lists; empty for a regional lot (the whole region).
    pub areas: Vec<AwardArea>,
    /// When this award's period starts, where it is later than the dataset's start.
    pub start: Option<Date>,
    /// The award (index into `Dataset::awards`) whose contract this one took over.
    pub continues: Option<usize>,
    /// When this award's contract is scheduled to end, where its own source gives a date
    /// (an imported list); otherwise its category's scheduled end applies.
    pub end: Option<Date>,
    /// Who let the contract (an imported list's buyer); empty where the list does not say.
    pub buyer: String,
}

/// How a dataset counts its contracts (`data::contracts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContractRule {
    /// One contract per listed area, or one for a regional lot (the 2021 awards).
    PerArea,
    /// One contract per award, whatever it covers (a CRC).
    PerAward,
}

/// What a dated note is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// Something that happened to the awards or their holders.
    Event,
    /// A value the sources give for more than one award, never split between them.
    Value,
    /// What is announced to come next.
    Next,
}

impl NoteKind {
    pub(crate) const ALL: [NoteKind; 3] = [NoteKind::Event, NoteKind::Value, NoteKind::Next];

    pub fn slug(self) -> &'static str {
        match self {
            NoteKind::Event => "event",
            NoteKind::Value => "value",
            NoteKind::Next => "next",
        }
    }
}

/// A dated fact about the dataset that is not an award, with its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub date: Month,
    pub kind: NoteKind,
    pub text: String,
    /// The text in Welsh, where the file gives it (empty where not).
    pub text_cy: String,
    pub source: usize,
    /// Put together from stated facts, not stated itself.
    pub inferred: bool,
}

/// One contract (lot) as Clinks counts them; see `data::contracts`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contract {
    /// Index into `Dataset::awards`.
    pub award: usize,
    /// The PCC area of an area lot; `None` for a regional lot, which covers every area of its region.
    pub area: Option<usize>,
    pub cohort: Option<Cohort>,
    /// The scheduled end: the area's "until" month, or the category's scheduled end.
    pub end: Month,
}

/// A service the announcement says is commissioned separately, with no value given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Separate {
    pub region: usize,
    /// `None` when every category is commissioned separately.
    pub category: Option<usize>,
    pub commissioner: String,
    pub note: String,
    /// The note in Welsh, where the file gives it (empty where not).
    pub note_cy: String,
    pub source: usize,
}

/// The whole dataset, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// What a share link calls it (`data=tr-crcs`).
    pub slug: String,
    /// Its name on the control that switches datasets.
    pub label: String,
    pub title: String,
    /// The question the page's heading asks of this dataset.
    pub heading: String,
    /// Where the awards are, as the page's sentences name it ("England and Wales").
    pub place: String,
    /// The downloads' file name without extension (`probation-contracts-2021`).
    pub file_name: String,
    /// What an award and a contract are in this dataset, in one or two sentences.
    pub counting: String,
    /// When the awards were announced.
    pub awarded: Date,
    pub data_as_at: Date,
    /// When the contracts start.
    pub start: Date,
    pub regions: Vec<Region>,
    pub areas: Vec<Area>,
    pub categories: Vec<Category>,
    pub providers: Vec<Provider>,
    pub sources: Vec<Source>,
    pub awards: Vec<Award>,
    pub contracts: Vec<Contract>,
    pub separate: Vec<Separate>,
    pub contract_rule: ContractRule,
    pub notes: Vec<Note>,
    /// The dataset's own words in Welsh, where it gives them.
    pub welsh: Welsh,
    /// Derived indexes the engine scans instead of re-deriving per query.
    pub index: Index,
}

/// The names, in one language, of a list's buyer, region and category where it gives none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NotStated {
    pub buyer: String,
    pub region: String,
    pub category: String,
}

/// A dataset's own words in Welsh (`dataset.csv`'s keys ending `_cy`): each empty where
/// it gives none, and the English shown instead.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Welsh {
    pub label: String,
    pub title: String,
    pub heading: String,
    pub place: String,
    pub counting: String,
}

/// Compact columns derived once from the awards and contracts, so that selecting and
/// aggregating are linear passes over small arrays, with no maps, sorting or pointer chasing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    /// Per award: its contracts, a range of `Dataset::contracts` (contracts are in award order).
    pub award_contracts: Vec<std::ops::Range<usize>>,
    /// Per award: value (0 where none is published), whether one is published, lead
    /// provider, its lead provider's sector (a position in `Sector::ALL`), region, category.
    pub value: Vec<u64>,
    pub valued: Vec<bool>,
    pub provider: Vec<u32>,
    pub sector: Vec<u8>,
    pub region: Vec<u16>,
    pub category: Vec<u16>,
    /// Per region and per category, a row of bits with one for each award in it (award `a`
    /// is bit `a % 64` of the row's word `a / 64`): a filter on regions or categories ORs
    /// their rows instead of looking at every award.
    pub region_bits: Vec<u64>,
    pub category_bits: Vec<u64>,
    /// (award, region) for each region an award's listed areas reach beyond its own (a
    /// CRC across two of today's regions), in award order: the award is in that region's
    /// row of `region_bits` too. Empty for most datasets.
    pub spanning: Vec<(u32, u16)>,
    /// How many of an award's contracts count: all of them, or one (`ContractRule`).
    pub contract_cap: u32,
    /// (award, the award whose contract it took over), in award order; empty for most
    /// datasets, so counting a contract once costs nothing there (`engine::succession`).
    pub successions: Vec<(u32, u32)>,
    /// How many awards have a published value: all, some or none decides how the page
    /// measures them, and it is known here rather than found by a pass on each change.
    pub valued_awards: usize,
    /// Whether some award starts later than the dataset (it took over a contract).
    pub later_starts: bool,
    /// How many awards have no place on the map: no area, and a region with none (an
    /// imported list's "Region not stated"). None in a dataset of the explorer's own.
    pub unplaced_awards: usize,
    /// Per contract: its award, its area (`u16::MAX` for a regional lot) and its end month
    /// as an index into `end_months`.
    pub contract_award: Vec<u32>,
    pub contract_area: Vec<u16>,
    pub contract_end: Vec<u32>,
    /// The distinct months contracts end, ascending.
    pub end_months: Vec<Month>,
    /// Per award, the areas its contracts cover (a regional lot: every area of its region)
    /// and the months they end, each with how many of its contracts: what a whole award
    /// adds to the area and end-month group-bys, worked out once.
    pub award_areas: PerAward,
    pub award_ends: PerAward,
    /// What search reads of each provider (its name and other spellings), area (its name
    /// and places) and category (its name and everyday words), folded (`fold`) and joined
    /// by spaces: a search term (no spaces) is in the text exactly when it is in one of
    /// them. Worked out here, once, so no keystroke folds the long list of providers again.
    pub provider_text: Vec<String>,
    pub area_text: Vec<String>,
    pub category_text: Vec<String>,
    /// The buyers the awards name (`buyers`), and each award's, a position in that list.
    pub buyers: Vec<Buyer>,
    pub buyer: Vec<u32>,
}

/// A buyer some award names: who let the contract (an imported list's commissioner).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Buyer {
    pub slug: String,
    pub name: String,
}

/// The slug of the buyer of the awards whose list names none, beside lists that do.
pub const BUYER_NOT_STATED: &str = "not-stated";

/// The buyers `awards` name, in the order first named, and each award's (a position in
/// that list). Names with the same slug are one buyer, under the name first seen
/// ("Ministry of Justice" and "MINISTRY OF JUSTICE"); awards that name none share
/// "Buyer not stated". Each distinct name is slugged once, found again by halving a
/// list kept in name order.
fn buyers(awards: &[Award]) -> (Vec<Buyer>, Vec<u32>) {
    let mut buyers: Vec<Buyer> = Vec::new();
    let mut by_name: Vec<(&str, u32)> = Vec::new();
    let mut by_slug: Vec<(String, u32)> = Vec::new();
    let column = awards
        .iter()
        .map(|a| {
            let name = a.buyer.trim();
            match by_name.binary_search_by(|(n, _)| n.cmp(&name)) {
                Ok(i) => by_name[i].1,
                Err(at) => {
                    let (slug, name) = match slugify(name) {
                        s if s.is_empty() => (BUYER_NOT_STATED.to_string(), "Buyer not stated"),
                        s => (s, name),
                    };
                    let b = match by_slug.binary_search_by(|(s, _)| s.cmp(&slug)) {
                        Ok(j) => by_slug[j].1,
                        Err(j) => {
                            let b = buyers.len() as u32;
                            by_slug.insert(j, (slug.clone(), b));
                            buyers.push(Buyer {
                                slug,
                                name: name.to_string(),
                            });
                            b
                        }
                    };
                    by_name.insert(at, (a.buyer.trim(), b));
                    b
                }
            }
        })
        .collect();
    (buyers, column)
}

/// For each award, a short list of (group, contracts) pairs. Many awards share a list (the
/// same areas, the same end months), so each distinct list, with the award's number of
/// contracts and a key of the award's (its region for the areas, its category for the end
/// months), is stored once as a *pattern*, and an award names its pattern: a group-by can
/// add up the awards of each pattern and spread the sums over its groups (and its key's
/// group) at the end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerAward {
    /// Award `a` has pattern `pattern[a]`.
    pattern: Vec<u32>,
    /// Pattern `q`'s pairs are `pairs[at[q]..at[q + 1]]`, for awards of `contracts[q]`
    /// contracts and key `key[q]`.
    at: Vec<u32>,
    pairs: Vec<(u32, u32)>,
    contracts: Vec<u32>,
    key: Vec<u32>,
}

/// Calls its second argument with each group contract `c` (the first) is in.
type ContractGroups<'f> = dyn Fn(usize, &mut dyn FnMut(u32)) + 'f;

impl PerAward {
    /// Counts, for each award, the groups `of` puts each of its contracts in; `key` gives
    /// an award's key.
    fn new(
        award_contracts: &[std::ops::Range<usize>],
        key: &dyn Fn(usize) -> u32,
        of: &ContractGroups,
    ) -> PerAward {
        let mut lists = PerAward {
            at: vec![0],
            ..PerAward::default()
        };
        // Patterns by hash: chains of pattern numbers (`u32::MAX` ends one), as many
        // chains as awards.
        let chains = award_contracts.len().next_power_of_two();
        let mut head = vec![u32::MAX; chains];
        let mut next: Vec<u32> = Vec::new();
        for (a, range) in award_contracts.iter().enumerate() {
            let first = lists.pairs.len();
            for c in range.clone() {
                let pairs = &mut lists.pairs;
                of(
                    c,
                    &mut |g| match pairs[first..].iter_mut().find(|(x, _)| *x == g) {
                        Some((_, n)) => *n += 1,
                        None => pairs.push((g, 1)),
                    },
                );
            }
            let (award_key, contracts) = (key(a), range.len() as u32);
            let key = (award_key, contracts, &lists.pairs[first..]);
            let hash = key.2.iter().fold(
                u64::from(award_key) << 32 | u64::from(contracts),
                |h, &(g, m)| {
                    (h ^ (u64::from(g) << 32 | u64::from(m))).wrapping_mul(0x100_0000_01b3)
                },
            );
            let chain = (hash ^ hash >> 32) as usize & (chains - 1);
            let mut q = head[chain];
            while q != u32::MAX && lists.pattern(q as usize) != key {
                q = next[q as usize];
            }
            if q == u32::MAX {
                q = lists.contracts.len() as u32;
                lists.contracts.push(contracts);
                lists.key.push(award_key);
                lists.at.push(lists.pairs.len() as u32);
                next.push(head[chain]);
                head[chain] = q;
            } else {
                lists.pairs.truncate(first);
            }
            lists.pattern.push(q);
        }
        lists
    }

    /// Award `a`'s (group, contracts) pairs.
    pub fn of(&self, a: usize) -> &[(u32, u32)] {
        self.pattern(self.pattern[a] as usize).2
    }

    /// Award `a`'s key (the key of its pattern).
    pub(crate) fn key_of(&self, a: usize) -> u32 {
        self.key[self.pattern[a] as usize]
    }

    /// How many distinct patterns there are.
    pub fn patterns(&self) -> usize {
        self.contracts.len()
    }

    /// Award `a`'s pattern, below `patterns()`.
    pub(crate) fn pattern_of(&self, a: usize) -> u32 {
        self.pattern[a]
    }

    /// Pattern `q`'s key, number of contracts and (group, contracts) pairs.
    pub fn pattern(&self, q: usize) -> (u32, u32, &[(u32, u32)]) {
        (
            self.key[q],
            self.contracts[q],
            &self.pairs[self.at[q] as usize..self.at[q + 1] as usize],
        )
    }
}

/// `Index::contract_area` for a regional lot.
pub(crate) const REGIONAL: u16 = u16::MAX;

impl Index {
    pub fn new(
        awards: &[Award],
        contracts: &[Contract],
        providers: &[Provider],
        areas: &[Area],
        categories: &[Category],
        rule: ContractRule,
    ) -> Index {
        let mut award_contracts = vec![0..0; awards.len()];
        let mut start = 0;
        while start < contracts.len() {
            let award = contracts[start].award;
            let mut end = start + 1;
            while end < contracts.len() && contracts[end].award == award {
                end += 1;
            }
            award_contracts[award] = start..end;
            start = end;
        }
        // The few distinct end months among many contracts, kept in order by inserting
        // rather than by sorting every contract's (no sort compiled into the wasm for them).
        let mut end_months: Vec<Month> = Vec::new();
        for c in contracts {
            if let Err(i) = end_months.binary_search(&c.end) {
                end_months.insert(i, c.end);
            }
        }
        let end_of = |c: usize| end_months.binary_search(&contracts[c].end).unwrap_or(0) as u32;
        let region = |a: usize| awards[a].region as u32;
        let award_areas = PerAward::new(
            &award_contracts,
            &region,
            &|c, add| match contracts[c].area {
                Some(area) => add(area as u32),
                None => {
                    let region = awards[contracts[c].award].region;
                    (0..areas.len())
                        .filter(|&a| areas[a].region == region)
                        .for_each(|a| add(a as u32));
                }
            },
        );
        let mut spanning = Vec::new();
        for (i, a) in awards.iter().enumerate() {
            // The few other regions of an award's areas, in order by inserting (no sort
            // compiled into the wasm for them: 2.8 KB).
            let mut others: Vec<u16> = Vec::new();
            for x in &a.areas {
                let r = areas[x.area].region;
                if r != a.region {
                    if let Err(at) = others.binary_search(&(r as u16)) {
                        others.insert(at, r as u16);
                    }
                }
            }
            spanning.extend(others.into_iter().map(|r| (i as u32, r)));
        }
        let category = |a: usize| awards[a].category as u32;
        let award_ends = PerAward::new(&award_contracts, &category, &|c, add| add(end_of(c)));
        let (buyers, buyer) = buyers(awards);
        Index {
            buyers,
            buyer,
            award_contracts,
            value: awards.iter().map(|a| a.value.unwrap_or(0)).collect(),
            valued: awards.iter().map(|a| a.value.is_some()).collect(),
            provider: awards.iter().map(|a| a.provider as u32).collect(),
            sector: awards
                .iter()
                .map(|a| providers[a.provider].sector.position())
                .collect(),
            region: awards.iter().map(|a| a.region as u16).collect(),
            category: awards.iter().map(|a| a.category as u16).collect(),
            region_bits: bit_rows(awards.iter().map(|a| a.region), &spanning),
            category_bits: bit_rows(awards.iter().map(|a| a.category), &[]),
            spanning,
            successions: awards
                .iter()
                .enumerate()
                .filter_map(|(a, x)| Some((a as u32, x.continues? as u32)))
                .collect(),
            valued_awards: awards.iter().filter(|a| a.value.is_some()).count(),
            later_starts: awards.iter().any(|a| a.start.is_some()),
            unplaced_awards: awards
                .iter()
                .filter(|a| a.areas.is_empty() && !areas.iter().any(|x| x.region == a.region))
                .count(),
            contract_cap: match rule {
                ContractRule::PerArea => u32::MAX,
                ContractRule::PerAward => 1,
            },
            contract_award: contracts.iter().map(|c| c.award as u32).collect(),
            contract_area: contracts
                .iter()
                .map(|c| c.area.map_or(REGIONAL, |a| a as u16))
                .collect(),
            contract_end: (0..contracts.len()).map(end_of).collect(),
            award_areas,
            award_ends,
            end_months,
            provider_text: providers
                .iter()
                .map(|p| search_text(&p.name, &p.other_spellings))
                .collect(),
            area_text: areas
                .iter()
                .map(|a| {
                    search_text(
                        &a.name,
                        &[&a.places[..], std::slice::from_ref(&a.name_cy)].concat(),
                    )
                })
                .collect(),
            category_text: categories
                .iter()
                .map(|c| {
                    search_text(
                        &c.name,
                        &[&c.search_words[..], std::slice::from_ref(&c.name_cy)].concat(),
                    )
                })
                .collect(),
        }
    }
}

/// A name and its other names as search reads them: folded and joined by spaces, so a
/// term (no spaces) is in the text exactly when it is in one of them.
fn search_text(name: &str, others: &[String]) -> String {
    let all: Vec<&str> = std::iter::once(name)
        .chain(others.iter().map(String::as_str))
        .collect();
    fold(&all.join(" "))
}

/// Rows of bits, one per key from 0 to the largest in `keys` or `more`, each with a bit per
/// item (`keys`' order), set in the row of the item's key and of each (item, key) in `more`.
fn bit_rows(keys: impl ExactSizeIterator<Item = usize> + Clone, more: &[(u32, u16)]) -> Vec<u64> {
    let words = keys.len().div_ceil(64);
    let rows = keys
        .clone()
        .chain(more.iter().map(|&(_, k)| usize::from(k)))
        .max()
        .map_or(0, |k| k + 1);
    let mut bits = vec![0u64; rows * words];
    let pairs = keys
        .enumerate()
        .chain(more.iter().map(|&(i, k)| (i as usize, usize::from(k))));
    for (i, k) in pairs {
        bits[k * words + i / 64] |= 1 << (i % 64);
    }
    bits
}

impl Dataset {
    /// The dataset as the Welsh page shows it: its names and words in Welsh where it has
    /// them (the English kept where it has none). The English names move to `name_cy`, so
    /// search still finds both; slugs, and so links, are unchanged. `not_stated` names, in
    /// Welsh, what a list leaves unnamed: its buyer, region and category.
    pub fn into_welsh(self, not_stated: &NotStated) -> Dataset {
        fn swap(name: &mut String, other: &mut String) {
            if !other.is_empty() {
                std::mem::swap(name, other);
            }
        }
        let mut ds = self;
        for r in &mut ds.regions {
            swap(&mut r.name, &mut r.name_cy);
        }
        for a in &mut ds.areas {
            swap(&mut a.name, &mut a.name_cy);
        }
        for c in &mut ds.categories {
            swap(&mut c.name, &mut c.name_cy);
        }
        for n in &mut ds.notes {
            swap(&mut n.text, &mut n.text_cy);
        }
        for s in &mut ds.separate {
            swap(&mut s.note, &mut s.note_cy);
        }
        for b in &mut ds.index.buyers {
            if b.slug == BUYER_NOT_STATED {
                b.name = not_stated.buyer.clone();
            }
        }
        // What an imported list leaves unnamed is under this slug (`import::tables`).
        for r in ds.regions.iter_mut().filter(|r| r.slug == BUYER_NOT_STATED) {
            r.name = not_stated.region.clone();
        }
        for c in ds
            .categories
            .iter_mut()
            .filter(|c| c.slug == BUYER_NOT_STATED)
        {
            c.name = not_stated.category.clone();
        }
        let w = &mut ds.welsh;
        for (english, welsh) in [
            (&mut ds.label, &mut w.label),
            (&mut ds.title, &mut w.title),
            (&mut ds.heading, &mut w.heading),
            (&mut ds.place, &mut w.place),
            (&mut ds.counting, &mut w.counting),
        ] {
            swap(english, welsh);
        }
        ds
    }

    /// Every award has a published value.
    pub fn all_valued(&self) -> bool {
        self.index.valued_awards == self.awards.len()
    }

    /// No award has a published value.
    pub fn none_valued(&self) -> bool {
        self.index.valued_awards == 0
    }

    pub fn region_index(&self, slug: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.slug == slug)
    }
    pub fn area_index(&self, slug: &str) -> Option<usize> {
        self.areas.iter().position(|r| r.slug == slug)
    }
    pub fn category_index(&self, slug: &str) -> Option<usize> {
        self.categories.iter().position(|r| r.slug == slug)
    }
    pub fn provider_index(&self, slug: &str) -> Option<usize> {
        self.providers.iter().position(|r| r.slug == slug)
    }
    /// A buyer's position in `Index::buyers`; none where a list has only one, as a
    /// dataset of the explorer's own (whose awards name none) does.
    pub fn buyer_index(&self, slug: &str) -> Option<usize> {
        let buyers = &self.index.buyers;
        buyers
            .iter()
            .position(|b| b.slug == slug)
            .filter(|_| buyers.len() > 1)
    }

    /// Whether the awards have more than one buyer: only then is the buyer a filter, a
    /// chart and a table column.
    pub fn has_buyers(&self) -> bool {
        self.index.buyers.len() > 1
    }

    /// The month the standard term of `category` ends: the start month plus the term.
    pub fn standard_term_end(&self, category: usize) -> Month {
        self.start
            .month()
            .plus(self.categories[category].term_months)
    }

    /// The areas of a region, in file order.
    pub fn areas_of(&self, region: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.areas.len()).filter(move |&a| self.areas[a].region == region)
    }
}
