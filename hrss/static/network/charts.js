// 平台建设与考核's charts, drawn from the numbers in the page itself (the same numbers as the table beside each
// chart); the only file read is the project's own county boundaries (static/network/geo/), never another site.
//
// <div class="network-chart" data-kind="bar|line" data-labels="a,b" data-series-names="x,y"
//      data-series-0="1,2" data-series-1="3,4" [data-percent="1"] [data-links="url,url"] [data-colors="#..,#.."]>
// <div class="network-map" data-geo="URL" data-names="源城区,..." data-values="12.5,..." data-links="url,..."
//      data-colors="#..,..." data-label="达标率（%）"> (each county's colour chosen by the server, as in the table)
(function () {
  if (!window.echarts) return;

  function list(value) { return value ? value.split(",") : []; }
  function numbers(value) {
    return list(value).map(function (v) { return v === "" ? null : Number(v); });
  }
  function go(links, index) { if (links[index]) window.location.href = links[index]; }

  document.querySelectorAll(".network-chart").forEach(function (element) {
    var labels = list(element.dataset.labels);
    var names = list(element.dataset.seriesNames);
    var links = list(element.dataset.links);
    var colors = list(element.dataset.colors);
    var percent = element.dataset.percent === "1";
    var kind = element.dataset.kind || "bar";
    var horizontal = element.dataset.horizontal === "1";
    var series = names.map(function (name, i) {
      return { name: name, type: kind, data: numbers(element.dataset["series-" + i] || element.getAttribute("data-series-" + i)),
        connectNulls: false, label: { show: labels.length <= 12 && kind === "bar", position: horizontal ? "right" : "top",
          formatter: function (p) { return p.value === null ? "" : p.value + (percent ? "%" : ""); } } };
    });
    series.forEach(function (s) {
      if (colors.length) {
        s.itemStyle = { color: function (p) { return colors[p.dataIndex] || "#5470c6"; } };
      }
    });
    var category = { type: "category", data: labels, axisLabel: { interval: 0, rotate: horizontal ? 0 : (labels.length > 6 ? 30 : 0) } };
    var value = { type: "value", max: percent ? 100 : null, axisLabel: { formatter: percent ? "{value}%" : "{value}" } };
    var chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: names.length > 1 ? { data: names } : undefined,
      grid: { left: horizontal ? 90 : 50, right: 30, top: names.length > 1 ? 30 : 15, bottom: horizontal ? 20 : 50 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series
    });
    if (links.length) chart.on("click", function (p) { go(links, p.dataIndex); });
    window.addEventListener("resize", function () { chart.resize(); });
  });

  document.querySelectorAll(".network-map").forEach(function (element) {
    var names = list(element.dataset.names);
    var values = numbers(element.dataset.values);
    var links = list(element.dataset.links);
    var label = element.dataset.label || "";
    var colors = list(element.dataset.colors);
    fetch(element.dataset.geo, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (geo) {
      echarts.registerMap("heyuan", geo);
      var chart = echarts.init(element);
      chart.setOption({
        tooltip: { trigger: "item", formatter: function (p) {
          return p.name + "：" + label + " " + (p.value === undefined || isNaN(p.value) ? "未统计" : p.value + "%");
        } },
        series: [{ type: "map", map: "heyuan", roam: false, label: { show: true },
          emphasis: { label: { show: true } },
          data: names.map(function (name, i) {
            return { name: name, value: values[i] === null ? NaN : values[i],
              itemStyle: { areaColor: colors[i] || "#cccccc" } };
          }) }]
      });
      chart.on("click", function (p) { go(links, names.indexOf(p.name)); });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  });
})();
