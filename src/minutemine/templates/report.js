// Filters and click-through for the scrutiny tracker.  No network, no libraries: the file opens from disk.
(function () {
  "use strict";
  var body = document.getElementById("f-body");
  var status = document.getElementById("f-status");
  var text = document.getElementById("f-text");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));

  function matches(el, b, s, words) {
    if (b && el.getAttribute("data-body") !== b) return false;
    if (s && el.getAttribute("data-status") !== s) return false;
    var hay = el.getAttribute("data-search") || "";
    for (var i = 0; i < words.length; i++) {
      if (hay.indexOf(words[i]) < 0) return false;
    }
    return true;
  }

  function apply() {
    var b = body.value, s = status.value;
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var nRequests = 0, total = 0;
    rows.forEach(function (el) {
      var ok = matches(el, b, s, words);
      el.hidden = !ok;
      if (el.classList.contains("request")) { total++; if (ok) nRequests++; }
    });
    document.querySelectorAll("[data-empty-for]").forEach(function (note) {
      var section = document.getElementById(note.getAttribute("data-empty-for"));
      note.hidden = section.querySelector("[data-filter]:not([hidden])") !== null;
    });
    shown.textContent = "Showing " + nRequests + " of " + total + " requests";
  }

  function flash(id) {
    var target = document.getElementById(id);
    if (!target) return;
    if (target.hidden) {  // a filter hides what the reader asked for: clear the filters rather than fail
      body.value = ""; status.value = ""; text.value = ""; apply();
    }
    document.querySelectorAll(".flash").forEach(function (el) { el.classList.remove("flash"); });
    target.classList.add("flash");
    target.scrollIntoView({ block: "start" });
  }

  [body, status].forEach(function (el) { el.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("a[href^='#']");
    if (!link) return;
    ev.preventDefault();
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    history.replaceState(null, "", "#" + encodeURIComponent(id));
    flash(id);
  });
  apply();
  if (location.hash) flash(decodeURIComponent(location.hash.slice(1)));
})();
