// Referat's own behaviour on top of htmx, served from static/ (the CSP allows no inline script).
//
// htmx does not swap 4xx/5xx responses, so without this a refused or failed request (an expired
// CSRF token, the database down) would leave the user looking at an unchanged page. Instead
// the banner at the top of the page says what happened, in the page's language.
(function () {
  "use strict";

  function banner() {
    return document.getElementById("request-error");
  }

  document.addEventListener("htmx:responseError", function (event) {
    var box = banner();
    if (!box) return;
    var status = event.detail.xhr.status;
    var key = status === 403 ? "forbidden" : status >= 500 ? "unavailable" : "failed";
    box.textContent = box.dataset[key];
    box.hidden = false;
  });

  document.addEventListener("htmx:sendError", function () {
    var box = banner();
    if (!box) return;
    box.textContent = box.dataset.unavailable;
    box.hidden = false;
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var box = banner();
    if (box && event.detail.successful) box.hidden = true;
  });
})();
