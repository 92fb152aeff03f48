/** The report's stylesheet, inlined into the page. */
export const reportStyle = `
:root { --fg: #1d2433; --muted: #6b7485; --line: #e3e7ee; --bg: #f6f7fb; --card: #fff; --accent: #4f7cff; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 28px 40px; font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0; font-weight: 600; }
.brand { color: var(--accent); }
.subtitle { margin: 2px 0 0; color: var(--muted); }
.build { margin: 4px 0 0; color: var(--muted); }
header.top { margin-bottom: 18px; }
.columns { display: grid; grid-template-columns: 1fr; gap: 20px; }
body.two .columns { grid-template-columns: 1fr 1fr; }
section.image > header h2 { font-size: 17px; margin: 0 0 10px; font-weight: 600; word-break: break-all; }
.stats { display: flex; gap: 10px; flex-wrap: wrap; margin-bottom: 14px; }
.stats div { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 92px; }
.stats b { display: block; font-size: 18px; }
.stats span { color: var(--muted); font-size: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin-bottom: 16px; }
.card h3 { margin: 0 0 10px; font-size: 14px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
.chart-host { width: 100%; overflow: hidden; }
svg.chart { display: block; max-width: 100%; }
svg text { font-size: 12px; fill: var(--fg); }
svg text.value { fill: var(--muted); }
svg text.strong { font-weight: 600; font-size: 13px; fill: var(--fg); }
svg text.tm-label { font-size: 11px; font-weight: 600; fill: #fff; }
svg text.tm-size { font-size: 10px; fill: #fff; opacity: .9; }
table { border-collapse: collapse; width: 100%; }
table.kv th { text-align: left; color: var(--muted); font-weight: 500; width: 120px; vertical-align: top; padding: 3px 8px 3px 0; }
table.kv td { padding: 3px 0; word-break: break-all; }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; }
table.grid th { color: var(--muted); font-weight: 500; }
table.small { font-size: 13px; margin-top: 8px; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.note, .muted { color: var(--muted); font-size: 12px; }
.warn { color: #b26a00; }
.ok { color: #1e7d45; }
ul.findings { list-style: none; padding: 0; margin: 0; }
ul.findings li { padding: 5px 0; border-bottom: 1px solid var(--line); word-break: break-word; }
.sev { display: inline-block; min-width: 58px; font-size: 11px; text-transform: uppercase; font-weight: 700; }
li.error .sev { color: #c0392b; }
li.warning .sev { color: #b26a00; }
.compare .ratio { margin: 8px 0 0; font-size: 15px; }
.compare .ratio b { font-size: 22px; color: #1e7d45; }
footer { margin-top: 18px; color: var(--muted); font-size: 12px; }
@media (max-width: 900px) { body.two .columns { grid-template-columns: 1fr; } }
`;
