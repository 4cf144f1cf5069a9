'use strict';
// The question-set editor: loads a set from /api/question-sets, saves or uploads it as its next version.
document.addEventListener('DOMContentLoaded', function () {
  var list = document.getElementById('questions');
  var result = document.getElementById('set-result');
  var name = document.getElementById('set-name');
  var locale = document.getElementById('set-locale');
  var title = document.getElementById('set-title');
  var existing = false;
  var sayMore = document.getElementById('fu-say-more');
  var acknowledgement = document.getElementById('fu-acknowledgement');
  var themeRows = document.querySelectorAll('#fu-themes .fu-theme');

  function showFollowUps(followUps) {
    sayMore.value = followUps ? followUps.sayMore : '';
    acknowledgement.value = followUps ? followUps.acknowledgement : '';
    themeRows.forEach(function (row) {
      var theme = followUps && followUps.themes[row.getAttribute('data-theme')];
      row.querySelector('.fu-probe').value = theme ? theme.probe : '';
      row.querySelector('.fu-theme-acknowledgement').value = theme ? theme.acknowledgement : '';
    });
  }

  // null when everything is empty: the set then uses the built-in follow-ups
  function followUpsOfForm() {
    var themes = {};
    themeRows.forEach(function (row) {
      var probe = row.querySelector('.fu-probe').value;
      var ack = row.querySelector('.fu-theme-acknowledgement').value;
      if (probe.trim() || ack.trim()) {
        themes[row.getAttribute('data-theme')] = {probe: probe, acknowledgement: ack};
      }
    });
    if (!sayMore.value.trim() && !acknowledgement.value.trim() && Object.keys(themes).length === 0) {
      return null;
    }
    return {sayMore: sayMore.value, acknowledgement: acknowledgement.value, themes: themes};
  }

  function addQuestion(question) {
    var row = document.getElementById('question-row').content.firstElementChild.cloneNode(true);
    row.querySelector('.q-id').value = question ? question.id : '';
    row.querySelector('.q-text').value = question ? question.text : '';
    row.querySelector('.remove-question').addEventListener('click', function () { row.remove(); });
    list.appendChild(row);
  }

  function load(setName, setLocale) {
    hr.api('GET', '/api/question-sets/' + encodeURIComponent(setName) + '?locale=' + encodeURIComponent(setLocale))
      .then(function (answer) {
        if (!answer.ok) {
          hr.show(result, hr.problemText(answer), true);
          return;
        }
        existing = true;
        name.value = answer.body.name;
        name.readOnly = true;
        locale.value = answer.body.locale;
        title.value = answer.body.title;
        list.innerHTML = '';
        answer.body.questions.forEach(addQuestion);
        showFollowUps(answer.body.followUps);
        document.getElementById('editor-title').textContent =
          'Editing ' + answer.body.name + ' (' + answer.body.locale + '), version ' + answer.body.version;
      });
  }

  function saved(answer) {
    if (!answer.ok) {
      hr.show(result, hr.problemText(answer), true);
      return;
    }
    hr.show(result, 'Saved ' + answer.body.name + ' (' + answer.body.locale + ') as version ' + answer.body.version + '.', false);
    existing = true;
    load(answer.body.name, answer.body.locale);
  }

  function target() {
    var query = '?locale=' + encodeURIComponent(locale.value);
    return existing ? {method: 'PUT', url: '/api/question-sets/' + encodeURIComponent(name.value) + query}
      : {method: 'POST', url: '/api/question-sets' + query + '&name=' + encodeURIComponent(name.value)};
  }

  document.querySelectorAll('.edit-set').forEach(function (button) {
    button.addEventListener('click', function () {
      hr.show(result, '', false);
      load(button.getAttribute('data-name'), button.getAttribute('data-locale'));
    });
  });
  document.getElementById('add-question').addEventListener('click', function () { addQuestion(); });
  document.getElementById('new-set').addEventListener('click', function () {
    existing = false;
    name.readOnly = false;
    name.value = '';
    title.value = '';
    list.innerHTML = '';
    addQuestion();
    showFollowUps(null);
    document.getElementById('editor-title').textContent = 'New question set';
  });
  // Editing a set, another locale is the same set: load it there, or keep the questions to translate.
  locale.addEventListener('change', function () {
    if (!existing) {
      return;
    }
    hr.api('GET', '/api/question-sets/' + encodeURIComponent(name.value) + '?locale=' + encodeURIComponent(locale.value))
      .then(function (answer) {
        if (answer.ok) {
          load(name.value, locale.value);
        } else {
          document.getElementById('editor-title').textContent =
            'Editing ' + name.value + ' (' + locale.value + '), not saved in this locale yet';
        }
      });
  });

  document.getElementById('set-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {
      title: title.value,
      questions: Array.prototype.map.call(list.querySelectorAll('.question'), function (row) {
        return {id: row.querySelector('.q-id').value.trim(), text: row.querySelector('.q-text').value};
      }),
      followUps: followUpsOfForm()
    };
    var to = target();
    hr.api(to.method, to.url, JSON.stringify(body), 'application/json').then(saved);
  });

  document.getElementById('upload-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('set-file').files[0];
    if (!name.value) {
      hr.show(result, 'Choose a set to edit, or type the name of a new one, before uploading.', true);
      return;
    }
    var type = /\.ya?ml$/i.test(file.name) ? 'application/yaml' : 'application/json';
    file.text().then(function (text) {
      var to = target();
      return hr.api(to.method, to.url, text, type);
    }).then(saved);
  });

  addQuestion();
});
