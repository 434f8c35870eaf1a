// Shared by every console page: the signed-in user, API calls with the CSRF token, safe DOM building.
// Everything that comes from users or models is inserted with textContent, never as HTML.
'use strict';
window.H = (function () {
  let csrf = null;
  let me = null;
  const PAGES = [
    ['index.html', 'Dashboard', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR', 'PLUGIN_DEVELOPER']],
    ['generate.html', 'Generate', ['ADMIN', 'OPERATOR']],
    ['review.html', 'Review queue', ['ADMIN', 'REVIEWER']],
    ['content.html', 'Content', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR']],
    ['kb.html', 'Knowledge base', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR']],
    ['plugins.html', 'Plugins', ['ADMIN', 'OPERATOR', 'AUDITOR', 'PLUGIN_DEVELOPER']],
    ['policies.html', 'Policies', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR']],
    ['audit.html', 'Audit', ['ADMIN', 'AUDITOR']],
    ['users.html', 'Access', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR', 'PLUGIN_DEVELOPER']],
    ['api.html', 'API', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR', 'PLUGIN_DEVELOPER']],
  ];

  /** el('td', {className: 'x', text: 'y', on: {click: f}}, child...) */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (v === undefined || v === null) return;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'className') node.className = v;
      else if (k === 'on') Object.entries(v).forEach(([e, f]) => node.addEventListener(e, f));
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k === 'value') node.value = v;
      else if (k === 'href' || k === 'src') {
        if (String(v).startsWith('/')) node.setAttribute(k, v);
      } else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => {
      if (c === null || c === undefined) return;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  class ApiError extends Error {
    constructor(problem, status) {
      super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.problem = problem;
      this.status = status;
    }
  }

  async function api(method, path, body, options) {
    const headers = { Accept: 'application/json' };
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (typeof body === 'string') {
      headers['Content-Type'] = (options && options.contentType) || 'text/plain';
      payload = body;
    } else if (body !== undefined && body !== null) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
    const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    if (response.status === 401 && !(options && options.noRedirect)) {
      location.assign('/console/login.html?next=' + encodeURIComponent(location.pathname + location.search));
      throw new ApiError({ detail: 'Not signed in' }, 401);
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = text; }
    }
    if (!response.ok) throw new ApiError(data, response.status);
    return data;
  }

  function message(container, text, kind) {
    clear(container).appendChild(el('div', { className: 'message ' + (kind || 'ok'), role: 'status', text }));
  }

  function error(container, e) {
    const problem = e && e.problem;
    const box = el('div', { className: 'message error', role: 'alert', text: e.message || String(e) });
    if (problem && Array.isArray(problem.errors)) {
      problem.errors.forEach((f) => box.appendChild(el('div', { text: f.field + ': ' + f.message })));
    }
    clear(container).appendChild(box);
  }

  function time(value) {
    if (!value) return '';
    const d = new Date(value);
    return isNaN(d) ? String(value) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  function badge(text) {
    return el('span', { className: 'badge ' + String(text), text: text });
  }

  /** A table: columns are [title, row => text or Node]; onClick(row) makes rows clickable. */
  function table(columns, rows, onClick) {
    const head = el('tr', {}, columns.map(([title]) => el('th', { text: title })));
    const body = el('tbody');
    rows.forEach((row) => {
      const tr = el('tr', onClick ? { className: 'clickable', tabindex: '0', on: { click: () => onClick(row) } } : {},
        columns.map(([, f]) => {
          const v = f(row);
          return el('td', {}, v instanceof Node ? v : (v === null || v === undefined ? '' : String(v)));
        }));
      body.appendChild(tr);
    });
    if (!rows.length) body.appendChild(el('tr', {}, el('td', { colspan: String(columns.length), className: 'muted', text: 'Nothing here yet.' })));
    return el('table', {}, el('thead', {}, head), body);
  }

  function pager(page, onPage) {
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    return el('div', { className: 'pager' },
      el('button', { className: 'secondary', type: 'button', disabled: page.page <= 1 ? '' : null, on: { click: () => onPage(page.page - 1) } }, 'Previous'),
      el('span', { className: 'muted', text: 'Page ' + page.page + ' of ' + pages + ' (' + page.total + ' in all)' }),
      el('button', { className: 'secondary', type: 'button', disabled: page.page >= pages ? '' : null, on: { click: () => onPage(page.page + 1) } }, 'Next'));
  }

  function query(params) {
    const q = new URLSearchParams();
    Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
    const s = q.toString();
    return s ? '?' + s : '';
  }

  function formValues(form) {
    const values = {};
    new FormData(form).forEach((v, k) => { if (typeof v === 'string') values[k] = v.trim(); });
    return values;
  }

  function has(...roles) {
    return !!me && me.roles.some((r) => roles.includes(r));
  }

  async function init(page) {
    me = await api('GET', '/api/v1/auth/me');
    csrf = me.csrfToken || null;
    const nav = document.getElementById('nav');
    PAGES.filter(([, , roles]) => has(...roles)).forEach(([href, title]) => {
      const a = el('a', { href: '/console/' + href, text: title });
      if (href === page) a.setAttribute('aria-current', 'page');
      nav.appendChild(a);
    });
    const user = document.getElementById('user');
    user.appendChild(el('span', { text: me.username + ' (' + me.roles.join(', ') + ')' }));
    user.appendChild(el('button', { className: 'link-button', type: 'button', id: 'sign-out', on: { click: async () => {
      try { await api('POST', '/api/v1/auth/logout'); } finally { location.assign('/console/login.html'); }
    } } }, 'Sign out'));
    return me;
  }

  /** The session's CSRF token, for pages that send requests themselves (the API page). */
  function csrfToken() {
    return csrf;
  }

  return { el, clear, api, init, message, error, time, badge, table, pager, query, formValues, has, ApiError, csrfToken };
})();
