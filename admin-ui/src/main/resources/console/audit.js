'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const filter = document.getElementById('audit-filter');
  const exportForm = document.getElementById('export-form');
  let page = 1;

  async function verify() {
    const box = clear(document.getElementById('verify'));
    box.appendChild(el('p', { className: 'muted', text: H.t('audit.verifying') }));
    try {
      const r = await api('GET', '/api/v1/audit/verify');
      clear(box).appendChild(el('p', { id: 'verify-status' }, badge(r.ok ? 'ok' : 'bad'), ' ',
        r.ok ? H.t('audit.the-chain-verifies') : H.t('audit.the-chain-does-not')));
      box.appendChild(el('dl', { className: 'kv' },
        el('dt', { text: H.t('audit.events') }), el('dd', { text: r.events }),
        el('dt', { text: H.t('audit.signed-checkpoints-checked') }), el('dd', { text: r.checkpointsChecked }),
        el('dt', { text: H.t('audit.tree-size') }), el('dd', { text: r.treeSize }),
        el('dt', { text: H.t('audit.root-hash') }), el('dd', { text: r.rootHash }),
        el('dt', { text: H.t('audit.took') }), el('dd', { text: H.t('common.0-ms', r.millis) })));
      r.divergences.forEach((d) => box.appendChild(el('div', { className: 'message error', text: d.kind + (d.seq ? H.t('audit.at-0', d.seq) : '') + ': ' + d.message })));
    } catch (e) {
      H.error(box, e);
    }
  }

  async function checkpoint() {
    const box = clear(document.getElementById('checkpoint'));
    try {
      const c = await api('GET', '/api/v1/audit/checkpoints/latest');
      box.appendChild(el('p', { text: H.t('audit.0-at-1-tree', c.number, H.time(c.time), c.treeSize) }));
      box.appendChild(el('pre', { text: c.note }));
    } catch (e) {
      box.appendChild(el('p', { className: 'muted', text: e.message }));
    }
  }

  async function events() {
    const f = H.formValues(filter);
    const box = document.getElementById('events');
    try {
      const data = await api('GET', '/api/v1/audit/events' + H.query({ type: f.type, actor: f.actor, subject: f.subject, from: f.from, to: f.to, page, size: 20 }));
      clear(document.getElementById('audit-message'));
      clear(box).appendChild(table([
        ['#', (e) => e.seq], [H.t('common.time'), (e) => H.time(e.time)], [H.t('common.actor'), (e) => e.actor], [H.t('common.type'), (e) => e.type],
        [H.t('audit.subject'), (e) => e.subject || ''], [H.t('common.details'), (e) => Decisions.summary(e.payload)],
      ], data.items));
      box.appendChild(H.pager(data, (p) => { page = p; events(); }));
    } catch (e) {
      H.error(document.getElementById('audit-message'), e);
    }
  }

  async function exports() {
    const data = await api('GET', '/api/v1/audit/exports');
    clear(document.getElementById('exports')).appendChild(table([[H.t('audit.export'), (x) => x.id], ['', (x) => el('a', { href: x.download, text: H.t('audit.download-zip') })]], data.items));
  }

  filter.addEventListener('submit', (event) => { event.preventDefault(); page = 1; events(); });
  document.getElementById('verify-again').addEventListener('click', verify);
  exportForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = H.formValues(exportForm);
    const box = document.getElementById('export-result');
    try {
      H.message(box, H.t('audit.exporting'));
      const r = await api('POST', '/api/v1/audit/exports', { from: f.from, to: f.to, decision: f.decision || null, plugin: f.plugin || null });
      clear(box).appendChild(el('div', { className: 'message ok', id: 'export-done' },
        H.t('audit.exported-0-events-1', r.events, r.items, r.policies, r.folder, r.checkpointNumber, r.treeSize),
        el('a', { href: r.download, text: H.t('audit.download-zip') })));
      await Promise.all([exports(), events()]);
    } catch (e) {
      H.error(box, e);
    }
  });

  H.init('audit.html').then(() => {
    const today = new Date().toISOString().slice(0, 10);
    document.getElementById('export-from').value = today;
    document.getElementById('export-to').value = today;
    return Promise.all([verify(), checkpoint(), events(), exports()]);
  }).catch((e) => H.error(document.getElementById('audit-message'), e));
})();
