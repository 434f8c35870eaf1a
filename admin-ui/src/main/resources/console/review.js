'use strict';
(function () {
  const { el, clear, api, badge, table } = H;
  const queue = document.getElementById('queue');
  const box = document.getElementById('review-message');
  let page = 1;

  function item(entry) {
    const it = entry.item;
    const comment = el('textarea', { name: 'comment', placeholder: H.t('review.comment-required-to-reject'), maxlength: '2000', className: 'review-comment' });
    const text = el('pre', { className: 'review-text', text: entry.text === null ? H.t('review.binary-artifact') : entry.text });
    const editor = el('textarea', { className: 'review-editor', hidden: '' });
    editor.value = entry.text || '';
    async function decide(action) {
      const body = { comment: comment.value };
      if (action === 'edit') body.text = editor.value;
      try {
        const outcome = await api('POST', '/api/v1/review/' + it.id + '/' + action, body);
        H.message(box, H.t('review.content-0-is-now', it.id, outcome.status, outcome.auditSeq));
        load();
      } catch (e) {
        H.error(box, e);
      }
    }
    const editButton = el('button', { type: 'button', className: 'secondary', on: { click: () => {
      if (editor.hidden) {
        editor.hidden = false;
        text.hidden = true;
        editButton.textContent = H.t('review.save-edit-and-approve');
      } else {
        decide('edit');
      }
    } } }, H.t('common.edit'));
    if (entry.text === null) editButton.disabled = true;
    return el('section', { className: 'card review-item', dataset: { id: it.id } },
      el('p', {}, Decisions.badge(it.status), ' ', badge(it.modality), ' ', el('span', { className: 'muted', text: H.t('review.made-by', H.time(it.createdAt), it.pluginId || '', it.createdBy || '?') })),
      el('p', {}, el('strong', { text: H.t('common.prompt-2') }), el('span', { className: 'review-prompt', text: it.prompt })),
      text, editor,
      el('ul', {}, entry.reasons.filter((r) => !r.startsWith('Not checked: ')).map((r) => el('li', { text: r }))),
      el('ul', { className: 'not-checked' }, Object.entries(entry.notChecked || {}).map(([check, why]) =>
        el('li', { className: 'not-checked', text: H.t('common.not-checked-0', check, why) }))),
      Decisions.scores(entry.scores),
      comment,
      el('p', {},
        el('button', { type: 'button', className: 'approve', on: { click: () => decide('approve') } }, H.t('review.approve')), ' ',
        el('button', { type: 'button', className: 'danger reject', on: { click: () => decide('reject') } }, H.t('review.reject')), ' ',
        editButton,
        ' ', el('a', { href: '/console/content.html?id=' + it.id, text: H.t('review.full-report') })));
  }

  async function load() {
    const data = await api('GET', '/api/v1/review' + H.query({ page, size: 10 }));
    clear(queue);
    if (!data.items.length) queue.appendChild(el('p', { className: 'muted', id: 'queue-empty', text: H.t('review.nothing-is-waiting-for') }));
    data.items.forEach((entry) => queue.appendChild(item(entry)));
    if (data.total > data.size) queue.appendChild(H.pager(data, (p) => { page = p; load(); }));
  }

  H.init('review.html').then(load).catch((e) => H.error(box, e));
})();
