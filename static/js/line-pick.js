// Line comments: a line number inside `table[data-file-id]` links to the comment form with
// its file and line in the query string (that works without JS). Here the click fills the
// form's `[data-file-field]` and `[data-line-field]` in place and moves focus to the
// comment box, without a reload, so nothing already typed is lost.
(function () {
  "use strict";
  var form = document.querySelector("[data-line-form]");
  if (!form) return;
  var fileField = form.querySelector("[data-file-field]");
  var lineField = form.querySelector("[data-line-field]");
  var body = form.querySelector("textarea");
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-line-pick]") : null;
    if (!link) return;
    var table = link.closest("table[data-file-id]");
    if (!table) return;
    event.preventDefault();
    if (fileField) fileField.value = table.dataset.fileId;
    lineField.value = link.dataset.linePick;
    var row = link.closest("tr");
    if (row && row.id && window.history && history.replaceState) {
      history.replaceState(null, "", "#" + row.id);
    }
    if (body) body.focus();
  });
})();
