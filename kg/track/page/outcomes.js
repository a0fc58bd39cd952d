// The "Plans and outcomes" page: the rows come as JSON data and are put into the page as text
// (textContent), never as markup, so no report text can add an element or a script.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-outcomes").textContent);
  const $ = (id) => document.getElementById(id);

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function badge(word) {
    return element("span", word, "badge " + word.replace(/ /g, "-"));
  }

  function figure(value, unit, qualifier) {
    return value === "" ? "" : value + unit + (qualifier ? " " + qualifier : "");
  }

  function fillChoices(select, values) {
    for (const value of values) select.appendChild(element("option", value)).value = value;
  }

  const targetCells = (row) => [row.region, row.year, row.measure, row.kind,
    figure(row.target, row.target_unit, row.qualifier), figure(row.actual, row.actual_unit, "")];
  const projectCells = (row) => [row.region, row.year, row.project];

  // One row of the table, and under it, when opened, the two sentences it joins.
  function addRow(body, row, cells, word, sentences, columns) {
    const tr = element("tr", undefined, "row");
    for (const cell of cells(row)) tr.appendChild(element("td", cell));
    tr.appendChild(element("td")).appendChild(badge(word));
    let details = null;
    tr.addEventListener("click", () => {
      if (details) {
        details.remove();
        details = null;
        tr.classList.remove("open");
        return;
      }
      details = element("tr");
      const td = details.appendChild(element("td"));
      td.colSpan = columns;
      for (const [label, text] of sentences(row)) {
        const block = td.appendChild(element("div", undefined, "sentence"));
        block.appendChild(element("b", label));
        block.appendChild(document.createTextNode(text || "—"));
      }
      tr.after(details);
      tr.classList.add("open");
    });
    body.appendChild(tr);
    return tr;
  }

  const rows = { targets: [], projects: [] };
  for (const row of data.targets) {
    const tr = addRow($("targets").tBodies[0], row, targetCells, row.verdict,
      (r) => [["plan 计划 (" + r.year + ")", r.target_sentence],
              ["review 回顾 (" + (Number(r.year) + 1) + ")", r.actual_sentence]], 7);
    rows.targets.push([row, tr]);
  }
  for (const row of data.projects) {
    const tr = addRow($("projects").tBodies[0], row, projectCells, row.next_status,
      (r) => [["plan 计划 (" + r.year + ")", r.plan_sentence],
              ["next report 次年报告", r.review_sentence]], 4);
    rows.projects.push([row, tr]);
  }

  const all = data.targets.concat(data.projects);
  fillChoices($("region"), [...new Set(all.map((r) => r.region))].sort());
  fillChoices($("year"), [...new Set(all.map((r) => r.year))].sort());

  function apply() {
    const words = $("filter").value.trim().toLowerCase();
    const region = $("region").value, year = $("year").value;
    const verdict = $("verdict").value, status = $("status").value;
    const keep = (row, word, wanted) =>
      (!region || row.region === region) && (!year || row.year === year) &&
      (!wanted || word === wanted) &&
      (!words || Object.values(row).join(" ").toLowerCase().includes(words));
    let shown = 0;
    for (const [row, tr] of rows.targets) {
      const on = keep(row, row.verdict, verdict);
      tr.hidden = !on;
      if (!on && tr.classList.contains("open")) tr.click();
      shown += on;
    }
    $("target-count").textContent = shown + " / " + rows.targets.length;
    shown = 0;
    for (const [row, tr] of rows.projects) {
      const on = keep(row, row.next_status, status);
      tr.hidden = !on;
      if (!on && tr.classList.contains("open")) tr.click();
      shown += on;
    }
    $("project-count").textContent = shown + " / " + rows.projects.length;
  }
  for (const id of ["filter", "region", "year", "verdict", "status"]) {
    $(id).addEventListener("input", apply);
  }
  const tally = (list, key) => list.reduce((n, r) => ((n[r[key]] = (n[r[key]] || 0) + 1), n), {});
  const verdicts = tally(data.targets, "verdict");
  $("counts").textContent = Object.entries(verdicts).map(([k, v]) => k + " " + v).join(", ");
  apply();
})();
