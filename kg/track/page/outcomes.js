// The "Plans and outcomes" page: the rows come as JSON data and are put into the page as text
// (textContent), never as markup, so no report text can add an element or a script.
// Rows are grouped by region and year: a group's header row counts the verdicts (or next
// statuses) of its rows that the filters leave shown, and hides when none are.
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

  const byRegionAndYear = (a, b) =>
    a.region < b.region ? -1 : a.region > b.region ? 1 : Number(a.year) - Number(b.year);

  // A table's rows under a header row per region and year; each row, when opened, shows under
  // it the two sentences it joins.
  function fillTable(table, list, spec) {
    const body = table.tBodies[0];
    const groups = [];
    let group = null;
    for (const row of list.slice().sort(byRegionAndYear)) {
      if (!group || group.region !== row.region || group.year !== row.year) {
        const header = element("tr", undefined, "group");
        header.dataset.region = row.region;
        header.dataset.year = row.year;
        const th = header.appendChild(element("th"));
        th.colSpan = spec.columns;
        th.scope = "rowgroup";
        th.appendChild(element("span", row.region + " · " + row.year, "group-name"));
        const tally = th.appendChild(element("span", undefined, "group-tally"));
        body.appendChild(header);
        group = { region: row.region, year: row.year, header, tally, rows: [] };
        groups.push(group);
      }
      group.rows.push([row, addRow(body, row, spec)]);
    }
    return groups;
  }

  function addRow(body, row, spec) {
    const tr = element("tr", undefined, "row");
    tr.tabIndex = 0;
    tr.setAttribute("aria-expanded", "false");
    for (const cell of spec.cells(row)) tr.appendChild(element("td", cell));
    tr.appendChild(element("td")).appendChild(badge(row[spec.word]));
    let details = null;
    const toggle = () => {
      if (details) {
        details.remove();
        details = null;
        tr.classList.remove("open");
        tr.setAttribute("aria-expanded", "false");
        return;
      }
      details = element("tr", undefined, "details");
      const td = details.appendChild(element("td"));
      td.colSpan = spec.columns;
      for (const [label, text] of spec.sentences(row)) {
        const block = td.appendChild(element("div", undefined, "sentence"));
        block.appendChild(element("b", label));
        block.appendChild(document.createTextNode(text || "—"));
      }
      tr.after(details);
      tr.classList.add("open");
      tr.setAttribute("aria-expanded", "true");
    };
    tr.addEventListener("click", toggle);
    tr.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle();
      }
    });
    body.appendChild(tr);
    return tr;
  }

  const review = (r) => "review 回顾 (" + (Number(r.year) + 1) + ")";
  const specs = {
    targets: {
      columns: 5,
      word: "verdict",
      cells: (r) => [r.measure, r.kind, figure(r.target, r.target_unit, r.qualifier),
        figure(r.actual, r.actual_unit, "")],
      sentences: (r) => [["plan 计划 (" + r.year + ")", r.target_sentence],
        [review(r), r.actual_sentence]],
    },
    projects: {
      columns: 2,
      word: "next_status",
      cells: (r) => [r.project],
      sentences: (r) => [["plan 计划 (" + r.year + ")", r.plan_sentence],
        ["next report 次年报告 (" + (Number(r.year) + 1) + ")", r.review_sentence]],
    },
  };
  const groups = {
    targets: fillTable($("targets"), data.targets, specs.targets),
    projects: fillTable($("projects"), data.projects, specs.projects),
  };

  const all = data.targets.concat(data.projects);
  fillChoices($("region"), [...new Set(all.map((r) => r.region))].sort());
  fillChoices($("year"), [...new Set(all.map((r) => r.year))].sort());

  function tallyText(counts) {
    return Object.entries(counts).map(([k, v]) => k + " " + v).join(" · ");
  }

  // Shows the rows the filters keep; returns how many.
  function show(kind, wanted, words, region, year) {
    const word = specs[kind].word;
    let shown = 0;
    for (const group of groups[kind]) {
      const counts = {};
      const inPlace = (!region || group.region === region) && (!year || group.year === year);
      for (const [row, tr] of group.rows) {
        const on = inPlace && (!wanted || row[word] === wanted) &&
          (!words || Object.values(row).join(" ").toLowerCase().includes(words));
        tr.hidden = !on;
        if (!on && tr.classList.contains("open")) tr.click();
        if (on) counts[row[word]] = (counts[row[word]] || 0) + 1;
        shown += on;
      }
      group.header.hidden = Object.keys(counts).length === 0;
      group.tally.textContent = tallyText(counts);
    }
    return shown;
  }

  function apply() {
    const words = $("filter").value.trim().toLowerCase();
    const region = $("region").value, year = $("year").value;
    const targets = show("targets", $("verdict").value, words, region, year);
    $("target-count").textContent = targets + " / " + data.targets.length;
    const projects = show("projects", $("status").value, words, region, year);
    $("project-count").textContent = projects + " / " + data.projects.length;
  }
  for (const id of ["filter", "region", "year", "verdict", "status"]) {
    $(id).addEventListener("input", apply);
  }
  const tally = (list, key) => list.reduce((n, r) => ((n[r[key]] = (n[r[key]] || 0) + 1), n), {});
  $("counts").textContent = "targets: " + tallyText(tally(data.targets, "verdict")) +
    "; projects: " + tallyText(tally(data.projects, "next_status"));
  apply();
  window.kgOutcomes = { ready: true };
})();
