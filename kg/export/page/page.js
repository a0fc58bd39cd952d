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
    const report = DATA.reports.length > 1 && sentence.report !== null ? DATA.reports[sentence.report] : null;
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

  // ---- filters, focus and the views the network draws -----------------------------------------
  const state = {
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
  let visible = new Set(DATA.nodes.keys());

  function passesFilters(node) {
    return state.types.has(node.type)
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
    filter: (item) => state.edgeKinds.has(item.kind) && visible.has(item.from) && visible.has(item.to),
  });

  function applyFilters() {
    const area = state.focus === null ? null : focusArea();
    const before = visible;
    visible = new Set();
    DATA.nodes.forEach((node, id) => {
      if ((area === null || area.has(id)) && (passesFilters(node) || id === state.focus)) visible.add(id);
    });
    // A node leaving the view keeps its place, so it comes back where it was, not in a ring.
    const leaving = [...before].filter((id) => !visible.has(id));
    if (leaving.length) {
      const positions = network.getPositions(leaving);
      nodes.update(leaving.filter((id) => positions[id]).map((id) => ({ id, x: positions[id].x, y: positions[id].y })));
    }
    nodeView.refresh();
    edgeView.refresh();
    $("visible-count").textContent = String(nodeView.length);
    if (state.focus !== null) network.fit({ nodes: [...visible], animation: false });
    renderSearch();
    if (selected === null) renderMetrics();
  }

  function layoutIterations() {
    const size = DATA.nodes.length + DATA.edges.length;
    return Math.max(60, Math.min(160, Math.round(600000 / size)));
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
      forceAtlas2Based: { gravitationalConstant: big ? -40 : -60, centralGravity: big ? 0.01 : 0.025, springLength: big ? 110 : 80,
        springConstant: 0.08, avoidOverlap: big ? 0 : 0.7 },
      minVelocity: 1,
      // One layout run whose cost stays about the same however large the graph grows.
      stabilization: { enabled: true, iterations: big ? layoutIterations() : 500, updateInterval: 20, fit: true },
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

  function showMetric(metric) {
    const panel = $("details");
    panel.replaceChildren(el("button", { type: "button", on: { click: () => renderDetails(null) } }, "← Metrics"),
      el("h2", {}, metric.text), el("div", {}, metricSummary(metric).slice(metric.text.length)));
    if (metric.sentence !== null) {
      panel.append(sentenceBlock(metric.sentence));
      const inSentence = [...visible].filter((id) => DATA.nodes[id].sentences.includes(metric.sentence));
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

  function countBy(key) {
    const counts = {};
    for (const node of DATA.nodes) for (const value of [].concat(node[key])) counts[value] = (counts[value] || 0) + 1;
    return counts;
  }

  function buildControls() {
    const typeCounts = countBy("type");
    for (const t of DATA.types) {
      $("filter-type").append(checkbox("types", t.name, typeName(t.name),
        el("span", { class: `swatch ${t.shape}`, style: { background: t.color } }), typeCounts[t.name] || 0));
    }
    const statusCounts = countBy("statuses");
    for (const s of DATA.statuses) {
      $("filter-status").append(checkbox("statuses", s.name, statusName(s.name),
        el("span", { class: "glyph", style: { color: s.color } }, s.glyph), statusCounts[s.name] || 0));
    }
    const sectionCounts = countBy("sections");
    for (const s of DATA.sections) {
      $("filter-section").append(checkbox("sections", s.name, sectionName(s.name), null, sectionCounts[s.name] || 0));
    }
    const line = (color, dashed) => el("span", { class: `swatch line${dashed ? " dashed" : ""}`, style: { background: color } });
    $("filter-edges").append(
      checkbox("edgeKinds", "agent", "执行 agent → object", line("#555", false), null),
      checkbox("edgeKinds", "location", "地点 location → object", line("#555", false), null),
      checkbox("edgeKinds", "together", "同句 same sentence", line("#c3c7cf", true), null));
    if (DATA.reports.length > 1) {
      $("report-filter").hidden = false;
      DATA.reports.forEach((title, index) => $("report").append(el("option", { value: String(index) }, title)));
      $("report").addEventListener("change", (event) => {
        state.report = event.target.value === "" ? null : Number(event.target.value);
        applyFilters();
      });
    }
    $("search").addEventListener("input", () => { renderSearch(); if (selected === null) renderMetrics(); });
    $("search").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && matches.length) choose(matches[0]);
    });
    $("focus-clear").addEventListener("click", clearFocus);
    $("focus-depth").addEventListener("change", (event) => { state.depth = Number(event.target.value); applyFilters(); });
    $("fit").addEventListener("click", () => network.fit({ animation: false }));
    $("relayout").addEventListener("click", () => {
      $("layout-status").textContent = "Arranging…";
      $("layout-status").className = "";
      explorer.settled = false;
      network.setOptions({ physics: { enabled: true } });
      network.once("stabilizationIterationsDone", settle);
      network.stabilize(big ? 100 : 300);
    });
  }

  function resetFilters() {
    state.report = null;
    $("report").value = "";
    for (const input of document.querySelectorAll("input[data-filter]")) {
      input.checked = true;
      state[input.dataset.filter].add(input.value);
    }
    $("focus-bar").hidden = true;
    applyFilters();
  }

  network.on("click", (params) => renderDetails(params.nodes.length ? params.nodes[0] : null));
  network.on("doubleClick", (params) => { if (params.nodes.length) focusOn(params.nodes[0]); });

  $("page-title").textContent = document.title;
  $("counts").textContent = `${DATA.nodes.length} entities 实体 · ${DATA.actions.length} actions 动作 · `
    + `${DATA.metrics.length} metrics 指标 · ${DATA.sentences.length} sentences`;
  $("total-count").textContent = String(DATA.nodes.length);
  buildControls();
  applyFilters();
  renderDetails(null);
  if (DATA.nodes.length === 0) settle();
})();
