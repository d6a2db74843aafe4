// Replaces #result with the server-rendered fragment until the submission is final.
(function () {
  "use strict";
  var box = document.getElementById("result");
  if (!box || !box.dataset.poll) return;
  var url = box.dataset.poll, delay = 400, started = Date.now();
  function final(status) { return status && status !== "queued" && status !== "running"; }
  function tick() {
    fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text().then(function (t) { return [r.headers.get("X-Submission-Status"), t]; }); })
      .then(function (res) {
        box.innerHTML = res[1];
        if (!final(res[0])) schedule();
      })
      .catch(function () { schedule(true); });
  }
  function schedule(failed) {
    // Fast at first (results usually arrive within a second), then back off.
    var elapsed = Date.now() - started;
    delay = failed ? Math.min(delay * 2, 10000) : (elapsed < 5000 ? 400 : Math.min(delay * 1.5, 5000));
    setTimeout(tick, delay);
  }
  schedule();
})();
