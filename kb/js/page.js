/* Reaching what a phone or a keyboard cannot reach by itself: a glossary term (<abbr title>) shows
 * its definition in a box under it when tapped or focused, and a table wider than the screen can
 * be scrolled from the keyboard. */
function tappableTerms() {
  document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
    abbr.tabIndex = 0;
  });
}

/* The definition box: one for the page, made the first time a term is tapped. Material's tooltips
 * (its `content.tooltips` feature) did this with one component a term, which on a long page cost a
 * slow phone a second of script before it answered a tap (decisions/0008-critical-css.md). A mouse
 * pointer gets the browser's own tooltip from the title, which stays for that and for no JavaScript. */
var tip = null, term = null;

function showTip(abbr) {
  if (!tip) {
    tip = document.createElement("div");
    tip.id = "kb-tip";
    tip.className = "kb-tip";
    tip.setAttribute("role", "tooltip");
    kb.ui(tip);
    document.body.appendChild(tip);
  }
  if (term && term !== abbr) term.removeAttribute("aria-describedby");
  term = abbr;
  tip.textContent = abbr.getAttribute("title");
  tip.hidden = false;
  abbr.setAttribute("aria-describedby", tip.id);
  var room = document.documentElement.clientWidth, box = abbr.getBoundingClientRect();
  var width = tip.offsetWidth;
  var left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, room - width - 8));
  tip.style.left = left + window.scrollX + "px";
  tip.style.top = box.bottom + window.scrollY + 6 + "px";
}

function hideTip() {
  if (tip) tip.hidden = true;
  if (term) term.removeAttribute("aria-describedby");
  term = null;
}

document.addEventListener("focusin", function (event) {
  var abbr = event.target.closest && event.target.closest(".md-content abbr[title]");
  if (abbr) showTip(abbr);
  else hideTip();
});
document.addEventListener("focusout", function (event) {
  if (event.target === term) hideTip();
});
document.addEventListener("keydown", function (event) {
  if (event.key === "Escape" && term) {
    term.blur();
    hideTip();
  }
});
window.addEventListener("resize", hideTip);

/* A table wider than the phone scrolls sideways in its own box: make that box reachable and
 * named for keyboard and screen-reader users (WCAG 2.1.1; axe scrollable-region-focusable). */
function focusableScrollers() {
  document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table").forEach(function (box) {
    if (box.scrollWidth <= box.clientWidth || box.closest("[tabindex]")) return;
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", kb.text.tableScrolls);
  });
}

kb.ready(function () {
  tappableTerms();
  focusableScrollers();
});
