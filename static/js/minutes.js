// The minute taker's screen: texts that save themselves as they are typed, without losing a
// word on a refresh, a network error or a conflict (the keyboard is minutes-keys.js).
//
// Every [data-autosave] box holds one text (a point's, or the discussion in the rich text
// editor). What is typed goes to the browser's localStorage at once and to the server shortly
// after (decisions/views/texts.py), with this page's id and a growing number, so that the
// server can ignore a save that arrives after a newer one (common/autosave.py). A text in
// localStorage that never reached the server is put back when the page loads again; a save
// that fails keeps the text in the field and says so, and tries again by itself.
(function () {
  "use strict";

  var CLIENT = (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID()
    : String(Date.now()) + String(Math.random()).slice(2, 10);
  var DELAY = 700;
  var MAX_RETRY = 30000;
  var seq = 0;
  var states = {};

  function texts() {
    var box = document.getElementById("minutes-texts");
    return box ? box.dataset : {};
  }

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("data-hx-headers"))["X-CSRFToken"];
    } catch (error) {
      return "";
    }
  }

  // -- the fields ---------------------------------------------------------------------------

  function input(box) {
    return box.querySelector("input[type=hidden][name=text]") || box.querySelector("textarea[name=text]");
  }

  function trix(box) {
    var element = box.querySelector("trix-editor");
    return element && element.editor ? element : null;
  }

  function valueOf(state) {
    var field = input(state.box);
    return field ? field.value : "";
  }

  function setValue(state, text) {
    state.quiet = true;
    var editor = trix(state.box);
    if (editor) editor.editor.loadHTML(text);
    else if (input(state.box)) input(state.box).value = text;
    state.quiet = false;
  }

  function place(state, selector, fallbackId) {
    return state.box.querySelector(selector) || document.getElementById(state.box.dataset[fallbackId]);
  }

  function say(state, text) {
    var line = place(state, ".save-state", "status");
    if (line) line.textContent = text || "";
  }

  function problem(state, html) {
    var box = place(state, ".autosave-problem", "problem");
    if (!box) return;
    box.innerHTML = html || "";
    box.hidden = !html;
  }

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function plain(state, text) {
    // What a rich text says, as text (DOMParser runs no script and loads nothing).
    if (!state.rich) return text;
    return new DOMParser().parseFromString(text, "text/html").body.textContent;
  }

  // -- drafts in localStorage ---------------------------------------------------------------

  function draftKey(key) {
    return "referat:kladde:" + location.pathname + ":" + key;
  }

  function readDraft(key) {
    try {
      return JSON.parse(localStorage.getItem(draftKey(key)) || "null");
    } catch (error) {
      return null;
    }
  }

  function writeDraft(key, draft) {
    try {
      localStorage.setItem(draftKey(key), JSON.stringify(draft));
    } catch (error) { /* storage full or off: the server save still runs */ }
  }

  function dropDraft(key) {
    try {
      localStorage.removeItem(draftKey(key));
    } catch (error) { /* nothing to drop */ }
  }

  // -- saving -------------------------------------------------------------------------------

  function versionOf(state) {
    return parseInt(state.box.dataset.version || "0", 10) || 0;
  }

  function setVersion(key, version) {
    document.querySelectorAll("[data-version-key='" + key + "']").forEach(function (element) {
      if (element.tagName === "INPUT") element.value = version;
      else element.dataset.version = version;
    });
  }

  function changed(state) {
    if (state.quiet) return;
    writeDraft(state.key, {text: valueOf(state), base: state.base, at: Date.now()});
    say(state, "");
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { save(state); }, DELAY);
  }

  function body(state, text) {
    var data = new FormData();
    data.append("text", text);
    var format = state.box.querySelector("input[name=text__format]");
    if (format) data.append("text__format", format.value);
    data.append("version", versionOf(state));
    data.append("client", CLIENT);
    seq += 1;
    data.append("seq", seq);
    return data;
  }

  function save(state, force) {
    clearTimeout(state.timer);
    state.timer = null;
    if (state.inflight) {
      state.pending = true;
      return;
    }
    var text = valueOf(state);
    if (text === state.base && !force) {
      dropDraft(state.key);
      return;
    }
    state.inflight = true;
    say(state, texts().saving);
    fetch(state.url, {
      method: "POST", body: body(state, text), credentials: "same-origin",
      headers: {"X-CSRFToken": csrfToken(), "Accept": "application/json"},
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        answered(state, response.status, data, text);
      });
    }).catch(function () {
      failed(state, texts().offline);
    }).finally(function () {
      state.inflight = false;
      if (state.pending) {
        state.pending = false;
        save(state);
      }
    });
  }

  function answered(state, status, data, text) {
    if (status === 200) {
      state.retry = 0;
      setVersion(state.versionKey, data.version);
      if (data.state === "saved") state.base = text;
      if (valueOf(state) === text) dropDraft(state.key);
      problem(state, "");
      say(state, data.message);
      var suggest = state.box.dataset.suggest && document.getElementById(state.box.dataset.suggest);
      if (suggest && window.htmx && /følger\s+op/i.test(plain(state, text))) {
        window.htmx.trigger(suggest, "referat:suggest");
      }
    } else if (status === 409) {
      conflict(state, data, text);
    } else if (status === 403) {
      failed(state, texts().forbidden, true);
    } else if (status >= 500) {
      failed(state, texts().serverError);
    } else {
      failed(state, data.message || texts().failed, true);
    }
  }

  function failed(state, message, final) {
    say(state, "");
    problem(state, "<p>" + escapeText(message) + "</p>");
    if (final) return;
    state.retry = Math.min((state.retry || 1000) * 2, MAX_RETRY);
    setTimeout(function () { save(state); }, state.retry);
  }

  // A conflict: the text someone else saved and this page's, side by side, with a choice.
  function conflict(state, data, mine) {
    say(state, "");
    problem(state, data.html || "<p>" + escapeText(texts().failed) + "</p>");
    choose(state, function keepMine() {
      setVersion(state.versionKey, data.version);
      if (valueOf(state) !== mine) setValue(state, mine);
      save(state, true);
    }, function takeTheirs() {
      setVersion(state.versionKey, data.version);
      setValue(state, trix(state.box) || !state.rich ? data.theirs : data.theirs_plain);
      state.base = valueOf(state);
      dropDraft(state.key);
    });
  }

  function choose(state, keepMine, takeTheirs) {
    var box = place(state, ".autosave-problem", "problem");
    if (!box) return;
    box.querySelectorAll("[data-conflict]").forEach(function (button) {
      button.addEventListener("click", function () {
        problem(state, "");
        if (button.dataset.conflict === "keep-mine") keepMine();
        else takeTheirs();
        focusField(state.box);
      });
    });
  }

  // The cursor at the end of a box's text (its rich text editor, or its text area).
  function focusField(box) {
    var editor = box.querySelector("trix-editor");
    var field = editor || box.querySelector("textarea");
    if (!field) return;
    field.focus();
    if (editor && editor.editor) {
      var end = editor.editor.getDocument().getLength() - 1;
      editor.editor.setSelectedRange([end, end]);
    } else if (field.setSelectionRange) {
      field.setSelectionRange(field.value.length, field.value.length);
    }
  }

  window.referatMinutes = {focusField: focusField};

  // -- a box comes into the page (on load, or in a fragment htmx swapped in) ------------------

  function restore(state) {
    var draft = readDraft(state.key);
    var current = valueOf(state);
    if (!draft || draft.text === current) {
      if (draft) dropDraft(state.key);
      return;
    }
    if (draft.base === current) {
      // Nothing changed on the server since the draft was typed: it simply goes on.
      setValue(state, draft.text);
      problem(state, "<p>" + escapeText(texts().restored) + "</p>");
      save(state);
      return;
    }
    var t = texts();
    problem(state, "<div class='conflict'><p><strong>" + escapeText(t.draftConflict) + "</strong></p>"
      + "<table class='conflict-table'><thead><tr><th scope='col'>" + escapeText(t.mine) + "</th><th scope='col'>"
      + escapeText(t.theirs) + "</th></tr></thead><tbody><tr><td>" + escapeText(plain(state, draft.text))
      + "</td><td>" + escapeText(plain(state, current)) + "</td></tr></tbody></table><p class='conflict-choices'>"
      + "<button type='button' class='primary' data-conflict='keep-mine'>" + escapeText(t.keepMine) + "</button> "
      + "<button type='button' data-conflict='take-theirs'>" + escapeText(t.takeTheirs) + "</button></p></div>");
    choose(state, function keepMine() {
      setValue(state, draft.text);
      save(state, true);
    }, function takeTheirs() {
      dropDraft(state.key);
    });
  }

  function start(box) {
    if (box.dataset.autosaveReady) return;
    if (box.hasAttribute("data-rich") && box.querySelector("[data-richtext]") && !trix(box)) {
      // Wait for the rich text editor to be ready, so that a draft goes into it.
      box.addEventListener("trix-initialize", function () { start(box); }, {once: true});
      return;
    }
    box.dataset.autosaveReady = "1";
    var state = {
      box: box, key: box.dataset.draftKey, url: box.dataset.autosaveUrl,
      versionKey: box.dataset.versionKey, rich: box.hasAttribute("data-rich"),
    };
    state.base = valueOf(state);
    states[state.key] = state;
    box.addEventListener("input", function () { changed(state); });
    box.addEventListener("trix-change", function () { changed(state); });
    restore(state);
  }

  // A text that is only kept as a draft (the new point, until it is added).
  function startDraft(box) {
    if (box.dataset.draftReady) return;
    box.dataset.draftReady = "1";
    var field = box.querySelector("textarea, input[type=text]");
    if (!field) return;
    var draft = readDraft(box.dataset.draftKey);
    if (draft && draft.text && !field.value) field.value = draft.text;
    field.addEventListener("input", function () {
      if (field.value) writeDraft(box.dataset.draftKey, {text: field.value, at: Date.now()});
      else dropDraft(box.dataset.draftKey);
    });
  }

  function startAll(root) {
    if (!root.querySelectorAll) return;
    if (root.matches && root.matches("[data-autosave]")) start(root);
    root.querySelectorAll("[data-autosave]").forEach(start);
    root.querySelectorAll("[data-draft-key]:not([data-autosave])").forEach(startDraft);
  }

  document.addEventListener("DOMContentLoaded", function () { startAll(document); });
  document.addEventListener("htmx:load", function (event) { startAll(event.detail.elt); });

  // A point added: its draft is done with, before the fresh (empty) form comes in.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!form || !form.closest || event.detail.xhr.status !== 200) return;
    var draft = form.closest("form") && form.closest("form").querySelector("[data-draft-key]:not([data-autosave])");
    if (draft) dropDraft(draft.dataset.draftKey);
  });

  // The server's versions after a change made through a form (the decision, a point).
  document.addEventListener("referat:versions", function (event) {
    var versions = event.detail || {};
    Object.keys(versions).forEach(function (key) {
      if (key !== "elt") setVersion(key, versions[key]);
    });
  });

  document.addEventListener("referat:focus", function (event) {
    var id = event.detail && event.detail.value !== undefined ? event.detail.value : event.detail;
    var element = typeof id === "string" ? document.getElementById(id) : null;
    if (element) element.focus();
  });

  document.addEventListener("referat:saved", function (event) {
    var line = document.getElementById("minutes-status");
    if (line) line.textContent = event.detail && event.detail.value || "";
  });

  window.addEventListener("online", function () {
    Object.keys(states).forEach(function (key) {
      var state = states[key];
      if (document.contains(state.box) && valueOf(state) !== state.base) save(state);
    });
  });

  // Leaving the page (a refresh, a link): what is not saved yet goes with the browser's beacon;
  // the draft in localStorage stays until the next load confirms it arrived.
  window.addEventListener("pagehide", function () {
    if (!navigator.sendBeacon) return;
    Object.keys(states).forEach(function (key) {
      var state = states[key];
      if (!document.contains(state.box) || state.inflight || valueOf(state) === state.base) return;
      var data = body(state, valueOf(state));
      data.append("csrfmiddlewaretoken", csrfToken());
      navigator.sendBeacon(state.url, data);
    });
  });

})();
