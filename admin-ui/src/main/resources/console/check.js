'use strict';
(function () {
  const { el, clear, api, t } = H;
  const form = document.getElementById('check-form');
  const box = document.getElementById('check-message');
  const policyText = document.getElementById('check-policy');
  const policyPick = document.getElementById('check-policy-pick');
  let policies = [];

  function show(text, prompt, result) {
    document.getElementById('check-result').hidden = false;
    const output = document.getElementById('check-output');
    output.className = 'output pre ' + Decisions.textClass(result.action === 'REJECT' ? 'REJECTED'
      : result.action === 'APPROVE' || result.action === 'REDACT' ? 'APPROVED' : 'NEEDS_REVIEW');
    const evidence = clear(document.getElementById('check-evidence'));
    Claims.render(output, text, Claims.collect({ findings: result.findings }), evidence,
      Claims.triggers({ findings: result.findings }, 'text', text));
    const promptShown = document.getElementById('check-prompt-shown');
    promptShown.hidden = !prompt;
    Claims.render(clear(document.getElementById('check-prompt-marked')), prompt || '', [], null,
      Claims.triggers({ findings: result.findings }, 'prompt', prompt));
    clear(document.getElementById('check-legend')).appendChild(Decisions.legend());
    clear(document.getElementById('check-decision')).appendChild(Decisions.explain({
      action: result.action, rule: result.decidingRule, policy: result.policy, decidedBy: result.decidedBy }));
    if (result.policyAction && result.policyAction !== result.action) {
      document.getElementById('check-decision').appendChild(el('p', { className: 'fail-closed',
        text: H.t('common.failed-closed-the-policy', result.policyAction) }));
    }
    const notChecked = clear(document.getElementById('check-not-checked'));
    Object.entries(result.unavailable || {}).forEach(([check, why]) =>
      notChecked.appendChild(el('li', { className: 'not-checked', text: H.t('common.not-checked-0', check, why) })));
    clear(document.getElementById('check-scores')).appendChild(Decisions.scores(result.scores, { decidedBy: result.decidedBy }));
    clear(document.getElementById('check-findings')).appendChild(Decisions.findings(result.findings));
    H.message(box, H.t('check.checked-in-0-ms', Math.round(result.millis), result.policy, result.policySha256.slice(0, 12)));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = form.text.value;
    const body = { text };
    if (form.prompt.value.trim()) body.prompt = form.prompt.value;
    if (policyText.value.trim()) body.policy = policyText.value;
    const button = document.getElementById('check-run');
    button.disabled = true;
    H.message(box, H.t('check.checking-the-first-check'));
    try {
      show(text, body.prompt, await api('POST', '/api/v1/checks', body));
    } catch (e) {
      H.error(box, e);
    } finally {
      button.disabled = false;
    }
  });

  policyPick.addEventListener('change', () => {
    const p = policies.find((x) => x.id === policyPick.value);
    policyText.value = p ? p.body : '';
  });

  H.init('check.html').then(async () => {
    const params = new URLSearchParams(location.search);
    if (params.get('text')) form.text.value = params.get('text');
    policyPick.appendChild(el('option', { value: '', text: H.t('check.the-policy-in-force') }));
    try {
      policies = (await api('GET', '/api/v1/policies')).items;
      policies.forEach((p) => policyPick.appendChild(el('option', { value: p.id,
        text: H.t(p.active ? 'common.name-version-active' : 'common.name-version', p.name, p.version) })));
    } catch (e) {
      // reading policies is optional here; the check itself still runs with the policy in force
    }
  }).catch((e) => H.error(box, e));
})();
