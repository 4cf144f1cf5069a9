'use strict';
// The Actions page: HR starts an action through POST /api/actions and sees it in the list.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('start-action-form');
  if (!form) {
    return;
  }
  var result = document.getElementById('start-action-result');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = document.getElementById('start-action-button');
    button.disabled = true;
    window.hr.show(result, 'Starting…', false);
    var body = JSON.stringify({
      theme: document.getElementById('action-theme').value,
      department: document.getElementById('action-department').value || null
    });
    window.hr.api('POST', form.getAttribute('data-url'), body, 'application/json').then(function (answer) {
      if (answer.ok) {
        window.location.assign('/hr/actions?started=' + encodeURIComponent(answer.body.id));
        return;
      }
      window.hr.show(result, window.hr.problemText(answer), true);
      button.disabled = false;
    }).catch(function (e) {
      window.hr.show(result, 'The request failed: ' + e.message, true);
      button.disabled = false;
    });
  });
});
