'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const box = document.getElementById('policies-message');
  const editor = document.getElementById('policy-body');
  const result = document.getElementById('policy-result');

  function pick(p) {
    editor.value = p.body;
    document.getElementById('policy-name').textContent = p.name + ' v' + p.version + (p.active ? ' (active)' : '');
  }

  async function load() {
    const data = await api('GET', '/api/v1/policies');
    clear(document.getElementById('policy-list')).appendChild(table([
      ['Name', (p) => p.name], ['Version', (p) => p.version], ['State', (p) => p.active ? el('span', { className: 'badge ok', text: 'active' }) : ''],
      ['SHA-256', (p) => el('code', { text: p.sha256.slice(0, 16) + '…' })], ['Format', (p) => p.format],
      ['Created', (p) => H.time(p.createdAt) + ' by ' + (p.createdBy || '?')],
    ], data.items, pick));
    const active = data.items.find((p) => p.active);
    if (active && !editor.value) pick(active);
  }

  async function run(path, render) {
    clear(result);
    try {
      render(await api('POST', path, editor.value, { contentType: 'text/plain' }));
    } catch (e) {
      H.error(result, e);
    }
  }

  document.getElementById('policy-validate').addEventListener('click', () => run('/api/v1/policies/validate', (r) => {
    H.message(result, 'Valid: ' + r.name + ' (' + r.rules.length + ' rules, sha256 ' + r.sha256.slice(0, 16) + '…)');
    result.appendChild(table([['Rule', (x) => x.id], ['Action', (x) => badge(x.action)], ['When', (x) => el('code', { text: x.when })]], r.rules));
  }));
  document.getElementById('policy-dry-run').addEventListener('click', () => run('/api/v1/policies/dry-run?limit=500', (r) => {
    H.message(result, r.changes.length + ' recent decisions would change');
    result.appendChild(table([['Case', (c) => c.id], ['Before', (c) => badge(c.before)], ['After', (c) => badge(c.after)], ['Rule', (c) => c.decidingRule]], r.changes));
  }));
  document.getElementById('policy-activate').addEventListener('click', () => run('/api/v1/policies', (p) => {
    H.message(result, 'Activated ' + p.name + ' v' + p.version);
    load();
  }));

  H.init('policies.html').then((me) => {
    if (!me.roles.includes('ADMIN')) document.getElementById('policy-activate').hidden = true;
    if (!me.roles.some((r) => r === 'ADMIN' || r === 'AUDITOR')) {
      document.getElementById('policy-validate').hidden = true;
      document.getElementById('policy-dry-run').hidden = true;
    }
    return load();
  }).catch((e) => H.error(box, e));
})();
