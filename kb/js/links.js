/* Sharing one exact section: a touch-friendly "copy link to this section" button on every linkable
 * heading, beside it a "share" button that opens the phone's own share sheet (navigator.share: the
 * reader picks WhatsApp or SMS there; no third-party widget), and a language switch that keeps the
 * section (#anchor) the reader is on. Where the browser has no share sheet, no share button. */
var T = kb.text; /* link, linkLabel, linkCopied, share, shareLabel (data/ui.yml, `page:`) */
var SHEET = typeof navigator.share === "function";

function setUpSectionLinks() {
  document.querySelectorAll(".md-content article h2[id], .md-content article h3[id]").forEach(
    function (heading) {
      var button = document.createElement("button");
      var status = document.createElement("span");
      var title = heading.textContent.replace("¶", "").trim();
      button.type = "button";
      button.className = "kb-link";
      button.textContent = T.link;
      button.setAttribute("aria-label", T.linkLabel + title);
      status.className = "kb-status";
      kb.ui(button, status);
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        kb.copy(sectionUrl(heading), status, T.linkCopied, sectionUrl(heading));
      });
      // After the heading, not inside it: inside, every heading's accessible name would end in
      // the button's label ("Qué decir ¶ Copiar enlace a esta sección: Qué decir").
      heading.parentNode.insertBefore(status, heading.nextSibling);
      heading.parentNode.insertBefore(button, status);
      if (SHEET) heading.parentNode.insertBefore(shareButton(heading, title, status), status);
    });
}

function sectionUrl(heading) {
  return location.origin + location.pathname + "#" + heading.id;
}

/* The section's title and full link to the phone's share sheet; if the sheet fails (not when the
 * reader closes it), the link is copied instead. */
function shareButton(heading, title, status) {
  var button = document.createElement("button");
  button.type = "button";
  button.className = "kb-link kb-share";
  button.textContent = T.share;
  button.setAttribute("aria-label", T.shareLabel + title);
  kb.ui(button);
  button.addEventListener("click", function () {
    var url = sectionUrl(heading);
    navigator.share({ title: title, url: url }).catch(function (error) {
      if (!error || error.name !== "AbortError") kb.copy(url, status, T.linkCopied, url);
    });
  });
  return button;
}

function keepAnchorOnLanguageSwitch() {
  document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      link.href = link.href.split("#")[0] + location.hash;
      // Material's body click handler for pages with <link rel="alternate" hreflang> sends the
      // reader to the twin without the #anchor; let the browser follow this link instead.
      event.stopPropagation();
    });
  });
}

kb.ready(function () {
  setUpSectionLinks();
  keepAnchorOnLanguageSwitch();
});
