// The DPO's activity chart (templates/console/dpo/activity.html): drawn with uPlot from the page's
// own table of events per day, so the chart and the table cannot disagree. Loaded with the page's
// CSP nonce; it writes no inline style attribute (uPlot sets element.style through the CSSOM,
// which the policy allows) and evaluates nothing.
(function () {
  'use strict';

  // Okabe-Ito colours (told apart with the common colour-vision deficiencies), and a dash per
  // series, so that no line is told apart by its colour alone; the same colours mark the table.
  var STYLE = {
    RELEASED: { stroke: '#0072b2', dash: [] },
    REFUSED: { stroke: '#d55e00', dash: [10, 5] },
    READ: { stroke: '#009e73', dash: [2, 4] },
    OVERSIGHT: { stroke: '#a6427a', dash: [12, 4, 2, 4] },
    OTHER: { stroke: '#5f6b78', dash: [6, 6] }
  };
  var HEIGHT = 300;

  function draw() {
    var table = document.getElementById('activity-table');
    var box = document.getElementById('activity-chart');
    if (!table || !box || typeof uPlot === 'undefined') {
      return;
    }
    var dayLabel = table.querySelector('thead th').textContent.trim();
    var kinds = Array.prototype.map.call(table.querySelectorAll('thead th[data-kind]'), function (th) {
      return { kind: th.getAttribute('data-kind'), label: th.textContent.trim() };
    });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-day]'));
    rows.sort(function (a, b) { return Number(a.getAttribute('data-day')) - Number(b.getAttribute('data-day')); });
    var data = [rows.map(function (row) { return Number(row.getAttribute('data-day')); })];
    kinds.forEach(function (k) {
      data.push(rows.map(function (row) {
        return Number(row.querySelector('td[data-kind="' + k.kind + '"]').getAttribute('data-count'));
      }));
    });

    var lang = document.documentElement.lang || 'en';
    var day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    function dayOf(seconds) {
      return seconds == null ? '' : day.format(new Date(seconds * 1000));
    }
    function count(u, value) {
      return value == null ? '' : number.format(value);
    }

    var plot = new uPlot({
      width: Math.max(box.clientWidth, 280),
      height: HEIGHT,
      // Days are UTC days, as every time of the node's records.
      tzDate: function (seconds) { return uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'); },
      scales: {
        x: { time: true },
        y: { range: function (u, min, max) { return [0, Math.max(4, max)]; } }
      },
      // The legend names the series; the values are the table's, so it does not follow the cursor.
      legend: { live: false },
      series: [{ label: dayLabel, value: function (u, seconds) { return dayOf(seconds); } }].concat(kinds.map(function (k) {
        var style = STYLE[k.kind] || { stroke: '#1b1f24', dash: [] };
        return { label: k.label, stroke: style.stroke, dash: style.dash, width: 2, value: count,
          points: { show: true, size: 5 } };
      })),
      axes: [
        { values: function (u, splits) { return splits.map(dayOf); } },
        { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000,
            500000, 1000000], values: function (u, splits) { return splits.map(function (v) { return count(u, v); }); } }
      ]
    }, data, box);
    box.setAttribute('data-drawn', String(rows.length));
    window.addEventListener('resize', function () {
      plot.setSize({ width: Math.max(box.clientWidth, 280), height: HEIGHT });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
