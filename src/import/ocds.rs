//! Reading OCDS 1.1 (a release package, a record package, or JSON Lines of releases or
//! packages) into a list of awards, by the rules the README gives: each award of each
//! contracting process counts once, as the release with the latest `date` gives it.

use crate::lang::{self, m};
use std::collections::{BTreeMap, HashMap, HashSet};

use super::cells::{amount, date, decode_entities};
use super::geography::Geography;
use super::json::{Kind, Value};
use super::list::{Entry, Problem, Report};
use crate::data::{Date, Sector};

/// One award as the latest release read so far gives it.
struct Held {
    date: String,
    /// Index of the release it came from, in reading order.
    release: usize,
    entry: Option<Entry>,
}

/// Releases read so far, and the awards they give.
pub(crate) struct Ocds {
    file: String,
    geo: Geography,
    held: BTreeMap<(String, String), Held>,
    ocids: HashSet<String>,
    /// Per release: how many awards it gave, and how many no later release replaced.
    gave: Vec<(u32, u32)>,
    pub report: Report,
}

/// Where a value sits in the file: its path and position.
fn problem(file: &str, at: &Value, path: &str, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_string(),
        line: at.line.into(),
        column: Some(at.column.into()),
        path: path.to_string(),
        message: message.into(),
    }
}

/// The path of `key` inside the value at `path` (the root's path is empty).
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Text of `v`'s member `key`, entities decoded; empty when it is missing or not text.
fn text(v: Option<&Value>, key: &str) -> String {
    v.and_then(|v| v.get(key))
        .and_then(Value::text)
        .map(decode_entities)
        .unwrap_or_default()
}

/// An identifier, which publishers write as a string or a number.
fn id(v: Option<&Value>) -> Option<String> {
    match &v?.kind {
        Kind::Text(s) => Some(s.to_string()),
        Kind::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl Ocds {
    pub fn new(file: &str, geo: Geography) -> Ocds {
        lang::use_reader();
        Ocds {
            file: file.to_string(),
            geo,
            held: BTreeMap::new(),
            ocids: HashSet::new(),
            gave: Vec::new(),
            report: Report {
                file: file.to_string(),
                ..Report::default()
            },
        }
    }

    /// Reads one JSON document: a release, a record, or a package of either.
    pub fn add_document(&mut self, doc: &Value, path: &str) {
        let at = |key: &str| join(path, key);
        let uri = text(Some(doc), "uri");
        if self.report.publisher.is_empty() {
            self.report.publisher = text(doc.get("publisher"), "name");
        }
        let published = date(&text(Some(doc), "publishedDate"));
        self.report.published = self.report.published.max(published);
        let kind = if doc.get("records").is_some() {
            "an OCDS record package"
        } else if doc.get("releases").is_some() && doc.get("ocid").is_none() {
            "an OCDS release package"
        } else if doc.get("ocid").is_some() {
            "OCDS releases"
        } else {
            let message = lang::t(m::OCDS_NOT);
            self.report
                .problems
                .push(problem(&self.file, doc, path, message));
            return;
        };
        if self.report.format.is_empty() {
            self.report.format = kind.to_string();
        }
        if let Some(records) = doc.get("records") {
            for (i, record) in records.items().iter().enumerate() {
                self.add_record(record, &at(&format!("records[{i}]")), &uri);
            }
        } else if let Some(releases) = doc.get("releases").filter(|_| doc.get("ocid").is_none()) {
            for (i, release) in releases.items().iter().enumerate() {
                self.add_release(release, &at(&format!("releases[{i}]")), &uri);
            }
        } else if doc.get("compiledRelease").is_some()
            || (doc.get("releases").is_some() && doc.get("tag").is_none())
        {
            self.add_record(doc, path, &uri);
        } else {
            self.add_release(doc, path, &uri);
        }
    }

    /// A record: its compiled release where it has one, else its embedded releases.
    fn add_record(&mut self, record: &Value, path: &str, uri: &str) {
        if let Some(compiled) = record.get("compiledRelease") {
            self.add_release(compiled, &join(path, "compiledRelease"), uri);
            return;
        }
        for (i, release) in record
            .get("releases")
            .map_or(&[][..], Value::items)
            .iter()
            .enumerate()
        {
            let at = join(path, &format!("releases[{i}]"));
            if release.get("ocid").is_some() && release.get("tag").is_some() {
                self.add_release(release, &at, uri);
            } else {
                let message = lang::t(m::OCDS_LINKED);
                self.report
                    .problems
                    .push(problem(&self.file, release, &at, message));
            }
        }
    }

    fn add_release(&mut self, r: &Value, path: &str, uri: &str) {
        let Some(ocid) = r.get("ocid").and_then(Value::text) else {
            let message = lang::t(m::OCDS_NO_OCID);
            self.report
                .problems
                .push(problem(&self.file, r, path, message));
            return;
        };
        let index = self.gave.len();
        self.gave.push((0, 0));
        self.report.read += 1;
        self.ocids.insert(ocid.to_string());
        let date = text(Some(r), "date");
        self.report.published = self.report.published.max(super::cells::date(&date));
        let parties: Parties = r
            .get("parties")
            .map_or(&[][..], Value::items)
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((id(p.get("id"))?, (i, p))))
            .collect();
        let tender = r.get("tender");
        let awards = r.get("awards").map_or(&[][..], Value::items);
        if awards.is_empty() {
            self.report.without_award += 1;
            return;
        }
        let context = Context {
            path,
            ocid,
            buyer: buyer(r, &parties),
            category: category(tender),
            region: self.region(tender),
            address: address(tender).unwrap_or_else(|| uri.to_string()),
            title: text(tender, "title"),
            period: tender.and_then(|t| t.get("contractPeriod")),
        };
        for (j, award) in awards.iter().enumerate() {
            let at = join(path, &format!("awards[{j}]"));
            let Some(award_id) = id(award.get("id")) else {
                let message = lang::t(m::OCDS_AWARD_NO_ID);
                self.report
                    .problems
                    .push(problem(&self.file, award, &at, message));
                continue;
            };
            let entry = match award.get("status").and_then(Value::text) {
                Some("cancelled" | "unsuccessful") => None,
                _ => match self.entry(award, &at, &parties, &context) {
                    Ok(e) => Some(e),
                    Err(p) => {
                        self.report.problems.push(p);
                        continue;
                    }
                },
            };
            let key = (ocid.to_string(), award_id);
            if let Some(old) = self.held.get(&key) {
                // The latest `date` stands; on a tie, the one read later.
                if old.date > date {
                    self.gave[index].0 += 1;
                    continue;
                }
                self.gave[old.release].1 -= 1;
            }
            self.gave[index].0 += 1;
            self.gave[index].1 += 1;
            self.held.insert(
                key,
                Held {
                    date: date.clone(),
                    release: index,
                    entry,
                },
            );
        }
    }

    /// The delivery region the tender's items name, where it is exactly one of the
    /// explorer's regions and they name no other.
    fn region(&self, tender: Option<&Value>) -> Option<usize> {
        let mut found = HashSet::new();
        for item in tender
            .and_then(|t| t.get("items"))
            .map_or(&[][..], Value::items)
        {
            let addresses = item.get("deliveryAddresses").map_or(&[][..], Value::items);
            let location = item.get("deliveryLocation");
            for a in addresses.iter().chain(location) {
                let name = text(Some(a), "region");
                if !name.is_empty() {
                    found.insert(self.geo.region(&name));
                }
            }
        }
        match found.len() {
            1 => found.into_iter().next().flatten(),
            _ => None,
        }
    }

    fn entry(
        &self,
        award: &Value,
        path: &str,
        parties: &Parties,
        c: &Context,
    ) -> Result<Entry, Problem> {
        let suppliers = award.get("suppliers").map_or(&[][..], Value::items);
        let names: Vec<(String, Option<(usize, &Value)>)> = suppliers
            .iter()
            .map(|s| {
                let party = id(s.get("id")).and_then(|i| parties.get(&i).copied());
                let mut name = text(Some(s), "name");
                if name.is_empty() {
                    name = text(party.map(|(_, p)| p), "name");
                }
                (name.trim().to_string(), party)
            })
            .filter(|(name, _)| !name.is_empty())
            .collect();
        let Some((provider, party)) = names.first().cloned() else {
            return Err(problem(
                &self.file,
                award,
                path,
                lang::t(m::OCDS_NO_SUPPLIER),
            ));
        };
        let details = party.and_then(|(_, p)| p.get("details"));
        let sector = match details.and_then(|d| d.get("vcse")) {
            None
            | Some(Value {
                kind: Kind::Null, ..
            }) => None,
            Some(Value {
                kind: Kind::Bool(true),
                ..
            }) => Some(Sector::Voluntary),
            Some(Value {
                kind: Kind::Bool(false),
                ..
            }) => Some(Sector::Private),
            Some(other) => {
                let at = join(
                    c.path,
                    &format!("parties[{}].details.vcse", party.map_or(0, |(i, _)| i)),
                );
                return Err(problem(
                    &self.file,
                    other,
                    &at,
                    lang::fill(m::OCDS_EXPECTED_BOOL, &[("found", other.what())]),
                ));
            }
        };
        let (mut value, mut rounded_value, mut other_currency) = (None, false, None);
        if let Some(v) = award.get("value") {
            let currency = v.get("currency").and_then(Value::text).unwrap_or("GBP");
            match v.get("amount") {
                None
                | Some(Value {
                    kind: Kind::Null, ..
                }) => {}
                Some(
                    a @ Value {
                        kind: Kind::Number(n),
                        ..
                    },
                ) => {
                    let Some((pounds, rounded)) = amount(n) else {
                        return Err(problem(
                            &self.file,
                            a,
                            &format!("{path}.value.amount"),
                            lang::fill(m::OCDS_BAD_AMOUNT, &[("n", n)]),
                        ));
                    };
                    if currency != "GBP" {
                        other_currency = Some(currency.to_string());
                    } else {
                        value = Some(pounds);
                        rounded_value = rounded;
                    }
                }
                Some(a) => {
                    return Err(problem(
                        &self.file,
                        a,
                        &format!("{path}.value.amount"),
                        lang::fill(m::OCDS_EXPECTED_NUMBER, &[("found", a.what())]),
                    ))
                }
            }
        }
        let period = award.get("contractPeriod").or(c.period);
        let when = |key: &str| -> Option<Date> { date(&text(period, key)) };
        let title = match text(Some(award), "title") {
            t if t.is_empty() => c.title.clone(),
            t => t,
        };
        Ok(Entry {
            provider,
            joint: names[1..].iter().map(|(n, _)| n.clone()).collect(),
            sector,
            scale: text(details, "scale"),
            value,
            rounded: rounded_value,
            other_currency,
            category: c.category.clone(),
            region: c.region,
            areas: Vec::new(),
            buyer: c.buyer.clone(),
            title,
            start: when("startDate"),
            end: when("endDate"),
            awarded: date(&text(Some(award), "date")),
            address: c.address.clone(),
            ocid: c.ocid.to_string(),
            note: String::new(),
        })
    }

    /// The awards that stand, in order of `ocid` and award id, and the report.
    pub fn finish(mut self) -> (Vec<Entry>, Report) {
        let mut entries = Vec::new();
        for held in self.held.into_values() {
            match held.entry {
                Some(e) => entries.push(e),
                None => self.report.cancelled += 1,
            }
        }
        self.report.processes = self.ocids.len();
        self.report.earlier_versions = self
            .gave
            .iter()
            .filter(|(gave, stands)| *gave > 0 && *stands == 0)
            .count();
        (entries, self.report)
    }
}

/// A release's parties by id: their position in `parties`, and the party.
type Parties<'r> = HashMap<String, (usize, &'r Value<'r>)>;

/// What every award of one release shares.
struct Context<'r> {
    /// The release's path.
    path: &'r str,
    ocid: &'r str,
    buyer: String,
    category: String,
    region: Option<usize>,
    address: String,
    title: String,
    period: Option<&'r Value<'r>>,
}

/// The buyer's name: the release's `buyer`, else the party whose roles include "buyer".
fn buyer(r: &Value, parties: &Parties) -> String {
    let named = text(r.get("buyer"), "name");
    if !named.is_empty() {
        return named;
    }
    let by_id =
        id(r.get("buyer").and_then(|b| b.get("id"))).and_then(|i| parties.get(&i).map(|(_, p)| *p));
    let by_role = || {
        r.get("parties")
            .map_or(&[][..], Value::items)
            .iter()
            .find(|p| {
                p.get("roles")
                    .map_or(&[][..], Value::items)
                    .iter()
                    .any(|r| r.text() == Some("buyer"))
            })
    };
    text(by_id.or_else(by_role), "name")
}

/// The tender's main classification (its CPV description): the tender's own, else its
/// first item's.
fn category(tender: Option<&Value>) -> String {
    let own = text(tender.and_then(|t| t.get("classification")), "description");
    if !own.is_empty() {
        return own;
    }
    let first = tender
        .and_then(|t| t.get("items"))
        .and_then(|i| i.items().first())
        .and_then(|i| i.get("classification"));
    text(first, "description")
}

/// The notice's address: the first document's `url`.
fn address(tender: Option<&Value>) -> Option<String> {
    tender
        .and_then(|t| t.get("documents"))
        .map_or(&[][..], Value::items)
        .iter()
        .map(|d| text(Some(d), "url"))
        .find(|u| !u.is_empty())
}
