'use strict';
(function () {
  const { el, clear, api, table } = H;
  const upload = document.getElementById('kb-upload');
  const search = document.getElementById('kb-search');

  async function stats() {
    const box = clear(document.getElementById('kb-stats'));
    try {
      const s = await api('GET', '/api/v1/kb/stats' + H.query({ kb: upload.kb.value }));
      box.appendChild(el('dl', { className: 'kv' }, Object.entries(s).map(([k, v]) => [el('dt', { text: k }), el('dd', { text: typeof v === 'object' ? JSON.stringify(v) : String(v) })]).flat()));
    } catch (e) {
      box.appendChild(el('p', { className: 'muted', text: e.message }));
    }
  }

  upload.addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = document.getElementById('kb-upload-message');
    try {
      let body;
      const file = document.getElementById('kb-file').files[0];
      if (file) {
        const documents = (await file.text()).split('\n').map((l) => l.trim()).filter(Boolean).map((l) => JSON.parse(l));
        body = { documents };
      } else {
        body = { id: upload.id.value, text: upload.text.value };
        if (upload.title.value) body.title = upload.title.value;
      }
      H.message(box, 'Ingesting…');
      let ingestion = await api('POST', '/api/v1/kb/documents' + H.query({ kb: upload.kb.value, async: 'true' }), body);
      const bar = el('progress', { id: 'kb-progress', max: String(Math.max(1, ingestion.documentsTotal)) });
      const label = el('span', { id: 'kb-progress-label' });
      clear(box).appendChild(el('p', {}, bar, ' ', label));
      while (ingestion.state === 'RUNNING') {
        bar.max = Math.max(1, ingestion.documentsTotal);
        bar.value = ingestion.documentsDone;
        label.textContent = 'Ingesting: ' + ingestion.documentsDone + ' of ' + ingestion.documentsTotal
          + ' documents, ' + ingestion.chunks + ' chunks written';
        await new Promise((resolve) => setTimeout(resolve, 300));
        ingestion = await api('GET', '/api/v1/kb/ingestions/' + encodeURIComponent(ingestion.id));
      }
      if (ingestion.state === 'FAILED') {
        H.message(box, 'Ingestion failed after ' + ingestion.documentsDone + ' of ' + ingestion.documentsTotal
          + ' documents: ' + ingestion.error, 'error');
        return;
      }
      const r = ingestion.result;
      H.message(box, 'Added ' + r.added + ', replaced ' + r.replaced + ', unchanged ' + r.unchanged + ' (' + r.chunks + ' chunks in ' + r.millis + ' ms)');
      stats();
    } catch (e) {
      H.error(box, e);
    }
  });

  search.addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = clear(document.getElementById('kb-results'));
    try {
      const f = H.formValues(search);
      const r = await api('GET', '/api/v1/kb/search' + H.query({ q: f.q, mode: f.mode, k: f.k, kb: upload.kb.value }));
      box.appendChild(table([
        ['Score', (h) => Number(h.score).toFixed(4)], ['Source', (h) => h.sourceId], ['Title', (h) => h.title],
        ['Text', (h) => h.text], ['BM25 rank', (h) => h.bm25Rank], ['Vector rank', (h) => h.vectorRank],
      ], r.hits));
    } catch (e) {
      H.error(box, e);
    }
  });

  H.init('kb.html').then(stats).catch((e) => H.error(document.getElementById('kb-upload-message'), e));
})();
