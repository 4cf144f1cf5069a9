'use strict';
// Draws every <canvas class="chart" data-chart='{"type","label","labels","values"}'> with Chart.js.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('canvas.chart[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    if (!data.labels.length) {
      canvas.replaceWith(Object.assign(document.createElement('p'), {className: 'muted', textContent: 'No data yet.'}));
      return;
    }
    var sentiment = data.label === 'Average sentiment';
    new window.Chart(canvas, {
      type: data.type,
      data: {
        labels: data.labels,
        datasets: [{label: data.label, data: data.values, backgroundColor: '#3b6ea8', borderColor: '#3b6ea8',
          spanGaps: false, tension: 0.2}]
      },
      options: {
        animation: false,
        indexAxis: data.type === 'bar' && !sentiment && data.labels.length > 6 ? 'y' : 'x',
        plugins: {legend: {display: false}},
        scales: sentiment ? {y: {min: -1, max: 1}} : {}
      }
    });
  });
});
