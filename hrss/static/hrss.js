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
});
