// Prospect review: "Select all on this page" checks every row, and checking or unchecking a row keeps it in step, so
// what is posted is exactly the checked rows. Without script the box still works: the server then takes every row of
// the page (the hidden pageIds).
(function () {
  var all = document.getElementById('select-all');
  if (!all) {
    return;
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][name=applicationIds]'));
  var sync = function () {
    all.checked = rows.length > 0 && rows.every(function (row) { return row.checked; });
  };
  all.addEventListener('change', function () {
    rows.forEach(function (row) { row.checked = all.checked; });
  });
  rows.forEach(function (row) { row.addEventListener('change', sync); });
  sync();
})();
