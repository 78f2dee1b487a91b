// Draws every <canvas data-chart="…"> with Chart.js (wwwroot/lib/chart.js, served by Attract). The data comes from the
// attribute, written by Pages/Shared/_Chart.cshtml: the Content-Security-Policy allows no inline script. The same figures
// are in the table beside each chart, which is the chart's text alternative.
(function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var palette = ['#0d6efd', '#dc3545', '#198754', '#6f42c1', '#fd7e14'];
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function config(spec) {
    var horizontal = spec.kind === 'HorizontalBar';
    var line = spec.kind === 'Line';
    var valueAxis = { beginAtZero: true, ticks: { precision: 0 } };
    var scales = horizontal ? { x: valueAxis } : { y: valueAxis };
    return {
      type: line ? 'line' : 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d, i) {
          return {
            label: d.label,
            data: d.data,
            backgroundColor: palette[i % palette.length],
            borderColor: palette[i % palette.length],
            pointRadius: line ? 0 : undefined,
            borderWidth: line ? 2 : 0
          };
        })
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 300 },
        interaction: { mode: 'index', intersect: false },
        scales: scales,
        plugins: {
          legend: { display: spec.datasets.length > 1 },
          tooltip: {
            callbacks: {
              footer: function (items) {
                return items.length && spec.notes[items[0].dataIndex] ? spec.notes[items[0].dataIndex] : [];
              }
            }
          }
        }
      }
    };
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    new Chart(canvas, config(JSON.parse(canvas.getAttribute('data-chart'))));
  });
})();
