'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const COLORS = ['#2457c5', '#1a7f37', '#9a6700', '#b42318', '#7c3aed', '#0e7490', '#be185d'];

  function stat(label, value) {
    return el('section', { className: 'card' }, el('div', { className: 'stat', text: value }), el('div', { className: 'stat-label', text: label }));
  }

  function lineChart(container, title, times, seriesByName) {
    clear(container);
    const names = Object.keys(seriesByName);
    if (!times.length || typeof uPlot === 'undefined') {
      container.appendChild(el('p', { className: 'muted', text: 'No data in this window yet.' }));
      return;
    }
    const opts = {
      title, width: Math.max(320, container.clientWidth - 10), height: 200,
      scales: { x: { time: true } },
      series: [{}].concat(names.map((n, i) => ({ label: n, stroke: COLORS[i % COLORS.length], width: 2, points: { show: true } }))),
    };
    const data = [times].concat(names.map((n) => seriesByName[n]));
    new uPlot(opts, data, container); // eslint-disable-line no-new
  }

  function pivot(rows, key, value) {
    const times = [...new Set(rows.map((r) => Date.parse(r.t) / 1000))].sort((a, b) => a - b);
    const series = {};
    rows.forEach((r) => {
      const name = r[key];
      if (!series[name]) series[name] = times.map(() => null);
      series[name][times.indexOf(Date.parse(r.t) / 1000)] = r[value];
    });
    return { times, series };
  }

  async function health() {
    const status = document.getElementById('status');
    try {
      const response = await fetch('/api/v1/health', { headers: { Accept: 'application/json' } });
      const h = await response.json();
      status.dataset.state = h.status;
      status.textContent = 'Hallmark ' + h.version + ' is ' + h.status + ' on ' + (h.database || 'no database') + ' ' +
        (h.databaseVersion || '') + ' (schema ' + (h.schemaVersion || '?') + ')';
      document.getElementById('subsystems').appendChild(table([
        ['Subsystem', (r) => r[0]], ['State', (r) => badge(r[1].status)], ['Details', (r) => el('code', { text: JSON.stringify(r[1].details) })],
      ], Object.entries(h.subsystems)));
    } catch (e) {
      status.dataset.state = 'error';
      status.textContent = 'Cannot reach the platform: ' + e;
    }
  }

  async function dashboard() {
    const d = await api('GET', '/api/v1/dashboard?window=24h&bucket=hour');
    const total = d.generations.reduce((a, r) => a + r.count, 0);
    const depth = Object.values(d.queueDepth).reduce((a, n) => a + n, 0);
    const stats = document.getElementById('stats');
    stats.appendChild(stat('Generations in the last 24 h', total));
    stats.appendChild(stat('Waiting for review', d.reviewQueue));
    stats.appendChild(stat('Jobs queued or running', depth));
    stats.appendChild(stat('Heap in use', Math.round(d.memory.heapUsedBytes / 1048576) + ' MiB of ' + Math.round(d.memory.heapMaxBytes / 1048576)));

    const g = pivot(d.generations, 'status', 'count');
    lineChart(document.getElementById('chart-generations'), 'Items by status', g.times, g.series);
    const s = pivot(d.scores, 'score', 'mean');
    lineChart(document.getElementById('chart-scores'), 'Mean score', s.times, s.series);

    document.getElementById('decisions').appendChild(table([
      ['Decision', (r) => badge(r[0])], ['Count', (r) => r[1]],
    ], Object.entries(d.decisions)));

    const hist = document.getElementById('histogram');
    const max = Math.max(1, ...d.factualityHistogram);
    if (d.factualityHistogram.every((n) => n === 0)) {
      hist.appendChild(el('p', { className: 'muted', text: 'No factuality scores in this window yet.' }));
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

    document.getElementById('plugins').appendChild(table([
      ['Plugin', (p) => p.id], ['Version', (p) => p.version], ['State', (p) => badge(p.state)],
      ['Circuit', (p) => p.circuit || ''], ['In flight', (p) => p.inFlight], ['Failure', (p) => p.failure || ''],
    ], d.plugins));
    const alerts = document.getElementById('alerts');
    if (d.alerts) {
      alerts.appendChild(table([
        ['Rule', (a) => a.name], ['Metric', (a) => a.metric + ' ' + a.operator + ' ' + a.threshold],
        ['Value', (a) => (a.value === null || a.value === undefined) ? 'n/a' : Number(a.value).toFixed(3)],
        ['State', (a) => badge(a.firing ? 'FAILED' : 'ok')],
      ], d.alerts));
    } else {
      alerts.appendChild(el('p', { className: 'muted', text: 'No alert rules.' }));
    }
  }

  H.init('index.html').then(() => Promise.all([health(), dashboard()]))
    .catch((e) => H.error(document.getElementById('dash-message'), e));
})();
