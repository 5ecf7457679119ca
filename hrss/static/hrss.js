// Small behaviours that templates declare with data- attributes, so that no page needs an inline script
// (the Content-Security-Policy allows scripts from this server only).
document.addEventListener("change", function (event) {
  var field = event.target.closest("[data-autosubmit]");
  if (field && field.form) {
    field.form.requestSubmit();
  }
});
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
// Region pickers (core.forms.RegionField): as the user types a name, the box's list is refilled with the matching
// regions of their scope. Without this script the form still works: a typed name is resolved when it is sent.
var regionPickerTimer = null;
document.addEventListener("input", function (event) {
  var field = event.target.closest("[data-region-picker]");
  if (!field) {
    return;
  }
  window.clearTimeout(regionPickerTimer);
  regionPickerTimer = window.setTimeout(function () {
    var query = field.value.trim();
    if (!query || /\d{12}/.test(query)) {
      return;  // empty, or an option already picked (it carries the code)
    }
    var search = field.dataset.regionPicker;
    var url = search + (search.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
    fetch(url, {credentials: "same-origin"}).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (options) {
      var list = document.getElementById(field.getAttribute("list"));
      if (options !== null && list) {
        list.innerHTML = options;
      }
    });
  }, 250);
});
