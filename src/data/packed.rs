//! The dataset in a compact binary form: `build.rs` packs the validated CSV tables, the app unpacks them.
//!
//! The browser then carries neither a CSV parser nor the validation (they stay in the
//! build), and starts without parsing text. Numbers are LEB128 varints, text is a length
//! and UTF-8 bytes, a list is a count and its items. Contracts and the engine's index are
//! derived again on unpacking, by the same code as after loading CSV.
//!
//! Unpacking never panics: a short or damaged buffer, or an index out of range, is an
//! error, so no later lookup can fail on what was unpacked.

use super::contracts::derive_contracts;
use super::load::DataError;
use super::types::*;

/// The first bytes of a packed dataset; a change to the layout changes the number.
const MAGIC: &[u8; 4] = b"CXD1";

/// The dataset as bytes (`unpack` reverses it).
pub fn pack(ds: &Dataset) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.text(&ds.title);
    w.date(ds.data_as_at);
    w.date(ds.start);
    w.list(&ds.sources, |w, s| {
        w.text(&s.id);
        w.text(&s.publisher);
        w.text(&s.title);
        w.date(s.date);
    });
    w.list(&ds.regions, |w, r| {
        w.text(&r.slug);
        w.text(&r.name);
    });
    w.list(&ds.areas, |w, a| {
        w.text(&a.slug);
        w.text(&a.name);
        w.uint(a.region as u64);
        w.text(&a.code);
        w.uint(a.tile.0.into());
        w.uint(a.tile.1.into());
    });
    w.list(&ds.categories, |w, c| {
        w.text(&c.slug);
        w.text(&c.name);
        w.uint(c.term_months.into());
        w.uint(match c.value_basis {
            ValueBasis::StandardTerm => 0,
            ValueBasis::Predicted => 1,
        });
        w.date(c.scheduled_end);
        w.uint(c.source as u64);
    });
    w.list(&ds.providers, |w, p| {
        w.text(&p.slug);
        w.text(&p.name);
        w.uint(match p.sector {
            Sector::Voluntary => 0,
            Sector::Private => 1,
        });
        w.list(&p.other_spellings, |w, s| w.text(s));
    });
    w.list(&ds.awards, |w, a| {
        w.uint(a.id.into());
        w.uint(a.region as u64);
        w.uint(a.category as u64);
        w.uint(a.provider as u64);
        w.text(&a.published_provider);
        w.uint(a.value);
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
    });
    w.list(&ds.separate, |w, s| {
        w.uint(s.region as u64);
        w.uint(s.category.map_or(0, |c| c as u64 + 1));
        w.text(&s.commissioner);
        w.text(&s.note);
        w.uint(s.source as u64);
    });
    w.0
}

/// The dataset `pack` wrote, with its contracts and index derived again.
pub fn unpack(bytes: &[u8]) -> Result<Dataset, DataError> {
    let mut r = Reader { bytes, at: 0 };
    if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
        return Err(r.error("not a packed dataset of this version"));
    }
    r.at = MAGIC.len();
    let title = r.text()?;
    let data_as_at = r.date()?;
    let start = r.date()?;
    let sources = r.list(|r| {
        Ok(Source {
            id: r.text()?,
            publisher: r.text()?,
            title: r.text()?,
            date: r.date()?,
        })
    })?;
    let regions = r.list(|r| {
        Ok(Region {
            slug: r.text()?,
            name: r.text()?,
        })
    })?;
    let areas = r.list(|r| {
        Ok(Area {
            slug: r.text()?,
            name: r.text()?,
            region: r.index(regions.len())?,
            code: r.text()?,
            tile: (r.small()?, r.small()?),
        })
    })?;
    let categories = r.list(|r| {
        Ok(Category {
            slug: r.text()?,
            name: r.text()?,
            term_months: r.uint_below(u64::from(u32::MAX))? as u32,
            value_basis: [ValueBasis::StandardTerm, ValueBasis::Predicted][r.index(2)?],
            scheduled_end: r.date()?,
            source: r.index(sources.len())?,
        })
    })?;
    let providers = r.list(|r| {
        Ok(Provider {
            slug: r.text()?,
            name: r.text()?,
            sector: Sector::ALL[r.index(2)?],
            other_spellings: r.list(Reader::text)?,
        })
    })?;
    let awards = r.list(|r| {
        Ok(Award {
            id: r.uint_below(u64::from(u32::MAX))? as u32,
            region: r.index(regions.len())?,
            category: r.index(categories.len())?,
            provider: r.index(providers.len())?,
            published_provider: r.text()?,
            value: r.uint()?,
            subject_to_contract: r.index(2)? == 1,
            cohorts: r.list(|r| Ok([Cohort::YoungAdults, Cohort::Aged26Plus][r.index(2)?]))?,
            source: r.index(sources.len())?,
            note: r.text()?,
            areas: r.list(|r| {
                Ok(AwardArea {
                    area: r.index(areas.len())?,
                    until: match r.uint()? {
                        0 => None,
                        n => Some(r.month(n - 1)?),
                    },
                })
            })?,
        })
    })?;
    let separate = r.list(|r| {
        Ok(Separate {
            region: r.index(regions.len())?,
            category: match r.index(categories.len() + 1)? {
                0 => None,
                c => Some(c - 1),
            },
            commissioner: r.text()?,
            note: r.text()?,
            source: r.index(sources.len())?,
        })
    })?;
    if r.at != bytes.len() {
        return Err(r.error("bytes left over after the dataset"));
    }
    let contracts = derive_contracts(&awards, &categories);
    let index = Index::new(&awards, &contracts, &providers, &areas);
    Ok(Dataset {
        title,
        data_as_at,
        start,
        regions,
        areas,
        categories,
        providers,
        sources,
        awards,
        contracts,
        separate,
        index,
    })
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

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
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

    fn uint(&mut self) -> Result<u64, DataError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(self.error("the data ends early"));
            };
            self.at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(self.error("a number is too long"))
    }

    fn uint_below(&mut self, limit: u64) -> Result<u64, DataError> {
        let n = self.uint()?;
        if n < limit {
            Ok(n)
        } else {
            Err(self.error("a number is out of range"))
        }
    }

    /// An index into a table of `len` rows.
    fn index(&mut self, len: usize) -> Result<usize, DataError> {
        Ok(self.uint_below(len as u64)? as usize)
    }

    fn small(&mut self) -> Result<u8, DataError> {
        Ok(self.uint_below(256)? as u8)
    }

    /// A length or count: no more than the bytes left, as each byte or item takes at least one.
    fn count(&mut self) -> Result<usize, DataError> {
        let n = self.uint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(self.error("the data ends early"));
        }
        Ok(n as usize)
    }

    fn text(&mut self) -> Result<String, DataError> {
        let len = self.count()?;
        let bytes = &self.bytes[self.at..self.at + len];
        let text = std::str::from_utf8(bytes).map_err(|_| self.error("text is not UTF-8"))?;
        self.at += len;
        Ok(text.to_string())
    }

    fn month(&self, n: u64) -> Result<Month, DataError> {
        match u16::try_from(n / 12) {
            Ok(year) => Ok(Month {
                year,
                month: (n % 12) as u8 + 1,
            }),
            Err(_) => Err(self.error("a year is out of range")),
        }
    }

    fn date(&mut self) -> Result<Date, DataError> {
        let n = self.uint()?;
        let m = self.month(n)?;
        let day = self.uint_below(32)? as u8;
        if day == 0 {
            return Err(self.error("a day is out of range"));
        }
        Ok(Date {
            year: m.year,
            month: m.month,
            day,
        })
    }

    /// A count, then that many items.
    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, DataError>,
    ) -> Result<Vec<T>, DataError> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }
}
