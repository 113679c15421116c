(function () {
  "use strict";
  var docView = document.getElementById("doc-view");
  var tablesView = document.getElementById("tables-view");
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function words(el, name) { var v = el.getAttribute(name) || ""; return v ? v.split(" ") : []; }
  function showView(id) {
    all(".tab").forEach(function (tab) { tab.classList.toggle("active", tab.dataset.view === id); });
    docView.hidden = id !== "doc-view";
    tablesView.hidden = id !== "tables-view";
  }
  function scrollInto(view, el) {
    if (!el) { return; }
    var top = el.getBoundingClientRect().top - view.getBoundingClientRect().top + view.scrollTop;
    view.scrollTop = Math.max(0, top - view.clientHeight / 3);
    var left = el.getBoundingClientRect().left - view.getBoundingClientRect().left + view.scrollLeft;
    if (left > view.clientWidth - 40) { view.scrollLeft = Math.max(0, left - view.clientWidth / 2); }
  }
  function clear() {
    all(".hl").forEach(function (el) { el.classList.remove("hl", "hl-first"); });
    all("li.finding.active").forEach(function (el) { el.classList.remove("active"); });
  }
  function highlight(lines, cells) {
    lines.forEach(function (n, i) {
      var el = document.getElementById("L" + n);
      if (el) { el.classList.add("hl"); if (i === 0) { el.classList.add("hl-first"); } }
    });
    cells.forEach(function (id) { var el = document.getElementById(id); if (el) { el.classList.add("hl"); } });
    if (!tablesView.hidden && cells.length) {
      scrollInto(tablesView, document.getElementById(cells[0]));
    } else {
      showView("doc-view");
      scrollInto(docView, document.getElementById("L" + lines[0]));
    }
  }
  function select(item, firstLine) {
    clear();
    item.classList.add("active");
    var lines = words(item, "data-lines");
    if (firstLine) { lines = [firstLine].concat(lines.filter(function (n) { return n !== firstLine; })); }
    highlight(lines, words(item, "data-cells"));
  }
  all("li.finding").forEach(function (item) {
    item.addEventListener("click", function (event) {
      var link = event.target.closest("a.goto");
      if (link) { event.preventDefault(); }
      var opened = item.querySelector("details").open;
      if (event.target.closest("summary") && opened && !item.classList.contains("active")) { event.preventDefault(); }
      select(item, link ? link.dataset.line : null);
    });
  });
  all("#tables-view a.goto").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault(); clear(); showView("doc-view");
      var el = document.getElementById("L" + link.dataset.line);
      if (el) { el.classList.add("hl", "hl-first"); scrollInto(docView, el); }
    });
  });
  all("#tables-view td.marked").forEach(function (cell) {
    cell.addEventListener("click", function () {
      var first = document.getElementById(words(cell, "data-findings")[0]);
      if (!first) { return; }
      var group = first.closest("details.rounding"); if (group) { group.open = true; }
      first.querySelector("details").open = true;
      clear(); first.classList.add("active");
      words(first, "data-cells").forEach(function (id) { var el = document.getElementById(id); if (el) { el.classList.add("hl"); } });
      words(first, "data-lines").forEach(function (n) { var el = document.getElementById("L" + n); if (el) { el.classList.add("hl"); } });
      scrollInto(document.getElementById("findings-pane"), first);
    });
  });
  all(".tab").forEach(function (tab) { tab.addEventListener("click", function () { showView(tab.dataset.view); }); });
  var filters = document.getElementById("filters");
  function applyFilters() {
    var on = {};
    all("input[type=checkbox]", filters).forEach(function (box) { on[box.name + ":" + box.value] = box.checked; });
    var shown = 0;
    all("li.finding").forEach(function (item) {
      var visible = on["severity:" + item.dataset.severity] !== false && on["category:" + item.dataset.category] !== false;
      item.hidden = !visible; if (visible) { shown += 1; }
    });
    document.getElementById("shown-count").textContent = shown;
  }
  if (filters) { filters.addEventListener("change", applyFilters); }
  var first = document.querySelector("#findings li.finding");
  if (first && window.location.hash === "") { select(first, null); }
})();
