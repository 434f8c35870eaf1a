'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const form = document.getElementById('generate-form');
  const select = document.getElementById('generator');
  const params = document.getElementById('parameters');
  const output = document.getElementById('output');
  const events = document.getElementById('events');
  const state = document.getElementById('job-state');
  let generators = [];
  let stream = null;

  function renderParameters() {
    clear(params);
    const g = generators[select.selectedIndex];
    if (!g) return;
    (g.info.parameters || []).forEach((p) => {
      const type = String(p.type || '').toUpperCase();
      if (type === 'MESSAGES') return; // conversations come from the OpenAI-compatible API, not this form
      let input;
      if (Array.isArray(p.allowedValues) && p.allowedValues.length) {
        input = el('select', { name: 'param:' + p.name }, p.allowedValues.map((v) => el('option', { value: v, text: v })));
      } else {
        input = el('input', { name: 'param:' + p.name, type: type === 'INTEGER' || type === 'NUMBER' ? 'number' : 'text',
          step: type === 'NUMBER' ? 'any' : null, min: p.min, max: type === 'STRING' ? null : p.max, placeholder: p.defaultValue === null || p.defaultValue === undefined ? '' : String(p.defaultValue) });
      }
      input.dataset.type = type;
      input.setAttribute('aria-describedby', 'param-help-' + p.name);
      params.appendChild(el('label', { title: p.description || '' }, Decisions.label(p.name), input,
        p.description ? el('span', { className: 'help', id: 'param-help-' + p.name, text: p.description }) : null));
    });
  }

  function log(type, text) {
    events.appendChild(el('div', {}, badge(type), ' ', el('span', { text })));
  }

  let lastScores = null;

  function showScores(map, decision) {
    lastScores = map;
    const box = clear(document.getElementById('scores'));
    box.appendChild(Decisions.scores(map, decision));
  }

  async function finished(id) {
    const result = await api('GET', '/api/v1/generations/' + id);
    state.textContent = result.job.state;
    const content = result.content || {};
    if (content.status) clear(document.getElementById('content-decision')).appendChild(Decisions.badge(content.status));
    output.className = 'output pre ' + Decisions.textClass(content.status);
    const report = result.report;
    if (content.text !== null && content.text !== undefined) {
      const evidence = document.getElementById('findings');
      const marked = Claims.render(output, content.text, Claims.collect(report), evidence);
      if (marked) {
        log('claims', H.t('generate.0-claim-s-marked', marked));
        output.after(Decisions.legend());
      }
    } else if (content.id && /^image\//.test(content.mediaType)) {
      document.getElementById('artifact').appendChild(el('img', { className: 'artifact', alt: H.t('generate.generated-image'), src: '/api/v1/content/' + content.id + '/artifact' }));
    } else if (content.id && /^video\//.test(content.mediaType)) {
      document.getElementById('artifact').appendChild(el('video', { className: 'artifact', controls: '', src: '/api/v1/content/' + content.id + '/artifact' }));
    }
    if (content.status) log('status', H.t('generate.content-0', content.status));
    if (content.id) {
      document.getElementById('artifact').appendChild(el('p', {}, el('a', { href: '/console/content.html?id=' + content.id, text: H.t('generate.open-in-content') })));
    }
  }

  function watch(id) {
    if (stream) stream.close();
    stream = new EventSource('/api/v1/generations/' + encodeURIComponent(id) + '/events');
    const on = (type, f) => stream.addEventListener(type, (e) => f(JSON.parse(e.data).data || {}));
    on('queued', () => { state.textContent = 'QUEUED'; log('queued', H.t('generate.waiting-for-a-worker')); });
    on('started', () => { state.textContent = 'RUNNING'; log('started', H.t('generate.a-worker-took-the')); });
    on('step', (d) => log('step', d.step + ' ' + d.status + (d.round ? H.t('generate.round-0', d.round) : '')));
    on('revise', (d) => {
      log('revise', H.t('generate.round-goes-back', d.round, (d.reasons || []).join('; ')));
      output.appendChild(el('hr'));
    });
    on('progress', (d) => log('progress', Math.round(100 * d.fraction) + '% ' + (d.message || '')));
    on('output', (d) => output.appendChild(document.createTextNode(d.text)));
    on('governance', (d) => {
      log('governance', H.t('generate.checks-done'));
      showScores(d.scores, null);
    });
    on('decision', (d) => {
      const box = clear(document.getElementById('decision'));
      box.appendChild(Decisions.explain(d));
      if (lastScores) showScores(lastScores, d);
      const notChecked = Object.entries(d.unavailable || {});
      if (notChecked.length) {
        box.appendChild(el('ul', { className: 'not-checked' }, notChecked.map(([check, why]) =>
          el('li', { className: 'not-checked', text: H.t('common.not-checked-0', check, why) }))));
      }
    });
    on('finished', (d) => {
      stream.close();
      log('finished', d.state || '');
      finished(id).catch((e) => H.error(document.getElementById('generate-message'), e));
    });
    stream.onerror = () => { if (stream.readyState === EventSource.CLOSED) log('stream', 'closed'); };
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const g = generators[select.selectedIndex];
    const parameters = {};
    params.querySelectorAll('[name^="param:"]').forEach((input) => {
      if (input.value === '') return;
      const t = input.dataset.type;
      parameters[input.name.slice(6)] = t === 'INTEGER' ? parseInt(input.value, 10) : t === 'NUMBER' ? Number(input.value)
        : t === 'BOOLEAN' ? input.value === 'true' : input.value;
    });
    const body = { modality: g.info.modality, plugin: g.pluginId, prompt: form.prompt.value, parameters };
    if (form.seed.value !== '') body.seed = Number(form.seed.value);
    [output, events, document.getElementById('findings'), document.getElementById('scores'), document.getElementById('decision'),
      document.getElementById('artifact'), document.getElementById('content-decision')].forEach(clear);
    lastScores = null;
    output.className = 'output pre';
    document.querySelectorAll('#generate-result .legend').forEach((n) => n.remove());
    try {
      const job = await api('POST', '/api/v1/generations', body);
      H.message(document.getElementById('generate-message'), H.t('generate.queued-job-0', job.id));
      history.pushState({ job: job.id }, '', '/console/generate.html?job=' + encodeURIComponent(job.id));
      watch(job.id);
    } catch (e) {
      H.error(document.getElementById('generate-message'), e);
    }
  });

  H.init('generate.html').then(async () => {
    generators = (await api('GET', '/api/v1/generators')).items;
    generators.forEach((g) => select.appendChild(el('option', { value: g.pluginId + ':' + g.info.name, text: g.info.modality + ' · ' + g.pluginId + ' ' + g.pluginVersion + ' · ' + g.info.name })));
    select.addEventListener('change', renderParameters);
    renderParameters();
    if (!generators.length) H.message(document.getElementById('generate-message'), H.t('generate.no-generator-is-enabled'), 'error');
    const linked = new URLSearchParams(location.search).get('job');
    if (linked) watch(linked); // a deep link to a job replays its events and shows its outcome
  }).catch((e) => H.error(document.getElementById('generate-message'), e));
})();
