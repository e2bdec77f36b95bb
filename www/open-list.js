// Opens a list of awards the visitor chose or dropped: reads it in the import worker (a wasm
// of its own, fetched the first time), says how far it has got with a way to cancel, and
// hands the packed dataset to the explorer (`openList`). www/boot.js loads this file only
// when a list is first opened, so none of it is in the default page. The file never
// leaves the device: the worker reads it from the visitor's disk.
let worker;

const size = (bytes) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;

export function open(file, glue) {
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
  worker = new Worker(new URL('import-worker_loader.js', document.baseURI));
  say(`Reading “${file.name}” (${size(file.size)})…`);
  if (cancel) {
    cancel.hidden = false;
    cancel.onclick = () => {
      stop();
      say(`Stopped reading “${file.name}”. Nothing was changed.`);
      document.getElementById('open-file')?.focus();
    };
  }
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  worker.onmessage = ({ data }) => {
    if (data.ready) {
      worker.postMessage({ file, today });
      return;
    }
    if (data.progress !== undefined) {
      const part = data.total > 0 ? Math.floor((100 * data.progress) / data.total) : 100;
      say(`Reading “${file.name}”: ${part}% of ${size(data.total)}…`);
      return;
    }
    stop();
    if (data.error !== undefined) {
      say(`“${file.name}” could not be read: ${data.error}`);
      return;
    }
    const why = glue.openList(data.done, data.report.join('\n'));
    if (why) say(`“${file.name}” could not be shown: ${why}.`);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    stop();
    say(`“${file.name}” could not be read: the reader stopped (${e.message || 'an error'}).`);
  };
}
