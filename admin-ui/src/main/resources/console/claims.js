// Claims highlighted in place: each claim the governance report found in a text is wrapped in a <mark> coloured
// by its verdict; clicking one shows its evidence. Built from text nodes only.
'use strict';
window.Claims = (function () {
  const { el, clear } = H;

  /** Every claim in a report: report.claims or any findings entry with a claims list. */
  function collect(report) {
    if (!report) return [];
    const found = [];
    if (Array.isArray(report.claims)) found.push(...report.claims);
    Object.values(report.findings || {}).forEach((f) => {
      if (f && Array.isArray(f.claims)) found.push(...f.claims);
    });
    return found.filter((c) => c && typeof c.text === 'string' && c.text.length > 0);
  }

  function verdictOf(claim) {
    return String(claim.verdict || claim.label || 'unverified').toLowerCase().replace(/[^a-z_]/g, '');
  }

  /**
   * The spans a safety screen flagged in one input of a report ({@code findings.safety.triggered}: screen, input
   * (prompt, text, or documents[i] for a document sent with the request), start, end, score), the ones whose offsets
   * still match that input's text. A span of data pasted into an input (input "prompt[data 1]", offsets in the
   * prompt) and an encoded run read decoded (input "prompt[decoded 1]", the run's offsets in the prompt) belong to
   * that input.
   */
  function triggers(report, input, text) {
    const safety = ((report || {}).findings || {}).safety || {};
    return (Array.isArray(safety.triggered) ? safety.triggered : []).filter((t) => t && typeof t.input === 'string'
      && (t.input === input || (t.input.startsWith(input) && /^\[(?:data|decoded) \d+\]$/.test(t.input.slice(input.length))))
      && Number.isInteger(t.start) && Number.isInteger(t.end) && t.start >= 0 && t.end <= String(text || '').length
      && t.start < t.end);
  }

  /**
   * Renders text into container with the claims marked (evidenceBox shows a claim's evidence on click) and the safety
   * screens' trigger spans highlighted (where they do not overlap a claim).
   */
  function render(container, text, claims, evidenceBox, triggerSpans) {
    clear(container);
    const spans = [];
    claims.forEach((c) => {
      let at = typeof c.start === 'number' && text.substr(c.start, c.text.length) === c.text ? c.start : text.indexOf(c.text);
      if (at >= 0 && !spans.some((s) => at < s.end && at + c.text.length > s.start)) spans.push({ start: at, end: at + c.text.length, claim: c });
    });
    (triggerSpans || []).forEach((t) => {
      if (!spans.some((s) => t.start < s.end && t.end > s.start)) spans.push({ start: t.start, end: t.end, trigger: t });
    });
    spans.sort((a, b) => a.start - b.start);
    let pos = 0;
    spans.forEach((s) => {
      if (s.start > pos) container.appendChild(document.createTextNode(text.slice(pos, s.start)));
      if (s.trigger) {
        const why = H.t('safety.trigger', Decisions.label(s.trigger.screen), Decisions.number(s.trigger.score));
        container.appendChild(el('mark', { className: 'trigger', title: why, dataset: { screen: s.trigger.screen, input: s.trigger.input } },
          text.slice(s.start, s.end), el('span', { className: 'visually-hidden', text: ' (' + why + ')' })));
        pos = s.end;
        return;
      }
      const verdict = verdictOf(s.claim);
      const mark = el('mark', { className: 'claim ' + verdict, tabindex: '0', title: verdict, dataset: { verdict } }, text.slice(s.start, s.end));
      mark.addEventListener('click', () => showEvidence(evidenceBox, s.claim));
      container.appendChild(mark);
      pos = s.end;
    });
    if (pos < text.length) container.appendChild(document.createTextNode(text.slice(pos)));
    return spans.length;
  }

  function showEvidence(box, claim) {
    if (!box) return;
    clear(box);
    box.appendChild(el('h4', {}, H.t('claims.claim'), el('q', { text: claim.text }), ' ', el('span', { className: 'badge ' + verdictOf(claim), text: verdictOf(claim) })));
    const evidence = Array.isArray(claim.evidence) ? claim.evidence : [];
    if (!evidence.length) box.appendChild(el('p', { className: 'muted', text: H.t('claims.no-evidence-recorded') }));
    evidence.forEach((e) => {
      const source = e && (e.source || e.sourceId || e.title);
      const score = e && typeof e.score === 'number' ? H.t('claims.score-0', e.score.toFixed(3)) : '';
      box.appendChild(el('blockquote', { text: typeof e === 'string' ? e : (e.text || e.passage || e.source || H.t('claims.no-text-recorded')) },
        source ? el('footer', { className: 'muted', text: '— ' + source + score }) : null));
    });
  }

  return { collect, render, triggers };
})();
