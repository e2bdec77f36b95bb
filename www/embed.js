/*! contracts-explorer embed loader. Paste:
 *   <div data-contracts-explorer data-view="category=womens"></div>
 *   <script src="https://YOUR-SITE/contracts-explorer/embed.js" async></script>
 * Options (data attributes): view (a share-link query), panels (figures, sentence, filters,
 * charts or chart-region, chart-category, chart-provider, chart-timeline, table, map),
 * theme (light, dark, auto), accent (#rrggbb), lang (cy or en: the language, which the
 * visitor's browser chooses otherwise), transparent, height (initial, px),
 * phone-height (initial on screens under 40rem, px), title, id,
 * sync-url (mirror the view into this page's URL fragment, and follow it when it changes). */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL('./', script.src).href;
  var origin = new URL(base).origin;
  var PREFIX = 'contracts-explorer:';
  // The frame's default title in each language (kept here, not in www/lang/, as it is
  // needed before the widget loads; tests/lang.rs checks both are given).
  var TITLES = { en: 'Probation contracts explorer', cy: 'Archwiliwr contractau prawf' };
  var frames = [];

  // This page's fragment as key/value pairs: one `ce-<id>` key per synced embed.
  function hashParams() {
    return new URLSearchParams(location.hash.replace(/^#/, ''));
  }

  function attr(el, name) {
    var v = el.getAttribute('data-' + name);
    return v === null ? null : v;
  }

  function start(el, n) {
    if (el.getAttribute('data-contracts-explorer-ready') !== null) return;
    el.setAttribute('data-contracts-explorer-ready', '');
    var id = (attr(el, 'id') || 'ce' + (n + 1)).replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'ce' + (n + 1);
    var sync = attr(el, 'sync-url') !== null;
    var own = attr(el, 'view') || '';
    var options = ['embed', 'id=' + id, 'host=' + encodeURIComponent(location.origin)];
    // A synced embed is told its own view (shown if the fragment's cannot be used) and this
    // page's address (its copied links open this page at the view).
    if (sync) {
      if (own) options.push('base=' + encodeURIComponent(own));
      options.push('page=' + encodeURIComponent(location.origin + location.pathname + location.search));
    }
    [['panels', 'panels'], ['theme', 'theme'], ['accent', 'accent'], ['lang', 'lang']].forEach(function (p) {
      var v = attr(el, p[0]);
      if (v) options.push(p[1] + '=' + encodeURIComponent(v));
    });
    if (attr(el, 'transparent') !== null) options.push('transparent');
    if (sync) options.push('sync');
    var frame = document.createElement('iframe');
    var entry = { id: id, frame: frame, sync: sync, own: own, options: options.join('&'), view: null };
    open(entry);
    // The frame's name before the widget has said anything: in the language asked for.
    frame.title = attr(el, 'title') || TITLES[attr(el, 'lang') === 'cy' ? 'cy' : 'en'];
    frame.loading = 'lazy';
    frame.allow = 'clipboard-write';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    // The height to keep while the widget loads, closer on phones where it is taller.
    var phone = window.matchMedia && window.matchMedia('(max-width: 40rem)').matches;
    var height = parseInt((phone && attr(el, 'phone-height')) || attr(el, 'height') || '', 10);
    frame.style.height = (height > 0 && height < 20000 ? height : 900) + 'px';
    el.appendChild(frame);
    frames.push(entry);
  }

  // Points an embed's frame at its view: a synced one's from this page's fragment, else its own.
  function open(entry) {
    var view = (entry.sync && hashParams().get('ce-' + entry.id)) || entry.own;
    if (view === entry.view) return;
    entry.view = view;
    entry.frame.src = base + (view ? '?' + view.replace(/^\?/, '') : '') + '#' + entry.options;
  }

  // A changed fragment (a link followed, or edited by hand) opens synced embeds at its view.
  window.addEventListener('hashchange', function () {
    frames.forEach(function (entry) { if (entry.sync) open(entry); });
  });

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
    var entry = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].frame.contentWindow === event.source) entry = frames[i];
    }
    if (!entry || data.id !== entry.id) return;
    if (data.type === PREFIX + 'height') {
      var h = data.height;
      if (typeof h === 'number' && isFinite(h) && h > 0 && h < 100000) entry.frame.style.height = Math.ceil(h) + 'px';
    } else if (data.type === PREFIX + 'state' && entry.sync) {
      var q = data.query;
      if (typeof q !== 'string' || q.length > 4096) return;
      var params = hashParams();
      if (q) params.set('ce-' + entry.id, q); else params.delete('ce-' + entry.id);
      entry.view = q || entry.own;
      var hash = params.toString();
      history.replaceState(history.state, '', location.pathname + location.search + (hash ? '#' + hash : ''));
    }
  });

  var found = document.querySelectorAll('[data-contracts-explorer]');
  for (var i = 0; i < found.length; i++) start(found[i], i);
})();
