// Shows the platform's health. Values are inserted as text, never as HTML.
(function () {
  const status = document.getElementById('status');
  const table = document.getElementById('subsystems');
  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  }
  fetch('/api/v1/health', { headers: { Accept: 'application/json' } })
    .then((response) => response.json())
    .then((health) => {
      status.dataset.state = health.status;
      status.textContent = 'Hallmark ' + health.version + ' is ' + health.status + ' on ' +
        (health.database || 'no database') + ' ' + (health.databaseVersion || '') +
        ' (schema ' + (health.schemaVersion || '?') + ')';
      const body = table.querySelector('tbody');
      Object.entries(health.subsystems).forEach(([name, sub]) => {
        const row = document.createElement('tr');
        row.appendChild(cell(name));
        row.appendChild(cell(sub.status));
        const details = document.createElement('td');
        const code = document.createElement('code');
        code.textContent = JSON.stringify(sub.details);
        details.appendChild(code);
        row.appendChild(details);
        body.appendChild(row);
      });
      table.hidden = false;
    })
    .catch((error) => {
      status.dataset.state = 'error';
      status.textContent = 'Cannot reach the platform: ' + error;
    });
})();
