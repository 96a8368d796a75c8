/* Reaching what a phone or a keyboard cannot reach by itself: glossary terms (<abbr>) can be
 * focused by tap so their tooltip shows on a phone, and a table wider than the screen can be
 * scrolled from the keyboard. */
function tappableTerms() {
  document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
    abbr.tabIndex = 0;
  });
}

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
