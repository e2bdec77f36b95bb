//! The dataset in a compact binary form: `build.rs` packs the validated CSV tables, the app unpacks them.
//!
//! The browser then carries neither a CSV parser nor the validation (they stay in the
//! build), and starts without parsing text. Numbers are LEB128 varints, text is a length
//! and UTF-8 bytes, a list is a count and its items. Contracts and the engine's index are
//! derived again on unpacking, by the same code as after loading CSV.
//!
//! Unpacking never panics: a short or damaged buffer, or an index out of range, is an
//! error, so no later lookup can fail on what was unpacked.

use super::assemble::Tables;
use super::load::DataError;
use super::types::*;

/// The first bytes of a packed dataset; a change to the layout changes the number.
const MAGIC: &[u8; 4] = b"CXD7";

/// The dataset as bytes (`unpack` reverses it).
pub fn pack(ds: &Dataset) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.text(&ds.slug);
    w.text(&ds.label);
    w.uint(match ds.contract_rule {
        ContractRule::PerArea => 0,
        ContractRule::PerAward => 1,
    });
    w.text(&ds.title);
    w.text(&ds.heading);
    w.text(&ds.place);
    w.text(&ds.file_name);
    w.text(&ds.counting);
    w.date(ds.awarded);
    w.date(ds.data_as_at);
    w.date(ds.start);
    w.list(&ds.sources, |w, s| {
        w.text(&s.id);
        w.text(&s.publisher);
        w.text(&s.title);
        w.uint(s.date.is_some().into());
        if let Some(d) = s.date {
            w.date(d);
        }
    });
    for text in [
        &ds.welsh.label,
        &ds.welsh.title,
        &ds.welsh.heading,
        &ds.welsh.place,
        &ds.welsh.counting,
    ] {
        w.text(text);
    }
    w.list(&ds.regions, |w, r| {
        w.text(&r.slug);
        w.text(&r.name);
        w.text(&r.name_cy);
    });
    w.list(&ds.areas, |w, a| {
        w.text(&a.slug);
        w.text(&a.name);
        w.text(&a.name_cy);
        w.uint(a.region as u64);
        w.text(&a.code);
        w.uint(a.tile.0.into());
        w.uint(a.tile.1.into());
        w.list(&a.places, |w, s| w.text(s));
    });
    w.list(&ds.categories, |w, c| {
        w.text(&c.slug);
        w.text(&c.name);
        w.text(&c.name_cy);
        w.uint(c.term_months.into());
        w.uint(match c.value_basis {
            ValueBasis::StandardTerm => 0,
            ValueBasis::Predicted => 1,
        });
        w.date(c.scheduled_end);
        w.uint(c.source as u64);
        w.uint(c.end_inferred.into());
        w.list(&c.search_words, |w, s| w.text(s));
    });
    w.list(&ds.providers, |w, p| {
        w.text(&p.slug);
        w.text(&p.name);
        w.uint(p.sector.position().into());
        w.list(&p.other_spellings, |w, s| w.text(s));
        w.text(&p.note);
    });
    w.list(&ds.awards, |w, a| {
        w.uint(a.id.into());
        w.uint(a.region as u64);
        w.uint(a.category as u64);
        w.uint(a.provider as u64);
        w.text(&a.published_provider);
        // 0 for none, else the value plus one.
        w.uint(a.value.map_or(0, |v| v + 1));
        w.uint(a.subject_to_contract.into());
        w.list(&a.cohorts, |w, c| {
            w.uint(match c {
                Cohort::YoungAdults => 0,
                Cohort::Aged26Plus => 1,
            })
        });
        w.uint(a.source as u64);
        w.text(&a.note);
        w.list(&a.areas, |w, x| {
            w.uint(x.area as u64);
            // 0 for none, else the month as months since year 0, plus one.
            w.uint(x.until.map_or(0, |m| month_number(m) + 1));
        });
        for date in [a.start, a.end] {
            w.uint(date.is_some().into());
            if let Some(d) = date {
                w.date(d);
            }
        }
        w.text(&a.buyer);
    });
    // Which award each took over, after them all: 0 for none, else its index plus one.
    for a in &ds.awards {
        w.uint(a.continues.map_or(0, |c| c as u64 + 1));
    }
    w.list(&ds.separate, |w, s| {
        w.uint(s.region as u64);
        w.uint(s.category.map_or(0, |c| c as u64 + 1));
        w.text(&s.commissioner);
        w.text(&s.note);
        w.text(&s.note_cy);
        w.uint(s.source as u64);
    });
    w.list(&ds.notes, |w, n| {
        w.uint(month_number(n.date));
        w.uint(NoteKind::ALL.iter().position(|&k| k == n.kind).unwrap_or(0) as u64);
        w.text(&n.text);
        w.text(&n.text_cy);
        w.uint(n.source as u64);
        w.uint(n.inferred.into());
    });
    w.0
}

/// The dataset `pack` wrote, with its contracts and index derived again.
pub fn unpack(bytes: &[u8]) -> Result<Dataset, DataError> {
    let mut r = Reader {
        bytes,
        at: 0,
        failed: None,
    };
    if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
        return Err(r.error("not a packed dataset of this version"));
    }
    r.at = MAGIC.len();
    let slug = r.text();
    let label = r.text();
    let contract_rule = [ContractRule::PerArea, ContractRule::PerAward][r.index(2)];
    let title = r.text();
    let heading = r.text();
    let place = r.text();
    let file_name = r.text();
    let counting = r.text();
    let awarded = r.date();
    let data_as_at = r.date();
    let start = r.date();
    let sources = r.list(|r| Source {
        id: r.text(),
        publisher: r.text(),
        title: r.text(),
        date: (r.index(2) == 1).then(|| r.date()),
    });
    let welsh = Welsh {
        label: r.text(),
        title: r.text(),
        heading: r.text(),
        place: r.text(),
        counting: r.text(),
    };
    let regions = r.list(|r| Region {
        slug: r.text(),
        name: r.text(),
        name_cy: r.text(),
    });
    let areas = r.list(|r| Area {
        slug: r.text(),
        name: r.text(),
        name_cy: r.text(),
        region: r.index(regions.len()),
        code: r.text(),
        tile: (r.small(), r.small()),
        places: r.list(Reader::text),
    });
    let categories = r.list(|r| Category {
        slug: r.text(),
        name: r.text(),
        name_cy: r.text(),
        term_months: r.below(u64::from(u32::MAX)) as u32,
        value_basis: [ValueBasis::StandardTerm, ValueBasis::Predicted][r.index(2)],
        scheduled_end: r.date(),
        source: r.index(sources.len()),
        end_inferred: r.index(2) == 1,
        search_words: r.list(Reader::text),
    });
    let providers = r.list(|r| Provider {
        slug: r.text(),
        name: r.text(),
        sector: Sector::ALL[r.index(Sector::ALL.len())],
        other_spellings: r.list(Reader::text),
        note: r.text(),
    });
    let awards = r.list(|r| Award {
        id: r.below(u64::from(u32::MAX)) as u32,
        region: r.index(regions.len()),
        category: r.index(categories.len()),
        provider: r.index(providers.len()),
        published_provider: r.text(),
        value: r.uint().checked_sub(1),
        subject_to_contract: r.index(2) == 1,
        cohorts: r.list(|r| [Cohort::YoungAdults, Cohort::Aged26Plus][r.index(2)]),
        source: r.index(sources.len()),
        note: r.text(),
        areas: r.list(|r| AwardArea {
            area: r.index(areas.len()),
            until: match r.uint() {
                0 => None,
                n => Some(r.month(n - 1)),
            },
        }),
        start: (r.index(2) == 1).then(|| r.date()),
        continues: None,
        end: (r.index(2) == 1).then(|| r.date()),
        buyer: r.text(),
    });
    // Which award each took over: an index checked now that the awards are all read.
    let mut awards = awards;
    let count = awards.len();
    for a in &mut awards {
        a.continues = r.index(count + 1).checked_sub(1);
    }
    let separate = r.list(|r| Separate {
        region: r.index(regions.len()),
        category: r.index(categories.len() + 1).checked_sub(1),
        commissioner: r.text(),
        note: r.text(),
        note_cy: r.text(),
        source: r.index(sources.len()),
    });
    let notes = r.list(|r| Note {
        date: {
            let n = r.uint();
            r.month(n)
        },
        kind: NoteKind::ALL[r.index(NoteKind::ALL.len())],
        text: r.text(),
        text_cy: r.text(),
        source: r.index(sources.len()),
        inferred: r.index(2) == 1,
    });
    if r.failed.is_none() && r.at != bytes.len() {
        r.fail("bytes left over after the dataset");
    }
    if let Some(e) = r.failed {
        return Err(e);
    }
    Ok(Tables {
        slug,
        label,
        title,
        heading,
        place,
        file_name,
        counting,
        awarded,
        data_as_at,
        start,
        regions,
        areas,
        categories,
        providers,
        sources,
        awards,
        separate,
        contract_rule,
        notes,
        welsh,
    }
    .assemble())
}

fn month_number(m: Month) -> u64 {
    u64::from(m.year) * 12 + u64::from(m.month) - 1
}

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn text(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn date(&mut self, d: Date) {
        self.uint(month_number(d.month()));
        self.uint(d.day.into());
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Writer, &T)) {
        self.uint(items.len() as u64);
        for x in items {
            item(self, x);
        }
    }
}

/// Reads what `Writer` wrote. The first thing wrong is kept in `failed`, and from then on
/// every read gives zero or nothing, so unpacking needs no error path at each step (one
/// check at the end; in the wasm that is 6.4 KB less, raw, than a `Result` per read).
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
    failed: Option<DataError>,
}

impl Reader<'_> {
    fn error(&self, message: &str) -> DataError {
        DataError {
            file: "built-in dataset".into(),
            line: 0,
            column: None,
            message: format!("byte {}: {message}", self.at),
        }
    }

    /// Records the first failure; reads after it stop at once.
    fn fail(&mut self, message: &str) {
        if self.failed.is_none() {
            self.failed = Some(self.error(message));
        }
        self.at = self.bytes.len();
    }

    fn uint(&mut self) -> u64 {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                self.fail("the data ends early");
                return 0;
            };
            self.at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
        }
        self.fail("a number is too long");
        0
    }

    /// A number below `limit` (0 if it is not, with the failure recorded).
    fn below(&mut self, limit: u64) -> u64 {
        let n = self.uint();
        if n < limit {
            n
        } else {
            self.fail("a number is out of range");
            0
        }
    }

    /// An index into a table of `len` rows (0, a failure, if the table is empty).
    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    fn small(&mut self) -> u8 {
        self.below(256) as u8
    }

    /// A length or count: no more than the bytes left, as each byte or item takes at least one.
    fn count(&mut self) -> usize {
        let n = self.uint();
        if n > (self.bytes.len() - self.at) as u64 {
            self.fail("the data ends early");
            return 0;
        }
        n as usize
    }

    fn text(&mut self) -> String {
        let len = self.count();
        match std::str::from_utf8(&self.bytes[self.at..self.at + len]) {
            Ok(text) => {
                self.at += len;
                text.to_string()
            }
            Err(_) => {
                self.fail("text is not UTF-8");
                String::new()
            }
        }
    }

    fn month(&mut self, n: u64) -> Month {
        match u16::try_from(n / 12) {
            Ok(year) => Month {
                year,
                month: (n % 12) as u8 + 1,
            },
            Err(_) => {
                self.fail("a year is out of range");
                Month { year: 0, month: 1 }
            }
        }
    }

    fn date(&mut self) -> Date {
        let n = self.uint();
        let m = self.month(n);
        let day = self.below(32) as u8;
        if day == 0 && self.failed.is_none() {
            self.fail("a day is out of range");
        }
        Date {
            year: m.year,
            month: m.month,
            day,
        }
    }

    /// A count, then that many items (fewer if the data fails part way).
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.count();
        let mut out = Vec::with_capacity(n);
        while out.len() < n && self.failed.is_none() {
            out.push(item(self));
        }
        out
    }
}
