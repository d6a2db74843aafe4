// Sign-up: preselect the browser's own time zone (reminders follow it); the learner can
// still pick another. Without JavaScript the field keeps its default and stays editable.
(function () {
  "use strict";
  var select = document.querySelector("select[data-detect-time-zone]");
  if (!select || !window.Intl) return;
  var zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;
  }
  var known = Array.prototype.some.call(select.options, function (option) { return option.value === zone; });
  if (zone && known && (select.value === "UTC" || select.value === "")) {
    select.value = zone;
    select.dataset.detected = zone;
  }
})();
