// Decisions explained the same way on every page: the content's decision as a badge with colour, icon and words;
// the rule, metric and threshold that decided; scores sorted with the deciding ones highlighted; findings as readable
// tables with the raw JSON behind a toggle; the claim verdicts' colour legend; human labels for names.
'use strict';
window.Decisions = (function () {
  const { el, t } = H;
  const ICONS = { APPROVED: '✓', APPROVE: '✓', NEEDS_REVIEW: '⚠', REVISE: '⚠', REDACT: '⚠', REJECTED: '✕',
    REJECT: '✕', FAILED: '✕', PENDING: '…' };

  /** A name as people read it: maxWords -> "Max words", claims.refuted -> "Claims refuted". */
  function label(name) {
    const words = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').trim().toLowerCase();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : String(name);
  }

  /** The decision or status as a badge with colour, icon and words (the class keeps the raw value). */
  function badge(value) {
    const v = String(value || 'PENDING');
    const words = t('decision.' + v) === 'decision.' + v ? label(v) : t('decision.' + v);
    return el('span', { className: 'badge decision ' + v, title: v, dataset: { decision: v } },
      ICONS[v] ? el('span', { 'aria-hidden': 'true', text: ICONS[v] + ' ' }) : null, words);
  }

  function number(v) {
    if (v === null || v === undefined || Number.isNaN(Number(v))) return '–';
    const n = Number(v);
    return Number.isInteger(n) ? String(n) : n.toFixed(3);
  }

  /** Which rule decided, and each of its comparisons with the score seen (the ones that held highlighted). */
  function explain(decision) {
    const d = decision || {};
    const box = el('div', { className: 'decided-by' });
    const rule = d.rule && d.rule !== '(default)' ? d.rule : null;
    box.appendChild(el('p', {}, badge(d.action), ' ',
      el('span', { className: 'decided-rule', text: rule ? t('decided.by', rule, d.policy || '') : t('decided.default', d.policy || '') })));
    const comparisons = Array.isArray(d.decidedBy) ? d.decidedBy : [];
    if (comparisons.length) {
      box.appendChild(el('ul', { className: 'comparisons' }, comparisons.map((c) =>
        el('li', { className: c.holds ? 'held' : 'not-held' },
          el('strong', { text: label(c.metric) }), ' ', el('code', { text: c.metric + ' ' + c.op + ' ' + number(c.threshold) }),
          ' — ', el('span', { text: H.t('decisions.was-0', number(c.value)) })))));
    }
    return box;
  }

  /** The metrics the decision turned on. */
  function decidingMetrics(decision) {
    const d = decision || {};
    return new Set((Array.isArray(d.decidedBy) ? d.decidedBy : []).map((c) => c.metric));
  }

  /** Scores in a table: the deciding ones first and highlighted, the rest by name. */
  function scores(map, decision) {
    const deciding = decidingMetrics(decision);
    const rows = Object.entries(map || {}).sort(([a], [b]) =>
      (deciding.has(b) - deciding.has(a)) || a.localeCompare(b));
    const body = el('tbody', {}, rows.map(([name, value]) => el('tr', { className: deciding.has(name) ? 'deciding' : '' },
      el('td', {}, el('span', { text: label(name) }), ' ', el('code', { className: 'muted', text: name })),
      el('td', { className: 'num', text: number(value) }),
      el('td', {}, deciding.has(name) ? el('span', { className: 'badge deciding-mark', text: t('scores.deciding') }) : null))));
    if (!rows.length) body.appendChild(el('tr', {}, el('td', { colspan: '3', className: 'muted', text: t('table.empty') })));
    return el('table', { className: 'scores' },
      el('thead', {}, el('tr', {}, el('th', { text: t('scores.metric') }), el('th', { text: t('scores.value') }), el('th', {}))),
      body);
  }

  function cell(value, depth) {
    if (value === null || value === undefined) return '–';
    if (typeof value === 'number') return number(value);
    if (typeof value !== 'object') return String(value);
    if (Array.isArray(value)) {
      if (!value.length) return '–';
      if (value.every((v) => v === null || typeof v !== 'object')) return value.map((v) => cell(v, depth + 1)).join(', ');
      // two levels of tables at most; deeper lists are counted (the raw JSON toggle has them)
      return depth >= 2 ? H.t('decisions.0-items', value.length) : rowsTable(value, depth + 1);
    }
    return depth >= 3 ? H.t('common.0-entries', Object.keys(value).length) : kvTable(value, depth + 1);
  }

  function kvTable(object, depth) {
    return el('table', { className: 'findings' }, el('tbody', {}, Object.entries(object).map(([k, v]) => {
      const c = cell(v, depth);
      return el('tr', {}, el('th', { scope: 'row', text: label(k) }), el('td', {}, c));
    })));
  }

  function rowsTable(list, depth) {
    const keys = [];
    list.forEach((row) => Object.keys(row || {}).forEach((k) => { if (!keys.includes(k)) keys.push(k); }));
    return el('table', { className: 'findings' },
      el('thead', {}, el('tr', {}, keys.map((k) => el('th', { text: label(k) })))),
      el('tbody', {}, list.map((row) => el('tr', {}, keys.map((k) => el('td', {}, cell((row || {})[k], depth)))))));
  }

  /** A toggle that shows the raw JSON only when asked. */
  function rawJson(value) {
    const pre = el('pre', { className: 'raw-json', text: JSON.stringify(value, null, 2) });
    return el('details', { className: 'raw' }, el('summary', { text: t('json.show') }), pre);
  }

  /** Each assessor's findings as a readable table, the raw JSON behind a toggle. */
  function findings(map) {
    const box = el('div', { className: 'findings-list' });
    const entries = Object.entries(map || {});
    if (!entries.length) box.appendChild(el('p', { className: 'muted', text: t('table.empty') }));
    entries.forEach(([assessor, details]) => {
      box.appendChild(el('h5', { text: label(assessor) }));
      box.appendChild(el('div', { className: 'table-scroll', tabindex: '0' }, details !== null && typeof details === 'object'
        ? cell(details, 0) : el('p', { text: String(details) })));
    });
    if (entries.length) box.appendChild(rawJson(map));
    return box;
  }

  /** What the claim colours mean. */
  function legend() {
    return el('p', { className: 'legend' }, t('verdict.legend'), ' ',
      ['supported', 'refuted', 'unverified'].map((v) => [el('mark', { className: 'claim ' + v, text: t('verdict.' + v) }), ' ']).flat());
  }

  /** Any object as nested readable tables (no raw JSON). */
  function details(value) {
    const c = cell(value, 0);
    return c instanceof Node ? c : el('span', { text: c });
  }

  /** An object in one line of words (key: value · ...), nested parts counted, with the raw JSON behind a toggle. */
  function summary(object) {
    const parts = Object.entries(object || {}).map(([k, v]) => {
      let shown;
      if (v === null || v === undefined) shown = '–';
      else if (Array.isArray(v)) shown = v.every((x) => x === null || typeof x !== 'object') ? v.join(', ') : H.t('decisions.0-items', v.length);
      else if (typeof v === 'object') shown = H.t('common.0-entries', Object.keys(v).length);
      else shown = typeof v === 'number' ? number(v) : String(v);
      return label(k) + ': ' + shown;
    });
    const box = el('div', { className: 'summary' }, el('span', { text: parts.join(' · ') }));
    if (Object.values(object || {}).some((v) => v !== null && typeof v === 'object')) box.appendChild(rawJson(object));
    return box;
  }

  /** The CSS class that marks a text by its content's decision. */
  function textClass(status) {
    return status === 'REJECTED' ? 'rejected-text' : status === 'NEEDS_REVIEW' ? 'review-text-box' : '';
  }

  return { badge, explain, scores, findings, legend, label, rawJson, number, details, summary, textClass };
})();
