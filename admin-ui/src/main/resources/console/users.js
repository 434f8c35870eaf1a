'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const box = document.getElementById('access-message');
  const ROLES = ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR', 'PLUGIN_DEVELOPER'];
  let admin = false;
  let me = null;

  async function change(username, patch, done) {
    try {
      await api('PATCH', '/api/v1/users/' + encodeURIComponent(username), patch);
      H.message(box, done);
      loadUsers();
    } catch (e) {
      H.error(box, e);
    }
  }

  function roleSelect(u) {
    const select = el('select', { 'aria-label': H.t('users.role-of-0', u.username), on: { change: () =>
      change(u.username, { role: select.value }, H.t('users.0-is-now-1', u.username, select.value)) } });
    ROLES.forEach((r) => select.appendChild(el('option', { value: r, text: r })));
    select.value = u.role;
    return select;
  }

  async function loadUsers() {
    const users = await api('GET', '/api/v1/users');
    clear(document.getElementById('user-list')).appendChild(table([
      [H.t('users.user'), (u) => u.username], [H.t('users.role'), roleSelect],
      [H.t('common.state'), (u) => [badge(u.enabled ? 'ENABLED' : 'DISABLED'), u.passwordMustChange ? el('span', { className: 'muted', text: H.t('users.one-time-password') }) : null]],
      [H.t('users.last-sign-in'), (u) => u.lastLoginAt ? H.time(u.lastLoginAt) : H.t('common.never')],
      ['', (u) => u.username === me.username ? el('span', { className: 'muted', text: H.t('users.you') }) : el('button', { type: 'button', className: u.enabled ? 'danger' : 'secondary', on: { click: () =>
        change(u.username, { enabled: !u.enabled }, H.t(u.enabled ? 'users.user-disabled' : 'users.user-enabled', u.username)) } },
        u.enabled ? H.t('common.disable') : H.t('common.enable'))],
    ], users.items));
  }

  async function loadTokens() {
    const tokens = await api('GET', '/api/v1/tokens' + (admin ? '?all=true' : ''));
    clear(document.getElementById('token-list')).appendChild(table([
      [H.t('common.name'), (t) => t.name], [H.t('users.user'), (t) => t.username],
      [H.t('common.created'), (t) => H.time(t.createdAt)], [H.t('users.expires'), (t) => t.expiresAt ? H.time(t.expiresAt) : H.t('common.never')],
      [H.t('users.last-used'), (t) => t.lastUsedAt ? H.time(t.lastUsedAt) : H.t('common.never')],
      ['', (t) => t.revokedAt ? badge('REVOKED') : el('button', { type: 'button', className: 'danger', on: { click: async () => {
        if (!confirm(H.t('users.revoke-token-0', t.name))) return;
        try {
          await api('DELETE', '/api/v1/tokens/' + encodeURIComponent(t.id));
          H.message(box, H.t('users.token-0-revoked', t.name));
          loadTokens();
        } catch (e) {
          H.error(box, e);
        }
      } } }, H.t('users.revoke'))],
    ], tokens.items));
  }

  document.getElementById('user-create').addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = H.formValues(event.target);
    try {
      const u = await api('POST', '/api/v1/users', { username: f.username, role: f.role, password: event.target.password.value,
        oneTime: event.target.oneTime.checked });
      H.message(box, H.t('users.added-0-as-1', u.username, u.role));
      event.target.reset();
      loadUsers();
    } catch (e) {
      H.error(box, e);
    }
  });

  document.getElementById('token-create').addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = H.formValues(event.target);
    const body = { name: f.name };
    if (f.user) body.user = f.user;
    if (f.expiresInDays) body.expiresInDays = Number(f.expiresInDays);
    const secret = clear(document.getElementById('token-secret'));
    try {
      const issued = await api('POST', '/api/v1/tokens', body);
      secret.appendChild(el('p', { text: H.t('users.copy-the-token-now') }));
      secret.appendChild(el('pre', { id: 'new-token', text: issued.token }));
      event.target.reset();
      loadTokens();
    } catch (e) {
      H.error(box, e);
    }
  });

  H.init('users.html').then((signedIn) => {
    me = signedIn;
    admin = me.roles.includes('ADMIN');
    const roleSelect = document.getElementById('user-role');
    ROLES.forEach((r) => {
      const option = el('option', { value: r, text: r });
      option.defaultSelected = r === 'OPERATOR';
      roleSelect.appendChild(option);
    });
    document.getElementById('users-card').hidden = !admin;
    document.getElementById('token-user-label').hidden = !admin;
    return Promise.all([admin ? loadUsers() : null, loadTokens()]);
  }).catch((e) => H.error(box, e));
})();
