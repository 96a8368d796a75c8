// kb/js/deadlines.js, the date calculators' counting: `node --test tests/js/*.test.js`. The page's
// answers, written out in each language, are checked in Chromium by tests/browser/test_deadlines_browser.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const dates = require("../../kb/js/deadlines.js");

const day = (value) => dates.parse(value);
const iso = (date) => dates.iso(date);

test("parse takes YYYY-MM-DD days that exist, nothing else", () => {
  assert.equal(iso(day("2026-03-03")), "2026-03-03");
  for (const bad of ["", "2026-02-30", "2026-13-01", "03/03/2026", "2026-3-3", null, undefined]) {
    assert.equal(day(bad), null, String(bad));
  }
});

test("the 90-day option ends 90 days after delivery: the day after delivery is day 1", () => {
  assert.equal(iso(dates.buyoutEnd(day("2026-03-03"), false)), "2026-06-01"); // the example
  assert.equal(iso(dates.buyoutEnd(day("2026-12-15"), false)), "2027-03-15"); // across a year
  assert.equal(iso(dates.buyoutEnd(day("2027-12-31"), false)), "2028-03-30"); // 2028 is a leap year
});

test("in California the option is 3 months: the same day 3 months later, else the month's last day", () => {
  assert.equal(iso(dates.buyoutEnd(day("2026-03-03"), true)), "2026-06-03");
  assert.equal(iso(dates.buyoutEnd(day("2026-11-30"), true)), "2027-02-28");
  assert.equal(iso(dates.buyoutEnd(day("2027-11-30"), true)), "2028-02-29");
  assert.equal(iso(dates.buyoutEnd(day("2026-10-31"), true)), "2027-01-31");
});

test("14 business days skip Saturdays and Sundays; the next weekday is day 1", () => {
  assert.equal(iso(dates.addBusinessDays(day("2026-09-14"), 14)), "2026-10-02"); // Monday → Friday (the page's example)
  assert.equal(iso(dates.addBusinessDays(day("2026-09-18"), 14)), "2026-10-08"); // from a Friday
  assert.equal(iso(dates.addBusinessDays(day("2026-09-19"), 14)), "2026-10-08"); // from a Saturday
  assert.equal(iso(dates.addBusinessDays(day("2026-09-20"), 1)), "2026-09-21"); // Sunday → Monday
  assert.equal(iso(dates.COUNTS["business-14"](day("2026-09-14"))), "2026-10-02");
});

test("days left count today and the last day; the day after the last is past", () => {
  const end = day("2026-06-01");
  assert.equal(dates.daysLeft(day("2026-06-01"), end), 1);
  assert.equal(dates.daysLeft(day("2026-05-31"), end), 2);
  assert.equal(dates.daysLeft(day("2026-03-03"), end), 91);
  assert.equal(dates.daysLeft(day("2026-06-02"), end), 0);
  assert.equal(dates.daysLeft(day("2026-06-11"), end), -9);
});

test("dates stay on their day whatever the machine's time zone (UTC midnights, DST included)", () => {
  // 8 March 2026 is the US switch to daylight time: a count by 24-hour days must not slip a day.
  assert.equal(iso(dates.addDays(day("2026-03-07"), 2)), "2026-03-09");
  assert.equal(iso(dates.buyoutEnd(day("2026-01-01"), false)), "2026-04-01");
});
