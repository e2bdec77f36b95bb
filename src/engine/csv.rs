//! The CSV export of a view's awards, and the guard that keeps cells from running as formulas.

use crate::data::Dataset;
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

    /// The name to save the file under: the dataset's own, as `.csv`.
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.ds.file_name)
    }

    /// The file.
    pub fn finish(self) -> String {
        self.out
    }
}
