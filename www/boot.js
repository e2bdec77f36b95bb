// Starts the explorer: loads the wasm-bindgen glue and the wasm named in the page's <meta> tags
// (written by Trunk with their content hashes). A file of its own, so no inline script is needed.
const name = (n) => document.querySelector(`meta[name="contracts-explorer-${n}"]`)?.content;
const js = name('js');
const wasm = name('wasm');
if (js && wasm) {
  const glue = await import(new URL(js, document.baseURI).href);
  await glue.default({ module_or_path: new URL(wasm, document.baseURI) });
}
