// The rich text editor: every [data-richtext] text area becomes a Trix editor with Referat's
// toolbar, storing paragraphs (<p>), headings (<h3>), lists, bold, italic and links. The server
// sanitises what arrives (common/richtext.py), so this only shapes what Trix writes.
// Loaded before Trix: Trix reads its configuration as each editor initialises.
(function () {
  "use strict";

  var count = 0;

  document.addEventListener("trix-before-initialize", function () {
    var blocks = window.Trix.config.blockAttributes;
    blocks.default.tagName = "p";
    blocks.default.breakOnReturn = true;
    blocks.heading1.tagName = "h3";
  });

  // Files are Bilag, added as Bilag; the text itself holds none.
  document.addEventListener("trix-file-accept", function (event) {
    event.preventDefault();
  });

  function enhance(box) {
    var area = box.querySelector("textarea");
    var format = box.querySelector("input[name$='__format']");
    var template = box.querySelector("template[data-richtext-toolbar]");
    if (!area || !format || !template) return;
    count += 1;
    var id = area.id || "richtext-" + count;
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = area.name;
    input.id = id + "-html";
    input.value = area.dataset.html || "";
    var toolbar = template.content.firstElementChild.cloneNode(true);
    toolbar.id = id + "-toolbar";
    var editor = document.createElement("trix-editor");
    editor.id = id;
    editor.className = "richtext-editor";
    editor.setAttribute("input", input.id);
    editor.setAttribute("toolbar", toolbar.id);
    ["aria-describedby", "aria-invalid", "aria-label", "data-autofocus"].forEach(function (name) {
      if (area.hasAttribute(name)) editor.setAttribute(name, area.getAttribute(name));
    });
    var label = document.querySelector("label[for='" + id + "']");
    if (label) {
      label.id = label.id || id + "-label";
      editor.setAttribute("aria-labelledby", label.id);
    }
    format.value = "html";
    var hint = box.querySelector(".richtext-fallback");
    if (hint) hint.remove();
    area.remove();
    box.append(input, toolbar, editor);
    box.dataset.enhanced = "1";
  }

  function enhanceAll(root) {
    var boxes = root.querySelectorAll
      ? root.querySelectorAll("[data-richtext]:not([data-enhanced])") : [];
    if (root.matches && root.matches("[data-richtext]:not([data-enhanced])")) enhance(root);
    Array.prototype.forEach.call(boxes, enhance);
  }

  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  document.addEventListener("htmx:load", function (event) { enhanceAll(event.detail.elt); });
})();
