// Shared by every console page: the signed-in user, API calls with the CSRF token, safe DOM building.
// Everything that comes from users or models is inserted with textContent, never as HTML.
'use strict';
window.H = (function () {
  let csrf = null;
  let me = null;
  const PAGES = [
    ['index.html', 'nav.dashboard', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR', 'PLUGIN_DEVELOPER']],
    ['generate.html', 'nav.generate', ['ADMIN', 'OPERATOR']],
    ['check.html', 'nav.check', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR']],
    ['review.html', 'nav.review', ['ADMIN', 'REVIEWER']],
    ['content.html', 'nav.content', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR']],
    ['kb.html', 'nav.kb', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR']],
    ['plugins.html', 'nav.plugins', ['ADMIN', 'OPERATOR', 'AUDITOR', 'PLUGIN_DEVELOPER']],
    ['policies.html', 'nav.policies', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR']],
    ['audit.html', 'nav.audit', ['ADMIN', 'AUDITOR']],
    ['users.html', 'nav.access', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR', 'PLUGIN_DEVELOPER']],
    ['api.html', 'nav.api', ['ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR', 'PLUGIN_DEVELOPER']],
  ];
  const PASSWORD_PAGE = '/console/password.html';
  const STRINGS = (window.HM_STRINGS || {})[(document.documentElement.lang || 'en')] || (window.HM_STRINGS || {}).en || {};

  /** A string of the bundle (strings.js), with {0}, {1} ... replaced by the arguments; the key when it is missing. */
  function t(key, ...args) {
    const text = Object.prototype.hasOwnProperty.call(STRINGS, key) ? STRINGS[key] : key;
    return text.replace(/\{(\d+)}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  }

  /**
   * Puts the bundle's words into a page: {@code data-i18n="key"} sets an element's text, {@code
   * data-i18n-attr="placeholder:key;aria-label:key"} its attributes. The pages hold no words of their own.
   */
  function localise(root) {
    root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    root.querySelectorAll('[data-i18n-attr]').forEach((node) => node.dataset.i18nAttr.split(';').forEach((pair) => {
      const [attr, key] = pair.split(':');
      node.setAttribute(attr, t(key));
    }));
  }
  localise(document);

  /**
   * A bundle string as nodes, for values that carry their own markup: each {n} becomes the n-th argument, a Node as
   * it is and anything else as text.
   */
  function tNodes(key, ...args) {
    const text = Object.prototype.hasOwnProperty.call(STRINGS, key) ? STRINGS[key] : key;
    return text.split(/(\{\d+})/).filter((part) => part !== '').map((part) => {
      const m = /^\{(\d+)}$/.exec(part);
      const v = m ? args[Number(m[1])] : undefined;
      if (v === undefined) return document.createTextNode(part);
      return v instanceof Node ? v : document.createTextNode(String(v));
    });
  }

  function here() {
    return location.pathname + location.search;
  }

  function toPasswordPage() {
    location.assign(PASSWORD_PAGE + '?next=' + encodeURIComponent(here()));
  }

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
      super((problem && (problem.detail || problem.title)) || (H.t('common.http-0', status)));
      this.problem = problem;
      this.status = status;
    }
  }

  async function api(method, path, body, options) {
    const headers = { Accept: 'application/json' };
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body instanceof Blob) {
      headers['Content-Type'] = 'application/octet-stream';
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
      throw new ApiError({ detail: H.t('common.not-signed-in') }, 401);
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = text; }
    }
    if (response.status === 403 && data && data.type === '/errors/password_change_required'
        && location.pathname !== PASSWORD_PAGE) {
      toPasswordPage();
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

  /** Bytes as people read them: 512 B, 3.4 KiB, 251 MiB, 5.9 GiB. */
  function bytes(n) {
    const v = Number(n);
    if (!Number.isFinite(v)) return '';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    let x = v;
    while (Math.abs(x) >= 1024 && i < units.length - 1) { x /= 1024; i++; }
    return (i === 0 ? String(Math.round(x)) : x.toFixed(x < 10 ? 1 : 0)) + ' ' + units[i];
  }

  /** Appends text to node with every occurrence of the query's words wrapped in <mark class="hit">. */
  function highlight(node, text, query) {
    const words = String(query || '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
    const source = String(text || '');
    if (!words.length) { node.appendChild(document.createTextNode(source)); return node; }
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp('(' + escaped.join('|') + ')', 'giu');
    let pos = 0;
    source.replace(pattern, (match, _g, at) => {
      if (at > pos) node.appendChild(document.createTextNode(source.slice(pos, at)));
      node.appendChild(el('mark', { className: 'hit', text: match }));
      pos = at + match.length;
      return match;
    });
    if (pos < source.length) node.appendChild(document.createTextNode(source.slice(pos)));
    return node;
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
          const text = v === null || v === undefined ? '' : String(v);
          // timestamps (H.time) stay on one line
          return el('td', typeof v === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/.test(v) ? { className: 'nowrap' } : {},
            v instanceof Node || Array.isArray(v) ? v : text);
        }));
      body.appendChild(tr);
    });
    if (!rows.length) body.appendChild(el('tr', {}, el('td', { colspan: String(columns.length), className: 'muted', text: t('table.empty') })));
    return el('table', {}, el('thead', {}, head), body);
  }

  function pager(page, onPage) {
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    return el('div', { className: 'pager' },
      el('button', { className: 'secondary', type: 'button', disabled: page.page <= 1 ? '' : null, on: { click: () => onPage(page.page - 1) } }, t('pager.previous')),
      el('span', { className: 'muted', text: t('pager.page', page.page, pages, page.total) }),
      el('button', { className: 'secondary', type: 'button', disabled: page.page >= pages ? '' : null, on: { click: () => onPage(page.page + 1) } }, t('pager.next')));
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
    if (me.passwordMustChange && page !== 'password.html') {
      toPasswordPage();
      throw new ApiError({ detail: t('password.forced') }, 403);
    }
    const nav = document.getElementById('nav');
    const header = nav.parentElement;
    const toggle = el('button', { type: 'button', className: 'nav-toggle', 'aria-expanded': 'false',
      'aria-controls': 'nav', on: { click: () => {
        const open = header.classList.toggle('nav-open');
        toggle.setAttribute('aria-expanded', String(open));
      } } }, t('nav.menu'));
    header.insertBefore(toggle, nav);
    if (!me.passwordMustChange) {
      PAGES.filter(([, , roles]) => has(...roles)).forEach(([href, key]) => {
        const a = el('a', { href: '/console/' + href, text: t(key) });
        if (href === page) a.setAttribute('aria-current', 'page');
        nav.appendChild(a);
      });
    }
    const user = document.getElementById('user');
    user.appendChild(el('span', { text: me.username + ' (' + me.roles.join(', ') + ')' }));
    if (me.via === 'SESSION' && page !== 'password.html') {
      user.appendChild(el('a', { href: PASSWORD_PAGE, id: 'change-password', text: t('user.changePassword') }));
    }
    user.appendChild(el('button', { className: 'link-button', type: 'button', id: 'sign-out', on: { click: async () => {
      try { await api('POST', '/api/v1/auth/logout'); } finally { location.assign('/console/login.html'); }
    } } }, t('user.signOut')));
    return me;
  }

  /** The session's CSRF token, for pages that send requests themselves (the API page). */
  function csrfToken() {
    return csrf;
  }

  return { el, clear, api, init, localise, tNodes, message, error, time, badge, table, pager, query, formValues, has, ApiError, t, bytes, highlight, csrfToken };
})();
