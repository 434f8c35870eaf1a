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
    out.appendChild(el('p', { id: 'probe-summary' },
      'Probe ', el('code', { text: probe.id }), ' by ', el('span', { text: probe.requestedBy }), ' at ', H.time(probe.finishedAt),
      ': ' + variants.length + ' swapped prompts; mean text change ' + number(r.meanTextChange, 3)
      + (r.meanAbsoluteBiasChange === null || r.meanAbsoluteBiasChange === undefined ? ' (bias not scored)'
        : '; mean absolute bias change ' + number(r.meanAbsoluteBiasChange, 3) + ' (original bias ' + number(r.biasMax, 3) + ')')
      + '; plugin ', el('code', { text: r.plugin || '' })));
    if (!variants.length) {
      out.appendChild(el('p', { className: 'muted', text: 'No demographic term of the lexicon in the prompt: nothing to swap.' }));
      return out;
    }
    out.appendChild(table([
      ['Axis', (v) => v.axis], ['Term', (v) => v.term], ['Swapped for', (v) => v.replacement],
      ['Text change', (v) => number(v.textChange, 3)], ['Bias', (v) => number(v.biasMax, 3)],
      ['Bias change', (v) => signed(v.biasChange)],
      ['Continuation', (v) => el('span', { className: 'probe-continuation', text: v.continuation })],
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
        ? 'Preparing the probe (the bias scorer loads on first use)…'
        : 'Re-generating: ' + probe.variantsDone + ' of ' + probe.variantsTotal + ' swapped prompts';
      await new Promise((resolve) => setTimeout(resolve, 300));
      probe = await api('GET', '/api/v1/probes/' + encodeURIComponent(probe.id));
    }
    if (probe.state === 'FAILED') {
      H.message(box, 'The probe failed: ' + probe.error, 'error');
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
      el('h3', { text: 'Counterfactual bias probe' }),
      el('p', { className: 'muted', text: 'Swaps the demographic terms of the prompt for others of the same axis, '
        + 're-generates with the same plugin, parameters and seed, and measures how much the continuation and its '
        + 'bias score change.' }));
    if (H.has('ADMIN', 'OPERATOR', 'REVIEWER')) {
      out.appendChild(el('form', { className: 'inline', id: 'probe-form', on: { submit: async (event) => {
        event.preventDefault();
        try {
          H.message(box, 'Starting the probe…');
          const probe = await api('POST', '/api/v1/content/' + encodeURIComponent(item.id) + '/probes',
            { perTerm: Number(perTerm.value), bias: withBias.checked });
          await follow(probe, box);
        } catch (e) {
          H.error(box, e);
        }
      } } },
        el('label', {}, 'Replacements per term ', perTerm),
        el('label', {}, withBias, ' score bias'),
        el('button', { type: 'submit', id: 'probe-run' }, 'Probe for bias')));
    }
    out.appendChild(box);
    api('GET', '/api/v1/content/' + encodeURIComponent(item.id) + '/probes').then((data) => {
      const latest = (data.items || [])[0];
      if (latest && !box.firstChild) {
        if (latest.state === 'DONE') box.appendChild(result(latest));
        else if (latest.state === 'RUNNING') follow(latest, box).catch((e) => H.error(box, e));
        else H.message(box, 'The latest probe failed: ' + latest.error, 'error');
      }
    }).catch((e) => H.error(box, e));
    return out;
  }

  return { section };
})();
