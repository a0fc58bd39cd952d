// The govreport-kg explorer. Report text is data: it only ever enters the page as textContent
// (or as canvas labels drawn by vis-network), never as markup.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const BIG = 400; // above this many entities: straight edges and a shorter layout run
  const $ = (id) => document.getElementById(id);
  const byName = (list) => Object.fromEntries(list.map((item) => [item.name, item]));
  const TYPES = byName(DATA.types);
  const STATUSES = byName(DATA.statuses);
  const SECTIONS = byName(DATA.sections);
  const big = DATA.nodes.length > BIG;
  const N = DATA.nodes.length; // entity ids are 0..N-1; a report's node in the overview is N + its index
  const TOP = 40; // entities the overview shows: those named by the most reports, then the most linked
  const severalReports = DATA.reports.length > 1;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "class") node.className = value;
      else if (key === "style") Object.assign(node.style, value);
      else if (key === "on") for (const [name, fn] of Object.entries(value)) node.addEventListener(name, fn);
      else node[key] = value;
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node; // append() turns strings into text nodes: nothing here is parsed as HTML
  }

  // ---- what a node says about itself -------------------------------------------------------
  const typeName = (name) => (TYPES[name] ? `${TYPES[name].zh} ${name}` : name);
  const sectionName = (name) => (SECTIONS[name] ? `${SECTIONS[name].zh} ${name}` : name);
  const statusName = (name) => (STATUSES[name] ? `${STATUSES[name].zh} ${name}` : name);

  function actionSummary(action) {
    const year = action.year ? ` ${action.year}` : "";
    return `${STATUSES[action.status].glyph} ${action.verb}${year} · ${statusName(action.status)}`;
  }

  function metricSummary(metric) {
    const kind = metric.kind ? ` (${metric.kind === "target" ? "目标 target" : "实际 actual"})` : "";
    return `${metric.text}${metric.measure ? " " + metric.measure : ""}${kind}`;
  }

  function nodeLabel(node) {
    const seen = new Set();
    const marks = [];
    for (const a of node.actions.map((i) => DATA.actions[i])) {
      const mark = STATUSES[a.status].glyph + a.verb;
      if (!seen.has(mark)) { seen.add(mark); marks.push(mark); }
    }
    const metric = node.metrics.length ? DATA.metrics[node.metrics[0]].text : "";
    const second = [marks.slice(0, 3).join(" "), metric].filter(Boolean).join(" · ");
    return second ? `${node.label}\n${second}` : node.label;
  }

  function sentenceBlock(index) {
    const sentence = DATA.sentences[index];
    const report = severalReports && sentence.report !== null ? DATA.reports[sentence.report].title : null;
    return el("div", { class: "sentence" },
      el("span", { class: "tag", title: sectionName(sentence.section) }, sentence.heading || sectionName(sentence.section)),
      report ? el("span", { class: "tag" }, report) : null,
      sentence.text);
  }

  function tooltip(node) {
    const type = TYPES[node.type];
    const box = el("div", {},
      el("b", {}, node.label), " ",
      el("span", { class: "badge", style: { background: type.color } }, typeName(node.type)));
    if (node.alt.length) box.append(el("div", { class: "hint" }, "又称 also: " + node.alt.join("、")));
    const actions = node.actions.map((i) => DATA.actions[i]);
    box.append(el("div", {}, "Status 状态: " + node.statuses.map(statusName).join(", ")));
    if (actions.length) box.append(el("ul", {}, ...actions.slice(0, 4).map((a) => el("li", {}, actionSummary(a)))));
    if (node.metrics.length) {
      box.append(el("div", {}, "Metrics 指标:"),
        el("ul", {}, ...node.metrics.slice(0, 4).map((i) => el("li", {}, metricSummary(DATA.metrics[i])))));
    }
    const source = actions.length && actions[0].sentence !== null ? actions[0].sentence : node.sentences[0];
    if (source !== undefined && source !== null) box.append(sentenceBlock(source));
    return box;
  }

  // ---- the network -------------------------------------------------------------------------
  const nodes = new vis.DataSet(DATA.nodes.map((node, id) => {
    const type = TYPES[node.type];
    const outside = type.shape === "diamond";
    return {
      id,
      label: nodeLabel(node),
      shape: type.shape,
      size: outside ? 12 : undefined,
      color: { background: type.color, border: type.color,
        highlight: { background: type.color, border: "#222" }, hover: { background: type.color, border: "#222" } },
      font: { color: outside ? "#222" : "#fff", size: 16, face: getComputedStyle(document.body).fontFamily,
        strokeWidth: outside ? 3 : 0, strokeColor: "#fff" },
      borderWidth: node.statuses.includes("none") ? 1 : 2,
      title: tooltip(node),
    };
  }));

  const edgeRecords = DATA.edges.map((edge, id) => Object.assign({ id }, edge));
  const edges = new vis.DataSet(edgeRecords.map((edge) => {
    if (edge.kind === "together") {
      const n = edge.sentences.length;
      return { id: edge.id, from: edge.from, to: edge.to, kind: edge.kind,
        color: { color: "#c3c7cf", highlight: "#666", hover: "#888" }, width: Math.min(1 + n, 5), dashes: [4, 3],
        title: el("div", {}, `同句出现 mentioned together in ${n} sentence${n > 1 ? "s" : ""}`,
          ...edge.sentences.slice(0, 2).map(sentenceBlock)) };
    }
    const action = DATA.actions[edge.action];
    const status = STATUSES[action.status];
    return { id: edge.id, from: edge.from, to: edge.to, kind: edge.kind, arrows: "to",
      label: `${status.glyph} ${action.verb}`, font: { size: 12, color: status.color, strokeWidth: 3 },
      color: { color: status.color, highlight: status.color }, width: 2,
      title: el("div", {}, el("b", {}, edge.kind === "agent" ? "执行 agent" : "地点 location"), " ",
        actionSummary(action), action.sentence !== null ? sentenceBlock(action.sentence) : null) };
  }));

  // ---- the overview: reports as groups, with the entities most of them name ----------------------
  function reportHeadline(report) {
    return `项目 ${report.entities.Project || 0} · 指标 ${report.metrics}`;
  }
  function reportTooltip(report) {
    const e = report.entities;
    return el("div", {}, el("b", {}, report.title),
      el("div", { class: "hint" }, [report.region, report.year].filter(Boolean).join(" · ")),
      el("div", {}, `Projects ${e.Project || 0} · Organizations ${e.Organization || 0} · Places ${e.Place || 0}`),
      el("div", {}, `Actions ${report.actions} · Metrics ${report.metrics} (targets ${report.targets})`),
      el("div", { class: "hint" }, "Click for details, double-click to open its graph"));
  }
  // Reports stand on a ring, fixed; the entities settle between the reports that name them (one
  // that every report names in the middle, one of a single report beside it).
  const ring = (170 * DATA.reports.length) / (2 * Math.PI) + 120;
  if (severalReports) {
    nodes.add(DATA.reports.map((report, index) => {
      const angle = (2 * Math.PI * index) / DATA.reports.length - Math.PI / 2;
      return {
        id: N + index, label: `${report.region || report.title}\n${reportHeadline(report)}`, shape: "box",
        x: ring * Math.cos(angle), y: 0.85 * ring * Math.sin(angle), fixed: { x: true, y: true },
        color: { background: "#37474f", border: "#263238", highlight: { background: "#546e7a", border: "#111" },
          hover: { background: "#546e7a", border: "#111" } },
        font: { color: "#fff", size: 20, face: getComputedStyle(document.body).fontFamily },
        margin: 8, widthConstraint: { maximum: 260 }, title: reportTooltip(report),
      };
    }));
  }
  const reportCount = DATA.nodes.map((node) => node.reports.length);
  const degree = DATA.nodes.map(() => 0);
  for (const edge of DATA.edges) { degree[edge.from] += 1; degree[edge.to] += 1; }
  const topEntities = [...DATA.nodes.keys()]
    .filter((id) => reportCount[id] > 0)
    .sort((a, b) => reportCount[b] - reportCount[a] || degree[b] - degree[a] || a - b)
    .slice(0, severalReports ? TOP : 0);
  const overviewEdges = [];
  for (const id of topEntities) {
    for (const r of DATA.nodes[id].reports) {
      overviewEdges.push({ id: `r${r}-${id}`, from: N + r, to: id, kind: "report",
        color: { color: "#b0bec5", highlight: "#37474f", hover: "#546e7a" }, width: 1 });
    }
  }
  edges.add(overviewEdges);
  function labelSize(overview) { // the overview is seen from afar: its entities' names larger
    nodes.update(topEntities.map((id) => ({ id, font: { size: overview ? 26 : 16 } })));
  }
  if (severalReports) labelSize(true);

  // ---- filters, focus and the views the network draws -----------------------------------------
  const state = {
    mode: severalReports ? "overview" : "graph", // the overview of the reports, or entities
    types: new Set(DATA.types.map((t) => t.name)),
    statuses: new Set(DATA.statuses.map((s) => s.name)),
    sections: new Set(DATA.sections.map((s) => s.name)),
    edgeKinds: new Set(["agent", "location", "together"]),
    report: null, // one report's index, or null for all of them
    focus: null,
    depth: 1,
  };
  const neighbours = DATA.nodes.map(() => new Set());
  for (const edge of edgeRecords) { neighbours[edge.from].add(edge.to); neighbours[edge.to].add(edge.from); }
  const isEntity = (id) => id < N;
  // What is drawn first: the overview of several reports, or every entity of one.
  let visible = state.mode === "overview"
    ? new Set([...DATA.reports.keys()].map((index) => N + index).concat(topEntities))
    : new Set(DATA.nodes.keys());
  const placed = new Set(visible); // nodes the layout has given a place

  // An entity of two types (a project that is also a place) passes when either is shown.
  const typesOf = (node) => [node.type, ...node.otherTypes];
  function passesFilters(node) {
    return typesOf(node).some((t) => state.types.has(t))
      && (state.report === null || node.reports.includes(state.report))
      && node.statuses.some((s) => state.statuses.has(s))
      && node.sections.some((s) => state.sections.has(s));
  }

  function focusArea() {
    const area = new Set([state.focus]);
    let frontier = [state.focus];
    for (let d = 0; d < state.depth; d++) {
      const next = [];
      for (const id of frontier) for (const n of neighbours[id]) if (!area.has(n)) { area.add(n); next.push(n); }
      frontier = next;
    }
    return area;
  }

  const nodeView = new vis.DataView(nodes, { filter: (item) => visible.has(item.id) });
  const edgeView = new vis.DataView(edges, {
    // The overview draws only which report names which entity.
    filter: (item) => (state.mode === "overview" ? item.kind === "report" : state.edgeKinds.has(item.kind))
      && visible.has(item.from) && visible.has(item.to),
  });

  function applyFilters() {
    const area = state.focus === null ? null : focusArea();
    const before = visible;
    visible = new Set();
    if (state.mode === "overview") {
      DATA.reports.forEach((_, index) => visible.add(N + index));
      for (const id of topEntities) if (passesFilters(DATA.nodes[id])) visible.add(id);
    } else {
      DATA.nodes.forEach((node, id) => {
        if ((area === null || area.has(id)) && (passesFilters(node) || id === state.focus)) visible.add(id);
      });
    }
    // A node leaving the view keeps its place, so it comes back where it was, not in a ring.
    const leaving = [...before].filter((id) => !visible.has(id));
    if (leaving.length) {
      const positions = network.getPositions(leaving);
      nodes.update(leaving.filter((id) => positions[id]).map((id) => ({ id, x: positions[id].x, y: positions[id].y })));
    }
    nodeView.refresh();
    edgeView.refresh();
    $("visible-count").textContent = String([...visible].filter(isEntity).length);
    const arriving = [...visible].filter((id) => !before.has(id) && !placed.has(id));
    for (const id of visible) placed.add(id);
    const arranging = arriving.length > 0 && explorer.settled;
    if (arranging) relayout(); // new nodes have no place yet
    if (state.focus !== null) network.fit({ nodes: [...visible], animation: false });
    renderSearch();
    if (selected === null) renderMetrics();
    return arranging;
  }

  function layoutIterations() {
    const size = DATA.nodes.length + DATA.edges.length;
    return Math.max(60, Math.min(160, Math.round(600000 / size)));
  }

  // The entities of the overview are few and named in large type: they push each other apart.
  function forces(mode) {
    if (mode === "overview") {
      return { gravitationalConstant: -120, centralGravity: 0.005, springLength: 150, springConstant: 0.04, avoidOverlap: 1 };
    }
    return { gravitationalConstant: big ? -40 : -60, centralGravity: big ? 0.01 : 0.025, springLength: big ? 110 : 80,
      springConstant: 0.08, avoidOverlap: big ? 0 : 0.7 };
  }
  const options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: !big },
    nodes: { margin: 8, widthConstraint: { maximum: 220 } },
    edges: { smooth: big ? false : { type: "continuous" }, selectionWidth: 2, hoverWidth: 0.5 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, navigationButtons: false, keyboard: false },
    physics: {
      enabled: true,
      solver: "forceAtlas2Based",
      forceAtlas2Based: forces(state.mode),
      minVelocity: 1,
      // One layout run whose cost stays about the same however large the graph grows.
      stabilization: { enabled: true, iterations: state.mode === "overview" || !big ? 500 : layoutIterations(),
        updateInterval: 20, fit: true },
    },
  };
  const network = new vis.Network($("graph"), { nodes: nodeView, edges: edgeView }, options);
  const explorer = { network, nodes, edges, nodeView, edgeView, state, settled: false, settleMs: null, layoutRuns: 0,
    drawnCount: () => network.body.nodeIndices.length };
  window.kgExplorer = explorer; // for people at the console and for the browser tests
  const started = performance.now();

  function settle() {
    // Physics has done its work: stop it so the graph holds still and stays responsive.
    network.setOptions({ physics: { enabled: false } });
    explorer.settled = true;
    explorer.layoutRuns += 1;
    if (explorer.settleMs === null) explorer.settleMs = Math.round(performance.now() - started);
    $("layout-status").textContent = "Layout settled 布局完成";
    $("layout-status").className = "settled";
  }
  function relayout() {
    $("layout-status").textContent = "Arranging…";
    $("layout-status").className = "";
    explorer.settled = false;
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilizationIterationsDone", () => { settle(); network.fit({ animation: false }); });
    network.stabilize(big && visible.size > BIG ? 100 : 300);
  }
  network.on("stabilizationProgress", (p) => {
    $("layout-status").textContent = `Arranging… ${Math.round((100 * p.iterations) / p.total)}%`;
  });
  network.once("stabilizationIterationsDone", settle);

  // ---- details panel -------------------------------------------------------------------------
  let selected = null;
  function renderDetails(id) {
    selected = id;
    const panel = $("details");
    panel.replaceChildren();
    const add = (...children) => panel.append(...children.filter((c) => c !== null && c !== undefined));
    if (id === null) { renderMetrics(); return; }
    const node = DATA.nodes[id];
    const type = TYPES[node.type];
    add(
      el("h2", {}, node.label),
      el("div", {}, el("span", { class: "badge", style: { background: type.color } }, typeName(node.type)),
        ...node.otherTypes.map((t) => el("span", { class: "tag" }, typeName(t)))),
      node.alt.length ? el("div", { class: "hint" }, "又称 also: " + node.alt.join("、")) : null,
      el("div", { style: { margin: "8px 0" } },
        el("button", { type: "button", on: { click: () => focusOn(id) } }, "Focus on neighbourhood 聚焦"), " ",
        el("span", { class: "hint" }, `${neighbours[id].size} linked`)));
    const actions = node.actions.map((i) => DATA.actions[i]);
    add(el("h3", {}, `Actions 动作 (${actions.length})`));
    add(actions.length ? el("ul", {}, ...actions.map((a) => el("li", {},
      el("span", { style: { color: STATUSES[a.status].color, fontWeight: "600" } }, actionSummary(a)),
      a.sentence !== null ? sentenceBlock(a.sentence) : null))) : el("div", { class: "hint" }, "none"));
    add(el("h3", {}, `Metrics 指标 (${node.metrics.length})`));
    add(node.metrics.length ? el("ul", {}, ...node.metrics.map((i) => {
      const m = DATA.metrics[i];
      return el("li", {}, el("span", { class: "metric-value" }, m.text), " ", metricSummary(m).slice(m.text.length),
        m.sentence !== null ? sentenceBlock(m.sentence) : null);
    })) : el("div", { class: "hint" }, "none"));
    add(el("h3", {}, `Sentences 出处 (${node.sentences.length})`));
    add(el("ul", {}, ...node.sentences.map((s) => el("li", {}, sentenceBlock(s)))));
  }

  function renderMetrics() {
    const panel = $("details");
    panel.replaceChildren();
    const query = $("search").value.trim().toLowerCase();
    const rows = DATA.metrics.filter((m) => {
      const sentence = m.sentence !== null ? DATA.sentences[m.sentence] : { section: "unknown", report: null };
      return state.sections.has(sentence.section)
        && (state.report === null || sentence.report === state.report)
        && (!query || (m.measure + m.text).toLowerCase().includes(query));
    });
    panel.append(el("h2", {}, `Metrics 指标 (${rows.length})`),
      el("div", { class: "hint" }, "Click a node for its details; click a metric for its sentence."));
    const shown = rows.slice(0, 300);
    panel.append(el("table", {}, el("tbody", {}, ...shown.map((m) => el("tr", { class: "metric-row",
      on: { click: () => showMetric(m) } },
    el("td", { class: "metric-value" }, m.text),
    el("td", {}, m.measure || "—"),
    el("td", {}, m.kind === "target" ? "目标" : m.kind === "actual" ? "实际" : ""))))));
    if (rows.length > shown.length) panel.append(el("div", { class: "hint" }, `… and ${rows.length - shown.length} more`));
  }

  function renderReport(index) {
    selected = "report";
    const report = DATA.reports[index];
    const e = report.entities;
    const row = (name, value) => el("tr", {}, el("td", {}, name), el("td", {}, String(value)));
    network.selectNodes([N + index]);
    $("details").replaceChildren(
      el("h2", {}, report.title),
      el("div", { class: "hint" }, [report.region, report.year, report.file].filter(Boolean).join(" · ")),
      el("table", { class: "headline" }, el("tbody", {},
        row("Projects 项目", e.Project || 0), row("Organizations 机构", e.Organization || 0),
        row("Places 地点", e.Place || 0), row("Actions 动作", report.actions),
        row("Metrics 指标", report.metrics), row("of which targets 其中目标", report.targets))),
      el("div", { style: { margin: "8px 0" } },
        el("button", { type: "button", id: "open-report", on: { click: () => showView(String(index)) } },
          "Open its graph 展开"), " ",
        el("button", { type: "button", on: { click: () => toggleTable(true, report.title) } },
          "Its metrics 指标")));
  }

  // ---- the metrics table: every metric with its region and report, sortable and filterable ------
  const TABLE_ROWS = 1000; // rows drawn at once; a filter narrows the rest
  const COLUMNS = [
    { key: "value", title: "Value 数值", get: (r) => r.metric.text, sort: (r) => r.number },
    { key: "measure", title: "Measure 指标", get: (r) => r.metric.measure || "—" },
    { key: "kind", title: "Kind 类型", get: (r) => (r.metric.kind === "target" ? "目标 target" : r.metric.kind === "actual" ? "实际 actual" : "") },
    { key: "region", title: "Region 地区", get: (r) => r.region },
    { key: "report", title: "Report 报告", get: (r) => r.report },
  ];
  const tableRows = DATA.metrics.map((metric, index) => {
    const sentence = metric.sentence !== null ? DATA.sentences[metric.sentence] : null;
    const report = sentence && sentence.report !== null ? DATA.reports[sentence.report] : null;
    const number = Number.parseFloat(metric.value);
    return { index, metric, number: Number.isNaN(number) ? null : number,
      region: report ? report.region : "", report: report ? report.title : "" };
  });
  const tableState = { key: null, ascending: true };
  const collator = new Intl.Collator("zh");

  function compareRows(a, b) {
    const column = COLUMNS.find((c) => c.key === tableState.key);
    const get = column.sort || column.get;
    const x = get(a), y = get(b);
    let order;
    if (typeof x === "number" && typeof y === "number") order = x - y;
    else if (x === null || y === null) order = x === null ? (y === null ? 0 : 1) : -1;
    else order = collator.compare(String(x), String(y));
    return (tableState.ascending ? order : -order) || a.index - b.index;
  }

  function renderTable() {
    const query = $("table-filter").value.trim().toLowerCase();
    const kind = $("table-kind").value;
    let rows = tableRows.filter((r) => (!kind || r.metric.kind === kind)
      && (!query || [r.metric.text, r.metric.measure, r.region, r.report].some((v) => v.toLowerCase().includes(query))));
    if (tableState.key !== null) rows = rows.slice().sort(compareRows);
    $("table-count").textContent = `${rows.length} of ${tableRows.length} metrics`
      + (rows.length > TABLE_ROWS ? `, the first ${TABLE_ROWS} shown` : "");
    const head = $("metrics-table").tHead.rows[0];
    head.replaceChildren(...COLUMNS.map((column) => {
      const mark = tableState.key === column.key ? (tableState.ascending ? " ▲" : " ▼") : "";
      const cell = el("th", { scope: "col", on: { click: () => sortBy(column.key) } }, column.title + mark);
      cell.dataset.key = column.key;
      cell.setAttribute("aria-sort", mark ? (tableState.ascending ? "ascending" : "descending") : "none");
      return cell;
    }));
    $("metrics-table").tBodies[0].replaceChildren(...rows.slice(0, TABLE_ROWS).map((r) =>
      el("tr", { class: "metric-row", on: { click: () => showMetric(r.metric) } },
        ...COLUMNS.map((column) => el("td", {}, column.get(r))))));
  }

  function sortBy(key) {
    tableState.ascending = tableState.key === key ? !tableState.ascending : true;
    tableState.key = key;
    renderTable();
  }

  function toggleTable(show, filter) {
    $("table-view").hidden = !show;
    if (show) {
      if (filter !== undefined) $("table-filter").value = filter;
      renderTable();
    }
  }

  function showMetric(metric) {
    const panel = $("details");
    panel.replaceChildren(el("button", { type: "button", on: { click: () => renderDetails(null) } }, "← Metrics"),
      el("h2", {}, metric.text), el("div", {}, metricSummary(metric).slice(metric.text.length)));
    if (metric.sentence !== null) {
      panel.append(sentenceBlock(metric.sentence));
      const inSentence = [...visible].filter((id) => isEntity(id) && DATA.nodes[id].sentences.includes(metric.sentence));
      network.selectNodes(inSentence);
      panel.append(el("h3", {}, "Named in this sentence"), el("ul", {}, ...inSentence.map((id) =>
        el("li", { class: "metric-row", on: { click: () => choose(id) } }, DATA.nodes[id].label))));
    }
  }

  // ---- search ----------------------------------------------------------------------------------
  let matches = [];
  function renderSearch() {
    const query = $("search").value.trim().toLowerCase();
    const list = $("search-results");
    list.replaceChildren();
    if (!query) { matches = []; $("search-count").textContent = ""; return; }
    matches = [];
    DATA.nodes.forEach((node, id) => {
      if ([node.label, ...node.alt].some((name) => name.toLowerCase().includes(query))) matches.push(id);
    });
    const shown = matches.filter((id) => visible.has(id));
    $("search-count").textContent = `${matches.length} match${matches.length === 1 ? "" : "es"}`
      + (shown.length < matches.length ? `, ${shown.length} shown` : "");
    network.selectNodes(shown);
    for (const id of matches.slice(0, 50)) {
      const type = TYPES[DATA.nodes[id].type];
      list.append(el("li", { on: { click: () => choose(id) }, className: visible.has(id) ? "" : "hint" },
        el("span", { class: `swatch ${type.shape}`, style: { background: type.color, marginRight: "6px" } }),
        DATA.nodes[id].label));
    }
  }

  function choose(id) {
    if (!visible.has(id)) { state.focus = null; resetFilters(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 300 } });
    renderDetails(id);
  }

  function focusOn(id) {
    if (state.mode === "overview") {
      labelSize(false);
      state.mode = "graph";
      network.setOptions({ physics: { forceAtlas2Based: forces(state.mode) } });
      state.report = null;
      $("report").value = "";
    }
    state.focus = id;
    $("focus-label").textContent = DATA.nodes[id].label;
    $("focus-bar").hidden = false;
    applyFilters();
    network.selectNodes([id]);
  }

  function clearFocus() {
    state.focus = null;
    $("focus-bar").hidden = true;
    applyFilters();
    network.fit({ animation: false });
  }

  // ---- controls ----------------------------------------------------------------------------------
  function checkbox(group, name, text, swatch, count) {
    const input = el("input", { type: "checkbox", checked: true, value: name, on: { change: () => {
      if (input.checked) state[group].add(name); else state[group].delete(name);
      applyFilters();
    } } });
    input.dataset.filter = group;
    return el("label", {}, input, swatch, text, count === null ? null : el("span", { class: "n" }, String(count)));
  }

  function countBy(values) {
    const counts = {};
    for (const node of DATA.nodes) for (const value of values(node)) counts[value] = (counts[value] || 0) + 1;
    return counts;
  }

  function buildControls() {
    const typeCounts = countBy(typesOf); // as the header and the build line count them
    for (const t of DATA.types) {
      $("filter-type").append(checkbox("types", t.name, typeName(t.name),
        el("span", { class: `swatch ${t.shape}`, style: { background: t.color } }), typeCounts[t.name] || 0));
    }
    const statusCounts = countBy((node) => node.statuses);
    for (const s of DATA.statuses) {
      $("filter-status").append(checkbox("statuses", s.name, statusName(s.name),
        el("span", { class: "glyph", style: { color: s.color } }, s.glyph), statusCounts[s.name] || 0));
    }
    const sectionCounts = countBy((node) => node.sections);
    for (const s of DATA.sections) {
      $("filter-section").append(checkbox("sections", s.name, sectionName(s.name), null, sectionCounts[s.name] || 0));
    }
    const line = (color, dashed) => el("span", { class: `swatch line${dashed ? " dashed" : ""}`, style: { background: color } });
    $("filter-edges").append(
      checkbox("edgeKinds", "agent", "执行 agent → object", line("#555", false), null),
      checkbox("edgeKinds", "location", "地点 location → object", line("#555", false), null),
      checkbox("edgeKinds", "together", "同句 same sentence", line("#c3c7cf", true), null));
    if (severalReports) {
      $("report-filter").hidden = false;
      $("report").prepend(el("option", { value: "overview" }, "Overview 总览"));
      DATA.reports.forEach((report, index) => $("report").append(el("option", { value: String(index) }, report.title)));
      $("report").value = "overview";
      $("report").addEventListener("change", (event) => showView(event.target.value));
      $("overview").hidden = false;
      $("overview").addEventListener("click", () => showView("overview"));
    }
    $("open-table").addEventListener("click", () => toggleTable(true));
    $("close-table").addEventListener("click", () => toggleTable(false));
    $("table-filter").addEventListener("input", renderTable);
    $("table-kind").addEventListener("change", renderTable);
    $("search").addEventListener("input", () => { renderSearch(); if (selected === null) renderMetrics(); });
    $("search").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && matches.length) choose(matches[0]);
    });
    $("focus-clear").addEventListener("click", clearFocus);
    $("focus-depth").addEventListener("change", (event) => { state.depth = Number(event.target.value); applyFilters(); });
    $("fit").addEventListener("click", () => network.fit({ animation: false }));
    $("relayout").addEventListener("click", relayout);
  }

  // "overview", "" (every entity of every report) or a report's index
  function showView(value) {
    const changed = (value === "overview") !== (state.mode === "overview");
    if (changed) labelSize(value === "overview");
    state.mode = value === "overview" ? "overview" : "graph";
    network.setOptions({ physics: { forceAtlas2Based: forces(state.mode) } });
    state.report = value === "overview" || value === "" ? null : Number(value);
    state.focus = null;
    $("focus-bar").hidden = true;
    $("report").value = value;
    // Back in the overview, its entities are laid out anew (a report's graph moved them).
    if (!applyFilters() && changed && explorer.settled) relayout();
    renderDetails(null);
    network.fit({ animation: false });
  }

  function resetFilters() {
    if (state.mode === "overview") labelSize(false);
    state.mode = "graph";
    network.setOptions({ physics: { forceAtlas2Based: forces(state.mode) } });
    state.report = null;
    $("report").value = "";
    for (const input of document.querySelectorAll("input[data-filter]")) {
      input.checked = true;
      state[input.dataset.filter].add(input.value);
    }
    $("focus-bar").hidden = true;
    applyFilters();
  }

  network.on("click", (params) => {
    const id = params.nodes.length ? params.nodes[0] : null;
    if (id !== null && !isEntity(id)) renderReport(id - N); else renderDetails(id);
  });
  network.on("doubleClick", (params) => {
    if (!params.nodes.length) return;
    const id = params.nodes[0];
    if (isEntity(id)) focusOn(id); else showView(String(id - N));
  });

  $("page-title").textContent = document.title;
  // The graph's resources by type, counted as the build line and the notebook count them.
  const c = DATA.counts;
  $("counts").textContent = `Project ${c.Project} · Organization ${c.Organization} · Place ${c.Place} · `
    + `Action ${c.Action} · Metric ${c.Metric}` + (severalReports ? ` · ${DATA.reports.length} reports` : "");
  $("counts").title = `${N} entities drawn, one node each (an entity of two types counts under both); `
    + `${DATA.sentences.length} sentences`;
  $("total-count").textContent = String(DATA.nodes.length);
  buildControls();
  applyFilters();
  renderDetails(null);
  if (DATA.nodes.length === 0) settle();
})();
