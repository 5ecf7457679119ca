// Population pyramid on the statistics page, drawn from the numbers in the page itself (nothing is fetched).
(function () {
  var element = document.getElementById("pyramid");
  if (!element || !window.echarts) return;
  var rows = JSON.parse(element.dataset.rows);
  var chart = echarts.init(element);
  chart.setOption({
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
      valueFormatter: function (value) { return Math.abs(value); } },
    legend: { data: ["男", "女"] },
    grid: { left: 80, right: 20, top: 30, bottom: 20 },
    xAxis: { type: "value", axisLabel: { formatter: function (value) { return Math.abs(value); } } },
    yAxis: { type: "category", data: rows.map(function (r) { return r[0]; }) },
    series: [
      { name: "男", type: "bar", stack: "total", data: rows.map(function (r) { return -r[1]; }) },
      { name: "女", type: "bar", stack: "total", data: rows.map(function (r) { return r[2]; }) }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
