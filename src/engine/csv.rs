//! The CSV export of a view's awards, and the guard that keeps cells from running as formulas.

use crate::data::{Dataset, BUYER_NOT_STATED};
use crate::engine::filters::Filters;

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

/// The CSV's header row.
pub const HEADER: [&str; 15] = [
    "id",
    "region",
    "category",
    "lead_provider",
    "sector",
    "buyer",
    "value_gbp",
    "subject_to_contract",
    "areas",
    "scheduled_end",
    "earliest_area_end",
    "source",
    "note",
    "view",
    "data_as_at",
];

/// A share-link query as part of a file name: letters and digits, runs of anything else
/// as one `-`, at most 80 characters.
fn file_part(query: &str) -> String {
    let mut out = String::new();
    for c in query.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 80 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
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
    /// The awards' rows as CSV, in `awards`' order, under one header row; each row carries
    /// the view's link and the "data as at" date (`CsvWriter`, all at once).
    pub fn export_csv(&self, awards: &[usize], filters: &Filters, share_link: &str) -> String {
        let mut writer = CsvWriter::new(self, filters, share_link, awards.len());
        writer.write(awards);
        writer.finish()
    }
}

/// A CSV file of a view's awards, written some rows at a time so that a page can draw
/// between the parts: the whole table at 100,000 awards is an 18 MB file. The header row
/// comes first, so spreadsheets and `read_csv` need no lines skipped; each row's last
/// cells give the view's link and the "data as at" date. The cells are the table rows'
/// (`award_row`), dates as `YYYY-MM` (the months the sources give), written from the same
/// parts without building each row (a view of 100,000 awards made over a million strings
/// to throw away).
pub struct CsvWriter<'a> {
    ds: &'a Dataset,
    out: String,
    /// Names held once (a region's, a category's, a provider's, a buyer's, a source's) made CSV
    /// fields once, not checked for commas and quotes again in every row naming them.
    regions: Vec<String>,
    categories: Vec<String>,
    providers: Vec<String>,
    buyers: Vec<String>,
    sources: Vec<String>,
    /// The view's link and the "data as at" date, as every row's last two cells.
    provenance: String,
    /// The file name's part for the view ("region-wales"), empty for the whole dataset.
    view: String,
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
        push_csv_line(&mut out, &HEADER);
        let field = |t: &str| {
            let mut field = String::new();
            push_csv_field(&mut field, t, true);
            field
        };
        let mut provenance = String::new();
        push_csv_line(&mut provenance, &[share_link, &ds.data_as_at.to_string()]);
        provenance.truncate(provenance.len() - 2);
        CsvWriter {
            ds,
            out,
            regions: ds.regions.iter().map(|r| field(&r.name)).collect(),
            categories: ds.categories.iter().map(|c| field(&c.name)).collect(),
            providers: ds.providers.iter().map(|p| field(&p.name)).collect(),
            // Empty where the list names none.
            buyers: ds
                .index
                .buyers
                .iter()
                .map(|b| match b.slug.as_str() {
                    BUYER_NOT_STATED => String::new(),
                    _ => field(&b.name),
                })
                .collect(),
            sources: (0..ds.sources.len())
                .map(|s| field(&ds.source_text(s)))
                .collect(),
            provenance,
            view: file_part(&crate::engine::link::query(
                "",
                filters,
                &crate::engine::MapColour::default(),
            )),
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
            out.push_str(&self.buyers[ds.index.buyer[a] as usize]);
            out.push(',');
            // Empty where no value was published.
            if let Some(v) = award.value {
                out.push_str(&v.to_string());
            }
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
            let (end, earlier) = ds.award_ends(a);
            out.push_str(&end.to_string());
            out.push(',');
            if let Some(m) = earlier {
                out.push_str(&m.to_string());
            }
            out.push(',');
            out.push_str(&self.sources[award.source]);
            out.push(',');
            push_csv_field(out, &award.note, true);
            out.push(',');
            out.push_str(&self.provenance);
            out.push_str("\r\n");
        }
    }

    /// The name to save the file under: the dataset's own, and the view's filters
    /// (`probation-contracts-2021-region-wales.csv`).
    pub fn file_name(&self) -> String {
        if self.view.is_empty() {
            format!("{}.csv", self.ds.file_name)
        } else {
            format!("{}-{}.csv", self.ds.file_name, self.view)
        }
    }

    /// The file.
    pub fn finish(self) -> String {
        self.out
    }
}
