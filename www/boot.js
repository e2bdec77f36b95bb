// Starts the explorer: loads the wasm-bindgen glue and the wasm named in the page's <meta> tags
// (written by Trunk with their content hashes). A file of its own, so no inline script is needed.
// Until the explorer is on the page, index.html shows a line saying it is loading; it goes once
// the explorer is mounted, or says why the explorer could not start.
// If the wasm ever stops on a panic (a WebAssembly.RuntimeError out of any call into it: an
// event handler, a timer, a promise, or starting), the page is replaced by the fallback
// table the wasm builds from its built-in data (src/ui/fallback.rs), once.
const name = (n) => document.querySelector(`meta[name="contracts-explorer-${n}"]`)?.content;
const loading = document.getElementById('loading');
// Until the explorer has read its catalogue (www/lang/), the two lines this file may show
// are here, in the language the explorer will choose: the link's `lang=`, an embed's, else
// the browser's preference between Welsh and English.
const asked = new URLSearchParams(location.search).get('lang') ?? new URLSearchParams(location.hash.slice(1)).get('lang');
const welsh = (asked ?? navigator.languages?.find((l) => /^(cy|en)(-|$)/i.test(l)) ?? 'en').slice(0, 2).toLowerCase() === 'cy';
const SAY = welsh
  ? { loading: 'Wrthi’n llwytho’r archwiliwr contractau…', failed: 'Ni allai’r archwiliwr ddechrau yn y porwr hwn. Mae’r data ar gael fel ffeiliau CSV yn y ffolder data/.' }
  : { loading: 'Loading the contracts explorer…', failed: 'The explorer could not start in this browser. The data is available as CSV files in the data/ folder.' };
if (welsh && loading) {
  document.documentElement.lang = 'cy';
  loading.textContent = SAY.loading;
}
let glue;
let fellBack = false;
const stopped = (error) => {
  if (!(error instanceof WebAssembly.RuntimeError) || fellBack || !glue) return false;
  fellBack = true;
  glue.showFallback();
  return true;
};
addEventListener('error', (e) => stopped(e.error));
// "Open your own list": the code that reads a list loads only when one is first opened.
const openList = (file) => {
  if (file && glue) import('./open-list.js').then((m) => m.open(file, glue));
};
document.addEventListener('change', (e) => {
  if (!e.target.matches?.('[data-testid="open-file"]')) return;
  const file = e.target.files?.[0];
  e.target.value = ''; // so choosing the same file again (after a cancel) opens it again
  openList(file);
});
addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files[0];
  // Only where the page offers to open a list (an embed does not show the control).
  const offered = document.querySelector('[data-testid="open-file"]')?.getClientRects().length;
  if (!file || !offered) return;
  e.preventDefault();
  openList(file);
});
addEventListener('unhandledrejection', (e) => stopped(e.reason));
try {
  const js = name('js');
  const wasm = name('wasm');
  if (!js || !wasm) throw new Error('index.html names no explorer files');
  glue = await import(new URL(js, document.baseURI).href);
  await glue.default({ module_or_path: new URL(wasm, document.baseURI) });
  loading?.remove();
  // A link naming a dataset the explorer does not have may name a list the host publishes
  // beside it (data/catalogue.csv): read it as a visitor's file is read.
  const wanted = new URLSearchParams(location.search).get('data')?.trim().toLowerCase();
  if (wanted && !glue.knowsDataset(wanted)) import('./open-list.js').then((m) => m.openHosted(wanted, glue));
} catch (e) {
  if (!stopped(e) && loading?.isConnected) {
    loading.textContent = SAY.failed;
  }
  throw e;
}
