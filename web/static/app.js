// Crossroads: small enhancements of the server-rendered pages. Every page
// works without this file; with it, the report's charts are drawn, the
// what-if sliders show their values, and the occupation picker fills in the
// form. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // Charts: each element with data-chart="{...}" is drawn from the ECharts
  // options in that attribute (JSON). When every chart of the page has
  // finished drawing, <html data-charts-ready="true"> tells tests and the
  // PDF printer that the page is complete.
  var pending = 0;
  function ready() {
    document.documentElement.dataset.chartsReady = pending === 0 ? 'true' : 'false';
  }
  function drawCharts(root) {
    if (!window.echarts) { ready(); return; }
    var els = root.querySelectorAll ? root.querySelectorAll('[data-chart]') : [];
    Array.prototype.forEach.call(els, function (el) {
      if (echarts.getInstanceByDom(el)) return;
      var options;
      try { options = JSON.parse(el.dataset.chart); } catch (e) { return; }
      pending++;
      var chart = echarts.init(el, null, { renderer: 'svg' });
      var done = false;
      chart.on('finished', function () {
        if (done) return;
        done = true;
        pending--;
        el.classList.add('drawn');
        ready();
      });
      chart.setOption(options);
    });
    ready();
  }
  function eachChart(root, fn) {
    if (!window.echarts || !root.querySelectorAll) return;
    Array.prototype.forEach.call(root.querySelectorAll('[data-chart]'), function (el) {
      var c = echarts.getInstanceByDom(el);
      if (c) fn(c);
    });
  }
  var resizeTimer;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { eachChart(document, function (c) { c.resize(); }); }, 150);
  });

  // What-if sliders: show the value while moving; send only the sliders
  // moved away from the case's own value; announce the new answer.
  function formatValue(input) {
    var v = Number(input.value), unit = input.dataset.unit || '';
    if (unit === '%') return v + '%';
    var s = Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (unit === 'USD' ? '$' : unit + ' ') + s;
  }
  document.addEventListener('input', function (e) {
    var t = e.target;
    if (t.type === 'range' && t.id) {
      var out = document.getElementById(t.id + '-out');
      if (out) out.textContent = formatValue(t);
    }
  });
  document.addEventListener('htmx:configRequest', function (e) {
    var form = e.detail.elt;
    if (!form || form.id !== 'whatif-form') return;
    Array.prototype.forEach.call(form.querySelectorAll('input[type=range]'), function (input) {
      if (Number(input.value) === Number(input.dataset.case)) {
        if (e.detail.parameters instanceof FormData) e.detail.parameters.delete(input.name);
        else delete e.detail.parameters[input.name];
      }
    });
  });
  document.addEventListener('htmx:beforeSwap', function (e) {
    var target = e.detail.target;
    if (!target) return;
    eachChart(target, function (c) { c.dispose(); });
    // The new charts are drawn when htmx settles the new content.
    if (target.querySelector && target.querySelector('[data-chart]')) {
      document.documentElement.dataset.chartsReady = 'false';
    }
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    var results = document.getElementById('results');
    var status = document.getElementById('whatif-status');
    if (results && status && e.detail.target && e.detail.target.id === 'results') {
      status.textContent = results.dataset.announce || '';
    }
  });

  // Occupation picker: choosing an occupation fills in its code, and the
  // national median pay when the pay is still empty.
  document.addEventListener('click', function (e) {
    var btn = e.target.closest ? e.target.closest('.occ-pick') : null;
    if (!btn) return;
    var form = btn.form;
    var code = form && form.querySelector('input[name$=".occupation"]');
    if (!code) return;
    e.preventDefault();
    code.value = btn.dataset.code;
    var note = 'Chosen: ' + btn.dataset.title + ' (' + btn.dataset.code + ').';
    var pay = form.querySelector('input[name$=".pay.amount"]');
    var per = form.querySelector('select[name$=".pay.per"]');
    var median = Number(btn.dataset.median);
    if (pay && !pay.value && median > 0) {
      pay.value = String(median);
      if (per) per.value = 'year';
      note += ' Pay proposed: ' + btn.dataset.medianText + ', the national median of the occupation (BLS, May 2024). Replace it with the real figure when you know it.';
    }
    note += ' Nothing is saved until you press Save.';
    var chosen = document.getElementById('occupation-chosen');
    if (chosen) chosen.textContent = note;
    code.focus();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.id === 'occupation-q' && window.htmx) {
      e.preventDefault();
      htmx.trigger(e.target, 'search');
    }
  });

  // A table wider than the screen scrolls sideways in its wrapper: make the
  // wrapper reachable with the keyboard (and named by the table's caption)
  // so that it can be scrolled without a mouse.
  function markScrollables() {
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap'), function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        if (!el.hasAttribute('tabindex')) {
          el.setAttribute('tabindex', '0');
          el.setAttribute('role', 'region');
          var cap = el.querySelector('caption');
          el.setAttribute('aria-label', cap ? cap.textContent : 'Table');
          el.dataset.scrollMarked = '1';
        }
      } else if (el.dataset.scrollMarked) {
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
        delete el.dataset.scrollMarked;
      }
    });
  }
  window.addEventListener('resize', function () { setTimeout(markScrollables, 200); });
  document.addEventListener('htmx:afterSettle', markScrollables);

  // A page with problems moves the focus to their summary.
  function focusProblems() {
    var summary = document.getElementById('error-summary') || document.getElementById('upload-problems');
    if (summary) summary.focus();
  }

  function start() {
    drawCharts(document);
    markScrollables();
    focusProblems();
    if (window.htmx) htmx.onLoad(function (el) { if (el !== document.body) drawCharts(el); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
