'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const box = document.getElementById('plugins-message');
  let admin = false;

  async function act(method, path, done) {
    try {
      await api(method, path);
      H.message(box, done);
      load();
    } catch (e) {
      H.error(box, e);
    }
  }

  function actions(p) {
    if (!admin) return '';
    const id = encodeURIComponent(p.id);
    return el('span', {},
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
      ['Version', (p) => p.version], ['State', (p) => badge(p.state)], ['Signer', (p) => p.signerKeyId || 'unsigned'],
      ['Permissions', (p) => p.permissions.join(', ') || 'none'],
      ['Generators', (p) => p.generators.map((g) => g.info.modality + ' ' + g.info.name).join(', ')],
      ['Failure', (p) => p.failure || ''], ['Circuit', (p) => p.circuit || ''], ['', actions],
    ], data.items));
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
    if (!admin) {
      document.getElementById('install-card').hidden = true;
      document.getElementById('key-add').hidden = true;
    }
    return load();
  }).catch((e) => H.error(box, e));
})();
