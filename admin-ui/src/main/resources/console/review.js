'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const queue = document.getElementById('queue');
  const box = document.getElementById('review-message');
  let page = 1;

  function item(entry) {
    const it = entry.item;
    const comment = el('textarea', { name: 'comment', placeholder: 'Comment (required to reject or edit)', maxlength: '2000', className: 'review-comment' });
    const text = el('pre', { className: 'review-text', text: entry.text === null ? '(binary artifact)' : entry.text });
    const editor = el('textarea', { className: 'review-editor', hidden: '' });
    editor.value = entry.text || '';
    async function decide(action) {
      const body = { comment: comment.value };
      if (action === 'edit') body.text = editor.value;
      try {
        const outcome = await api('POST', '/api/v1/review/' + it.id + '/' + action, body);
        H.message(box, 'Content ' + it.id + ' is now ' + outcome.status + ' (audit event #' + outcome.auditSeq + ')');
        load();
      } catch (e) {
        H.error(box, e);
      }
    }
    const editButton = el('button', { type: 'button', className: 'secondary', on: { click: () => {
      if (editor.hidden) {
        editor.hidden = false;
        text.hidden = true;
        editButton.textContent = 'Save edit and approve';
      } else {
        decide('edit');
      }
    } } }, 'Edit');
    if (entry.text === null) editButton.disabled = true;
    return el('section', { className: 'card review-item', dataset: { id: it.id } },
      el('p', {}, Decisions.badge(it.status), ' ', badge(it.modality), ' ', el('span', { className: 'muted', text: H.time(it.createdAt) + ' · ' + (it.pluginId || '') + ' · by ' + (it.createdBy || '?') })),
      el('p', {}, el('strong', { text: 'Prompt: ' }), el('span', { className: 'review-prompt', text: it.prompt })),
      text, editor,
      el('ul', {}, entry.reasons.filter((r) => !r.startsWith('Not checked: ')).map((r) => el('li', { text: r }))),
      el('ul', { className: 'not-checked' }, Object.entries(entry.notChecked || {}).map(([check, why]) =>
        el('li', { className: 'not-checked', text: 'not checked: ' + check + ': ' + why }))),
      Decisions.scores(entry.scores),
      comment,
      el('p', {},
        el('button', { type: 'button', className: 'approve', on: { click: () => decide('approve') } }, 'Approve'), ' ',
        el('button', { type: 'button', className: 'danger reject', on: { click: () => decide('reject') } }, 'Reject'), ' ',
        editButton,
        ' ', el('a', { href: '/console/content.html?id=' + it.id, text: 'Full report' })));
  }

  async function load() {
    const data = await api('GET', '/api/v1/review' + H.query({ page, size: 10 }));
    clear(queue);
    if (!data.items.length) queue.appendChild(el('p', { className: 'muted', id: 'queue-empty', text: 'Nothing is waiting for review.' }));
    data.items.forEach((entry) => queue.appendChild(item(entry)));
    if (data.total > data.size) queue.appendChild(H.pager(data, (p) => { page = p; load(); }));
  }

  H.init('review.html').then(load).catch((e) => H.error(box, e));
})();
