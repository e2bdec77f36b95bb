//! A synthetic dataset in the real schema, for scale benchmarks: any number of awards over
//! the real regions, areas and categories, with skewed provider sizes and long-tailed values.
//! Deterministic: the same size and seed always give the same files.

use std::fmt::Write;

use crate::data::{load, DataError, Dataset};

/// SplitMix64: small, fast and good enough to shape test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    /// A standard normal deviate (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u = self.unit().max(f64::MIN_POSITIVE);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// An index drawn with probability proportional to `cumulative` weights' steps.
    fn weighted(&mut self, cumulative: &[f64]) -> usize {
        let total = cumulative.last().copied().unwrap_or(0.0);
        let x = self.unit() * total;
        cumulative
            .partition_point(|&c| c <= x)
            .min(cumulative.len() - 1)
    }
}

fn cumulative(weights: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut sum = 0.0;
    weights
        .map(|w| {
            sum += w;
            sum
        })
        .collect()
}

/// The nine files of a synthetic dataset with `awards` awards, as (name, text) pairs.
/// Geography, categories, sources and the separately commissioned services are the real
/// ones (`real`); providers, awards and their areas are generated.
pub fn generate(
    real: &Dataset,
    real_files: &[(&str, &str)],
    awards: usize,
    seed: u64,
) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    // Lead providers: about one per 20 awards, a fifth of them private companies; sizes
    // follow Zipf's law (a few hold many awards, most hold one or two), private ones weigh more.
    let providers = (awards / 20).max(26);
    let private: Vec<bool> = (0..providers).map(|_| rng.unit() < 0.2).collect();
    let provider_weights = cumulative(
        (0..providers).map(|i| (if private[i] { 3.0 } else { 1.0 }) / ((i + 1) as f64).powf(1.1)),
    );
    let mut providers_csv = String::from("slug,name,sector,other_spellings,note\n");
    for (i, &p) in private.iter().enumerate() {
        let (kind, sector) = if p {
            ("Services Ltd", "private")
        } else {
            ("Trust", "voluntary")
        };
        let _ = writeln!(
            providers_csv,
            "provider-{i:06},Provider {i:06} {kind},{sector},,"
        );
    }
    // Categories in the real proportions (women's services 24 : personal wellbeing 20 : 11 : 11).
    let category_weights = cumulative(real.categories.iter().map(|c| match c.slug.as_str() {
        "womens" => 24.0,
        "personal-wellbeing" => 20.0,
        _ => 11.0,
    }));
    // Regions by their number of areas, leaving out those with no awarded services.
    let region_areas: Vec<Vec<usize>> = (0..real.regions.len())
        .map(|r| real.areas_of(r).collect())
        .collect();
    let awarded: Vec<bool> = (0..real.regions.len())
        .map(|r| real.awards.iter().any(|a| a.region == r))
        .collect();
    let region_weights = cumulative((0..real.regions.len()).map(|r| {
        if awarded[r] {
            region_areas[r].len() as f64
        } else {
            0.0
        }
    }));
    let mut awards_csv =
        String::from("id,region,category,provider,value,subject_to_contract,cohorts,source,note,start,continues,end,buyer\n");
    let mut areas_csv = String::from("award,area,until\n");
    let source = &real.sources[0].id;
    for id in 1..=awards {
        let region = rng.weighted(&region_weights);
        let category = rng.weighted(&category_weights);
        let provider = rng.weighted(&provider_weights);
        // Values are long-tailed: log-normal around £1.5m, from £20k to £60m.
        let value = (1_500_000.0 * (0.8 * rng.normal()).exp()).clamp(20_000.0, 60_000_000.0) as u64;
        let subject = if rng.unit() < 0.03 { "yes" } else { "no" };
        let cohorts = if rng.unit() < 0.05 {
            "young-adults;26-plus"
        } else {
            ""
        };
        let _ = writeln!(
            awards_csv,
            "{id},{},{},Provider {provider:06} {},{value},{subject},{cohorts},{source},,,,,{}",
            real.regions[region].slug,
            real.categories[category].slug,
            if private[provider] {
                "Services Ltd"
            } else {
                "Trust"
            },
            buyer(id),
        );
        // Seven in ten awards list one to four of their region's areas; the rest are regional lots.
        let pool = &region_areas[region];
        if rng.unit() < 0.7 && !pool.is_empty() {
            let k = 1 + rng.below(pool.len().min(4));
            let start = rng.below(pool.len());
            for j in 0..k {
                let area = pool[(start + j) % pool.len()];
                let until = if rng.unit() < 0.1 { "2023-06" } else { "" };
                let _ = writeln!(areas_csv, "{id},{},{until}", real.areas[area].slug);
            }
        }
    }
    let dataset_csv = format!(
        "key,value,source\nslug,synthetic,\nlabel,Synthetic contracts,\ncontracts,per-area,\ntitle,Synthetic contracts ({awards} awards; seed {seed}),{source}\n\
         heading,{},\nplace,{},{source}\nfile_name,synthetic-contracts-{awards}-{seed},\ncounting,\"{}\",{source}\n\
         awarded,{},{source}\ndata_as_at,{},{source}\nstart,{},{source}\n",
        real.heading, real.place, real.counting.replace('"', "\"\""), real.awarded, real.data_as_at, real.start
    );
    crate::data::load::FILES
        .iter()
        .map(|&name| {
            let text = match name {
                "dataset.csv" => dataset_csv.clone(),
                "providers.csv" => providers_csv.clone(),
                "awards.csv" => awards_csv.clone(),
                "award_areas.csv" => areas_csv.clone(),
                other => real_files
                    .iter()
                    .find(|(n, _)| *n == other)
                    .map_or_else(String::new, |(_, t)| t.to_string()),
            };
            (name.to_string(), text)
        })
        .collect()
}

/// Generates and loads a synthetic dataset over the built-in one.
pub fn dataset(awards: usize, seed: u64) -> Result<Dataset, DataError> {
    let real = crate::embedded::dataset()?;
    let files = generate(&real, crate::embedded::FILES, awards, seed);
    let pairs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    load(pairs.as_slice())
}

/// The filter changes every scale benchmark replays (native, wasm and crossfilter2 alike):
/// a visitor narrowing down step by step, then widening again.
pub fn filter_sequence(ds: &Dataset) -> Vec<crate::engine::Filters> {
    use crate::engine::Filters;
    let mut steps = Vec::new();
    let mut f = Filters::default();
    let mut push = |f: &Filters| steps.push(f.clone());
    for r in ds.regions.iter().take(3) {
        f.regions.insert(r.slug.clone());
        push(&f);
    }
    f.categories.insert(ds.categories[0].slug.clone());
    push(&f);
    f.sectors.insert(crate::data::Sector::Voluntary);
    push(&f);
    f.min_value = Some(1_000_000);
    push(&f);
    f.regions.clear();
    push(&f);
    f.categories.clear();
    push(&f);
    f.min_value = None;
    f.sectors.clear();
    push(&f);
    steps
}

/// Award `id`'s buyer: one of twelve commissioners by the id alone (so the random draws,
/// and every other column, are as they were before there were buyers), every seventeenth
/// naming none.
fn buyer(id: usize) -> String {
    if id.is_multiple_of(17) {
        String::new()
    } else {
        format!("Commissioner {:02}", id * 7 % 12)
    }
}

/// The group-bys the page's charts and map draw after every filter change.
pub const RECOMPUTED: [crate::engine::Dim; 6] = {
    use crate::engine::Dim;
    [
        Dim::Region,
        Dim::Category,
        Dim::Provider,
        Dim::End,
        Dim::Area,
        Dim::Buyer,
    ]
};

/// Everything the page recomputes after a filter change: the selection, the totals and
/// every group-by the charts and map draw. Returns a checksum so no work can be skipped.
pub fn recompute(
    ds: &Dataset,
    f: &crate::engine::Filters,
    unfiltered: &crate::engine::Unfiltered,
) -> u64 {
    // As the page does: `select_summarised` works out the totals and every group-by once
    // (the unfiltered view only the first time), which the figures, charts and filter
    // counts then read.
    let summary = &ds.select_summarised(f, unfiltered).summary;
    let mut sum = summary.totals.value;
    for dim in RECOMPUTED {
        sum = sum.wrapping_add(
            summary
                .group(dim)
                .iter()
                .map(|g| g.totals.value)
                .sum::<u64>(),
        );
    }
    sum
}
