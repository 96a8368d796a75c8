/* The reader's fill-in details (their name, account number, dates…) for the scripts: kept in this
 * browser's localStorage only, never sent anywhere, and painted into every placeholder (.kb-ph) of
 * the page. scripts.js shows the form that fills them in. They erase themselves after
 * KB_DETAILS_DAYS days without use (data/privacy.yml), as the About page says: stored as
 * {"details": {...}, "used": <day number>}, the day refreshed whenever a page reads them. */
var STORE = "kb-details";
var DAY = 86400000;
var dateKeys = {};

function today() {
  return Math.floor(Date.now() / DAY);
}

function load() {
  var stored;
  try { stored = JSON.parse(localStorage.getItem(STORE)); } catch (e) { stored = null; }
  if (!stored || typeof stored !== "object") return {};
  if (!stored.details) stored = { details: stored, used: today() }; /* kept before they expired */
  if (today() - stored.used > KB_DETAILS_DAYS) {
    save({});
    return {};
  }
  if (stored.used !== today()) save(stored.details);
  return stored.details;
}

function save(details) {
  var kept = {};
  Object.keys(details).forEach(function (k) { if (details[k]) kept[k] = details[k]; });
  try {
    if (Object.keys(kept).length) localStorage.setItem(STORE, JSON.stringify({ details: kept, used: today() }));
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
  STORE: STORE,
  load: load,
  save: save,
  paint: paint,
  /* A detail typed in a date field: placeholders show it as a date in the page's language. */
  isDate: function (key) { dateKeys[key] = true; }
};
