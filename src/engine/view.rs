//! What the explorer's views need beyond totals: option counts, filter chips, the sentence
//! describing a view, table sorting and the CSV export.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::{Arc, OnceLock};

use crate::data::contracts::scheduled_end;
use crate::data::{Dataset, Month, Sector};
use crate::engine::aggregate::{Dim, Key, Totals};
use crate::engine::filters::{Filters, Selection, Unfiltered};
use crate::engine::text::{lower, lower_char, percent, pounds, pounds_short, thousands};

/// A filter dimension a visitor can pick values of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Region,
    Area,
    Category,
    Provider,
    Sector,
}

impl Facet {
    fn dim(self) -> Dim {
        match self {
            Facet::Region => Dim::Region,
            Facet::Area => Dim::Area,
            Facet::Category => Dim::Category,
            Facet::Provider => Dim::Provider,
            Facet::Sector => Dim::Sector,
        }
    }

    /// The filters without this facet's own choice, so its options count what they would give.
    fn without(self, f: &Filters) -> Filters {
        let mut f = f.clone();
        match self {
            Facet::Region => f.regions.clear(),
            Facet::Area => f.areas.clear(),
            Facet::Category => f.categories.clear(),
            Facet::Provider => f.providers.clear(),
            Facet::Sector => f.sectors.clear(),
        }
        f
    }

    /// Whether `slug` is chosen in `f`.
    pub fn is_chosen(self, f: &Filters, slug: &str) -> bool {
        match self {
            Facet::Region => f.regions.contains(slug),
            Facet::Area => f.areas.contains(slug),
            Facet::Category => f.categories.contains(slug),
            Facet::Provider => f.providers.contains(slug),
            Facet::Sector => Sector::from_slug(slug).is_some_and(|s| f.sectors.contains(&s)),
        }
    }

    /// `f` with `slug` chosen or not.
    pub fn toggled(self, f: &Filters, slug: &str, on: bool) -> Filters {
        let mut f = f.clone();
        let set = |s: &mut crate::engine::set::Set<String>| {
            if on {
                s.insert(slug.to_string());
            } else {
                s.remove(slug);
            }
        };
        match self {
            Facet::Region => set(&mut f.regions),
            Facet::Area => set(&mut f.areas),
            Facet::Category => set(&mut f.categories),
            Facet::Provider => set(&mut f.providers),
            Facet::Sector => {
                if let Some(s) = Sector::from_slug(slug) {
                    if on {
                        f.sectors.insert(s);
                    } else {
                        f.sectors.remove(&s);
                    }
                }
            }
        }
        f
    }
}

/// One option of a facet: its slug and its label. Options keep their order and labels
/// whatever is filtered; what changes is how many awards each would give (`facet_counts`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    pub slug: String,
    pub label: String,
}

/// How many options a long filter list (one with a find box) shows besides the chosen ones:
/// a dataset with thousands of lead providers must not put thousands of boxes on the page.
pub const LONG_LIST: usize = 50;

/// The positions of the options whose lowered label contains what was typed (all of them
/// when nothing was typed); `lowered` holds each option's label in lower case.
pub fn matching_options(lowered: &[String], typed: &str) -> Vec<usize> {
    let needle = lower(typed.trim());
    (0..lowered.len())
        .filter(|&i| needle.is_empty() || lowered[i].contains(&needle))
        .collect()
}

/// Which of the `matching` options a long list shows, in order: every chosen one, and the
/// first `LONG_LIST` of the others.
pub fn shown_options(matching: &[usize], chosen: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut others = 0;
    matching
        .iter()
        .copied()
        .filter(|&i| {
            let chosen = chosen(i);
            let keep = chosen || others < LONG_LIST;
            others += usize::from(keep && !chosen);
            keep
        })
        .collect()
}

/// The note under a long list when `matching` options are more than it shows.
pub fn long_list_note(matching: usize) -> Option<String> {
    (matching > LONG_LIST).then(|| {
        format!(
            "Showing {LONG_LIST} of {}: type above to find the others.",
            thousands(matching as u64)
        )
    })
}

/// A removable filter, as a chip shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    pub label: String,
    /// The filters once this chip is removed.
    pub without: Filters,
}

impl Dataset {
    /// Every option of `facet`, in file order.
    pub fn facet_options(&self, facet: Facet) -> Vec<FacetOption> {
        self.facet_keys(facet)
            .into_iter()
            .map(|k| FacetOption {
                slug: k.slug(self),
                label: k.label(self),
            })
            .collect()
    }

    /// The keys of `facet`'s options, in file order.
    fn facet_keys(&self, facet: Facet) -> Vec<Key> {
        match facet {
            Facet::Region => (0..self.regions.len()).map(Key::Region).collect(),
            Facet::Area => (0..self.areas.len()).map(Key::Area).collect(),
            Facet::Category => (0..self.categories.len()).map(Key::Category).collect(),
            Facet::Provider => (0..self.providers.len()).map(Key::Provider).collect(),
            Facet::Sector => Sector::ALL.into_iter().map(Key::Sector).collect(),
        }
    }

    /// How many awards each of `facet`'s options (in `facet_options` order) would give
    /// alongside the other filters.
    pub fn facet_counts(&self, filters: &Filters, facet: Facet) -> Vec<usize> {
        let current = self.select(filters);
        self.facet_counts_given(filters, facet, &current, &Unfiltered::default())
    }

    /// `facet_counts`, given `current` = `self.select(filters)`: a facet with nothing
    /// chosen counts over that selection, and one that is the only filter set counts over
    /// the unfiltered selection, instead of selecting again.
    pub fn facet_counts_given(
        &self,
        filters: &Filters,
        facet: Facet,
        current: &Selection,
        unfiltered: &Unfiltered,
    ) -> Vec<usize> {
        let others = facet.without(filters);
        let owned;
        let selection = if others == *filters {
            current
        } else {
            owned = if others.is_empty() {
                self.select_summarised(&others, unfiltered)
            } else {
                Arc::new(self.select(&others))
            };
            &owned
        };
        let groups = self.group_by(selection, facet.dim());
        // Groups come in key order, so each key is found by halving.
        self.facet_keys(facet)
            .into_iter()
            .map(|k| {
                groups
                    .binary_search_by(|g| g.key.cmp(&k))
                    .map_or(0, |i| groups[i].totals.awards)
            })
            .collect()
    }

    /// The months in which some contract is scheduled to end, ascending.
    pub fn end_months(&self) -> Vec<Month> {
        self.index.end_months.clone()
    }

    /// The active filters as chips, in share-link order.
    pub fn chips(&self, f: &Filters) -> Vec<Chip> {
        let mut chips = Vec::new();
        let lists: [(Facet, &str, Vec<String>); 5] = [
            (Facet::Region, "Region", f.regions.iter().cloned().collect()),
            (Facet::Area, "Area", f.areas.iter().cloned().collect()),
            (
                Facet::Category,
                "Category",
                f.categories.iter().cloned().collect(),
            ),
            (
                Facet::Provider,
                "Provider",
                f.providers.iter().cloned().collect(),
            ),
            (
                Facet::Sector,
                "Sector",
                f.sectors.iter().map(|s| s.slug().to_string()).collect(),
            ),
        ];
        for (facet, name, slugs) in lists {
            for slug in slugs {
                let label = self
                    .facet_label(facet, &slug)
                    .unwrap_or_else(|| slug.clone());
                chips.push(Chip {
                    label: format!("{name}: {label}"),
                    without: facet.toggled(f, &slug, false),
                });
            }
        }
        let mut single = |label: String, clear: fn(&mut Filters)| {
            let mut without = f.clone();
            clear(&mut without);
            chips.push(Chip { label, without });
        };
        if let Some(v) = f.min_value {
            single(format!("At least {}", pounds(v)), |f| f.min_value = None);
        }
        if let Some(v) = f.max_value {
            single(format!("At most {}", pounds(v)), |f| f.max_value = None);
        }
        if let Some(m) = f.end_from {
            single(format!("Ends {} or later", m.label()), |f| {
                f.end_from = None
            });
        }
        if let Some(m) = f.end_to {
            single(format!("Ends {} or earlier", m.label()), |f| {
                f.end_to = None
            });
        }
        if !f.search.is_empty() {
            single(format!("Search: “{}”", f.search), |f| f.search.clear());
        }
        chips
    }

    /// The active filters in one line, for exported images: "Filters: Region: Wales; …".
    pub fn filters_line(&self, f: &Filters) -> String {
        let chips = self.chips(f);
        if chips.is_empty() {
            return "Filters: none (all contracts)".to_string();
        }
        let labels: Vec<String> = chips.into_iter().map(|c| c.label).collect();
        format!("Filters: {}", labels.join("; "))
    }

    /// The source and date lines for exports.
    pub fn provenance_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .sources
            .iter()
            .map(|s| format!("Source: {}, {} ({})", s.publisher, s.title, s.date.label()))
            .collect();
        lines.push(format!("Data as at {}.", self.data_as_at.label()));
        lines
    }

    fn facet_label(&self, facet: Facet, slug: &str) -> Option<String> {
        Some(match facet {
            Facet::Region => self.regions[self.region_index(slug)?].name.clone(),
            Facet::Area => self.areas[self.area_index(slug)?].name.clone(),
            Facet::Category => self.categories[self.category_index(slug)?].name.clone(),
            Facet::Provider => self.providers[self.provider_index(slug)?].name.clone(),
            Facet::Sector => Sector::from_slug(slug)?.label().to_string(),
        })
    }

    /// One plain-English sentence describing the view, for people and screen readers.
    pub fn describe(&self, f: &Filters, t: &Totals) -> String {
        let names = |slugs: &crate::engine::set::Set<String>,
                     name: &dyn Fn(&str) -> Option<String>| {
            join_and(slugs.iter().filter_map(|s| name(s)).collect())
        };
        let mut scope = Vec::new();
        if !f.regions.is_empty() {
            scope.push(names(&f.regions, &|s| self.facet_label(Facet::Region, s)));
        }
        if !f.areas.is_empty() {
            scope.push(names(&f.areas, &|s| self.facet_label(Facet::Area, s)));
        }
        let place = if scope.is_empty() {
            "Across England and Wales".to_string()
        } else {
            format!("In {}", scope.join(" and "))
        };
        let kind = if f.categories.is_empty() {
            String::new()
        } else {
            let c = names(&f.categories, &|s| {
                self.facet_label(Facet::Category, s)
                    .map(|n| lower_first(&n))
            });
            format!(" for {c}")
        };
        if t.awards == 0 {
            return format!("{place}, no awards{kind} match these filters.");
        }
        let mut who = plural(t.lead_providers, "lead provider", "lead providers");
        if f.sectors.len() == 1 {
            let s = f
                .sectors
                .iter()
                .next()
                .copied()
                .unwrap_or(Sector::Voluntary);
            who = match s {
                Sector::Voluntary => plural(
                    t.lead_providers,
                    "voluntary-sector lead provider",
                    "voluntary-sector lead providers",
                ),
                Sector::Private => plural(
                    t.lead_providers,
                    "private lead provider",
                    "private lead providers",
                ),
            };
        }
        let verb = if t.lead_providers == 1 {
            "holds"
        } else {
            "hold"
        };
        let contracts = plural(t.contracts, "contract", "contracts");
        let mut s = format!(
            "{place}, {who} {verb} {contracts}{kind} worth {}",
            pounds_short(t.value)
        );
        if t.partial_awards > 0 {
            s.push_str(" (counting the full value of awards that also cover other areas or dates)");
        }
        match t.voluntary_value_share() {
            Some(share) => s.push_str(&format!(
                "; {} of the value went to voluntary-sector organisations.",
                percent(share)
            )),
            None => s.push('.'),
        }
        s
    }
}

impl Dataset {
    /// The sector split and concentration behind the headline figures, in one line.
    pub fn describe_detail(&self, sel: &crate::engine::Selection) -> String {
        let t = self.totals(sel);
        if t.awards == 0 {
            return String::new();
        }
        let share = |s: Option<f64>| s.map(percent).unwrap_or_default();
        let mut line = format!(
            "Voluntary sector: {} ({}) of the value, {} of {} contracts ({}), {} of {} lead providers ({}).",
            pounds_short(t.voluntary_value),
            share(t.voluntary_value_share()),
            thousands(t.voluntary_contracts as u64),
            thousands(t.contracts as u64),
            share(t.voluntary_contract_share()),
            thousands(t.voluntary_lead_providers as u64),
            thousands(t.lead_providers as u64),
            share(t.voluntary_provider_share()),
        );
        if t.lead_providers > 3 {
            if let Some(top) = self.top_providers_share(sel, 3) {
                line.push_str(&format!(
                    " The 3 largest lead providers hold {} of the value.",
                    percent(top)
                ));
            }
        }
        line
    }
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => std::iter::once(lower_char(first)).chain(c).collect(),
        None => String::new(),
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_and(items: Vec<String>) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// A column of the awards table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Region,
    Category,
    Provider,
    Sector,
    Value,
    Areas,
    End,
    Source,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Region,
        Column::Category,
        Column::Provider,
        Column::Sector,
        Column::Value,
        Column::Areas,
        Column::End,
        Column::Source,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Column::Region => "Region",
            Column::Category => "Category",
            Column::Provider => "Lead provider",
            Column::Sector => "Sector",
            Column::Value => "Value",
            Column::Areas => "Areas",
            Column::End => "Scheduled end",
            Column::Source => "Source",
        }
    }
}

/// One award as the table and the CSV export show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardRow {
    pub award: usize,
    pub id: u32,
    pub region: String,
    pub category: String,
    pub provider: String,
    pub sector: String,
    pub value: u64,
    pub subject_to_contract: bool,
    /// "Devon & Cornwall, Dorset (until June 2023)" or "Whole region (South West)".
    pub areas: String,
    /// The latest scheduled end of the award's contracts.
    pub end: Month,
    /// "31 March 2025 (some areas June 2023)".
    pub end_label: String,
    pub source: String,
    pub note: String,
}

impl AwardRow {
    /// Column `c` as plain text: what the table sorts by (the value as a whole number).
    pub fn text(&self, c: Column) -> String {
        match c {
            Column::Region => self.region.clone(),
            Column::Category => self.category.clone(),
            Column::Provider => self.provider.clone(),
            Column::Sector => self.sector.clone(),
            Column::Value => self.value.to_string(),
            Column::Areas => self.areas.clone(),
            Column::End => self.end_label.clone(),
            Column::Source => self.source.clone(),
        }
    }
}

impl Dataset {
    /// The table rows for award `a`.
    pub fn award_row(&self, a: usize) -> AwardRow {
        let award = &self.awards[a];
        let category = &self.categories[award.category];
        let provider = &self.providers[award.provider];
        let areas = self.areas_text(a);
        let end_label = self.end_text(a);
        let end = self.award_end(a);
        AwardRow {
            award: a,
            id: award.id,
            region: self.regions[award.region].name.clone(),
            category: category.name.clone(),
            provider: provider.name.clone(),
            sector: provider.sector.label().to_string(),
            value: award.value,
            subject_to_contract: award.subject_to_contract,
            areas,
            end,
            end_label,
            source: self.source_text(award.source),
            note: award.note.clone(),
        }
    }
}

/// The table's order of every award, by column and direction, each worked out on first use
/// and kept: a view then picks its awards out of it in one pass instead of sorting them,
/// which with 100,000 awards built in was most of a click's time.
#[derive(Debug, Default)]
pub struct AwardOrders([OnceLock<Vec<u32>>; 2 * Column::ALL.len()]);

impl AwardOrders {
    /// `awards` in the table's order by `column`: text compared without case, ties in id
    /// order whichever way the column runs.
    pub fn sorted(
        &self,
        ds: &Dataset,
        awards: &[usize],
        column: Column,
        descending: bool,
    ) -> Vec<usize> {
        let slot = &self.0[column as usize * 2 + usize::from(descending)];
        let order = slot.get_or_init(|| ds.award_order(column, descending));
        in_order(order, awards, ds.awards.len())
    }
}

/// The `awards` (indices below `count`) in the order `order` (every award) lists them.
fn in_order(order: &[u32], awards: &[usize], count: usize) -> Vec<usize> {
    let mut chosen = vec![false; count];
    for &a in awards {
        if let Some(c) = chosen.get_mut(a) {
            *c = true;
        }
    }
    order
        .iter()
        .map(|&a| a as usize)
        .filter(|&a| chosen.get(a).copied().unwrap_or(false))
        .collect()
}

impl Dataset {
    /// The areas award `a` covers, as its row shows them: "Devon & Cornwall, Dorset (until
    /// June 2023)" or "Whole region (South West)".
    fn areas_text(&self, a: usize) -> String {
        let mut text = String::new();
        self.push_areas_text(a, &mut text);
        text
    }

    /// Appends award `a`'s areas text (`areas_text`) to `out`.
    fn push_areas_text(&self, a: usize, out: &mut String) {
        let award = &self.awards[a];
        if award.areas.is_empty() {
            out.push_str("Whole region (");
            out.push_str(&self.regions[award.region].name);
            out.push(')');
        }
        for (i, x) in award.areas.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.areas[x.area].name);
            if let Some(m) = x.until {
                out.push_str(" (until ");
                out.push_str(&m.label());
                out.push(')');
            }
        }
    }

    /// When award `a`'s contracts end, as its row shows it: "31 March 2025 (some areas
    /// June 2023)".
    fn end_text(&self, a: usize) -> String {
        let category_end = self.categories[self.awards[a].category]
            .scheduled_end
            .label();
        self.end_text_after(a, &category_end).into_owned()
    }

    /// `end_text` given the label of award `a`'s category's scheduled end, which it is
    /// unless some of the award's areas end earlier.
    fn end_text_after<'a>(&self, a: usize, category_end: &'a str) -> Cow<'a, str> {
        let award = &self.awards[a];
        let Some(earliest) = award.areas.iter().filter_map(|x| x.until).min() else {
            return Cow::Borrowed(category_end);
        };
        if award.areas.iter().all(|x| x.until.is_some()) {
            Cow::Owned(earliest.label())
        } else {
            Cow::Owned(format!("{category_end} (some areas {})", earliest.label()))
        }
    }

    /// Source `s` as a row shows it: publisher and date.
    fn source_text(&self, s: usize) -> String {
        let source = &self.sources[s];
        format!("{}, {}", source.publisher, source.date.label())
    }

    /// Each award's rank by its areas text. Awards with the same list of areas (a regional
    /// lot: the same region) read the same, so only one text per list is written and
    /// ranked: writing and ranking every award's own text made the first sort by areas
    /// take 304 ms to paint with 100,000 awards built in. Each list is found again by its
    /// fingerprint in a table with twice as many slots as awards (open addressing): one
    /// probe per award, where sorting the awards by fingerprint was half the areas sort's
    /// time. Two lists sharing a fingerprint are told apart by comparing them, and get
    /// their own texts (equal texts share a rank).
    fn areas_ranks(&self) -> Vec<u32> {
        let key = |a: usize| {
            let award = &self.awards[a];
            (award.areas.is_empty().then_some(award.region), &award.areas)
        };
        let mix = |h: u64, x: u64| (h ^ x).wrapping_mul(0x0100_0000_01b3);
        let fingerprint = |award: &crate::data::Award| {
            let whole_region = if award.areas.is_empty() {
                award.region
            } else {
                usize::MAX
            };
            award
                .areas
                .iter()
                .fold(mix(0xcbf2_9ce4_8422_2325, whole_region as u64), |h, x| {
                    let until = x
                        .until
                        .map_or(0, |m| u64::from(m.year) * 12 + u64::from(m.month));
                    mix(mix(h, x.area as u64), until)
                })
        };
        let bits = (2 * self.awards.len())
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let mask = (1usize << bits) - 1;
        // (fingerprint, an award with the list, its text); no text yet: u32::MAX.
        let mut slots = vec![(0u64, 0u32, u32::MAX); mask + 1];
        let mut texts = Vec::new();
        let mut text_of = vec![0u32; self.awards.len()];
        for (a, award) in self.awards.iter().enumerate() {
            let print = fingerprint(award);
            // The fingerprint's top bits, spread (Fibonacci hashing), pick the first slot.
            let mut i = (print.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize;
            text_of[a] = loop {
                let (p, w, t) = slots[i];
                if t == u32::MAX {
                    texts.push(Cow::Owned(self.areas_text(a)));
                    let t = (texts.len() - 1) as u32;
                    slots[i] = (print, a as u32, t);
                    break t;
                }
                if p == print && key(w as usize) == key(a) {
                    break t;
                }
                i = (i + 1) & mask;
            };
        }
        let ranks = text_ranks(texts);
        text_of.iter().map(|&t| ranks[t as usize]).collect()
    }

    /// Every award in the table's order by `column`. Text is ranked once per region,
    /// category, provider name, source and list of areas, not compared per pair of awards,
    /// so 100,000 awards sort as integers.
    fn award_order(&self, column: Column, descending: bool) -> Vec<u32> {
        let awards = 0..self.awards.len();
        let names: Vec<Cow<str>> = match column {
            Column::Region => self
                .regions
                .iter()
                .map(|r| r.name.as_str().into())
                .collect(),
            Column::Category => self
                .categories
                .iter()
                .map(|c| c.name.as_str().into())
                .collect(),
            Column::Provider => self
                .providers
                .iter()
                .map(|p| p.name.as_str().into())
                .collect(),
            Column::Sector => Sector::ALL.iter().map(|s| s.label().into()).collect(),
            Column::Source => (0..self.sources.len())
                .map(|s| self.source_text(s).into())
                .collect(),
            _ => Vec::new(),
        };
        let name_rank = text_ranks(names);
        let areas_rank = match column {
            Column::Areas => self.areas_ranks(),
            _ => Vec::new(),
        };
        let mut keyed: Vec<(u64, u32, u32)> = awards
            .map(|a| {
                let award = &self.awards[a];
                let key = match column {
                    Column::Value => award.value,
                    Column::End => {
                        let m = self.award_end(a);
                        u64::from(m.year) * 12 + u64::from(m.month)
                    }
                    Column::Region => name_rank[award.region].into(),
                    Column::Category => name_rank[award.category].into(),
                    Column::Provider => name_rank[award.provider].into(),
                    Column::Sector => {
                        let sector = self.providers[award.provider].sector;
                        let s = Sector::ALL.iter().position(|&x| x == sector).unwrap_or(0);
                        name_rank[s].into()
                    }
                    Column::Source => name_rank[award.source].into(),
                    Column::Areas => areas_rank[a].into(),
                };
                (key, award.id, a as u32)
            })
            .collect();
        sort_keyed(&mut keyed, descending);
        keyed.into_iter().map(|k| k.2).collect()
    }

    /// The latest scheduled end of award `a`'s contracts.
    pub fn award_end(&self, a: usize) -> Month {
        let award = &self.awards[a];
        let category = &self.categories[award.category];
        award
            .areas
            .iter()
            .map(|x| scheduled_end(x.until, category))
            .max()
            .unwrap_or(scheduled_end(None, category))
    }
}

/// Makes a cell safe to open in a spreadsheet: text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`.
pub fn spreadsheet_safe(cell: &str) -> String {
    let mut out = String::new();
    push_csv_field(&mut out, cell, false);
    out
}

/// Appends `cell` to `out`, spreadsheet-safe and, when `quoted` allows and the cell needs
/// it (a comma, quote or line break), in quotes with its quotes doubled. Written straight
/// into the file, not as a new string per cell: a view of 100,000 awards is over a million.
fn push_csv_field(out: &mut String, cell: &str, quoted: bool) {
    // Bytes, not chars: these are all ASCII, and testing characters decoded one by one
    // took over three times as long (natively, 100,000 awards: 335 ms against 93 ms).
    let quote = quoted
        && cell
            .bytes()
            .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if quote {
        out.push('"');
    }
    if matches!(
        cell.bytes().next(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    ) {
        out.push('\'');
    }
    if quote {
        for (i, part) in cell.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// Appends one line of the CSV file.
fn push_csv_line(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_csv_field(out, cell, true);
    }
    out.push_str("\r\n");
}

impl Dataset {
    /// The awards' rows as CSV, in `awards`' order, headed by lines giving the view's
    /// filters and link, the sources and the "data as at" date (`CsvWriter`, all at once).
    pub fn export_csv(&self, awards: &[usize], filters: &Filters, share_link: &str) -> String {
        let mut writer = CsvWriter::new(self, filters, share_link, awards.len());
        writer.write(awards);
        writer.finish()
    }
}

/// A CSV file of a view's awards, written some rows at a time so that a page can draw
/// between the parts: the whole table at 100,000 awards is an 18 MB file. Its head gives
/// the view's filters and link, the sources and the "data as at" date; the cells are the
/// table rows' (`award_row`), written from the same parts without building each row (a
/// view of 100,000 awards made over a million strings to throw away).
pub struct CsvWriter<'a> {
    ds: &'a Dataset,
    out: String,
    /// Names held once (a region's, a category's, a provider's, a source's) made CSV
    /// fields once, not checked for commas and quotes again in every row naming them.
    regions: Vec<String>,
    categories: Vec<String>,
    providers: Vec<String>,
    sources: Vec<String>,
    /// Each category's scheduled end, as its awards' end cells mostly read.
    ends: Vec<String>,
    /// The areas cell is written into this and then checked, reused from row to row.
    areas: String,
    /// Rows written so far, of the `rows` expected.
    written: usize,
    rows: usize,
}

impl<'a> CsvWriter<'a> {
    /// A file headed for the view `filters` at `share_link`, expecting `rows` awards.
    pub fn new(ds: &'a Dataset, filters: &Filters, share_link: &str, rows: usize) -> Self {
        let mut out = String::new();
        push_csv_line(&mut out, &[&format!("{} — awards in this view", ds.title)]);
        push_csv_line(&mut out, &[&ds.filters_line(filters)]);
        push_csv_line(&mut out, &[&format!("View: {share_link}")]);
        for l in ds.provenance_lines() {
            push_csv_line(&mut out, &[&l]);
        }
        push_csv_line(&mut out, &[]);
        push_csv_line(
            &mut out,
            &[
                "id",
                "region",
                "category",
                "lead_provider",
                "sector",
                "value_gbp",
                "subject_to_contract",
                "areas",
                "scheduled_end",
                "source",
                "note",
            ],
        );
        let field = |t: &str| {
            let mut field = String::new();
            push_csv_field(&mut field, t, true);
            field
        };
        CsvWriter {
            ds,
            out,
            regions: ds.regions.iter().map(|r| field(&r.name)).collect(),
            categories: ds.categories.iter().map(|c| field(&c.name)).collect(),
            providers: ds.providers.iter().map(|p| field(&p.name)).collect(),
            sources: (0..ds.sources.len())
                .map(|s| field(&ds.source_text(s)))
                .collect(),
            ends: ds
                .categories
                .iter()
                .map(|c| c.scheduled_end.label())
                .collect(),
            areas: String::new(),
            written: 0,
            rows,
        }
    }

    /// Appends the rows of `awards`, in that order.
    pub fn write(&mut self, awards: &[usize]) {
        let (ds, out) = (self.ds, &mut self.out);
        for &a in awards {
            if self.written == 64 {
                // Room for the rest at the first rows' length, rather than growing by copying.
                let rest = self.rows.saturating_sub(64);
                out.reserve((out.len() / 64).saturating_mul(rest) / 8 * 9);
            }
            self.written += 1;
            let award = &ds.awards[a];
            let provider = &ds.providers[award.provider];
            // Digits and the sector's fixed label need neither quotes nor the spreadsheet
            // guard.
            out.push_str(&award.id.to_string());
            out.push(',');
            for field in [
                &self.regions[award.region],
                &self.categories[award.category],
                &self.providers[award.provider],
                provider.sector.label(),
            ] {
                out.push_str(field);
                out.push(',');
            }
            out.push_str(&award.value.to_string());
            out.push(',');
            out.push_str(if award.subject_to_contract {
                "yes,"
            } else {
                "no,"
            });
            self.areas.clear();
            ds.push_areas_text(a, &mut self.areas);
            push_csv_field(out, &self.areas, true);
            out.push(',');
            push_csv_field(out, &ds.end_text_after(a, &self.ends[award.category]), true);
            out.push(',');
            out.push_str(&self.sources[award.source]);
            out.push(',');
            push_csv_field(out, &award.note, true);
            out.push_str("\r\n");
        }
    }

    /// The file.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Orders groups by value, largest first (ties by key).
pub fn by_value_desc(a: &crate::engine::Group, b: &crate::engine::Group) -> Ordering {
    b.totals.value.cmp(&a.totals.value).then(a.key.cmp(&b.key))
}

/// Sorts (key, id, award) triples by key, ascending or descending, then by id and award
/// ascending: the table's one sort of every award (one copy of the standard library's
/// sort in the wasm for all its orders).
fn sort_keyed(keyed: &mut [(u64, u32, u32)], descending: bool) {
    keyed.sort_unstable_by(|x, y| {
        let o = if descending {
            y.0.cmp(&x.0)
        } else {
            x.0.cmp(&y.0)
        };
        o.then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
    });
}

/// Each text's rank in case-blind order (equal texts share a rank), so sorting by text
/// can compare integers.
fn text_ranks(texts: Vec<Cow<str>>) -> Vec<u32> {
    let lowered: Vec<String> = texts.iter().map(|t| lower(t)).collect();
    let mut order: Vec<usize> = (0..lowered.len()).collect();
    crate::engine::sort::sort_by(&mut order, |&a, &b| lowered[a].cmp(&lowered[b]));
    let mut ranks = vec![0u32; lowered.len()];
    let mut rank = 0u32;
    for (i, pair) in order.iter().enumerate() {
        if i > 0 && lowered[order[i - 1]] != lowered[*pair] {
            rank += 1;
        }
        ranks[*pair] = rank;
    }
    ranks
}
