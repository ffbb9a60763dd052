package org.topicbench.report;

/** The report's inline style sheet and its one script (the misclassified-sentence filters). */
final class Assets {
  private Assets() {}

  static final String CSS =
      """
      :root { --ink: #1d1d1f; --muted: #5b5b60; --rule: #d4d4d8; --band: #f3f3f5; --accent: #2c5d8a; }
      * { box-sizing: border-box; }
      html { scroll-behavior: smooth; }
      body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
             color: var(--ink); background: #fff; display: flex; align-items: flex-start; }
      #toc { position: sticky; top: 0; flex: 0 0 220px; height: 100vh; overflow-y: auto; padding: 16px 12px 24px;
             border-right: 1px solid var(--rule); background: #fafafa; font-size: 13.5px; }
      #toc .brand { font-weight: 700; margin: 0 0 10px; }
      #toc ul { list-style: none; margin: 0; padding: 0; }
      #toc li { margin: 2px 0; }
      #toc li.proto { margin-top: 10px; }
      #toc li.proto > a { font-weight: 700; text-transform: none; }
      #toc li.proto ul { padding-left: 10px; border-left: 2px solid var(--rule); }
      #toc a { color: var(--accent); text-decoration: none; }
      #toc a:hover { text-decoration: underline; }
      main { flex: 1 1 auto; min-width: 0; max-width: 1180px; padding: 16px 32px 64px; }
      h1 { font-size: 26px; margin: 8px 0 4px; }
      h2 { font-size: 22px; margin: 40px 0 8px; padding-top: 8px; border-top: 3px solid var(--ink); }
      h3 { font-size: 17px; margin: 0; }
      h4 { font-size: 15px; margin: 16px 0 6px; }
      section.sub { margin: 28px 0 0; }
      .head { display: flex; align-items: baseline; gap: 14px; flex-wrap: wrap; border-bottom: 1px solid var(--rule);
              padding-bottom: 4px; margin-bottom: 10px; }
      .head .alt { font-size: 13px; color: var(--muted); }
      .head .alt a, .head .alt b { margin-right: 8px; }
      .head .alt a { color: var(--accent); }
      .meta { color: var(--muted); margin: 0 0 8px; }
      .lead { color: var(--muted); }
      .warning { border-left: 4px solid #333; background: var(--band); padding: 6px 10px; font-size: 14px; }
      .note { color: var(--muted); font-size: 13px; max-width: 1000px; }
      table.data { border-collapse: collapse; font-size: 14px; margin: 6px 0; }
      table.data th, table.data td { border-bottom: 1px solid var(--rule); padding: 4px 9px; vertical-align: top;
              text-align: left; }
      table.data thead th { border-bottom: 2px solid var(--ink); font-weight: 600; vertical-align: bottom; }
      table.data tbody tr:nth-child(even) { background: var(--band); }
      table.data small { color: var(--muted); font-weight: 400; }
      .num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.learner, th.learner { font-weight: 600; max-width: 340px; overflow-wrap: anywhere; }
      h4.learner, strong.learner, code.spec { overflow-wrap: anywhere; }
      table.learners td:last-child { max-width: 560px; }
      table.tuning td.chosen, table.ranking tr.control td { font-weight: 700; }
      table.tuning th code { white-space: nowrap; }
      table.block-ranks td small { display: block; }
      table.comparison td.learner { min-width: 200px; }
      .ci { color: var(--muted); }
      .sig { font-size: 13px; min-width: 150px; }
      .sig .better { display: block; }
      .sig .worse { display: block; color: var(--muted); }
      abbr { text-decoration: none; border-bottom: 1px dotted var(--muted); cursor: help; }
      .scroll { overflow-x: auto; max-width: 100%; }
      .scroll.tall { max-height: 640px; overflow-y: auto; }
      .scroll.tall thead th { position: sticky; top: 0; background: #fff; }
      figure.chart { margin: 8px 0 16px; }
      figure.chart svg { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); }
      figcaption { font-size: 13px; color: var(--muted); max-width: 900px; }
      figcaption .files { display: block; }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; }
      table.matrix td.win { background: #d9d9d9; font-weight: 700; }
      table.matrix td.loss { background: #f1f1f1; color: var(--muted); }
      table.matrix td.self { color: var(--muted); text-align: center; }
      table.confusion td.diag { font-weight: 700; }
      table.pareto tr.front td { font-weight: 700; }
      .filters { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin: 8px 0; font-size: 14px; }
      .filters select { font: inherit; padding: 2px 4px; }
      .filters .count { color: var(--muted); }
      td.text { max-width: 560px; }
      td.doc { font-size: 13px; max-width: 220px; overflow-wrap: anywhere; }
      td.folds { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; white-space: nowrap; }
      .cluster { margin: 14px 0; }
      .verdict { margin: 4px 0; font-weight: 600; }
      table.members { width: 100%; table-layout: fixed; }
      table.members col.c-doc { width: 19%; } table.members col.c-id { width: 10%; }
      table.members col.c-label { width: 14%; } table.members col.c-text { width: 39%; }
      table.members col.c-folds { width: 18%; }
      table.members td { overflow-wrap: anywhere; }
      table.members td.folds { white-space: normal; }
      code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
      code.hash { font-size: 11.5px; overflow-wrap: anywhere; }
      table.kv th { width: 170px; }
      pre.json { background: var(--band); padding: 10px; font-size: 12.5px; overflow: auto; max-height: 520px; }
      details { margin: 8px 0; }
      summary { cursor: pointer; color: var(--accent); }
      @media (max-width: 900px) { body { display: block; } #toc { position: static; height: auto; border: 0; } }
      @media print {
        body { display: block; font-size: 11pt; }
        #toc, .filters, .head .alt { display: none; }
        main { max-width: none; padding: 0; }
        .scroll, .scroll.tall { overflow: visible; max-height: none; }
        figure, table, .cluster { break-inside: avoid; }
        h2 { break-before: page; }
        h3, h4, .head, .verdict { break-after: avoid; }
        details > * { display: block; }
      }
      """;

  static final String JS =
      """
      document.querySelectorAll('.errors').forEach(function (box) {
        var t = box.querySelector('select[name=true]');
        var p = box.querySelector('select[name=predicted]');
        var shown = box.querySelector('.shown');
        function apply() {
          var n = 0;
          box.querySelectorAll('tbody tr').forEach(function (row) {
            var ok = (!t.value || row.dataset.true === t.value) && (!p.value || row.dataset.predicted === p.value);
            row.hidden = !ok;
            if (ok) { n++; }
          });
          shown.textContent = n;
        }
        t.addEventListener('change', apply);
        p.addEventListener('change', apply);
      });
      """;
}
