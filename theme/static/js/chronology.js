// Optional: narrow the chronology as you type. Without JavaScript the type filters (plain links) remain.
(function () {
  var box = document.querySelector(".text-filter");
  if (!box) return;
  var input = box.querySelector("input"), count = document.getElementById("chronology-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  box.hidden = false;
  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) shown++;
    });
    document.querySelectorAll("section.year, section.year .month").forEach(function (group) {
      group.hidden = !group.querySelector("li.event:not([hidden])");
    });
    // a year's other events, behind their disclosure, open while words find some of them
    document.querySelectorAll("details.all-events").forEach(function (more) {
      more.open = words.length > 0 && !!more.querySelector("li.event:not([hidden])");
    });
    count.textContent = words.length ? shown + " of " + rows.length + " events" : "";
  });
})();
