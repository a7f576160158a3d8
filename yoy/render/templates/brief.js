(function () {
  "use strict";
  var doc = document, body = doc.body;
  function all(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }
  var only = doc.getElementById("only-changes");
  var types = all(".types input");
  var pairs = all("article.pair");
  var shown = doc.getElementById("shown");
  var none = doc.querySelector(".none-shown");
  var expand = doc.getElementById("expand-all");
  var toolbar = doc.getElementById("toolbar");
  var pos = doc.getElementById("change-pos");
  var find = doc.getElementById("find");
  var findCount = doc.getElementById("find-count");
  var toc = doc.getElementById("toc");
  var current = -1, origin = null, found = [], foundAt = -1;

  function checked() {
    var on = {};
    types.forEach(function (t) { on[t.value] = t.checked; });
    return on;
  }
  function typeOn(el, on) {
    var ts = (el.getAttribute("data-types") || "").split(" ");
    return ts.some(function (t) { return on[t] !== false; });
  }
  function pairVisible(p) {
    return !(only && only.checked && p.classList.contains("same"));
  }
  function update() {
    body.classList.toggle("only-changes", !!(only && only.checked));
    var on = checked(), n = 0;
    all("[data-types]").forEach(function (el) {
      var ok = typeOn(el, on);
      if (el.classList.contains("pair-head")) el.classList.toggle("off", !ok);
      else el.hidden = !ok;
    });
    pairs.forEach(function (p) {
      var v = pairVisible(p) && !p.hidden;
      p.style.display = v ? "" : "none";
      if (v) n += 1;
    });
    if (shown) shown.textContent = "显示 " + n + " / " + pairs.length + " 节";
    if (none) none.hidden = n > 0;
    current = -1;
    if (pos) pos.textContent = changes().length + " 处改动";
  }
  function isShown(el) { return el.offsetParent !== null || el.getClientRects().length > 0; }
  function changes() {
    return all("#diff .chg").filter(function (el) {
      if (el.classList.contains("off") || el.hidden) return false;
      var pair = el.closest("article.pair");
      if (pair && pair.style.display === "none") return false;
      var box = el.closest("details.same-run");
      return !box || box.open || isShown(box);
    });
  }
  function openAround(el) {
    var d = el.closest("details");
    while (d) { d.open = true; d = d.parentElement && d.parentElement.closest("details"); }
  }
  function land(el) {
    openAround(el);
    el.scrollIntoView({ block: "center" });
    var bar = toolbar ? toolbar.getBoundingClientRect() : null;
    var top = bar && bar.top <= 1 && bar.bottom > 0 ? bar.bottom : 0;  // the toolbar is stuck on top
    var r = el.getBoundingClientRect();
    if (r.top < top + 8) window.scrollBy(0, r.top - top - 8);
  }
  function step(d) {
    var list = changes();
    if (!list.length) return;
    all("#diff .current").forEach(function (e) { e.classList.remove("current"); });
    current = Math.max(0, Math.min(list.length - 1, current + d));
    var el = list[current];
    el.classList.add("current");
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    land(el);
    el.focus({ preventScroll: true });
    if (pos) pos.textContent = (current + 1) + " / " + list.length + " 处改动";
  }
  function unmarkTerms() {
    all("mark.jumped").forEach(function (m) {
      m.replaceWith(doc.createTextNode(m.textContent));
    });
    all(".landed").forEach(function (e) { e.classList.remove("landed"); });
  }
  function markText(root, term, cls) {
    var out = [];
    if (!term) return out;
    var walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    var nodes = [], node;
    while ((node = walker.nextNode())) {
      if (!node.parentElement.closest("a.back, mark." + cls.split(" ")[0])) nodes.push(node);
    }
    nodes.forEach(function (t) {
      var text = t.nodeValue, i = text.indexOf(term);
      if (i < 0) return;
      var frag = doc.createDocumentFragment(), last = 0;
      while (i >= 0) {
        frag.appendChild(doc.createTextNode(text.slice(last, i)));
        var m = doc.createElement("mark");
        m.className = cls;
        m.textContent = term;
        frag.appendChild(m);
        out.push(m);
        last = i + term.length;
        i = text.indexOf(term, last);
      }
      frag.appendChild(doc.createTextNode(text.slice(last)));
      t.parentNode.replaceChild(frag, t);
    });
    return out;
  }
  function highlight(el, term) {
    var row = el.closest(".row") || el;
    row.classList.add("landed");
    el.classList.add("landed");
    if (term && !el.querySelector("mark.term")) markText(el, term, "term jumped");
  }
  function reveal(term, also) {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && doc.getElementById(id);
    if (!el) return;
    var pair = el.closest("article.pair");
    if (pair && !isShown(pair)) {
      if (only) only.checked = false;
      types.forEach(function (t) { t.checked = true; });
      update();
    }
    if (el.closest("#diff")) {
      unmarkTerms();
      highlight(el, term);
      var other = also && doc.getElementById(also);
      if (other) { openAround(other); highlight(other, term); }
    }
    land(el);
  }
  var pendingTerm = "", pendingAlso = "";
  doc.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a");
    if (!a) return;
    if (a.classList.contains("jump")) {
      var from = a.closest("[id]");
      origin = from ? from.id : null;
      pendingTerm = a.getAttribute("data-term") || "";
      pendingAlso = a.getAttribute("data-also") || "";
      if (a.getAttribute("href") === location.hash) { ev.preventDefault(); reveal(pendingTerm, pendingAlso); }
    } else if (a.classList.contains("back") && origin) {
      ev.preventDefault();
      var back = origin;
      origin = null;
      if ("#" + back === location.hash) land(doc.getElementById(back));
      else location.hash = back;
    }
  });
  window.addEventListener("hashchange", function () {
    reveal(pendingTerm, pendingAlso);
    pendingTerm = pendingAlso = "";
  });
  if (only) only.addEventListener("change", update);
  types.forEach(function (t) { t.addEventListener("change", update); });
  doc.getElementById("next-change").addEventListener("click", function () { step(1); });
  doc.getElementById("prev-change").addEventListener("click", function () { step(-1); });
  doc.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) && t.type !== "checkbox"))) return;
    if (ev.key === "j" || ev.key === "n") { step(1); ev.preventDefault(); }
    else if (ev.key === "k" || ev.key === "p") { step(-1); ev.preventDefault(); }
  });
  function search() {
    all("mark.found").forEach(function (m) { m.replaceWith(doc.createTextNode(m.textContent)); });
    all("#diff .cell").forEach(function (c) { c.normalize(); });
    found = [];
    foundAt = -1;
    var q = find.value.trim();
    if (q) all("#diff .cell").forEach(function (c) { found = found.concat(markText(c, q, "found")); });
    findCount.textContent = q ? found.length + " 处" : "";
  }
  if (toolbar) toolbar.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (!found.length) return;
    if (foundAt >= 0) found[foundAt].classList.remove("at");
    foundAt = (foundAt + 1) % found.length;
    found[foundAt].classList.add("at");
    land(found[foundAt]);
    findCount.textContent = (foundAt + 1) + " / " + found.length + " 处";
  });
  if (find) find.addEventListener("input", search);
  if (expand) {
    expand.hidden = false;
    expand.addEventListener("click", function () {
      var open = expand.getAttribute("data-open") !== "1";
      all("details.same-run").forEach(function (d) { d.open = open; });
      expand.setAttribute("data-open", open ? "1" : "0");
      expand.textContent = open ? "收起相同句子" : "展开相同句子";
    });
  }
  if (toc && window.matchMedia && window.matchMedia("(max-width: 70rem)").matches) toc.open = false;
  var more = doc.getElementById("tb-more");
  if (more && window.matchMedia && window.matchMedia("(max-width: 44rem)").matches) more.open = false;
  update();
  if (location.hash) reveal("");
})();
