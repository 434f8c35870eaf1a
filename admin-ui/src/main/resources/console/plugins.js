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
      H.message(box, 'Upgraded ' + p.id + ' from ' + upgrading.version + ' to ' + p.version);
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
          if (confirm('Remove sandbox plugin ' + p.id + '?')) act('DELETE', '/api/v1/sandbox/plugins/' + id, p.id + ' removed');
        } } }, 'Remove')
        : '';
    }
    return el('span', {},
      el('button', { type: 'button', className: 'secondary', title: 'Install a newer version of ' + p.id,
        on: { click: () => upgrade(p) } }, 'Upgrade'),
      ' ',
      p.channel === 'sandbox'
        ? el('button', { type: 'button', className: 'secondary', on: { click: () => {
          if (confirm('Promote ' + p.id + ' to production?')) act('POST', '/api/v1/plugins/' + id + '/promote', p.id + ' promoted to production');
        } } }, 'Promote')
        : '',
      ' ',
      p.state === 'ENABLED'
        ? el('button', { type: 'button', className: 'secondary', on: { click: () => act('POST', '/api/v1/plugins/' + id + '/disable', p.id + ' disabled') } }, 'Disable')
        : el('button', { type: 'button', className: 'secondary', on: { click: () => act('POST', '/api/v1/plugins/' + id + '/enable', p.id + ' enabled') } }, 'Enable'),
      ' ',
      el('button', { type: 'button', className: 'danger', on: { click: () => {
        if (confirm('Remove plugin ' + p.id + '?')) act('DELETE', '/api/v1/plugins/' + id, p.id + ' removed');
      } } }, 'Remove'));
  }

  async function load() {
    const data = await api('GET', '/api/v1/plugins');
    clear(document.getElementById('plugin-list')).appendChild(table([
      ['Plugin', (p) => el('span', {}, el('strong', { text: p.id }), el('br'), el('span', { className: 'muted', text: p.description || '' }))],
      ['Version', (p) => p.version], ['State', (p) => badge(p.state)], ['Channel', (p) => badge(p.channel)],
      ['Signer', (p) => p.signerKeyId || 'unsigned'],
      ['Permissions', (p) => p.permissions.join(', ') || 'none'],
      ['Generators', (p) => p.generators.map((g) => g.info.modality + ' ' + g.info.name).join(', ')],
      ['Runs in', (p) => p.isolation || ''],
      ['Failure', (p) => p.failure || ''], ['Circuit', (p) => p.circuit || ''], ['', actions],
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
        ['Key', (k) => k.keyId], ['Name', (k) => k.name], ['Added', (k) => H.time(k.addedAt) + ' by ' + (k.addedBy || '?')],
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
      H.message(box, 'Installed ' + p.id + ' ' + p.version + ' (' + p.state + '), signed by ' + (p.signerKeyId || 'nobody'));
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
      H.message(box, 'Installed ' + p.id + ' ' + p.version + ' to the sandbox (' + p.state + ')');
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
      H.message(result, 'Job ' + job.id + ' queued');
      let view;
      for (let i = 0; i < 600; i++) {
        view = await api('GET', '/api/v1/sandbox/generations/' + encodeURIComponent(job.id));
        if (FINAL.includes(view.job.state)) break;
        H.message(result, 'Job ' + job.id + ': ' + view.job.state + (view.job.currentStep ? ' (' + view.job.currentStep + ')' : ''));
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
      H.message(box, 'Key trusted');
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
