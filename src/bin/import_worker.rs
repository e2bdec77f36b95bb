//! The import worker: reads a list of awards the visitor opened (`src/import`), off the
//! page's main thread, into the packed dataset the page shows. The page loads it only when
//! a list is first opened (`www/open-list.js`), so none of it is in the default page.
//!
//! Messages out: `{ready: true}` once it listens. In: `{file: File, today: "YYYY-MM-DD"}`.
//! Out: `{progress: bytes read, total}` after each part of the file, then `{done:
//! Uint8Array, report: [lines]}` or `{error}`.
//! JSON Lines are read a part at a time, a line at a time, and never held whole.

use contracts_explorer::data::{packed, Date};
use contracts_explorer::import::{self, Imported, Problem};
use contracts_explorer::lang::{self, m};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

/// How much of the file is read at a time.
const PART: f64 = 8.0 * 1024.0 * 1024.0;

/// The most problems sent to the page; the report says how many more there were.
const MAX_PROBLEMS: usize = 200;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts an object with the given members.
fn post(members: &[(&str, JsValue)]) {
    let o = Object::new();
    for (k, v) in members {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    let _ = scope().post_message(&o);
}

/// Bytes `from..to` of `file`.
fn part(reader: &FileReaderSync, file: &File, from: f64, to: f64) -> Result<Vec<u8>, String> {
    let blob = file
        .slice_with_f64_and_f64(from, to)
        .map_err(|_| lang::t(m::WORKER_UNREADABLE).to_string())?;
    let buffer = reader
        .read_as_array_buffer(&blob)
        .map_err(|_| lang::t(m::WORKER_MOVED).to_string())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Reads `file`: JSON Lines a part at a time, anything else whole.
fn read(file: &File, today: Date) -> Result<Imported, String> {
    let name = file.name();
    let total = file.size();
    let reader = FileReaderSync::new().map_err(|_| lang::t(m::WORKER_NO_READER).to_string())?;
    let problem = |p: Problem| p.to_string();
    let mut at = 0.0;
    let mut carry: Vec<u8> = Vec::new();
    let mut lines: Option<import::Lines> = None;
    let mut decided = false;
    while at < total {
        let to = (at + PART).min(total);
        let mut bytes = part(&reader, file, at, to)?;
        at = to;
        post(&[("progress", at.into()), ("total", total.into())]);
        if !decided {
            // A first line that is a whole JSON document by itself: JSON Lines.
            carry.append(&mut bytes);
            let body = carry.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&carry);
            let skipped = carry.len() - body.len();
            let start = skipped
                + body
                    .iter()
                    .position(|b| !b" \t\r\n".contains(b))
                    .unwrap_or(0);
            let Some(end) = carry[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map(|e| e + start)
            else {
                if at < total {
                    continue;
                }
                break;
            };
            decided = true;
            let first = String::from_utf8_lossy(&carry[start..end]);
            if matches!(carry.get(start), Some(b'{')) && import::is_json_lines(&first) {
                lines = Some(import::Lines::new(&name).map_err(problem)?);
            } else {
                continue;
            }
            bytes = std::mem::take(&mut carry);
        }
        match &mut lines {
            Some(l) => {
                carry.append(&mut bytes);
                let Some(last) = carry.iter().rposition(|&b| b == b'\n') else {
                    continue;
                };
                for line in carry[..last].split(|&b| b == b'\n') {
                    l.push(line.strip_suffix(b"\r").unwrap_or(line));
                }
                carry.drain(..=last);
            }
            None => carry.append(&mut bytes),
        }
    }
    match lines {
        Some(mut l) => {
            if !carry.is_empty() {
                l.push(&carry);
            }
            l.import(today).map_err(problem)
        }
        None => import::import(&[(name, carry)], today).map_err(problem),
    }
}

/// The report as lines for the page: a sentence per file, then its problems, indented.
fn report_lines(imported: &Imported) -> Array {
    let out = Array::new();
    for r in &imported.reports {
        out.push(&JsValue::from_str(&format!("{}: {}", r.file, r.sentence())));
        for p in r.problems.iter().take(MAX_PROBLEMS) {
            out.push(&JsValue::from_str(&format!("  {p}")));
        }
        if r.problems.len() > MAX_PROBLEMS {
            let more = r.problems.len() - MAX_PROBLEMS;
            let more = lang::fill(m::WORKER_MORE, &[("n", &more.to_string())]);
            out.push(&JsValue::from_str(&format!("  {more}")));
        }
    }
    out
}

fn main() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let data = e.data();
        let file = Reflect::get(&data, &"file".into())
            .ok()
            .and_then(|f| f.dyn_into::<File>().ok());
        let today = Reflect::get(&data, &"today".into())
            .ok()
            .and_then(|t| t.as_string())
            .and_then(|t| Date::parse(&t));
        // The Welsh catalogue, where the page is in Welsh: the report is written in it.
        if let Some(text) = Reflect::get(&data, &"catalogue".into())
            .ok()
            .and_then(|c| c.as_string())
        {
            if lang::read_welsh(&text).is_ok() && lang::read_welsh_reader(&text).is_ok() {
                lang::set(lang::Lang::Cy);
            }
        }
        let (Some(file), Some(today)) = (file, today) else {
            post(&[("error", lang::t(m::WORKER_NO_FILE).into())]);
            return;
        };
        match read(&file, today) {
            Ok(imported) => {
                let bytes = Uint8Array::from(&packed::pack(&imported.dataset)[..]);
                post(&[
                    ("done", bytes.into()),
                    ("report", report_lines(&imported).into()),
                ]);
            }
            Err(why) => post(&[("error", why.into())]),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A message sent before this handler was set would be lost: the page waits for this.
    post(&[("ready", true.into())]);
}
