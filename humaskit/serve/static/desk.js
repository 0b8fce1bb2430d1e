// Periksa draf: findings as you type. Plain JavaScript, no build step, nothing from outside.
// User text only ever reaches the page through textContent, never as HTML.
(function () {
  "use strict";
  var form = document.getElementById("periksa");
  if (!form) return;
  var area = document.getElementById("teks");
  var shown = document.getElementById("sorot");
  var list = document.getElementById("temuan");
  var counts = document.getElementById("hitungan");
  var problems = document.getElementById("masalah");
  var status = document.getElementById("status");
  var fixAll = document.getElementById("terapkan-semua");
  var token = document.querySelector("meta[name=csrf-token]").content;
  var rulesPage = form.dataset.rules;
  var timer = null, latest = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function options(fix) {
    var platforms = [];
    form.querySelectorAll("input[name=platforms]:checked").forEach(function (box) { platforms.push(box.value); });
    return {teks: area.value, agency: form.elements.agency.value, platforms: platforms, kind: form.elements.kind.value,
            perbaiki: fix};
  }

  function check(fix) {
    var ask = ++latest, sent = area.value;
    status.textContent = fix ? "memperbaiki…" : "memeriksa…";
    fetch(form.dataset.api, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": token},
      body: JSON.stringify(options(fix === true))
    }).then(function (response) {
      return response.json().then(function (body) { return {ok: response.ok, body: body}; });
    }).then(function (answer) {
      if (ask !== latest) return;  // an older answer arriving after a newer one
      if (!answer.ok) { status.textContent = answer.body.error || "gagal memeriksa"; return; }
      if (answer.body.fixed !== undefined && area.value === sent && answer.body.fixed !== sent) {
        area.value = answer.body.fixed;  // every safe fix applied: check the new text
        check();
        return;
      }
      show(answer.body);
    }).catch(function () { if (ask === latest) status.textContent = "meja humas tidak terjangkau"; });
  }

  function later() { clearTimeout(timer); timer = setTimeout(check, 250); }

  function show(result) {
    var text = area.value;
    status.textContent = result.findings.length ? result.findings.length + " temuan" : "tidak ada temuan";
    problems.replaceChildren();
    result.problems.forEach(function (p) { problems.appendChild(el("p", "error", p)); });
    counts.replaceChildren();
    result.counts.forEach(function (c) {
      counts.appendChild(el("span", "count" + (c.count > c.max ? " over" : ""), c.label + ": " + c.count + "/" + c.max));
    });
    fixAll.disabled = !result.findings.some(function (f) { return f.fix !== null; });
    // the caption with each finding marked (an overlapping one is listed, not marked twice)
    shown.replaceChildren();
    var pos = 0;
    result.findings.forEach(function (f, i) {
      if (f.start < pos) return;
      shown.appendChild(document.createTextNode(text.slice(pos, f.start)));
      var mark = el("mark", f.severity, f.end > f.start ? text.slice(f.start, f.end) : "\u2038");
      mark.title = f.message + " (" + f.rule + ")";
      mark.dataset.index = i;
      shown.appendChild(mark);
      pos = Math.max(f.end, f.start);
    });
    shown.appendChild(document.createTextNode(text.slice(pos)));
    list.replaceChildren();
    result.findings.forEach(function (f, i) {
      var item = el("li", f.severity);
      item.appendChild(el("b", null, f.line + ":" + f.column + " "));
      item.appendChild(document.createTextNode(f.message + " "));
      var link = el("a", null, f.rule);
      link.href = rulesPage + "#" + f.rule;
      item.appendChild(link);
      if (f.fix !== null) {
        item.appendChild(document.createTextNode(" → "));
        item.appendChild(el("code", null, f.fix === "" ? "(hapus)" : f.fix));
        var button = el("button", "fix", "Terapkan");
        button.type = "button";
        button.addEventListener("click", function () { apply(f); });
        item.appendChild(button);
      }
      item.addEventListener("mouseenter", function () { focus(i, true); });
      item.addEventListener("mouseleave", function () { focus(i, false); });
      list.appendChild(item);
    });
  }

  function focus(i, on) {
    var mark = shown.querySelector('mark[data-index="' + i + '"]');
    if (mark) mark.classList.toggle("focus", on);
  }

  function apply(f) {
    var text = area.value;
    area.value = text.slice(0, f.start) + f.fix + text.slice(f.end);
    check();
  }

  fixAll.addEventListener("click", function () { check(true); });
  document.getElementById("salin").addEventListener("click", function () {
    var done = function () { status.textContent = "takarir disalin"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done);
    } else {  // plain http on the office network: the clipboard API is not offered there
      area.select(); document.execCommand("copy"); done();
    }
  });
  area.addEventListener("input", later);
  form.addEventListener("change", function (event) { if (event.target.type !== "file") later(); });
  if (area.value) check();
})();

// Buat grafis: the preview follows the form as it is filled (the first chosen size).
(function () {
  "use strict";
  var form = document.getElementById("grafis");
  if (!form) return;
  var figure = document.querySelector("figure.preview");
  var image = figure.querySelector("img"), alt = figure.querySelector(".alt"), notes = figure.querySelector(".notes");
  var token = document.querySelector("meta[name=csrf-token]").content;
  var timer = null, latest = 0;

  function refresh() {
    var ask = ++latest, body = new FormData(form);
    fetch(form.dataset.api, {method: "POST", credentials: "same-origin", headers: {"X-CSRF-Token": token}, body: body})
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (ask !== latest) return;
        notes.replaceChildren();
        (answer.errors || []).concat(answer.warnings || []).forEach(function (text) {
          var line = document.createElement("p");
          line.className = answer.errors && answer.errors.length ? "error" : "warning";
          line.textContent = text;
          notes.appendChild(line);
        });
        if (answer.src) { image.src = answer.src; image.alt = answer.alt; alt.textContent = answer.alt; }
        figure.hidden = false;
      });
  }

  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 600); });
  form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(refresh, 100); });
})();
