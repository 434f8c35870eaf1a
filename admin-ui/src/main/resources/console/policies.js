'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const box = document.getElementById('policies-message');
  const editor = document.getElementById('policy-body');
  const result = document.getElementById('policy-result');

  /** Opens a policy in the editor; the URL names it (?id=), so the link opens it again. */
  function pick(p, fromUrl) {
    editor.value = p.body;
    document.getElementById('policy-name').textContent = H.t(p.active ? 'common.name-version-active'
      : 'common.name-version', p.name, p.version);
    const url = '/console/policies.html?id=' + encodeURIComponent(p.id);
    if (!fromUrl && location.pathname + location.search !== url) history.pushState({ id: p.id }, '', url);
  }

  async function load() {
    const data = await api('GET', '/api/v1/policies');
    clear(document.getElementById('policy-list')).appendChild(table([
      [H.t('common.name'), (p) => p.name], [H.t('common.version'), (p) => p.version], [H.t('common.state'), (p) => p.active ? el('span', { className: 'badge ok', text: H.t('policies.active') }) : ''],
      ['SHA-256', (p) => el('code', { text: p.sha256.slice(0, 16) + '…' })], [H.t('policies.format'), (p) => p.format],
      [H.t('common.created'), (p) => H.t('common.at-by', H.time(p.createdAt), p.createdBy || '?')],
    ], data.items, (p) => pick(p, false)));
    const wanted = new URLSearchParams(location.search).get('id');
    const shown = data.items.find((p) => p.id === wanted) || data.items.find((p) => p.active);
    if (shown && (!editor.value || wanted)) pick(shown, true);
  }
  window.addEventListener('popstate', () => load().catch((e) => H.error(box, e)));

  async function run(path, render) {
    clear(result);
    try {
      render(await api('POST', path, editor.value, { contentType: 'text/plain' }));
    } catch (e) {
      H.error(result, e);
    }
  }

  document.getElementById('policy-validate').addEventListener('click', () => run('/api/v1/policies/validate', (r) => {
    H.message(result, H.t('policies.valid-0-1-rules', r.name, r.rules.length, r.sha256.slice(0, 16)));
    result.appendChild(table([[H.t('common.rule'), (x) => x.id], [H.t('policies.action'), (x) => badge(x.action)], [H.t('policies.when'), (x) => el('code', { text: x.when })]], r.rules));
  }));
  document.getElementById('policy-dry-run').addEventListener('click', () => run('/api/v1/policies/dry-run?limit=500', (r) => {
    H.message(result, H.t('policies.0-recent-decisions-would', r.changes.length));
    result.appendChild(table([[H.t('policies.case'), (c) => c.id], [H.t('policies.before'), (c) => badge(c.before)], [H.t('policies.after'), (c) => badge(c.after)], [H.t('common.rule'), (c) => c.decidingRule]], r.changes));
  }));
  document.getElementById('policy-activate').addEventListener('click', () => run('/api/v1/policies', (p) => {
    H.message(result, H.t('policies.activated-0-v-1', p.name, p.version));
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
