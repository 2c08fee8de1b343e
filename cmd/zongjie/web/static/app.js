// zongjie: a little JavaScript for convenience. Every page works without it.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  // Ticking a facet checkbox applies it at once (without JavaScript the
  // "应用筛选" button does).
  document.querySelectorAll(".facets input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", function () {
      var form = box.form;
      if (form) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
    });
  });
  // Changing the grouping of a statistic shows it at once.
  var by = document.getElementById("by");
  if (by) { by.addEventListener("change", function () { by.form.submit(); }); }
  // "/" puts the cursor in the search box.
  document.addEventListener("keydown", function (e) {
    var q = document.getElementById("q");
    if (e.key === "/" && q && document.activeElement !== q && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      e.preventDefault();
      q.focus();
    }
  });
});
