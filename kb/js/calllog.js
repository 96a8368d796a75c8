/* The call log (kb/widgets.py puts its form in the page): note a call in a few taps, see the calls
 * newest first, edit or delete one, and copy, share or print the whole log as plain text to paste
 * into an email or a complaint. Kept with the fill-in details (kb.details, key "calls", a JSON list):
 * in this browser only, never sent anywhere, gone with "forget my details" or after the days
 * without use the About page states. */
var box = document.querySelector(".kb-calllog");
if (!box) return;
var W = JSON.parse(box.dataset.words || "{}");
var store = kb.details;
var form = box.querySelector("form"), add = box.querySelector(".kb-calllog-add");
var list = box.querySelector(".kb-calllog-list"), empty = box.querySelector(".kb-calllog-empty");
var status = box.querySelector(".kb-status"), save = box.querySelector(".kb-calllog-save");
var cancel = box.querySelector(".kb-calllog-cancel");
var FIELDS = ["date", "time", "agent", "case", "promised", "notes"];
var editing = null;

function calls() {
  try {
    var kept = JSON.parse(store.load().calls || "[]");
    return Array.isArray(kept) ? kept : [];
  } catch (e) {
    return [];
  }
}

function keep(all) {
  var details = store.load();
  details.calls = all.length ? JSON.stringify(all) : "";
  store.save(details);
}

/* Newest first: by date and time, then by when it was noted. */
function sorted(all) {
  return all.slice().sort(function (a, b) {
    var x = (a.date || "") + " " + (a.time || ""), y = (b.date || "") + " " + (b.time || "");
    return x < y ? 1 : x > y ? -1 : b.id - a.id;
  });
}

function writtenDate(value) {
  var date = kb.deadlines.parse(value);
  return date ? kb.deadlines.written(date) : value || "";
}

/* One call as lines of plain text: "3 de diciembre de 2026, 10:15", then each field filled in. */
function lines(call) {
  var out = [[writtenDate(call.date), call.time].filter(Boolean).join(", ")];
  ["agent", "case", "promised", "notes"].forEach(function (key) {
    if (call[key]) out.push(W[key] + ": " + call[key]);
  });
  return out;
}

function plainText() {
  return [W.title].concat(sorted(calls()).map(function (call) { return lines(call).join("\n"); })).join("\n\n");
}

function draw() {
  var all = sorted(calls());
  list.textContent = "";
  empty.hidden = all.length > 0;
  box.querySelectorAll(".kb-calllog-actions button").forEach(function (b) { b.disabled = !all.length; });
  all.forEach(function (call) {
    var item = document.createElement("li");
    var text = lines(call);
    var head = document.createElement("strong");
    head.textContent = text[0];
    item.appendChild(head);
    text.slice(1).forEach(function (line) {
      var p = document.createElement("span");
      p.textContent = line;
      item.appendChild(p);
    });
    var bar = document.createElement("span");
    bar.className = "kb-calllog-item-actions";
    [["edit", function () { startEdit(call); }], ["delete", function () { remove(call); }]].forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button kb-calllog-" + pair[0];
      button.textContent = W[pair[0]];
      button.setAttribute("aria-label", W[pair[0]] + ": " + text[0]);
      button.addEventListener("click", pair[1]);
      bar.appendChild(button);
    });
    item.appendChild(bar);
    list.appendChild(item);
  });
}

function today() {
  var now = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
  return { date: now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()), time: pad(now.getHours()) + ":" + pad(now.getMinutes()) };
}

function resetForm() {
  editing = null;
  form.reset();
  var now = today();
  form.elements.date.value = now.date;
  form.elements.time.value = now.time;
  save.textContent = W.save;
  cancel.hidden = true;
}

function startEdit(call) {
  editing = call.id;
  FIELDS.forEach(function (key) { form.elements[key].value = call[key] || ""; });
  save.textContent = W.change;
  cancel.hidden = false;
  add.open = true;
  form.elements.agent.focus();
}

function remove(call) {
  if (!window.confirm(W.confirmDelete + "\n\n" + lines(call).join("\n"))) return;
  keep(calls().filter(function (c) { return c.id !== call.id; }));
  if (editing === call.id) resetForm();
  draw();
  kb.announce(status, W.deleted);
}

form.addEventListener("submit", function (event) {
  event.preventDefault();
  var call = { id: editing || Date.now() };
  FIELDS.forEach(function (key) { call[key] = form.elements[key].value.trim(); });
  var all = calls().filter(function (c) { return c.id !== call.id; });
  all.push(call);
  keep(all);
  resetForm();
  draw();
  kb.announce(status, W.saved);
});
cancel.addEventListener("click", resetForm);

box.querySelector(".kb-calllog-copy").addEventListener("click", function () {
  kb.copy(plainText(), status, W.copied);
});
var share = box.querySelector(".kb-calllog-share");
if (typeof navigator.share === "function") {
  share.hidden = false;
  share.addEventListener("click", function () {
    navigator.share({ title: W.title, text: plainText() }).catch(function () { /* closed: nothing to do */ });
  });
}
box.querySelector(".kb-calllog-print").addEventListener("click", function () {
  /* Only the title and the log go to paper (paper.js's one-section printing, print.css). */
  var body = document.querySelector(".md-content article");
  var paper = document.createElement("pre");
  paper.className = "kb-calllog-paper kb-print-keep";
  paper.textContent = plainText();
  body.querySelector("h1").insertAdjacentElement("afterend", paper);
  body.querySelectorAll("h1, .kb-print-source").forEach(function (el) { el.classList.add("kb-print-keep"); });
  document.body.classList.add("kb-print-section");
  window.addEventListener("afterprint", function gone() {
    paper.remove();
    window.removeEventListener("afterprint", gone);
  });
  window.print();
});
box.querySelector(".kb-calllog-clear").addEventListener("click", function () {
  if (!window.confirm(W.confirmClear)) return;
  keep([]);
  resetForm();
  draw();
  kb.announce(status, W.cleared);
});
/* Another tab, or "forget my details", changed the details: show the same here. */
window.addEventListener("storage", function (event) {
  if (event.key === store.STORE || event.key === null) draw();
});
window.addEventListener("kb-details", draw);

resetForm();
draw();
box.hidden = false;
