(function () {
  "use strict";
  // The pages panel: a click on a finding, or on one of its locations, shows the cited page
  // with the figure's box highlighted and the page's extracted text below it (after report.js
  // has marked the lines and cells).
  var pagesView = document.getElementById("pages-view");
  if (!pagesView) { return; }
  var scroller = document.getElementById("pages-scroll");
  var places = JSON.parse(document.getElementById("page-places").textContent || "{}");
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function showPages(on) {
    pagesView.hidden = !on;
    if (on) {
      all(".view").forEach(function (view) { if (view !== pagesView) { view.hidden = true; } });
      all(".tab").forEach(function (tab) { tab.classList.toggle("active", tab.dataset.view === "pages-view"); });
    }
  }
  function showText(page) {
    all(".page-lines").forEach(function (el) { el.hidden = el.dataset.page !== String(page); });
  }
  function clearBoxes() {
    all(".pbox.on, .pbox.hl, ol.page-text li.hl").forEach(function (el) { el.classList.remove("on", "hl"); });
  }
  function centre(view, el) {
    // vertically in the middle; across, the page's left edge (the row's name) in view as long
    // as the box still fits, so a figure is seen with what it stands for
    var outer = view.getBoundingClientRect(), box = el.getBoundingClientRect();
    view.scrollTop += box.top - outer.top - (view.clientHeight - box.height) / 2;
    var page = el.closest(".page-img");
    var start = page ? page.getBoundingClientRect().left - outer.left + view.scrollLeft - 10 : 0;
    var right = box.right - outer.left + view.scrollLeft + 40;
    view.scrollLeft = Math.max(start, right - view.clientWidth);
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
    showText(place.page);
    var text = document.getElementById("pt-" + place.page + "-" + place.line);
    if (text) { text.classList.add("hl"); centre(document.getElementById("pages-text"), text); }
    var first = null;
    place.boxes.forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.classList.add("hl"); first = first || el; }
    });
    var target = first || document.getElementById("page-" + place.page);
    if (target) { centre(scroller, target); }
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
  var zoom = document.getElementById("pages-zoom");
  zoom.addEventListener("click", function () {
    var fit = scroller.classList.toggle("pages-fit");
    zoom.textContent = fit ? zoom.dataset.full : zoom.dataset.fit;
    var lit = scroller.querySelector(".pbox.hl");
    if (lit) { centre(scroller, lit); }
  });
  scroller.addEventListener("scroll", function () {
    // the text below follows the page in the middle of the view
    var middle = scroller.getBoundingClientRect().top + scroller.clientHeight / 2;
    var cards = all(".page-card", scroller);
    for (var i = 0; i < cards.length; i += 1) {
      var r = cards[i].getBoundingClientRect();
      if (r.top <= middle && r.bottom >= middle) { showText(cards[i].dataset.page); return; }
    }
  }, { passive: true });
  var active = document.querySelector("#findings li.finding.active");
  if (active && places[active.id]) { show(active, null); }
})();
