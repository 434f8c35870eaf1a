'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const form = document.getElementById('content-filter');
  const list = document.getElementById('content-list');
  const detail = document.getElementById('detail');
  const box = document.getElementById('content-message');
  let page = 1;

  function kv(entries) {
    return el('dl', { className: 'kv' }, entries.map(([k, v]) => [el('dt', { text: Decisions.label(k) }),
      el('dd', {}, v !== null && typeof v === 'object' ? Decisions.details(v) : (v === null || v === undefined ? '' : String(v)))]).flat());
  }

  /**
   * Code with syntax highlighting: the text goes in with textContent and highlight.js re-renders it from that text
   * (it escapes what it emits), so model output never becomes markup.
   */
  function highlighted(text, language) {
    const code = el('code', { id: 'detail-code', text });
    const known = language && language !== 'auto' && window.hljs && hljs.getLanguage(language);
    if (known) code.className = 'language-' + language;
    if (window.hljs) {
      hljs.configure({ ignoreUnescapedHTML: false });
      hljs.highlightElement(code);
    }
    return el('pre', { className: 'code' }, code);
  }

  async function show(id, fromHistory) {
    if (!fromHistory) {
      const url = '/console/content.html?id=' + encodeURIComponent(id);
      if (location.pathname + location.search !== url) history.pushState({ id }, '', url);
    }
    try {
      const d = await api('GET', '/api/v1/content/' + encodeURIComponent(id));
      const it = d.item;
      clear(detail).hidden = false;
      detail.appendChild(el('h3', {}, 'Content ', el('code', { text: it.id }), ' ', Decisions.badge(it.status)));
      detail.appendChild(el('p', {}, el('strong', { text: 'Prompt: ' }), el('span', { id: 'detail-prompt', text: d.prompt })));
      const body = el('div', { className: 'output ' + Decisions.textClass(it.status), id: 'detail-text' });
      const evidence = el('div', { id: 'detail-evidence' });
      if (d.text !== null && d.text !== undefined && it.modality === 'CODE') {
        body.appendChild(highlighted(d.text, (d.provenance.parameters || {}).language));
      } else if (d.text !== null && d.text !== undefined) {
        Claims.render(body, d.text, Claims.collect(d.report), evidence);
      } else if (/^image\//.test(d.mediaType)) {
        body.appendChild(el('img', { className: 'artifact', alt: 'Artifact', src: '/api/v1/content/' + it.id + '/artifact' }));
      } else if (/^video\//.test(d.mediaType)) {
        body.appendChild(el('video', { className: 'artifact', controls: '', src: '/api/v1/content/' + it.id + '/artifact' }));
      }
      detail.appendChild(body);
      if (d.text !== null && d.text !== undefined && it.modality !== 'CODE') detail.appendChild(Decisions.legend());
      detail.appendChild(evidence);
      detail.appendChild(el('p', {}, el('a', { href: '/api/v1/content/' + it.id + '/artifact', text: 'Download artifact' })));
      const probes = Probes.section(it);
      if (probes) detail.appendChild(probes);
      const report = d.report || {};
      const decision = report.decision || {};
      detail.appendChild(el('h3', { text: 'Governance report' }));
      detail.appendChild(Decisions.explain(Object.assign({ action: it.decision }, decision)));
      if (decision.policyAction && decision.policyAction !== decision.action) {
        detail.appendChild(el('p', { className: 'fail-closed', text: 'Failed closed: the policy alone decided ' + decision.policyAction + ', but not every check ran.' }));
      }
      const notChecked = Object.entries(report.unavailable || {});
      if (notChecked.length) {
        detail.appendChild(el('ul', { className: 'not-checked', id: 'not-checked' }, notChecked.map(([check, why]) =>
          el('li', { className: 'not-checked', text: 'not checked: ' + check + ': ' + why }))));
      }
      if ((decision.unknownMetrics || []).length) {
        detail.appendChild(el('p', { className: 'muted', text: 'Unknown metrics: ' + decision.unknownMetrics.join(', ') }));
      }
      detail.appendChild(Decisions.scores(report.scores, decision));
      const judgedBy = report.judgedBy || {};
      if (Object.keys(judgedBy.models || {}).length || judgedBy.policySha256) {
        detail.appendChild(el('h4', { text: 'Judged by' }));
        const rows = Object.entries(judgedBy.models || {});
        if (judgedBy.policy) rows.push(['policy ' + judgedBy.policy, judgedBy.policySha256 || '']);
        if (judgedBy.knowledgeBase) rows.push(['knowledge base ' + judgedBy.knowledgeBase, judgedBy.knowledgeBaseSnapshot || '']);
        detail.appendChild(table([['What', (r) => r[0]], ['SHA-256 / version', (r) => el('code', { text: r[1] })]], rows));
      }
      detail.appendChild(el('h4', { text: 'Findings and evidence' }));
      detail.appendChild(Decisions.findings(report.findings));
      detail.appendChild(el('h3', { text: 'Provenance' }));
      detail.appendChild(kv(Object.entries(d.provenance)));
      detail.appendChild(el('h3', { text: 'Audit events' }));
      detail.appendChild(table([
        ['#', (e) => e.seq], ['Time', (e) => H.time(e.at)], ['Type', (e) => e.type], ['Actor', (e) => e.actor],
        ['Details', (e) => Decisions.summary(e.payload)],
      ], d.events));
      detail.scrollIntoView();
    } catch (e) {
      H.error(box, e);
    }
  }

  async function load() {
    const f = H.formValues(form);
    try {
      const data = await api('GET', '/api/v1/content' + H.query({ q: f.q, status: f.status, modality: f.modality, plugin: f.plugin, page, size: 20 }));
      clear(box);
      clear(list).appendChild(table([
        ['Created', (c) => el('span', { className: 'nowrap', text: H.time(c.createdAt) })], ['Modality', (c) => c.modality], ['Status', (c) => Decisions.badge(c.status)],
        ['Prompt', (c) => el('span', { className: 'prompt', text: c.prompt })], ['Plugin', (c) => c.pluginId || ''],
        // decided without a factuality score: the text had no check-worthy claim (issue 18)
        ['Factuality', (c) => c.factualityScore === null ? (c.decision ? 'not applicable' : '') : Number(c.factualityScore).toFixed(2)],
        ['Policy action', (c) => c.decision ? badge(c.decision) : ''],
      ], data.items, (c) => show(c.id)));
      list.appendChild(H.pager(data, (p) => { page = p; load(); }));
    } catch (e) {
      H.error(box, e);
    }
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); page = 1; load(); });
  H.init('content.html').then(() => {
    load();
    const id = new URLSearchParams(location.search).get('id');
    if (id) show(id, true);
    window.addEventListener('popstate', () => {
      const back = new URLSearchParams(location.search).get('id');
      if (back) show(back, true); else detail.hidden = true;
    });
  }).catch((e) => H.error(box, e));
})();
