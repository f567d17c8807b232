// The States Parties list's filters with JavaScript: typing in the search box hides the rows
// that do not match at once; a change of status, region or group sends the form (the server
// filters, as it does without JavaScript). Names are compared without case or accents, as the
// server compares them (rows carry data-name, already folded).
(function () {
  "use strict";
  var form = document.querySelector("[data-filter-form]");
  if (!form) { return; }
  var search = form.querySelector("input[name=q]");
  var rows = document.querySelectorAll("tbody tr[data-name]");
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim()
      .replace(/\s+/g, " ");
  }
  search.addEventListener("input", function () {
    var wanted = fold(search.value);
    rows.forEach(function (row) {
      var hit = !wanted || row.dataset.name.indexOf(wanted) !== -1 ||
        row.dataset.code.toLowerCase() === wanted;
      row.hidden = !hit;
    });
  });
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", function () { form.submit(); });
  });
}());
