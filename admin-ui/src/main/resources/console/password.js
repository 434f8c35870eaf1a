'use strict';
(function () {
  const { api, t } = H;
  const form = document.getElementById('password-form');
  const box = document.getElementById('password-message');
  let forced = false;

  function next() {
    const target = new URLSearchParams(location.search).get('next') || '';
    return /^\/console\/[A-Za-z0-9_-]+\.html(\?[^#]*)?$/.test(target) && !target.startsWith('/console/password.html')
      ? target : '/console/index.html';
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.new.value !== form.repeat.value) {
      H.error(box, new Error(t('password.mismatch')));
      return;
    }
    const body = { newPassword: form.new.value };
    if (!forced) body.currentPassword = form.current.value;
    try {
      const result = await api('POST', '/api/v1/auth/password', body);
      H.message(box, t('password.changed', result.otherSessionsEnded));
      form.reset();
      if (forced) location.assign(next());
    } catch (e) {
      H.error(box, e);
    }
  });

  H.init('password.html').then((me) => {
    forced = !!me.passwordMustChange;
    document.getElementById('password-title').textContent = t('password.title');
    document.getElementById('password-why').textContent = forced ? t('password.forced') : t('password.voluntary');
    document.getElementById('current-label').hidden = forced;
    document.getElementById('current-password').required = !forced;
    document.getElementById('new-label').textContent = t('password.new');
    document.getElementById('repeat-label').textContent = t('password.repeat');
    document.getElementById('password-submit').textContent = t('password.submit');
  }).catch((e) => H.error(box, e));
})();
