'use strict';
(function () {
  const form = document.getElementById('login-form');
  const box = document.getElementById('login-message');
  function show(text) {
    box.textContent = '';
    const div = document.createElement('div');
    div.className = 'message error';
    div.setAttribute('role', 'alert');
    div.textContent = text;
    box.appendChild(div);
  }
  function next() {
    const target = new URLSearchParams(location.search).get('next') || '';
    return /^\/console\/[A-Za-z0-9_-]+\.html(\?[^#]*)?$/.test(target) ? target : '/console/index.html';
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(Object.assign({ username: form.username.value.trim(), password: form.password.value },
        form.totpCode.value.trim() ? { totpCode: form.totpCode.value.trim() } : {})),
    });
    if (response.ok) {
      const session = await response.json().catch(() => ({}));
      location.assign(session.passwordMustChange
        ? '/console/password.html?next=' + encodeURIComponent(next()) : next());
    } else {
      const problem = await response.json().catch(() => ({}));
      if (problem.type === '/errors/totp-required') {
        document.getElementById('totp-label').hidden = false;
        form.totpCode.required = true;
        form.totpCode.focus();
      }
      show(problem.detail || (H.t('login.sign-in-failed-http', response.status)));
    }
  });
})();
