// dejakit web page: small enhancements; every page works without this file.
(function () {
  "use strict";
  // Job pages: poll the job's state instead of reloading the whole page.
  var box = document.getElementById("job");
  if (box && box.dataset.job && document.querySelector("progress")) {
    var bar = document.querySelector("progress");
    var status = document.getElementById("job-status");
    var label = document.querySelector("label[for=progress]");
    var refresh = document.querySelector("meta[http-equiv=refresh]");
    if (refresh) { refresh.parentNode.removeChild(refresh); }
    var poll = function () {
      fetch("/jobs/" + box.dataset.job, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          if (job.total) {
            bar.max = job.total; bar.value = job.done;
            if (status && status.dataset.text) {
              var text = status.dataset.text.replace("{done}", job.done).replace("{total}", job.total);
              if (label) { label.textContent = text; }
            }
          }
          if (job.state === "done") { window.location.assign(box.dataset.doneUrl); return; }
          if (job.state !== "running" && job.state !== "queued") { window.location.reload(); return; }
          window.setTimeout(poll, 400);
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    };
    window.setTimeout(poll, 200);
  }
  // Parallel text: the reviewer's name typed once at the top goes with every approval.
  var reviewer = document.getElementById("reviewer");
  if (reviewer) {
    var copy = function () {
      document.querySelectorAll("input.reviewer-copy").forEach(function (el) { el.value = reviewer.value; });
    };
    reviewer.addEventListener("input", copy);
    document.querySelectorAll("form").forEach(function (form) {
      form.addEventListener("submit", copy);
    });
  }
})();
