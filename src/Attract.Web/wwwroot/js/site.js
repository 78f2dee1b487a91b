// Attract's shared script. The Content-Security-Policy allows no inline style attributes, so widths that depend on
// data are set here from data attributes (CSSOM changes are allowed).
(function () {
  document.querySelectorAll('[data-progress]').forEach(function (bar) {
    var percent = Math.max(0, Math.min(100, Number(bar.getAttribute('data-progress')) || 0));
    bar.style.width = percent + '%';
  });
})();
