// After a form comes back with something to fix, bring the summary of what to fix into view
// and move focus to it, so a person on a phone (or using a screen reader) sees at once that
// nothing was sent yet and why. Nothing else: the form works the same without this file.
(function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
