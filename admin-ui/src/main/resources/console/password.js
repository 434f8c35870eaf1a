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

  /** Two-step sign-in: set up (secret and otpauth link), confirm with a code, or turn off with a code. */
  let totpOn = false;
  let settingUp = false;
  function totpView() {
    document.getElementById('totp-state').textContent = totpOn
      ? H.t('password.on-signing-in-asks')
      : H.t('password.off-with-it-on');
    document.getElementById('totp-code-label').hidden = !(totpOn || settingUp);
    document.getElementById('totp-submit').textContent = totpOn ? H.t('password.turn-off') : settingUp ? H.t('password.turn-on') : H.t('password.set-up');
  }
  document.getElementById('totp-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const msg = document.getElementById('totp-message');
    const code = document.getElementById('totp-code').value.trim();
    try {
      if (totpOn) {
        await api('POST', '/api/v1/auth/totp/disable', { code });
        totpOn = false;
        H.message(msg, H.t('password.two-step-sign-in-2'));
      } else if (settingUp) {
        await api('POST', '/api/v1/auth/totp/confirm', { code });
        totpOn = true;
        settingUp = false;
        document.getElementById('totp-setup').hidden = true;
        H.message(msg, H.t('password.two-step-sign-in-3'));
      } else {
        const setup = await api('POST', '/api/v1/auth/totp', {});
        settingUp = true;
        document.getElementById('totp-secret').textContent = setup.secret.replace(/(.{4})/g, '$1 ').trim();
        document.getElementById('totp-uri').setAttribute('href', setup.uri);
        document.getElementById('totp-setup').hidden = false;
        H.clear(msg);
      }
      document.getElementById('totp-code').value = '';
      totpView();
    } catch (e) {
      H.error(msg, e);
    }
  });

  H.init('password.html').then((me) => {
    totpOn = !!me.totpEnabled;
    document.getElementById('totp-card').hidden = !!me.passwordMustChange || me.via !== 'SESSION';
    totpView();
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
