// The minute taker's keyboard: Alt+Down / Alt+Up to the next or previous item, with the cursor
// where the next words go (the first decision point while there is none, else the
// discussion); Alt+B to the item's new point, Alt+D to its discussion; Ctrl+Enter adds a point.
// Loaded after minutes.js, which places the cursor (window.referatMinutes.focusField).
(function () {
  "use strict";

  function focusField(box) {
    window.referatMinutes.focusField(box);
  }

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll("li.minutes-item"));
  }

  function currentItem() {
    var active = document.activeElement;
    var item = active && active.closest ? active.closest("li.minutes-item") : null;
    if (item) return item;
    return items().find(function (li) { return li.getBoundingClientRect().bottom > 80; }) || null;
  }

  function newPoint(item) {
    return item.querySelector(".new-point [data-draft-key]");
  }

  function discussion(item) {
    return item.querySelector(".discussion [data-autosave]");
  }

  // Where the next words go: the first decision point while there is none, else the discussion.
  function nextWords(item) {
    var target = item.querySelector(".decision-point") ? discussion(item) : newPoint(item);
    target = target || discussion(item) || newPoint(item);
    item.scrollIntoView({block: "start"});
    if (target) focusField(target);
    else item.querySelector(".minutes-item-title").focus();
    var line = document.getElementById("minutes-status");
    var title = item.querySelector(".minutes-item-title");
    if (line && title) line.textContent = title.textContent.trim();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)
        && event.target.matches && event.target.matches("[data-submit-on-ctrl-enter]")) {
      event.preventDefault();
      event.target.form.requestSubmit();
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    var item = currentItem();
    if (!item) return;
    var all = items();
    var index = all.indexOf(item);
    var target = null;
    if (event.key === "ArrowDown" || event.key === "PageDown") target = all[index + 1];
    else if (event.key === "ArrowUp" || event.key === "PageUp") target = all[index - 1];
    else if (event.code === "KeyB") {
      event.preventDefault();
      var point = newPoint(item);
      if (point) focusField(point);
      return;
    } else if (event.code === "KeyD") {
      event.preventDefault();
      var text = discussion(item);
      if (text) focusField(text);
      return;
    } else return;
    event.preventDefault();
    if (target) nextWords(target);
  });
})();
