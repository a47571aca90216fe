// The meeting editor's behaviour on top of htmx: drag and drop reordering (SortableJS), the
// order the server sends after each change of the agenda's structure, and focus and
// announcements for keyboard and screen-reader users. Every action is also a plain form.
(function () {
  "use strict";

  function list() {
    return document.getElementById("items");
  }

  // Put the items in the server's order by moving their elements: whatever is open in them (a
  // form being typed in) moves along untouched.
  function applyOrder(ids, focusId) {
    var items = list();
    if (!items) return;
    var active = document.activeElement;
    ids.forEach(function (id) {
      var element = document.getElementById("item-" + id);
      if (element) items.appendChild(element);
    });
    var target = focusId ? document.getElementById(focusId) : null;
    if (target) target.focus();
    else if (active && document.contains(active) && active !== document.activeElement) active.focus();
  }

  document.addEventListener("referat:order", function (event) {
    var detail = event.detail || {};
    applyOrder(detail.ids || [], detail.focus);
  });

  function sortable() {
    var items = list();
    if (!items || !window.Sortable || items.dataset.sortable === "on") return;
    items.dataset.sortable = "on";
    window.Sortable.create(items, {
      handle: ".drag-handle",
      animation: 150,
      // Pointer events rather than the browser's own drag and drop: the same on every
      // browser, touch screens included.
      forceFallback: true,
      onEnd: function (event) {
        if (event.oldIndex === event.newIndex) return;
        var form = document.getElementById("reorder-form");
        if (form && window.htmx) window.htmx.trigger(form, "referat:sorted");
      },
    });
  }

  document.addEventListener("DOMContentLoaded", sortable);
  document.addEventListener("htmx:load", sortable);

  // An edit form that opens takes the focus on its first field; the text that replaces it
  // gives it back to its edit button.
  document.addEventListener("htmx:afterSwap", function (event) {
    var element = event.detail.elt;
    if (!element || !element.matches) return;
    if (element.matches("form.editor-form") && !element.querySelector("[autofocus]")) {
      var field = element.querySelector("input:not([type=hidden]):not(.visually-hidden), select, textarea, trix-editor");
      if (field) field.focus();
    }
  });
})();
