(function () {
  "use strict";
  // The pages panel: a click on a finding, or on one of its locations, shows the cited page
  // with the figure's box highlighted (after report.js has marked the lines and cells).
  var pagesView = document.getElementById("pages-view");
  if (!pagesView) { return; }
  var places = JSON.parse(document.getElementById("page-places").textContent || "{}");
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function showPages(on) {
    pagesView.hidden = !on;
    if (on) {
      all(".view").forEach(function (view) { if (view !== pagesView) { view.hidden = true; } });
      all(".tab").forEach(function (tab) { tab.classList.toggle("active", tab.dataset.view === "pages-view"); });
    }
  }
  function clearBoxes() {
    all(".pbox.on, .pbox.hl, ol.page-text li.hl").forEach(function (el) { el.classList.remove("on", "hl"); });
  }
  function centre(el) {
    var view = pagesView.getBoundingClientRect(), box = el.getBoundingClientRect();
    pagesView.scrollTop += box.top - view.top - (pagesView.clientHeight - box.height) / 2;
    pagesView.scrollLeft += box.left - view.left - (pagesView.clientWidth - box.width) / 2;
  }
  function placeOf(item, link) {
    var list = places[item.id] || [];
    if (!link) { return list[0]; }
    var line = link.dataset.line, links = all("a.goto", item);
    for (var i = 0; i < list.length; i += 1) { if (String(list[i].doc) === line) { return list[i]; } }
    return list[links.indexOf(link)];
  }
  function show(item, link) {
    var place = placeOf(item, link);
    clearBoxes();
    if (!place) { showPages(false); return; }
    (places[item.id] || []).forEach(function (p) {
      p.boxes.forEach(function (id) { var el = document.getElementById(id); if (el) { el.classList.add("on"); } });
    });
    showPages(true);
    var text = document.getElementById("pt-" + place.page + "-" + place.line);
    if (text) { text.classList.add("hl"); }
    var first = null;
    place.boxes.forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.classList.add("hl"); first = first || el; }
    });
    var target = first || document.getElementById("page-" + place.page);
    if (target) { centre(target); }
  }
  all("li.finding").forEach(function (item) {
    item.addEventListener("click", function (event) {
      if (event.target.closest(".review-form")) { return; }
      show(item, event.target.closest("a.goto"));
    });
  });
  all(".tab").forEach(function (tab) {
    tab.addEventListener("click", function () { showPages(tab.dataset.view === "pages-view"); });
  });
  var active = document.querySelector("#findings li.finding.active");
  if (active && places[active.id]) { show(active, null); }
})();
