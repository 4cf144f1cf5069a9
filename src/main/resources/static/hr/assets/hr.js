'use strict';
// Shared by the HR pages: calls to /api with the session's CSRF token, and problem details shown to people.
window.hr = (function () {
  function csrfHeaders() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = {};
    if (header && token) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  /** Resolves with {ok, status, body}; body is parsed JSON when the answer is JSON. */
  function api(method, url, body, contentType) {
    var headers = csrfHeaders();
    headers.Accept = 'application/json, application/problem+json';
    if (contentType) {
      headers['Content-Type'] = contentType;
    }
    return fetch(url, {method: method, headers: headers, body: body, credentials: 'same-origin'})
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        var read = type.indexOf('json') >= 0 ? response.json() : response.text();
        return read.then(function (parsed) {
          return {ok: response.ok, status: response.status, body: parsed};
        });
      });
  }

  /** A problem detail as text: its detail, then each field error. */
  function problemText(result) {
    var body = result.body;
    if (!body || typeof body !== 'object') {
      return 'Error ' + result.status + (body ? ': ' + body : '');
    }
    var text = body.detail || body.title || ('Error ' + result.status);
    if (Array.isArray(body.errors) && body.errors.length) {
      text += '\n' + body.errors.map(function (e) { return '• ' + e.field + ' ' + e.message; }).join('\n');
    }
    return text;
  }

  function show(element, text, failed) {
    element.textContent = text;
    element.classList.toggle('error', !!failed);
    element.classList.toggle('success', !failed);
  }

  function rerunButton(buttonId, resultId, describe) {
    var button = document.getElementById(buttonId);
    var result = document.getElementById(resultId);
    if (!button) {
      return;
    }
    button.addEventListener('click', function () {
      button.disabled = true;
      show(result, 'Working…', false);
      api('POST', button.getAttribute('data-url')).then(function (answer) {
        show(result, answer.ok ? describe(answer.body) : problemText(answer), !answer.ok);
      }).catch(function (e) {
        show(result, 'The request failed: ' + e.message, true);
      }).finally(function () {
        button.disabled = false;
      });
    });
  }

  function csvUpload() {
    var form = document.getElementById('csv-upload');
    if (!form) {
      return;
    }
    var result = document.getElementById('csv-result');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new FormData();
      data.append('file', document.getElementById('csv-file').files[0]);
      api('POST', form.getAttribute('data-url'), data).then(function (answer) {
        if (!answer.ok) {
          show(result, problemText(answer), true);
          return;
        }
        var lines = ['Started ' + answer.body.started + ', failed ' + answer.body.failed + '.'];
        answer.body.rows.filter(function (row) { return row.outcome === 'failed'; }).forEach(function (row) {
          lines.push('Line ' + row.line + ' (' + (row.employeeId || 'no employee id') + '): '
            + row.errors.map(function (e) { return e.field + ' ' + e.message; }).join('; '));
        });
        show(result, lines.join('\n'), answer.body.failed > 0);
      });
    });
  }

  function removeDemoData() {
    var button = document.getElementById('remove-demo-data');
    var result = document.getElementById('remove-demo-data-result');
    if (!button) {
      return;
    }
    button.addEventListener('click', function () {
      if (!window.confirm('Remove every demo interview, with its analyses and its processes?')) {
        return;
      }
      button.disabled = true;
      show(result, 'Removing…', false);
      api('DELETE', button.getAttribute('data-url')).then(function (answer) {
        show(result, answer.ok ? 'Removed ' + answer.body.removed + ' demo interviews.' : problemText(answer), !answer.ok);
        if (answer.ok) {
          window.location.reload();
        } else {
          button.disabled = false;
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    removeDemoData();
    rerunButton('rerun-analysis', 'rerun-analysis-result', function (analysis) {
      return 'Analysed again: ' + (analysis && analysis.sentiment ? analysis.sentiment : 'done') + '. Reload to see it.';
    });
    rerunButton('rerun-fallbacks', 'rerun-fallbacks-result', function (body) {
      return 'Queued ' + (body && body.queued !== undefined ? body.queued : 'the') + ' analyses.';
    });
    csvUpload();
  });

  return {api: api, problemText: problemText, show: show};
}());
