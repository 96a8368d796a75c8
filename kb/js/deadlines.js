/* Dates counted for the reader (kb/widgets.py puts the folded forms in the page): the last day of
 * the 90-day buyout option, 3 months in California, and the reply-by date 14 business days after a
 * letter is received. The page's text states each rule; this writes the day out in the page's
 * language, with the days left. Nothing is sent anywhere, and nothing is kept but the reader's
 * fill-in details (kb.details): the delivery date, and the reply-by date it puts in the letter.
 * The counting is pure (dates at UTC midnight), so Node tests it: tests/js/deadlines.test.js.
 * In the bundle (kb/bundle.py) it is kb.deadlines; in Node, module.exports. */
"use strict";

var DAY = 86400000;

/* "2026-03-03" → that day at UTC midnight; null for anything else (or a day that does not exist). */
function parse(value) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
  if (!m) return null;
  var date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3] ? date : null;
}

function iso(date) {
  return date.toISOString().slice(0, 10);
}

function addDays(date, days) {
  return new Date(date.getTime() + days * DAY);
}

/* The same day `months` later; the month's last day when it has no such day (30 November + 3 → 28
 * or 29 February). */
function addMonths(date, months) {
  var year = date.getUTCFullYear(), month = date.getUTCMonth() + months;
  var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), last)));
}

/* `days` business days after `date`: the next weekday is day 1; Saturdays and Sundays are skipped,
 * holidays are not (the page says so). */
function addBusinessDays(date, days) {
  var out = date;
  while (days > 0) {
    out = addDays(out, 1);
    if (out.getUTCDay() !== 0 && out.getUTCDay() !== 6) days--;
  }
  return out;
}

/* The last day of the buyout option: the day after delivery is day 1, so day 90 is 90 days after
 * the delivery date (3 March 2026 → 1 June 2026); in California, the same day 3 months later. */
function buyoutEnd(delivery, california) {
  return california ? addMonths(delivery, 3) : addDays(delivery, 90);
}

/* Days from `today` to `end`, counting both (the last day itself is 1 day left); 0 or less: past. */
function daysLeft(today, end) {
  return Math.round((end - today) / DAY) + 1;
}

var COUNTS = {
  buyout: function (from, form) { return buyoutEnd(from, form.california); },
  "business-14": function (from) { return addBusinessDays(from, 14); }
};

var core = {
  parse: parse, iso: iso, addDays: addDays, addMonths: addMonths, addBusinessDays: addBusinessDays,
  buyoutEnd: buyoutEnd, daysLeft: daysLeft, COUNTS: COUNTS
};
if (typeof module !== "undefined" && module.exports) module.exports = core; /* in Node */
if (typeof kb === "undefined") return;
kb.deadlines = core;

/* A day (UTC midnight) written out in the page's language: "1 de junio de 2026", "June 1, 2026". */
function written(date) {
  return date.toLocaleDateString(kb.text.locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
kb.deadlines.written = written; /* the call log writes its dates the same way */

function localToday() {
  var now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function answer(id, words, end, california) {
  var lines = [(california ? words.resultCalifornia : words.result).replace("{date}", written(end))];
  if (id !== "buyout") return lines;
  var left = daysLeft(localToday(), end);
  if (left > 1) lines.push(words.left.replace("{days}", left));
  else if (left === 1) lines.push(words.today);
  else lines.push(words.past);
  return lines;
}

function setUp(box) {
  var id = box.dataset.deadline, words = JSON.parse(box.dataset.words || "{}"), store = kb.details;
  var input = box.querySelector("input[type=date]"), out = box.querySelector(".kb-deadline-out");
  var california = box.querySelector("input[name=california]");
  var keep = id === "buyout"; /* the delivery date is a fill-in detail; the receipt date is not */
  if (!words.result) return;
  function show() {
    var from = parse(input.value), details = store.load();
    out.textContent = "";
    if (!from) return;
    var end = COUNTS[box.dataset.count](from, { california: california && california.checked });
    answer(id, words, end, california && california.checked).forEach(function (line) {
      var p = document.createElement("span");
      p.textContent = line;
      out.appendChild(p);
    });
    if (keep) details[input.name] = input.value;
    else details["reply-by"] = iso(end);
    store.save(details);
    store.paint(details);
    window.dispatchEvent(new Event("kb-details")); /* scripts.js shows the same in its form */
  }
  if (keep) input.value = store.load()[input.name] || "";
  input.addEventListener("input", show);
  input.addEventListener("change", show);
  if (california) california.addEventListener("change", show);
  box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
  box.hidden = false;
  if (input.value) show();
}

kb.ready(function () {
  document.querySelectorAll(".kb-deadline[data-deadline]").forEach(setUp);
});
