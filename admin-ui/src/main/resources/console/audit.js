'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const filter = document.getElementById('audit-filter');
  const exportForm = document.getElementById('export-form');
  let page = 1;

  async function verify() {
    const box = clear(document.getElementById('verify'));
    box.appendChild(el('p', { className: 'muted', text: 'Verifying…' }));
    try {
      const r = await api('GET', '/api/v1/audit/verify');
      clear(box).appendChild(el('p', { id: 'verify-status' }, badge(r.ok ? 'ok' : 'bad'), ' ',
        r.ok ? 'The chain verifies' : 'The chain does NOT verify'));
      box.appendChild(el('dl', { className: 'kv' },
        el('dt', { text: 'Events' }), el('dd', { text: r.events }),
        el('dt', { text: 'Signed checkpoints checked' }), el('dd', { text: r.checkpointsChecked }),
        el('dt', { text: 'Tree size' }), el('dd', { text: r.treeSize }),
        el('dt', { text: 'Root hash' }), el('dd', { text: r.rootHash }),
        el('dt', { text: 'Took' }), el('dd', { text: r.millis + ' ms' })));
      r.divergences.forEach((d) => box.appendChild(el('div', { className: 'message error', text: d.kind + (d.seq ? ' at #' + d.seq : '') + ': ' + d.message })));
    } catch (e) {
      H.error(box, e);
    }
  }

  async function checkpoint() {
    const box = clear(document.getElementById('checkpoint'));
    try {
      const c = await api('GET', '/api/v1/audit/checkpoints/latest');
      box.appendChild(el('p', { text: '#' + c.number + ' at ' + H.time(c.time) + ', tree size ' + c.treeSize }));
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
        ['#', (e) => e.seq], ['Time', (e) => H.time(e.time)], ['Actor', (e) => e.actor], ['Type', (e) => e.type],
        ['Subject', (e) => e.subject || ''], ['Details', (e) => Decisions.summary(e.payload)],
      ], data.items));
      box.appendChild(H.pager(data, (p) => { page = p; events(); }));
    } catch (e) {
      H.error(document.getElementById('audit-message'), e);
    }
  }

  async function exports() {
    const data = await api('GET', '/api/v1/audit/exports');
    clear(document.getElementById('exports')).appendChild(table([['Export', (x) => x.id], ['', (x) => el('a', { href: x.download, text: 'Download zip' })]], data.items));
  }

  filter.addEventListener('submit', (event) => { event.preventDefault(); page = 1; events(); });
  document.getElementById('verify-again').addEventListener('click', verify);
  exportForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = H.formValues(exportForm);
    const box = document.getElementById('export-result');
    try {
      H.message(box, 'Exporting…');
      const r = await api('POST', '/api/v1/audit/exports', { from: f.from, to: f.to, decision: f.decision || null, plugin: f.plugin || null });
      clear(box).appendChild(el('div', { className: 'message ok', id: 'export-done' },
        'Exported ' + r.events + ' events, ' + r.items + ' items and ' + r.policies + ' policies to ' + r.folder +
        ' (checkpoint #' + r.checkpointNumber + ', tree size ' + r.treeSize + '). ',
        el('a', { href: r.download, text: 'Download zip' })));
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
