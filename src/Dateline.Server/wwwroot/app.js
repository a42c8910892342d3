// Article page behaviour: clicking a highlight shows the details of every annotation under it
// (entity, quote with speaker and cue, claim with claimant and evidence, time, quantity).
// Loaded from /static/app.js only; the page has no inline script (see the Content-Security-Policy).
(function () {
  "use strict";
  function show(keys) {
    var sel = document.getElementById("selection");
    if (!sel) return;
    sel.textContent = "";
    document.querySelectorAll(".a.selected").forEach(function (el) { el.classList.remove("selected"); });
    keys.forEach(function (k) {
      var src = document.getElementById("detail-" + k.kind + "-" + k.index);
      if (!src) return;
      var copy = src.cloneNode(true);
      copy.hidden = false;
      copy.id = "shown-" + k.kind + "-" + k.index;
      sel.appendChild(copy);
      document.querySelectorAll(".a[data-" + k.kind + "='" + k.index + "']").forEach(function (el) { el.classList.add("selected"); });
    });
  }
  function keysOf(el) {
    var keys = [];
    ["quote", "claim", "ent", "time", "qty"].forEach(function (kind) {
      var v = el.getAttribute("data-" + kind);
      if (v !== null) keys.push({ kind: kind, index: v });
    });
    return keys;
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var link = t.closest("a.show-quote");
    if (link) {
      ev.preventDefault();
      show([{ kind: "quote", index: link.getAttribute("data-quote") }]);
      var first = document.querySelector(".a[data-quote='" + link.getAttribute("data-quote") + "']");
      if (first) first.scrollIntoView({ block: "center" });
      return;
    }
    var span = t.closest("#article-text .a");
    if (span) show(keysOf(span));
  });
})();
