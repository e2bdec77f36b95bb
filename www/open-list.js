// Opens a list of awards the visitor chose or dropped: reads it in the import worker (a wasm
// of its own, fetched the first time), says how far it has got with a way to cancel, and
// hands the packed dataset to the explorer (`openList`). www/boot.js loads this file only
// when a list is first opened, so none of it is in the default page. The file never
// leaves the device: the worker reads it from the visitor's disk.
let worker;

// What the status line says, in the page's language: its `data-` attributes (written from
// the catalogue, www/lang/), with `{name}`s filled in here.
const words = (key, fill) =>
  (document.getElementById('open-status')?.dataset[key] ?? '').replace(/\{(\w+)\}/g, (m, k) => fill[k] ?? m);

const size = (bytes) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;

/** Opens `file`; `hosted` ([slug, label, file name]) where the host lists it. */
export function open(file, glue, hosted) {
  const status = document.getElementById('open-status');
  const cancel = document.getElementById('open-cancel');
  const say = (text) => {
    if (status) status.textContent = text;
  };
  const stop = () => {
    worker?.terminate();
    worker = undefined;
    if (cancel) {
      cancel.hidden = true;
      cancel.onclick = null;
    }
  };
  stop();
  // A file dropped on the page: show where its progress is said.
  const panel = status?.closest('details');
  if (panel) panel.open = true;
  // Marks for bench/import.mjs: from here to the worker's answer is the reading.
  performance.mark('contracts-list-start');
  worker = new Worker(new URL('import-worker_loader.js', document.baseURI));
  // The reader writes its report in the page's language: on the Welsh page it is sent the
  // Welsh catalogue, which the page has read already (so the browser has it to hand).
  const catalogue = document.documentElement.lang === 'cy'
    ? fetch(new URL('lang/cy.txt', document.baseURI)).then((r) => (r.ok ? r.text() : undefined)).catch(() => undefined)
    : Promise.resolve(undefined);
  say(words('reading', { name: file.name, size: size(file.size) }));
  if (cancel) {
    cancel.hidden = false;
    cancel.onclick = () => {
      stop();
      say(words('stopped', { name: file.name }));
      document.getElementById('open-file')?.focus();
    };
  }
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  worker.onmessage = ({ data }) => {
    if (data.ready) {
      catalogue.then((text) => worker?.postMessage({ file, today, catalogue: text }));
      return;
    }
    if (data.progress !== undefined) {
      const part = data.total > 0 ? Math.floor((100 * data.progress) / data.total) : 100;
      say(words('progress', { name: file.name, part: String(part), size: size(data.total) }));
      return;
    }
    performance.mark('contracts-list-read');
    stop();
    if (data.error !== undefined) {
      say(words('unreadable', { name: file.name, why: data.error }));
      return;
    }
    const why = glue.openList(data.done, data.report.join('\n'), hosted?.join('\n'));
    if (why) say(words('unshown', { name: file.name, why }));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    stop();
    say(words('readerStopped', { name: file.name, why: e.message || 'an error' }));
  };
}

/** Opens the list the host publishes as `slug`: `data/catalogue.csv` beside the explorer has
 *  a line `slug,label,file` for it (the label may hold commas; the file is in `data/`). A
 *  slug it does not list is left as the page says: no such dataset here. */
export async function openHosted(slug, glue) {
  let entry;
  try {
    const response = await fetch(new URL('data/catalogue.csv', document.baseURI));
    if (!response.ok) return;
    entry = (await response.text())
      .split(/\r?\n/)
      .slice(1)
      .map((line) => [line.slice(0, line.indexOf(',')), line.slice(line.indexOf(',') + 1, line.lastIndexOf(',')), line.slice(line.lastIndexOf(',') + 1)].map((x) => x.trim()))
      .find(([s]) => s.toLowerCase() === slug);
  } catch {
    return;
  }
  if (!entry || !entry[2]) return;
  const [, label, name] = entry;
  const response = await fetch(new URL(`data/${name}`, document.baseURI)).catch(() => undefined);
  const status = document.getElementById('open-status');
  if (!response?.ok) {
    if (status) status.textContent = words('unfetched', { label, file: `data/${name}` });
    return;
  }
  const file = new File([await response.blob()], name.split('/').pop());
  open(file, glue, [slug, label.replace(/^"|"$/g, '') || slug, `data/${name}`]);
}
