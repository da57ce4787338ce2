// Everything the page does runs offline from here; errors are written into the page so that a
// headless browser's DOM dump shows them.
(function () {
  var errors = document.getElementById('js-errors');
  function report(message) {
    var li = document.createElement('li');
    li.textContent = String(message);
    errors.appendChild(li);
    errors.hidden = false;
  }
  window.addEventListener('error', function (e) { report(e.message + ' at ' + e.lineno + ':' + e.colno); });
  try {
    var graph = document.getElementById('flow-graph');
    var slider = document.getElementById('edge-min');
    var output = document.getElementById('edge-min-value');
    var shown = document.getElementById('edge-shown');
    if (graph && slider) {
      var edgeParts = graph.querySelectorAll('.edge, .edge-label');
      var filter = function () {
        var min = Number(slider.value);
        var visible = 0;
        edgeParts.forEach(function (el) {
          var hide = Number(el.getAttribute('data-count')) < min;
          el.classList.toggle('hidden', hide);
          if (!hide && el.classList.contains('edge')) { visible++; }
        });
        output.textContent = min.toLocaleString('en');
        shown.textContent = visible + ' of ' + graph.querySelectorAll('.edge').length + ' paths shown';
      };
      slider.addEventListener('input', filter);
      filter();
      var focused = null;
      graph.querySelectorAll('.node').forEach(function (node) {
        node.addEventListener('click', function () {
          var route = node.getAttribute('data-route');
          graph.querySelectorAll('.lit').forEach(function (el) { el.classList.remove('lit'); });
          if (focused === route) {
            focused = null;
            graph.classList.remove('focus');
            return;
          }
          focused = route;
          graph.classList.add('focus');
          node.classList.add('lit');
          edgeParts.forEach(function (el) {
            if (el.getAttribute('data-from') === route || el.getAttribute('data-to') === route) { el.classList.add('lit'); }
          });
        });
      });
    }
    document.getElementById('script-status').textContent = 'Rendered with ' +
      document.querySelectorAll('svg').length + ' charts and graphs.';
    document.documentElement.setAttribute('data-report-ready', 'yes');
  } catch (e) {
    report(e && e.stack ? e.stack : e);
  }
})();
