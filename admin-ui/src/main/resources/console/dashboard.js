'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const COLORS = ['#2457c5', '#1a7f37', '#9a6700', '#b42318', '#7c3aed', '#0e7490', '#be185d'];

  function stat(label, value) {
    return el('section', { className: 'card' }, el('div', { className: 'stat', text: value }), el('div', { className: 'stat-label', text: label }));
  }

  function lineChart(container, title, times, seriesByName, yRange) {
    clear(container);
    const names = Object.keys(seriesByName);
    if (!times.length || typeof uPlot === 'undefined') {
      container.appendChild(el('p', { className: 'muted', text: H.t('dashboard.no-data-in-this') }));
      return;
    }
    const opts = {
      title, width: Math.max(200, container.clientWidth - 10), height: 200,
      scales: yRange ? { x: { time: true }, y: { range: yRange } } : { x: { time: true } },
      series: [{}].concat(names.map((n, i) => ({ label: n, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: true, points: { show: true, size: 6 } }))),
    };
    const data = [times].concat(names.map((n) => seriesByName[n]));
    new uPlot(opts, data, container); // eslint-disable-line no-new
  }

  /** One point per hour of the window (so the axis spans it), each series filled with `empty` where it has no row. */
  function pivot(rows, key, value, since, empty) {
    const hour = 3600;
    const start = Math.floor(Date.parse(since) / 1000 / hour) * hour;
    const end = Math.floor(Date.now() / 1000 / hour) * hour;
    const times = [];
    for (let t = start; t <= end; t += hour) times.push(t);
    const series = {};
    rows.forEach((r) => {
      const name = r[key];
      if (!series[name]) series[name] = times.map(() => empty);
      const i = times.indexOf(Date.parse(r.t) / 1000);
      if (i >= 0) series[name][i] = r[value];
    });
    return { times: rows.length ? times : [], series };
  }

  /** A device as people read it: cpu() -> CPU, gpu(0) -> GPU 0. */
  function device(value) {
    const text = String(value || '?');
    if (/^cpu\(\)$/.test(text)) return 'CPU';
    const gpu = /^gpu\((\d+)\)$/.exec(text);
    return gpu ? H.t('dashboard.gpu-0', gpu[1]) : text;
  }

  /** A subsystem's details in words: problems first, sizes in MiB/GiB, no raw JSON. */
  function subsystemDetails(sub) {
    const d = Object.assign({}, sub.details || {});
    const box = el('div', { className: 'subsystem-details' });
    (d.problems || []).forEach((p) => box.appendChild(el('p', { className: 'problem', text: p })));
    if (d.error) box.appendChild(el('p', { className: 'problem', text: d.error }));
    delete d.problems;
    delete d.error;
    const parts = [];
    Object.entries(d).forEach(([k, v]) => {
      if (v === null || v === undefined || (Array.isArray(v) && !v.length)) return;
      let shown;
      if (/bytes$/i.test(k) && typeof v === 'number') shown = H.bytes(v);
      else if (k === 'device') shown = device(v);
      else if (k === 'latencyMillis') shown = H.t('common.0-ms', Number(v).toFixed(1));
      else if (Array.isArray(v)) shown = v.map((x) => (x && typeof x === 'object' ? (x.name || x.id || '?') : String(x))).join(', ');
      else if (typeof v === 'object') shown = H.t('common.0-entries', Object.keys(v).length);
      else shown = String(v);
      parts.push(Decisions.label(k.replace(/Bytes$/, '')) + ': ' + shown);
    });
    if (parts.length) box.appendChild(el('p', { className: 'muted', text: parts.join(' · ') }));
    return box;
  }

  /** Model training and knowledge-base ingestions, each with a progress bar, refreshed while any runs. */
  async function background(governanceModels) {
    const box = clear(document.getElementById('background'));
    const rows = [];
    Object.entries((governanceModels || {}).models || {}).forEach(([name, m]) => {
      const percent = /(\d+(?:\.\d+)?)\s*%/.exec(m.detail || '');
      // a step that counts its work ("embedding 1,024 of 4,858 dev texts") gives that step's fraction
      const counted = /(\d[\d,]*) of (\d[\d,]*)\b/.exec(m.detail || '');
      const count = (t) => Number(t.replace(/,/g, ''));
      rows.push({ what: H.t('dashboard.training-the-0-model', name), state: m.state, fraction: m.state === 'READY' ? 1
        : counted && count(counted[2]) > 0 ? Math.min(1, count(counted[1]) / count(counted[2]))
        : percent ? Number(percent[1]) / 100 : null, detail: m.state === 'READY' ? 'ready' + (m.sha256 ? ' · ' + m.sha256.substring(0, 12) : '') : (m.detail || '') });
    });
    let ingestions = [];
    if (H.has('ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR')) {
      try { ingestions = (await api('GET', '/api/v1/kb/ingestions')).items; } catch (e) { ingestions = []; }
    }
    ingestions.slice(0, 5).forEach((i) => rows.push({ what: H.t('dashboard.ingesting-into-knowledge-base', i.kb), state: i.state,
      fraction: i.documentsTotal ? i.documentsDone / i.documentsTotal : null,
      detail: H.t('dashboard.ingestion-detail', i.documentsDone, i.documentsTotal, i.chunks) + (i.error ? ' · ' + i.error : '') }));
    if (!rows.length) {
      box.appendChild(el('p', { className: 'muted', text: H.t('dashboard.nothing-is-training-or') }));
      return false;
    }
    box.appendChild(el('ul', { className: 'jobs' }, rows.map((r) => el('li', {},
      el('strong', { text: r.what }), ' ', badge(r.state), ' ',
      r.fraction === null ? null : el('progress', { max: '1', value: String(r.fraction), 'aria-label': r.what }),
      ' ', el('span', { className: 'muted', text: r.detail })))));
    return rows.some((r) => r.state === 'TRAINING' || r.state === 'RUNNING' || r.state === 'PENDING');
  }

  async function watchBackground(first) {
    let running = await background(first);
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const d = await api('GET', '/api/v1/dashboard?window=1h&bucket=hour');
      running = await background(d.governanceModels);
    }
  }

  async function health() {
    const status = document.getElementById('status');
    try {
      const response = await fetch('/api/v1/health', { headers: { Accept: 'application/json' } });
      const h = await response.json();
      status.dataset.state = h.status;
      status.textContent = H.t('dashboard.health-line', h.version, h.status, (h.database || H.t('dashboard.no-database'))
        + (h.databaseVersion ? ' ' + h.databaseVersion : ''), h.schemaVersion || '?');
      document.getElementById('subsystems').appendChild(table([
        [H.t('dashboard.subsystem'), (r) => Decisions.label(r[0])], [H.t('common.state'), (r) => badge(r[1].status)],
        [H.t('common.details'), (r) => subsystemDetails(r[1])],
      ], Object.entries(h.subsystems)));
    } catch (e) {
      status.dataset.state = 'error';
      status.textContent = H.t('dashboard.cannot-reach-the-platform', e);
    }
  }

  async function dashboard() {
    const d = await api('GET', '/api/v1/dashboard?window=24h&bucket=hour');
    const total = d.generations.reduce((a, r) => a + r.count, 0);
    const depth = Object.values(d.queueDepth).reduce((a, n) => a + n, 0);
    const stats = document.getElementById('stats');
    stats.appendChild(stat(H.t('dashboard.generations-in-the-last'), total));
    stats.appendChild(stat(H.t('dashboard.waiting-for-review'), d.reviewQueue));
    stats.appendChild(stat(H.t('dashboard.jobs-queued-or-running'), depth));
    stats.appendChild(stat(H.t('dashboard.heap-in-use-of', H.bytes(d.memory.heapMaxBytes)), H.bytes(d.memory.heapUsedBytes)));
    const models = d.models || {};
    stats.appendChild(stat(H.t('dashboard.model-weights-loaded', (models.loaded || []).length, device(models.device)),
      H.bytes(models.nativeWeightBytes || 0)));
    const gov = (d.governanceModels || {}).models || {};
    const ready = Object.values(gov).filter((m) => m.state === 'READY').length;
    stats.appendChild(stat(H.t((d.governanceModels || {}).training ? 'dashboard.governance-models-ready-training'
      : 'dashboard.governance-models-ready'),
      H.t('dashboard.0-of-1', ready, Object.keys(gov).length)));
    watchBackground(d.governanceModels).catch((e) => H.error(document.getElementById('dash-message'), e));

    const g = pivot(d.generations, 'status', 'count', d.since, 0);
    lineChart(document.getElementById('chart-generations'), H.t('dashboard.items-by-status'), g.times, g.series);
    // scores between 0 and 1 only, on a 0-1 axis; counts (claims.total ...) and series without a value stay out
    const s = pivot(d.scores, 'score', 'mean', d.since, null);
    const scoreSeries = {};
    Object.entries(s.series).forEach(([name, values]) => {
      const known = values.filter((v) => v !== null && v !== undefined);
      if (known.length && known.every((v) => v >= 0 && v <= 1)) scoreSeries[Decisions.label(name)] = values;
    });
    lineChart(document.getElementById('chart-scores'), H.t('dashboard.mean-score-0-to'), Object.keys(scoreSeries).length ? s.times : [],
      scoreSeries, [0, 1]);

    document.getElementById('decisions').appendChild(table([
      [H.t('common.decision'), (r) => Decisions.badge(r[0])], [H.t('dashboard.count'), (r) => r[1]],
    ], Object.entries(d.decisions)));

    const hist = document.getElementById('histogram');
    const max = Math.max(1, ...d.factualityHistogram);
    if (d.factualityHistogram.every((n) => n === 0)) {
      hist.appendChild(el('p', { className: 'muted', text: H.t('dashboard.no-factuality-scores-in') }));
    } else {
      const bars = el('div', { className: 'bars' });
      d.factualityHistogram.forEach((n, i) => {
        const bar = el('div', { title: (i / 10).toFixed(1) + '–' + ((i + 1) / 10).toFixed(1) + ': ' + n });
        bar.style.height = Math.round(100 * n / max) + '%';
        bars.appendChild(bar);
      });
      hist.appendChild(bars);
      hist.appendChild(el('div', { className: 'bar-labels' }, d.factualityHistogram.map((_, i) => el('span', { text: (i / 10).toFixed(1) }))));
    }

    document.getElementById('plugins').appendChild(el('div', { className: 'table-scroll', tabindex: '0' }, table([
      [H.t('common.plugin'), (p) => p.id], [H.t('common.version'), (p) => p.version], [H.t('common.state'), (p) => badge(p.state)],
      [H.t('common.circuit'), (p) => p.circuit || ''], [H.t('dashboard.in-flight'), (p) => p.inFlight], [H.t('common.failure'), (p) => p.failure || ''],
    ], d.plugins)));
    renderAlerts(d.alerts || []);
  }

  function renderAlerts(rules) {
    const box = clear(document.getElementById('alerts'));
    const firing = rules.filter((a) => a.firing);
    if (firing.length) {
      const where = (a) => (a.nodes || []).filter((n) => n.firing).map((n) => n.node).join(', ');
      box.appendChild(el('div', { className: 'message error', role: 'alert', id: 'alerts-firing', text: H.t('dashboard.alerts-firing', firing.length) + firing.map((a) => a.name + (where(a) ? H.t('dashboard.on-0', where(a)) : '')).join(', ') }));
    }
    box.appendChild(table([
      [H.t('common.rule'), (a) => a.name], [H.t('dashboard.condition'), (a) => a.metric + ' ' + a.operator + ' ' + a.threshold],
      [H.t('dashboard.value'), (a) => (a.value === null || a.value === undefined) ? H.t('common.not-available') : Number(a.value).toFixed(3)],
      [H.t('common.state'), (a) => el('span', { className: 'badge ' + (a.firing ? 'bad' : 'ok'), text: a.firing ? H.t('dashboard.state-firing') : H.t('dashboard.state-ok') })],
      [H.t('dashboard.since'), (a) => H.time(a.changedAt)],
      [H.t('dashboard.nodes'), (a) => (a.nodes || []).map((n) => n.node + ': ' + ((n.value === null || n.value === undefined) ? H.t('common.not-available') : Number(n.value).toFixed(3)) + (n.firing ? H.t('dashboard.firing') : '')).join('; ')],
      ['', (a) => H.has('ADMIN') ? el('button', { type: 'button', className: 'secondary', on: { click: async () => {
        await api('DELETE', '/api/v1/alerts/' + a.id);
        renderAlerts((await api('GET', '/api/v1/alerts')).items);
      } } }, H.t('common.delete')) : ''],
    ], rules));
    if (H.has('ADMIN')) {
      const metric = el('select', { name: 'metric' }, ['http.p95.seconds', 'http.error.rate', 'claims.refuted.rate', 'queue.depth', 'heap.used.ratio', 'gpu.memory.used.ratio'].map((m) => el('option', { value: m, text: m })));
      const op = el('select', { name: 'operator' }, ['>', '>=', '<', '<='].map((o) => el('option', { value: o, text: o })));
      const form = el('form', { className: 'inline', id: 'alert-form' },
        el('label', {}, H.t('common.name'), el('input', { name: 'name', required: '', maxlength: '128' })),
        el('label', {}, H.t('dashboard.metric'), metric), el('label', {}, H.t('dashboard.operator'), op),
        el('label', {}, H.t('dashboard.threshold'), el('input', { name: 'threshold', type: 'number', step: 'any', required: '' })),
        el('button', { type: 'submit' }, H.t('dashboard.add-rule')));
      const msg = el('div');
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const f = H.formValues(form);
        try {
          await api('POST', '/api/v1/alerts', { name: f.name, metric: f.metric, operator: f.operator, threshold: Number(f.threshold) });
          renderAlerts((await api('GET', '/api/v1/alerts')).items);
        } catch (e) {
          H.error(msg, e);
        }
      });
      box.appendChild(el('h4', { text: H.t('dashboard.new-rule') }));
      box.appendChild(form);
      box.appendChild(msg);
    }
  }

  H.init('index.html').then(() => Promise.all([health(), dashboard()]))
    .catch((e) => H.error(document.getElementById('dash-message'), e));
})();
