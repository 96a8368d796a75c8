/* The scripts (what to say or write, data/scripts.yml): the fill-in-once form, whose details
 * details.js keeps in this browser only, and each script's copy button. */
var T = kb.text; /* copied, forgotten (data/ui.yml, `page:`) */

function scriptText(block) {
  return Array.prototype.map.call(block.querySelectorAll(".kb-script-text p"), function (p) {
    return p.innerText.trim();
  }).join("\n\n");
}

function setUpScripts() {
  var store = kb.details;
  var details = store.load();
  /* Another tab changed or forgot the details, or a date calculator of this page set one
   * (deadlines.js): show the same here. */
  function reload() {
    details = store.load();
    document.querySelectorAll(".kb-fill input").forEach(function (input) { input.value = details[input.name] || ""; });
    store.paint(details);
  }
  window.addEventListener("storage", function (event) {
    if (event.key === store.STORE || event.key === null) reload();
  });
  window.addEventListener("kb-details", reload);
  /* The About page's privacy section: forget the details from there too (an empty .kb-forget-all). */
  document.querySelectorAll(".kb-forget-all").forEach(function (place) {
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = "md-button kb-forget";
    button.textContent = T.forget;
    status.className = "kb-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      details = {};
      store.save(details);
      kb.announce(status, T.forgotten);
    });
    kb.ui(button, status);
    place.append(button, status);
    place.hidden = false;
  });
  document.querySelectorAll(".kb-fill").forEach(function (form) {
    form.hidden = false;
    form.querySelectorAll("input").forEach(function (input) {
      if (input.type === "date") store.isDate(input.name);
      input.value = details[input.name] || "";
      input.addEventListener("input", function () {
        details[input.name] = input.value.trim();
        store.save(details);
        store.paint(details);
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".kb-forget").addEventListener("click", function () {
      details = {};
      store.save(details);
      form.querySelectorAll("input").forEach(function (input) { input.value = ""; });
      store.paint(details);
      kb.announce(form.querySelector(".kb-status"), T.forgotten);
    });
  });
  store.paint(details);
  document.querySelectorAll(".kb-script").forEach(function (block) {
    var button = block.querySelector(".kb-copy");
    var status = block.querySelector(".kb-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      kb.copy(scriptText(block), status, T.copied);
    });
  });
}

kb.ready(setUpScripts);
