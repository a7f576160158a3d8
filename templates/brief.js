(function () {
  "use strict";
  var doc = document, body = doc.body;
  var only = doc.getElementById("only-changes");
  var types = Array.prototype.slice.call(doc.querySelectorAll(".types input"));
  var pairs = Array.prototype.slice.call(doc.querySelectorAll(".pair"));
  var shown = doc.getElementById("shown");
  var none = doc.querySelector(".none-shown");
  var expand = doc.getElementById("expand-all");
  var toolbar = doc.querySelector("form.toolbar");  // its controls filter in place: never submit
  if (toolbar) toolbar.addEventListener("submit", function (e) { e.preventDefault(); });

  function visible(p) {
    if (only && only.checked && p.classList.contains("same")) return false;
    var box = doc.getElementById("f-" + p.getAttribute("data-relation"));
    return !box || box.checked;
  }
  function update() {
    body.classList.toggle("only-changes", !!(only && only.checked));
    var n = 0;
    pairs.forEach(function (p) {
      var v = visible(p);
      p.hidden = !v;
      if (v) n += 1;
    });
    if (shown) shown.textContent = "显示 " + n + " / " + pairs.length + " 节";
    if (none) none.hidden = n > 0;
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && doc.getElementById(id);
    if (!el || !el.classList.contains("pair") || visible(el)) return;
    if (only) only.checked = false;
    types.forEach(function (t) { t.checked = true; });
    update();
    el.scrollIntoView();
  }
  if (only) only.addEventListener("change", update);
  types.forEach(function (t) { t.addEventListener("change", update); });
  if (expand) {
    expand.hidden = false;
    expand.addEventListener("click", function () {
      var folds = doc.querySelectorAll("details.fold");
      var open = expand.getAttribute("data-open") !== "1";
      Array.prototype.forEach.call(folds, function (d) { d.open = open; });
      expand.setAttribute("data-open", open ? "1" : "0");
      expand.textContent = open ? "收起相同内容" : "展开全部相同内容";
    });
  }
  window.addEventListener("hashchange", reveal);
  update();
  reveal();
})();
