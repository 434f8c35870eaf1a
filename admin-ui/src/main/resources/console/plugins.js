'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const box = document.getElementById('plugins-message');
  let admin = false;
  let developer = false;

  async function act(method, path, done) {
    try {
      await api(method, path);
      H.message(box, done);
      load();
    } catch (e) {
      H.error(box, e);
    }
  }

  const upgradeInput = document.getElementById('upgrade-archive');
  let upgrading = null;

  function upgrade(p) {
    upgrading = p;
    upgradeInput.value = '';
    upgradeInput.click();
  }

  upgradeInput.addEventListener('change', async () => {
    const file = upgradeInput.files[0];
    if (!file || !upgrading) return;
    const data = new FormData();
    data.append('archive', file, file.name);
    try {
      const p = await api('POST', '/api/v1/plugins/' + encodeURIComponent(upgrading.id) + '/upgrade', data);
      H.message(box, H.t('plugins.upgraded-0-from-1', p.id, upgrading.version, p.version));
      load();
    } catch (e) {
      H.error(box, e);
    } finally {
      upgrading = null;
    }
  });

  function actions(p) {
    const id = encodeURIComponent(p.id);
    if (!admin) {
      return developer && p.channel === 'sandbox'
        ? el('button', { type: 'button', className: 'danger', on: { click: () => {
          if (confirm(H.t('plugins.remove-sandbox-plugin-0', p.id))) act('DELETE', '/api/v1/sandbox/plugins/' + id, H.t('plugins.0-removed', p.id));
        } } }, H.t('plugins.remove'))
        : '';
    }
    return el('span', {},
      el('button', { type: 'button', className: 'secondary', title: H.t('plugins.install-a-newer-version', p.id),
        on: { click: () => upgrade(p) } }, H.t('plugins.upgrade')),
      ' ',
      p.channel === 'sandbox'
        ? el('button', { type: 'button', className: 'secondary', on: { click: () => {
          if (confirm(H.t('plugins.promote-0-to-production', p.id))) act('POST', '/api/v1/plugins/' + id + '/promote', H.t('plugins.0-promoted-to-production', p.id));
        } } }, H.t('plugins.promote'))
        : '',
      ' ',
      p.state === 'ENABLED'
        ? el('button', { type: 'button', className: 'secondary', on: { click: () => act('POST', '/api/v1/plugins/' + id + '/disable', H.t('plugins.0-disabled', p.id)) } }, H.t('common.disable'))
        : el('button', { type: 'button', className: 'secondary', on: { click: () => act('POST', '/api/v1/plugins/' + id + '/enable', H.t('plugins.0-enabled', p.id)) } }, H.t('common.enable')),
      ' ',
      el('button', { type: 'button', className: 'danger', on: { click: () => {
        if (confirm(H.t('plugins.remove-plugin-0', p.id))) act('DELETE', '/api/v1/plugins/' + id, H.t('plugins.0-removed', p.id));
      } } }, H.t('plugins.remove')));
  }

  async function load() {
    const data = await api('GET', '/api/v1/plugins');
    clear(document.getElementById('plugin-list')).appendChild(table([
      [H.t('common.plugin'), (p) => el('span', {}, el('strong', { text: p.id }), el('br'), el('span', { className: 'muted', text: p.description || '' }))],
      [H.t('common.version'), (p) => p.version], [H.t('common.state'), (p) => badge(p.state)], [H.t('plugins.channel'), (p) => badge(p.channel)],
      [H.t('plugins.signer'), (p) => p.signerKeyId || H.t('plugins.unsigned')],
      [H.t('plugins.permissions'), (p) => p.permissions.join(', ') || H.t('common.none')],
      [H.t('plugins.generators'), (p) => p.generators.map((g) => g.info.modality + ' ' + g.info.name).join(', ')],
      [H.t('plugins.runs-in'), (p) => p.isolation || ''],
      [H.t('common.failure'), (p) => p.failure || ''], [H.t('common.circuit'), (p) => p.circuit || ''], ['', actions],
    ], data.items));
    const sandboxGenerators = data.items.filter((p) => p.channel === 'sandbox' && p.state === 'ENABLED')
      .flatMap((p) => p.generators.map((g) => ({ plugin: p.id, modality: g.info.modality, name: g.info.name })));
    const select = clear(document.getElementById('sandbox-generator'));
    sandboxGenerators.forEach((g) => select.appendChild(el('option', { value: g.plugin + '|' + g.modality,
      text: g.plugin + ': ' + g.modality + ' ' + g.name })));
    document.getElementById('sandbox-run').disabled = sandboxGenerators.length === 0;
    if (H.has('ADMIN', 'AUDITOR', 'PLUGIN_DEVELOPER')) {
      const keys = await api('GET', '/api/v1/plugin-keys');
      clear(document.getElementById('keys')).appendChild(table([
        [H.t('plugins.key'), (k) => k.keyId], [H.t('common.name'), (k) => k.name], [H.t('plugins.added'), (k) => H.t('common.at-by', H.time(k.addedAt), k.addedBy || '?')],
      ], keys.items));
    }
  }

  document.getElementById('plugin-upload').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const file = document.getElementById('plugin-archive').files[0];
    if (!file) return;
    const data = new FormData();
    data.append('archive', file, file.name);
    try {
      const p = await api('POST', '/api/v1/plugins' + H.query({ grant: form.grant.value.trim() }), data);
      H.message(box, H.t('plugins.installed-signed', p.id, p.version, p.state, p.signerKeyId || H.t('plugins.nobody')));
      form.reset();
      load();
    } catch (e) {
      H.error(box, e);
    }
  });

  document.getElementById('sandbox-upload').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('sandbox-archive').files[0];
    if (!file) return;
    const data = new FormData();
    data.append('archive', file, file.name);
    try {
      const p = await api('POST', '/api/v1/sandbox/plugins', data);
      H.message(box, H.t('plugins.installed-0-1-to', p.id, p.version, p.state));
      event.target.reset();
      load();
    } catch (e) {
      H.error(box, e);
    }
  });

  const FINAL = ['DONE', 'WAITING_REVIEW', 'FAILED', 'CANCELLED', 'DEAD'];
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  document.getElementById('sandbox-try').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const result = clear(document.getElementById('sandbox-result'));
    const [plugin, modality] = form.generator.value.split('|');
    try {
      const job = await api('POST', '/api/v1/sandbox/generations', { plugin, modality, prompt: form.prompt.value });
      H.message(result, H.t('plugins.job-0-queued', job.id));
      let view;
      for (let i = 0; i < 600; i++) {
        view = await api('GET', '/api/v1/sandbox/generations/' + encodeURIComponent(job.id));
        if (FINAL.includes(view.job.state)) break;
        H.message(result, H.t('plugins.job-state', job.id, view.job.state + (view.job.currentStep ? ' (' + view.job.currentStep + ')' : '')));
        await sleep(500);
      }
      clear(result).appendChild(el('p', {}, badge(view.job.state), ' ',
        view.content ? badge(view.content.status) : '', view.job.error ? ' ' + view.job.error : ''));
      if (view.content && view.content.text) {
        result.appendChild(el('pre', { className: 'output', id: 'sandbox-output', text: view.content.text }));
      }
    } catch (e) {
      H.error(result, e);
    }
  });

  document.getElementById('key-add').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    try {
      await api('POST', '/api/v1/plugin-keys' + H.query({ name: form.name.value.trim() }), form.pem.value, { contentType: 'text/plain' });
      H.message(box, H.t('plugins.key-trusted'));
      form.reset();
      load();
    } catch (e) {
      H.error(box, e);
    }
  });

  H.init('plugins.html').then((me) => {
    admin = me.roles.includes('ADMIN');
    developer = me.roles.includes('PLUGIN_DEVELOPER');
    document.getElementById('sandbox-cards').hidden = !(admin || developer);
    if (!admin) {
      document.getElementById('install-card').hidden = true;
      document.getElementById('key-add').hidden = true;
    }
    return load();
  }).catch((e) => H.error(box, e));
})();
