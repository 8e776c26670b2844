// newsweave web UI: a little progressive enhancement. Every page works without it.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Article page: hide or show the struck-through boilerplate lines.
  var toggle = document.getElementById("toggle-removed");
  var explain = document.querySelector(".explain");
  if (toggle && explain) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var hidden = explain.classList.toggle("hide-removed");
      toggle.textContent = hidden ? "Show removed lines" : "Hide removed lines";
    });
  }

  // Story page: filter the quote ledger as you type (textContent only, never HTML).
  var filter = document.getElementById("quote-filter");
  var table = document.querySelector("table.quotes");
  if (filter && table) {
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var show = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.classList.toggle("hidden", !show);
      });
    });
  }
});
