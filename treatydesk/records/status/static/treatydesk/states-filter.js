// The States Parties list's filters with JavaScript: typing in the search box hides the rows
// that do not match at once; a change of status, region or group sends the form (the server
// filters, as it does without JavaScript). Names are compared without case or accents, as the
// server compares them: the row's name, or its ISO code (the last part of its link).
(function () {
  "use strict";
  var form = document.querySelector("[data-filter-form]");
  if (!form) { return; }
  var search = form.querySelector("input[name=q]");
  var links = document.querySelectorAll("tbody th[scope=row] a");
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim()
      .replace(/\s+/g, " ");
  }
  search.addEventListener("input", function () {
    var wanted = fold(search.value);
    links.forEach(function (link) {
      var code = link.getAttribute("href").split("/").filter(Boolean).pop().toLowerCase();
      var hit = !wanted || fold(link.textContent).indexOf(wanted) !== -1 || code === wanted;
      link.closest("tr").hidden = !hit;
    });
  });
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", function () { form.submit(); });
  });
}());
