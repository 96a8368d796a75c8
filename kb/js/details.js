/* The reader's fill-in details (their name, account number, dates…) for the scripts: kept in this
 * browser's localStorage only, never sent anywhere, and painted into every placeholder (.kb-ph) of
 * the page. scripts.js shows the form that fills them in. */
var STORE = "kb-details";
var dateKeys = {};

function load() {
  try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
}

function save(details) {
  var kept = {};
  Object.keys(details).forEach(function (k) { if (details[k]) kept[k] = details[k]; });
  try {
    if (Object.keys(kept).length) localStorage.setItem(STORE, JSON.stringify(kept));
    else localStorage.removeItem(STORE);
  } catch (e) { /* storage disabled: the page still works, nothing is kept */ }
}

function shown(key, value) {
  if (!value || !dateKeys[key]) return value;
  var date = new Date(value + "T00:00:00");
  if (isNaN(date)) return value;
  return date.toLocaleDateString(kb.text.locale, { day: "numeric", month: "long", year: "numeric" });
}

function paint(details) {
  document.querySelectorAll(".kb-ph").forEach(function (ph) {
    var value = shown(ph.dataset.ph, details[ph.dataset.ph]);
    ph.textContent = value || ph.dataset.label;
    ph.classList.toggle("kb-ph--filled", !!value);
  });
}

kb.details = {
  load: load,
  save: save,
  paint: paint,
  /* A detail typed in a date field: placeholders show it as a date in the page's language. */
  isDate: function (key) { dateKeys[key] = true; }
};
