// The menu on narrow screens: a real button (aria-expanded, aria-controls) that shows and
// hides the links; Escape closes it and gives focus back to the button. Without
// JavaScript the button stays hidden and the links are listed as they are.
(function () {
  "use strict";
  var button = document.querySelector(".nav-burger");
  var links = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!links) return;
  document.documentElement.classList.add("has-menu");
  button.hidden = false;
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    links.classList.toggle("open", open);
  }
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      set(false);
      button.focus();
    }
  });
})();
