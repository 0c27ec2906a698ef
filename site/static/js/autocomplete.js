/* Progressive enhancement: suggestions while typing in search fields.
   Without JavaScript the search forms work as plain GET forms. Suggestions fill
   the field's <datalist>, which browsers present accessibly as a native list. */
(function () {
  "use strict";
  var DELAY = 150;

  function enhance(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.getAttribute("data-suggest-url");
    if (!list || !url || !window.fetch) return;
    var timer = null;
    var last = "";
    var controller = null;

    input.addEventListener("input", function () {
      var text = input.value.trim();
      clearTimeout(timer);
      // One Chinese character is enough to suggest (as search/service.py autocomplete).
      if ((text.length < 2 && !/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) || text === last) return;
      timer = setTimeout(function () {
        last = text;
        if (controller) controller.abort();
        controller = window.AbortController ? new AbortController() : null;
        fetch(url + "?q=" + encodeURIComponent(text), {
          headers: { Accept: "application/json" },
          signal: controller ? controller.signal : undefined
        })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.suggestions.forEach(function (suggestion) {
              var option = document.createElement("option");
              option.value = suggestion.title;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional: typing and searching still work */ });
      }, DELAY);
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
