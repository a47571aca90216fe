// Bilag intake in the meeting editor. Files dropped on an item, dropped on the item list (the
// secretary then chooses the item) or chosen with an item's file picker are sent one request
// per file, in order, each with a progress bar that shows the file's name and then what became
// of it (saved as Bilag N, being converted, or refused with the reason). Only the item's Bilag
// list is replaced, so nothing typed elsewhere on the page is touched, and a dropped file never
// makes the browser leave the page. Each result is announced in the item's status region.
// Without this script the upload form is a plain form post.
(function () {
  "use strict";

  function hasFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, "Files") !== -1;
  }

  function bilagOf(item) {
    return item && item.querySelector(".item-part.bilag");
  }

  function text(element, key) {
    return (element && element.dataset[key]) || "";
  }

  function labels() {
    return document.getElementById("upload-texts").dataset;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_match, key) {
      return key in values ? values[key] : "";
    });
  }

  function megabytes(size) {
    return (size / 1024 / 1024).toFixed(1).replace(".", ",");
  }

  // One row per file: its name, a progress bar, then its result.
  function row(list, file) {
    var item = document.createElement("li");
    item.className = "upload-row waiting";
    var name = document.createElement("span");
    name.className = "upload-name";
    name.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", format(labels().progress, {name: file.name}));
    var state = document.createElement("span");
    state.className = "upload-state";
    state.textContent = labels().waiting;
    item.append(name, " ", bar, " ", state);
    list.appendChild(item);
    return {element: item, bar: bar, state: state};
  }

  function finish(entry, kind, message, status) {
    entry.element.className = "upload-row " + kind;
    entry.bar.value = 100;
    entry.bar.hidden = true;
    entry.state.textContent = message;
    if (status) status.textContent = message;
  }

  // The server answers with the item's Bilag list (and, out of band, the summaries and the
  // time plan); the outcome of the file is in the list, and moves to the file's row.
  function apply(section, response, entry, status) {
    var list = section.querySelector(".bilag-list");
    if (window.htmx && list) {
      window.htmx.swap(list, response, {swapStyle: "outerHTML", swapDelay: 0, settleDelay: 0});
    }
    list = section.querySelector(".bilag-list");
    var outcomes = list ? list.querySelector(".upload-outcomes") : null;
    var outcome = outcomes ? outcomes.querySelector(".upload-outcome") : null;
    if (outcome) {
      finish(entry, outcome.dataset.outcome, outcome.textContent.trim(), status);
      outcomes.remove();
    } else {
      finish(entry, "refused", labels().failed, status);
    }
  }

  function send(section, file, entry, status) {
    var form = section.querySelector("form.upload");
    return new Promise(function (resolve) {
      var limit = parseInt(form.dataset.maxBytes, 10);
      if (limit && file.size > limit) {
        finish(entry, "refused", format(form.dataset.tooLarge,
                                        {name: file.name, size: megabytes(file.size)}), status);
        resolve();
        return;
      }
      var data = new FormData();
      data.append("files", file, file.name);
      var closed = form.querySelector("input[name=is_closed]");
      if (closed && closed.checked) data.append("is_closed", "on");
      var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
      var request = new XMLHttpRequest();
      request.open("POST", form.action + "?navn=" + encodeURIComponent(file.name));
      request.setRequestHeader("HX-Request", "true");
      request.setRequestHeader("HX-Current-URL", window.location.href);
      request.setRequestHeader("X-CSRFToken", token);
      entry.element.className = "upload-row sending";
      entry.state.textContent = labels().sending;
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) entry.bar.value = Math.round(event.loaded / event.total * 100);
      });
      request.upload.addEventListener("load", function () {
        entry.bar.removeAttribute("value"); // indeterminate while the file is checked
        entry.state.textContent = labels().checking;
      });
      request.addEventListener("load", function () {
        if (request.status === 200 || request.status === 413 || request.status === 422) {
          apply(section, request.responseText, entry, status);
        } else {
          finish(entry, "refused", format(labels().error, {name: file.name}), status);
        }
        resolve();
      });
      request.addEventListener("error", function () {
        finish(entry, "refused", format(labels().error, {name: file.name}), status);
        resolve();
      });
      request.send(data);
    });
  }

  function upload(item, files) {
    var section = bilagOf(item);
    if (!section || !files.length) return;
    var details = item.querySelector("details.item-details");
    if (details) details.open = true;
    var list = section.querySelector(".upload-progress");
    var status = section.querySelector("[role=status]");
    list.replaceChildren();
    list.hidden = false;
    var entries = files.map(function (file) { return row(list, file); });
    status.textContent = format(labels().started, {count: files.length});
    // One at a time: the Bilag get their numbers in the order the files were given.
    var chain = Promise.resolve();
    files.forEach(function (file, index) {
      chain = chain.then(function () { return send(section, file, entries[index], status); });
    });
    chain.then(function () {
      var refused = list.querySelectorAll(".upload-row.refused").length;
      status.textContent = format(labels().done, {count: files.length, refused: refused});
    });
  }

  // The file picker: the form sends its files through the same queue.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.upload")) return;
    var input = form.querySelector("input[type=file]");
    if (!input || !input.files.length) return; // the browser says a file is needed
    event.preventDefault();
    upload(form.closest(".editor-item"), Array.prototype.slice.call(input.files));
    input.value = "";
  });

  // Dropping: on an item, that item; on the item list or the drop zone, the item is chosen.
  function zone(target) {
    return target.closest && target.closest(".editor-item, #items, #bilag-drop");
  }

  var marked = null;
  function mark(element) {
    if (marked === element) return;
    if (marked) marked.classList.remove("drop-target");
    marked = element;
    if (marked) marked.classList.add("drop-target");
  }

  document.addEventListener("dragover", function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault(); // a file dropped anywhere on the page must not replace the page
    var found = zone(event.target);
    event.dataTransfer.dropEffect = found ? "copy" : "none";
    mark(found);
  });
  document.addEventListener("dragleave", function (event) {
    if (!event.relatedTarget) mark(null);
  });
  document.addEventListener("drop", function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    mark(null);
    var found = zone(event.target);
    var files = Array.prototype.slice.call(event.dataTransfer.files);
    if (!found || !files.length) return;
    if (found.classList.contains("editor-item")) upload(found, files);
    else choose(files);
  });

  // The dialog that asks which item the files dropped on the list belong to.
  function choose(files) {
    var dialog = document.getElementById("bilag-dialog");
    var select = dialog.querySelector("select");
    select.replaceChildren();
    document.querySelectorAll("#items > .editor-item").forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.dataset.item;
      option.textContent = item.querySelector(".item-summary h3").textContent.trim();
      select.appendChild(option);
    });
    dialog.querySelector(".bilag-dialog-files").textContent = files.map(function (file) {
      return file.name;
    }).join(", ");
    dialog.returnValue = "";
    dialog.onclose = function () {
      if (dialog.returnValue === "upload") {
        upload(document.getElementById("item-" + select.value), files);
      }
      var back = document.getElementById("bilag-drop");
      if (back) back.focus();
    };
    dialog.showModal();
    select.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var dropZone = document.getElementById("bilag-drop");
    if (dropZone) dropZone.hidden = false; // dropping needs this script
  });
})();
