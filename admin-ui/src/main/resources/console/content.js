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
      detail.appendChild(el('h3', {}, H.tNodes('content.item-heading', el('code', { text: it.id }), Decisions.badge(it.status))));
      const promptShown = el('span', { id: 'detail-prompt' });
      Claims.render(promptShown, d.prompt || '', [], null, Claims.triggers(d.report, 'prompt', d.prompt));
      detail.appendChild(el('p', {}, el('strong', { text: H.t('common.prompt-2') }), promptShown));
      // documents sent with the request (data beside the prompt), each with the injection screen's span highlighted
      (Array.isArray(d.documents) ? d.documents : []).forEach((doc, i) => {
        const text = String((doc || {}).text || '');
        const shown = el('span', { className: 'document-text', id: 'detail-document-' + i });
        Claims.render(shown, text, [], null, Claims.triggers(d.report, 'documents[' + i + ']', text));
        detail.appendChild(el('p', { className: 'document' },
          el('strong', { text: H.t('content.document', String((doc || {}).name || i)) }), shown));
      });
      const body = el('div', { className: 'output ' + Decisions.textClass(it.status), id: 'detail-text' });
      const evidence = el('div', { id: 'detail-evidence' });
      if (d.text !== null && d.text !== undefined && it.modality === 'CODE') {
        body.appendChild(highlighted(d.text, (d.provenance.parameters || {}).language));
      } else if (d.text !== null && d.text !== undefined) {
        Claims.render(body, d.text, Claims.collect(d.report), evidence, Claims.triggers(d.report, 'text', d.text));
      } else if (/^image\//.test(d.mediaType)) {
        body.appendChild(el('img', { className: 'artifact', alt: H.t('content.artifact'), src: '/api/v1/content/' + it.id + '/artifact' }));
      } else if (/^video\//.test(d.mediaType)) {
        body.appendChild(el('video', { className: 'artifact', controls: '', src: '/api/v1/content/' + it.id + '/artifact' }));
      }
      detail.appendChild(body);
      if (d.text !== null && d.text !== undefined && it.modality !== 'CODE') detail.appendChild(Decisions.legend());
      detail.appendChild(evidence);
      detail.appendChild(el('p', {}, el('a', { href: '/api/v1/content/' + it.id + '/artifact', text: H.t('content.download-artifact') })));
      const probes = Probes.section(it);
      if (probes) detail.appendChild(probes);
      const report = d.report || {};
      const decision = report.decision || {};
      detail.appendChild(el('h3', { text: H.t('content.governance-report') }));
      detail.appendChild(Decisions.explain(Object.assign({ action: it.decision }, decision)));
      if (decision.policyAction && decision.policyAction !== decision.action) {
        detail.appendChild(el('p', { className: 'fail-closed', text: H.t('common.failed-closed-the-policy', decision.policyAction) }));
      }
      const notChecked = Object.entries(report.unavailable || {});
      if (notChecked.length) {
        detail.appendChild(el('ul', { className: 'not-checked', id: 'not-checked' }, notChecked.map(([check, why]) =>
          el('li', { className: 'not-checked', text: H.t('common.not-checked-0', check, why) }))));
      }
      if ((decision.unknownMetrics || []).length) {
        detail.appendChild(el('p', { className: 'muted', text: H.t('content.unknown-metrics', decision.unknownMetrics.join(', ')) }));
      }
      detail.appendChild(Decisions.scores(report.scores, decision));
      const judgedBy = report.judgedBy || {};
      if (Object.keys(judgedBy.models || {}).length || judgedBy.policySha256) {
        detail.appendChild(el('h4', { text: H.t('content.judged-by') }));
        const rows = Object.entries(judgedBy.models || {});
        if (judgedBy.policy) rows.push([H.t('content.policy-0', judgedBy.policy), judgedBy.policySha256 || '']);
        if (judgedBy.knowledgeBase) rows.push([H.t('content.knowledge-base-0', judgedBy.knowledgeBase), judgedBy.knowledgeBaseSnapshot || '']);
        detail.appendChild(table([[H.t('content.what'), (r) => r[0]], [H.t('content.sha-256-version'), (r) => el('code', { text: r[1] })]], rows));
      }
      detail.appendChild(el('h4', { text: H.t('content.findings-and-evidence') }));
      detail.appendChild(Decisions.findings(report.findings));
      detail.appendChild(el('h3', { text: H.t('content.provenance') }));
      detail.appendChild(kv(Object.entries(d.provenance)));
      detail.appendChild(el('h3', { text: H.t('content.audit-events') }));
      detail.appendChild(table([
        ['#', (e) => e.seq], [H.t('common.time'), (e) => H.time(e.at)], [H.t('common.type'), (e) => e.type], [H.t('common.actor'), (e) => e.actor],
        [H.t('common.details'), (e) => Decisions.summary(e.payload)],
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
        [H.t('common.created'), (c) => el('span', { className: 'nowrap', text: H.time(c.createdAt) })], [H.t('content.modality'), (c) => c.modality], [H.t('content.status'), (c) => Decisions.badge(c.status)],
        [H.t('common.prompt'), (c) => el('span', { className: 'prompt', text: c.prompt })], [H.t('common.plugin'), (c) => c.pluginId || ''],
        // decided without a factuality score: the text had no check-worthy claim (issue 18)
        [H.t('content.factuality'), (c) => c.factualityScore === null ? (c.decision ? H.t('content.not-applicable') : '') : Number(c.factualityScore).toFixed(2)],
        [H.t('content.policy-action'), (c) => c.decision ? badge(c.decision) : ''],
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
