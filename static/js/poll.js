// Keeps a server-rendered fragment up to date: `[data-poll]` is fetched again until the
// server says it is final (X-Poll-Final: 1) and has nothing more coming (X-Poll-More: 0;
// e.g. code-quality findings, waited for at most MORE_FOR_MS). The fragment is replaced only
// when it changed, open <details> stay open, and the page's polite status region
// ([data-announcer]) is told once — when the result becomes final — not on every poll.
(function () {
  "use strict";
  var MORE_FOR_MS = 30000;
  var boxes = document.querySelectorAll("[data-poll]");
  Array.prototype.forEach.call(boxes, function (box) {
    var url = box.dataset.poll, delay = 400, started = Date.now(), finalSince = null;
    var announcer = document.querySelector("[data-announcer]");
    var announced = !box.hasAttribute("aria-busy") || box.getAttribute("aria-busy") === "false";
    var last = box.innerHTML;

    function openDetails() {
      return Array.prototype.map.call(box.querySelectorAll("details[open] summary"), function (s) {
        return s.textContent;
      });
    }
    function apply(html) {
      if (html === last) return;
      var open = openDetails();
      box.innerHTML = html;
      last = html;
      Array.prototype.forEach.call(box.querySelectorAll("details summary"), function (s) {
        if (open.indexOf(s.textContent) >= 0) s.parentNode.open = true;
      });
    }
    function announce() {
      if (announced || !announcer) return;
      var text = box.querySelector("[data-announce]");
      announcer.textContent = text ? text.textContent.trim() : "The result is ready.";
      announced = true;
    }
    function tick() {
      fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.text().then(function (t) {
            return { final: r.headers.get("X-Poll-Final") === "1", more: r.headers.get("X-Poll-More") === "1", html: t };
          });
        })
        .then(function (res) {
          apply(res.html);
          if (res.final) {
            box.setAttribute("aria-busy", "false");
            box.dataset.pollFinal = "1";
            announce();
            if (finalSince === null) finalSince = Date.now();
            if (!res.more || Date.now() - finalSince > MORE_FOR_MS) {
              box.dataset.pollDone = "1";
              return;
            }
          }
          schedule(false);
        })
        .catch(function () { schedule(true); });
    }
    function schedule(failed) {
      // Fast at first (results usually arrive within a second), then back off.
      var elapsed = Date.now() - started;
      delay = failed ? Math.min(delay * 2, 10000) : (elapsed < 5000 ? 400 : Math.min(delay * 1.5, 5000));
      setTimeout(tick, delay);
    }
    schedule(false);
  });
})();
