// The map's year slider: with JavaScript, step through the years without reloading the page,
// fetching the map of each year's last day as SVG (the same file as /map.svg). Without
// JavaScript the links per year below the map do the same with a page load.
(function () {
  "use strict";

  function setUp(figure) {
    var section = figure.closest("section") || document;
    var controls = section.querySelector("[data-map-slider-controls]");
    var target = figure.querySelector("[data-map-target]");
    var caption = figure.querySelector("[data-map-caption]");
    if (!controls || !target || !window.fetch || !window.DOMParser) {
      return;
    }
    var input = controls.querySelector("input[type=range]");
    var output = controls.querySelector("output");
    var base = figure.getAttribute("data-svg-base");
    var treaty = figure.getAttribute("data-treaty");
    var today = figure.getAttribute("data-today");
    var oldSvg = target.querySelector("svg");
    var prefix = oldSvg && oldSvg.getAttribute("aria-labelledby")
      ? oldSvg.getAttribute("aria-labelledby").split(" ")[0].replace(/-t$/, "") : "map";
    var pending = null;
    var latest = 0;

    function dayOf(year) {
      var end = year + "-12-31";
      return end > today ? today : end;
    }

    function show(year) {
      var asked = ++latest;
      output.textContent = String(year);
      var url = base + "?" + new URLSearchParams({
        treaty: treaty, as_of: dayOf(year), legend: "0", id: prefix
      }).toString();
      fetch(url, { credentials: "omit" }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      }).then(function (text) {
        if (asked !== latest) { return; }
        var doc = new DOMParser().parseFromString(text, "image/svg+xml");
        var svg = doc.documentElement;
        if (svg.nodeName.toLowerCase() !== "svg") { return; }
        target.replaceChildren(document.importNode(svg, true));
        var title = svg.querySelector("title");
        if (caption && title) { caption.textContent = title.textContent; }
      }).catch(function () {
        output.textContent = String(year) + " (!)";
      });
    }

    controls.hidden = false;
    output.textContent = input.value;
    input.addEventListener("input", function () {
      window.clearTimeout(pending);
      var year = parseInt(input.value, 10);
      pending = window.setTimeout(function () { show(year); }, 120);
    });
  }

  document.querySelectorAll("[data-map-slider]").forEach(setUp);
})();
