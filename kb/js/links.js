/* Sharing one exact section: a touch-friendly "copy link to this section" button on every linkable
 * heading, and a language switch that keeps the section (#anchor) the reader is on. */
var T = kb.text; /* link, linkLabel, linkCopied (data/ui.yml, `page:`) */

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
        var url = location.origin + location.pathname + "#" + heading.id;
        kb.copy(url, status, T.linkCopied, url);
      });
      // After the heading, not inside it: inside, every heading's accessible name would end in
      // the button's label ("Qué decir ¶ Copiar enlace a esta sección: Qué decir").
      heading.parentNode.insertBefore(status, heading.nextSibling);
      heading.parentNode.insertBefore(button, status);
    });
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
