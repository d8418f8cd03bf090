/* The demo page: fills in the embed snippet and draws the project overview (budget bars and
 * a timeline of project periods) as SVG from GET /projects. Text from the server is set
 * with textContent only. */
(() => {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const LABEL_WIDTH = 230;
  const CHART_WIDTH = 480;
  const MKR = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function label(project) {
    const year = project.report_year ? ` (${project.report_year})` : "";
    return `${project.name}${year}`;
  }

  function shorten(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  function budgetChart(projects) {
    const rows = projects.filter((p) => p.total_budget != null || p.eu_funding != null);
    if (!rows.length) return null;
    const max = Math.max(...rows.map((p) => Math.max(p.total_budget || 0, p.eu_funding || 0))) || 1;
    const rowHeight = 36;
    const height = rows.length * rowHeight + 30;
    const root = svg("svg", { viewBox: `0 0 ${LABEL_WIDTH + CHART_WIDTH + 90} ${height}`, role: "img",
      "aria-label": "Stapeldiagram: total budget och EU-stöd per projekt", class: "budget-chart" });
    rows.forEach((p, i) => {
      const y = i * rowHeight + 4;
      const title = svg("text", { x: 0, y: y + 18, class: "label" }, shorten(label(p), 34));
      title.appendChild(svg("title", {}, label(p)));
      root.appendChild(title);
      [["total_budget", "bar-budget", 0, "Total budget"], ["eu_funding", "bar-eu", 15, "EU-stöd"]]
        .forEach(([field, cls, dy, name]) => {
          const value = p[field];
          if (value == null) return;
          const width = Math.max(1, (value / max) * CHART_WIDTH);
          const bar = svg("rect", { x: LABEL_WIDTH, y: y + dy, width, height: 13, class: `bar ${cls}`,
            "data-project": p.name, "data-field": field });
          bar.appendChild(svg("title", {}, `${name}: ${MKR.format(value / 1e6)} mnkr`));
          root.appendChild(bar);
          root.appendChild(svg("text", { x: LABEL_WIDTH + width + 4, y: y + dy + 11, class: "value" },
            `${MKR.format(value / 1e6)}`));
        });
    });
    const legendY = height - 8;
    root.appendChild(svg("rect", { x: LABEL_WIDTH, y: legendY - 10, width: 12, height: 12, class: "bar-budget" }));
    root.appendChild(svg("text", { x: LABEL_WIDTH + 16, y: legendY, class: "label" }, "Total budget"));
    root.appendChild(svg("rect", { x: LABEL_WIDTH + 120, y: legendY - 10, width: 12, height: 12, class: "bar-eu" }));
    root.appendChild(svg("text", { x: LABEL_WIDTH + 136, y: legendY, class: "label" }, "EU-stöd"));
    return root;
  }

  function timelineChart(projects) {
    const rows = projects.filter((p) => p.start_date).map((p) => ({
      project: p, start: new Date(p.start_date), end: p.end_date ? new Date(p.end_date) : null,
    })).filter((r) => !Number.isNaN(r.start.getTime()));
    if (!rows.length) return null;
    const now = new Date();
    const first = new Date(Math.min(...rows.map((r) => r.start.getTime())));
    const last = new Date(Math.max(...rows.map((r) => (r.end || now).getTime())));
    const y0 = first.getFullYear();
    const y1 = last.getFullYear() + 1;
    const origin = Date.UTC(y0, 0, 1);
    const span = Date.UTC(y1, 0, 1) - origin;
    const x = (date) => LABEL_WIDTH + ((date.getTime() - origin) / span) * CHART_WIDTH;
    const rowHeight = 24;
    const height = rows.length * rowHeight + 30;
    const root = svg("svg", { viewBox: `0 0 ${LABEL_WIDTH + CHART_WIDTH + 20} ${height}`, role: "img",
      "aria-label": "Tidslinje över projektens perioder", class: "timeline-chart" });
    for (let year = y0; year <= y1; year += 1) {
      const xx = x(new Date(Date.UTC(year, 0, 1)));
      root.appendChild(svg("line", { x1: xx, x2: xx, y1: 0, y2: height - 18, class: "axis" }));
      root.appendChild(svg("text", { x: xx - 14, y: height - 4, class: "value" }, String(year)));
    }
    rows.forEach((r, i) => {
      const y = i * rowHeight + 4;
      root.appendChild(svg("text", { x: 0, y: y + 13, class: "label" }, shorten(label(r.project), 34)));
      const end = r.end || now;
      const bar = svg("rect", { x: x(r.start), y, width: Math.max(2, x(end) - x(r.start)), height: 16,
        class: r.end ? "bar bar-period" : "bar bar-open", "data-project": r.project.name });
      const until = r.project.end_date || "slutdatum saknas";
      bar.appendChild(svg("title", {}, `${r.project.name}: ${r.project.start_date} – ${until}`));
      root.appendChild(bar);
    });
    return root;
  }

  async function overview() {
    const status = document.getElementById("overview-status");
    try {
      const response = await fetch("/projects", { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const data = await response.json();
      const projects = Array.isArray(data.projects) ? data.projects : [];
      const budget = budgetChart(projects);
      const timeline = timelineChart(projects);
      if (budget) {
        document.getElementById("budget-chart").appendChild(budget);
        document.getElementById("budget-figure").hidden = false;
      }
      if (timeline) {
        document.getElementById("timeline-chart").appendChild(timeline);
        document.getElementById("timeline-figure").hidden = false;
      }
      status.textContent = projects.length ? `${projects.length} projekt i de indexerade rapporterna.`
        : "Inga projekt är indexerade ännu.";
    } catch (_err) {
      status.textContent = "Projektöversikten kunde inte hämtas.";
    }
  }

  document.getElementById("snippet-origin").textContent = location.origin;
  overview();
})();
