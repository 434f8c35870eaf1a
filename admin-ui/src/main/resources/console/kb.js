'use strict';
(function () {
  const { el, clear, api, table } = H;
  const pick = document.getElementById('kb-pick');
  const upload = document.getElementById('kb-upload');
  const search = document.getElementById('kb-search');
  const fileList = document.getElementById('kb-file-list');
  const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf', 'jsonl', 'ndjson'];
  const MAX_FILE_BYTES = 15 * 1024 * 1024;
  let docPage = 1;
  let queue = Promise.resolve();

  function kb() {
    return document.getElementById('kb-name').value.trim() || 'default';
  }

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Watches an ingestion until it ends, showing its progress on bar and label. */
  async function follow(ingestion, bar, label) {
    let now = ingestion;
    while (now.state === 'RUNNING') {
      bar.max = Math.max(1, now.documentsTotal);
      bar.value = now.documentsDone;
      label.textContent = now.waiting || H.t('kb.ingesting-0-of-1', now.documentsDone, now.documentsTotal, now.chunks);
      await sleep(300);
      now = await api('GET', '/api/v1/kb/ingestions/' + encodeURIComponent(now.id));
    }
    bar.max = 1;
    bar.value = now.state === 'DONE' ? 1 : 0;
    return now;
  }

  function summary(r) {
    return H.t('kb.summary', r.added, r.replaced, r.unchanged, r.chunks, (r.millis / 1000).toFixed(1));
  }

  /** Uploads one file with its own row: progress, then what was added or why not. */
  async function send(file) {
    const bar = el('progress', { max: '1', value: '0', 'aria-label': H.t('kb.progress-of-0', file.name) });
    const state = el('span', { className: 'file-state', text: H.t('kb.waiting') });
    const row = el('li', { className: 'file-row', dataset: { file: file.name } },
      el('strong', { text: file.name }), ' ', el('span', { className: 'muted', text: H.bytes(file.size) }), ' ', bar, ' ', state);
    fileList.appendChild(row);
    const ext = (file.name.split('.').pop() || '').toLowerCase();
    function fail(text) {
      row.classList.add('failed');
      state.textContent = text;
    }
    if (!EXTENSIONS.includes(ext) || file.name.indexOf('.') < 0) {
      fail(H.t('kb.not-added-type', ext ? '.' + ext : H.t('kb.a-file-without-an')));
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      fail(H.t('kb.not-added-0-is', H.bytes(file.size), H.bytes(MAX_FILE_BYTES)));
      return;
    }
    try {
      state.textContent = H.t('kb.uploading');
      const accepted = await api('POST', '/api/v1/kb/files' + H.query({ kb: kb(), name: file.name }), file);
      const done = await follow(accepted, bar, state);
      if (done.state === 'FAILED') {
        fail(H.t('kb.failed-after-0-of', done.documentsDone, done.documentsTotal, done.error));
        return;
      }
      row.classList.add('done');
      state.textContent = summary(done.result);
      (accepted.skipped || []).forEach((s) => row.appendChild(el('div', { className: 'skip',
        text: s.line ? H.t('kb.skipped-line', s.line, s.reason) : H.t('kb.skipped-file', s.reason) })));
      // documents the injection screen flagged are not in the knowledge base: say which, and the span that scored
      const result = done.result || {};
      (result.quarantined || []).forEach((q) => row.appendChild(el('div', { className: 'skip quarantined',
        text: H.t('kb.quarantined', q.source, Number(q.score).toFixed(2), q.span) })));
      if (result.unscreened) row.appendChild(el('div', { className: 'skip', text: H.t('kb.unscreened', result.unscreened) }));
    } catch (e) {
      const problem = e.problem || {};
      fail(H.t('kb.not-added-why', e.message || String(e)));
      (problem.errors || []).filter((f) => !(e.message || '').includes(f.message))
        .forEach((f) => row.appendChild(el('div', { className: 'skip', text: f.field + ': ' + f.message })));
    }
  }

  function addFiles(files) {
    Array.from(files).forEach((file) => { queue = queue.then(() => send(file)); });
    queue = queue.then(() => Promise.all([stats(), documents()]));
  }

  async function stats() {
    const box = clear(document.getElementById('kb-stats'));
    try {
      const s = await api('GET', '/api/v1/kb/stats' + H.query({ kb: kb() }));
      if (!s.exists) {
        box.appendChild(el('p', { id: 'kb-empty', className: 'empty-state',
          text: H.t('kb.the-knowledge-base-0', s.kb) }));
        return;
      }
      const st = s.stats;
      const rows = [
        [H.t('kb.documents'), st.sources], [H.t('kb.passages-chunks'), st.chunks],
        [H.t('kb.embedding-model'), st.embedder === 'none' ? H.t('kb.none-keyword-search-only') : st.embedder],
        [H.t('kb.vector-size'), st.dimension ? H.t(st.quantizedVectors ? 'kb.dimensions-quantized' : 'kb.dimensions', st.dimension) : H.t('kb.no-vectors')],
        [H.t('kb.size-on-disk'), H.bytes(st.sizeBytes)], [H.t('kb.index-segments'), st.segments],
        [H.t('kb.last-change'), st.lastCommit ? H.time(st.lastCommit) : H.t('common.never')],
      ];
      box.appendChild(el('dl', { className: 'kv' }, rows.map(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })]).flat()));
    } catch (e) {
      H.error(box, e);
    }
  }

  async function documents() {
    const box = clear(document.getElementById('kb-documents'));
    try {
      const size = 20;
      const d = await api('GET', '/api/v1/kb/documents' + H.query({ kb: kb(), page: docPage, size }));
      if (!d.items.length && docPage === 1) {
        box.appendChild(el('p', { className: 'muted', text: H.t('kb.no-documents-yet') }));
        return;
      }
      box.appendChild(el('div', { className: 'table-scroll', tabindex: '0' }, table([
        [H.t('kb.id'), (x) => el('code', { text: x.id })], [H.t('kb.title'), (x) => x.title], [H.t('kb.passages'), (x) => x.chunks],
        ['', (x) => el('button', { type: 'button', className: 'danger small', 'aria-label': H.t('kb.delete-0', x.id), on: { click: async () => {
          if (!confirm(H.t('kb.delete-0-from-the', x.id))) return;
          try {
            await api('DELETE', '/api/v1/kb/documents/' + encodeURIComponent(x.id) + H.query({ kb: kb() }));
            H.message(document.getElementById('kb-message'), H.t('kb.deleted-0', x.id));
            stats();
            documents();
          } catch (e) {
            H.error(document.getElementById('kb-message'), e);
          }
        } } }, H.t('common.delete'))],
      ], d.items)));
      box.appendChild(el('div', { className: 'pager' },
        el('button', { className: 'secondary', type: 'button', disabled: docPage <= 1 ? '' : null, on: { click: () => { docPage--; documents(); } } }, H.t('pager.previous')),
        el('span', { className: 'muted', text: H.t('kb.page-0', docPage) }),
        el('button', { className: 'secondary', type: 'button', disabled: d.items.length < size ? '' : null, on: { click: () => { docPage++; documents(); } } }, H.t('pager.next'))));
    } catch (e) {
      H.error(box, e);
    }
  }

  const drop = document.getElementById('kb-drop');
  ['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  }));
  ['dragleave', 'drop'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('dragging')));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) addFiles(event.dataTransfer.files);
  });
  document.getElementById('kb-file').addEventListener('change', (event) => {
    addFiles(event.target.files);
    event.target.value = '';
  });

  upload.addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = document.getElementById('kb-upload-message');
    try {
      const body = { id: upload.id.value.trim(), text: upload.text.value };
      if (upload.title.value.trim()) body.title = upload.title.value.trim();
      H.message(box, H.t('kb.ingesting'));
      const accepted = await api('POST', '/api/v1/kb/documents' + H.query({ kb: kb(), async: 'true' }), body);
      const bar = el('progress', { id: 'kb-progress', max: '1', 'aria-label': H.t('kb.ingestion-progress') });
      const label = el('span', { id: 'kb-progress-label' });
      clear(box).appendChild(el('p', {}, bar, ' ', label));
      const done = await follow(accepted, bar, label);
      if (done.state === 'FAILED') {
        H.message(box, H.t('kb.ingestion-failed-0', done.error), 'error');
        return;
      }
      H.message(box, summary(done.result));
      upload.reset();
      stats();
      documents();
    } catch (e) {
      H.error(box, e);
    }
  });

  search.addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = clear(document.getElementById('kb-results'));
    try {
      const f = H.formValues(search);
      const r = await api('GET', '/api/v1/kb/search' + H.query({ q: f.q, mode: f.mode, k: f.k, kb: kb() }));
      if (!r.hits.length) {
        box.appendChild(el('p', { className: 'muted', text: H.t('kb.nothing-matches-0', f.q) }));
        return;
      }
      box.appendChild(el('div', { className: 'table-scroll', tabindex: '0' }, table([
        [H.t('kb.score'), (h) => Number(h.score).toFixed(3)], [H.t('kb.source'), (h) => el('code', { text: h.sourceId })], [H.t('kb.title'), (h) => h.title],
        [H.t('kb.passage'), (h) => H.highlight(el('span', { className: 'passage' }), h.text, f.q)],
        [H.t('kb.keyword-rank'), (h) => h.bm25Rank || '–'], [H.t('kb.meaning-rank'), (h) => h.vectorRank || '–'],
      ], r.hits)));
    } catch (e) {
      H.error(box, e);
    }
  });

  pick.addEventListener('submit', (event) => {
    event.preventDefault();
    docPage = 1;
    history.replaceState(null, '', '/console/kb.html' + H.query({ kb: kb() === 'default' ? '' : kb() }));
    stats();
    documents();
  });

  H.init('kb.html').then((me) => {
    const named = new URLSearchParams(location.search).get('kb');
    if (named) document.getElementById('kb-name').value = named;
    const writer = me.roles.includes('ADMIN') || me.roles.includes('OPERATOR');
    document.getElementById('kb-files-card').hidden = !writer;
    upload.closest('section').hidden = !writer;
    return Promise.all([stats(), documents()]);
  }).catch((e) => H.error(document.getElementById('kb-message'), e));
})();
