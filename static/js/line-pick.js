// The line-comment form (templates/mentors/_comment_form.html) of review rounds and
// feedback requests. A line number inside `table[data-file-id]` links to the comment form
// with its file and line in the query string (that works without JS). Here the click fills
// the form's `[data-file-field]` and `[data-line-field]` in place and moves focus to the
// comment box, without a reload, so nothing already typed is lost. Picking a snippet in
// `[data-snippet-field]` puts its text into the comment box at the cursor (without JS the
// server uses the snippet's text when the comment is left empty).
(function () {
  "use strict";
  var form = document.querySelector("[data-line-form]");
  if (!form) return;
  var fileField = form.querySelector("[data-file-field]");
  var lineField = form.querySelector("[data-line-field]");
  var snippetField = form.querySelector("[data-snippet-field]");
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
  if (snippetField && body) {
    snippetField.addEventListener("change", function () {
      var option = snippetField.options[snippetField.selectedIndex];
      var text = option ? option.getAttribute("data-body") : null;
      if (!text) return;
      var start = body.selectionStart, end = body.selectionEnd;
      if (typeof start !== "number" || !body.value) {
        body.value = body.value ? body.value + "\n" + text : text;
      } else {
        body.value = body.value.slice(0, start) + text + body.value.slice(end);
      }
      body.focus();
    });
  }
})();
