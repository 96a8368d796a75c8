/* What more than one part needs: the page's language, starting once the page is parsed, and copying
 * text for the reader with a status line that says whether it worked (scripts.js, links.js).
 * Every file of kb/js/ is the body of a function in the bundle (kb/bundle.py): its `var`s are its own,
 * and `kb` is the one object the parts share. Nothing here sends anything anywhere. */
var en = document.documentElement.lang === "en";
/* The words this page's language shows (data/ui.yml, `page:`), put in the bundle by kb/bundle.py
 * as KB_TEXT: the page's language, else the site's first. */
kb.text = KB_TEXT[document.documentElement.lang] || KB_TEXT[Object.keys(KB_TEXT)[0]];
var FAILED = kb.text.failed;

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  return new Promise(function (resolve, reject) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    ok ? resolve() : reject();
  });
}

function announce(status, message) {
  if (!status) return;
  status.textContent = message;
  clearTimeout(status.kbTimer);
  status.kbTimer = setTimeout(function () { status.textContent = ""; }, 4000);
}

kb.en = en;
self.kbPage = kb; /* for the reader's tools, assets/kb-tools.js (kb/bundle.py TOOLS) */
kb.announce = announce;

/* Copy `text`, then say `done` in `status`, or that it failed (followed by `shown`, if given: what
 * the reader can copy by hand). */
kb.copy = function (text, status, done, shown) {
  return copyText(text).then(
    function () { announce(status, done); },
    function () { announce(status, shown ? FAILED + " " + shown : FAILED); });
};

/* Run `start` once the page is parsed (at once if it already is). */
kb.ready = function (start) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
};

/* Mark controls our code adds as UI, not content (`data-kb-ui`): print, the PDF and the search
 * index leave them out (kb/site.py says so for the Python side). */
kb.ui = function () {
  for (var i = 0; i < arguments.length; i++) arguments[i].setAttribute("data-kb-ui", "");
};
