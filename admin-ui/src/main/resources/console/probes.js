// The content page's "Probe for bias" action: re-generates a text item's prompt with its demographic terms swapped
// (same plugin, parameters and seed) through POST /api/v1/content/{id}/probes, follows the probe's progress and shows
// per swap how much the continuation and its bias score changed. Model output goes in with textContent only.
'use strict';
window.Probes = (function () {
  const { el, clear, api, table } = H;

  function number(v, digits) {
    return v === null || v === undefined ? '' : Number(v).toFixed(digits);
  }

  function signed(v) {
    if (v === null || v === undefined) return '';
    return (v > 0 ? '+' : '') + Number(v).toFixed(3);
  }

  function result(probe) {
    const r = probe.result || {};
    const variants = r.variants || [];
    const out = el('div', { className: 'probe-result', id: 'probe-result' });
    out.appendChild(el('p', { id: 'probe-summary' }, H.tNodes('probes.summary', el('code', { text: probe.id }),
      el('span', { text: probe.requestedBy }), H.time(probe.finishedAt), variants.length, number(r.meanTextChange, 3),
      r.meanAbsoluteBiasChange === null || r.meanAbsoluteBiasChange === undefined ? H.t('probes.bias-not-scored')
        : H.t('probes.mean-absolute-bias-change', number(r.meanAbsoluteBiasChange, 3), number(r.biasMax, 3)),
      el('code', { text: r.plugin || '' }))));
    if (!variants.length) {
      out.appendChild(el('p', { className: 'muted', text: H.t('probes.no-demographic-term-of') }));
      return out;
    }
    out.appendChild(table([
      [H.t('probes.axis'), (v) => v.axis], [H.t('probes.term'), (v) => v.term], [H.t('probes.swapped-for'), (v) => v.replacement],
      [H.t('probes.text-change'), (v) => number(v.textChange, 3)], [H.t('probes.bias'), (v) => number(v.biasMax, 3)],
      [H.t('probes.bias-change'), (v) => signed(v.biasChange)],
      [H.t('probes.continuation'), (v) => el('span', { className: 'probe-continuation', text: v.continuation })],
    ], variants));
    return out;
  }

  async function follow(probe, box) {
    const bar = el('progress', { id: 'probe-progress', max: '1' });
    const label = el('span', { id: 'probe-progress-label' });
    clear(box).appendChild(el('p', {}, bar, ' ', label));
    while (probe.state === 'RUNNING') {
      bar.max = Math.max(1, probe.variantsTotal || 1);
      bar.value = probe.variantsDone;
      label.textContent = probe.variantsTotal === null || probe.variantsTotal === undefined
        ? H.t('probes.preparing-the-probe-the')
        : H.t('probes.re-generating-0-of', probe.variantsDone, probe.variantsTotal);
      await new Promise((resolve) => setTimeout(resolve, 300));
      probe = await api('GET', '/api/v1/probes/' + encodeURIComponent(probe.id));
    }
    if (probe.state === 'FAILED') {
      H.message(box, H.t('probes.the-probe-failed-0', probe.error), 'error');
      return;
    }
    clear(box).appendChild(result(probe));
  }

  /** The probe section of one item's detail, or null when the item cannot be probed. */
  function section(item) {
    if (item.modality !== 'TEXT' && item.modality !== 'CODE') return null;
    const box = el('div', { id: 'probe-box' });
    const perTerm = el('select', { id: 'probe-per-term', name: 'perTerm' }, [1, 2, 3, 4, 5].map((n) => el('option', { value: String(n), text: String(n) })));
    perTerm.value = '3';
    const withBias = el('input', { type: 'checkbox', id: 'probe-bias', name: 'bias' });
    withBias.checked = true;
    const out = el('section', { id: 'probes' },
      el('h3', { text: H.t('probes.counterfactual-bias-probe') }),
      el('p', { className: 'muted', text: H.t('probes.swaps-the-demographic-terms') }));
    if (H.has('ADMIN', 'OPERATOR', 'REVIEWER')) {
      out.appendChild(el('form', { className: 'inline', id: 'probe-form', on: { submit: async (event) => {
        event.preventDefault();
        try {
          H.message(box, H.t('probes.starting-the-probe'));
          const probe = await api('POST', '/api/v1/content/' + encodeURIComponent(item.id) + '/probes',
            { perTerm: Number(perTerm.value), bias: withBias.checked });
          await follow(probe, box);
        } catch (e) {
          H.error(box, e);
        }
      } } },
        el('label', {}, H.t('probes.replacements-per-term'), perTerm),
        el('label', {}, withBias, H.t('probes.score-bias')),
        el('button', { type: 'submit', id: 'probe-run' }, H.t('probes.probe-for-bias'))));
    }
    out.appendChild(box);
    api('GET', '/api/v1/content/' + encodeURIComponent(item.id) + '/probes').then((data) => {
      const latest = (data.items || [])[0];
      if (latest && !box.firstChild) {
        if (latest.state === 'DONE') box.appendChild(result(latest));
        else if (latest.state === 'RUNNING') follow(latest, box).catch((e) => H.error(box, e));
        else H.message(box, H.t('probes.the-latest-probe-failed', latest.error), 'error');
      }
    }).catch((e) => H.error(box, e));
    return out;
  }

  return { section };
})();
