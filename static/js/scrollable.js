// Code blocks wider than the screen scroll sideways; keyboard users must be able to reach
// and scroll them, so an overflowing <pre> joins the tab order (and leaves it when it fits).
(function () {
  "use strict";
  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll("pre"), function (pre) {
      if (pre.closest(".cm-editor")) return;
      if (pre.scrollWidth > pre.clientWidth + 1) {
        if (!pre.hasAttribute("tabindex")) {
          pre.setAttribute("tabindex", "0");
          pre.dataset.scrollFocus = "1";
        }
      } else if (pre.dataset.scrollFocus) {
        pre.removeAttribute("tabindex");
        delete pre.dataset.scrollFocus;
      }
    });
  }
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(mark, 150);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
  // Fragments replaced by poll.js bring new code blocks.
  var observer = new MutationObserver(function () { clearTimeout(timer); timer = setTimeout(mark, 50); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-poll]"), function (box) {
    observer.observe(box, { childList: true });
  });
})();
