namespace PartnerMetrics.Reporting;

public static partial class HtmlReport
{
    /// <summary>
    /// The style sheet, inline. One place for the palette: each tone class sets <c>--tone</c> (the
    /// fill) and <c>--tone-ink</c> (text on it, at least 4.5:1), and the badges a tint of the same band.
    /// Free of <c>&lt;</c> and <c>&amp;</c>, so the page still parses as XML.
    /// </summary>
    private const string Css = """

        :root {
          --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #eaeef2; --page: #f6f8fa; --surface: #ffffff;
          --healthy: #1a7f37; --watch: #d4a72c; --at-risk: #cf222e; --insufficient: #afb8c1;
          --hunting: #0969da; --farming: #8fc3f7; --dimension: #3d6b8f;
        }
        .band-healthy { --tone: var(--healthy); --tone-ink: #ffffff; --tint: #dafbe1; --tint-ink: #116329; }
        .band-watch { --tone: var(--watch); --tone-ink: var(--ink); --tint: #fff3c4; --tint-ink: #6f4400; }
        .band-at-risk { --tone: var(--at-risk); --tone-ink: #ffffff; --tint: #ffebe9; --tint-ink: #a40e26; }
        .band-insufficient { --tone: var(--insufficient); --tone-ink: var(--ink); --tint: var(--soft); --tint-ink: #424a53; }
        .hunting { --tone: var(--hunting); --tone-ink: #ffffff; }
        .farming { --tone: var(--farming); --tone-ink: var(--ink); }
        .dimension { --tone: var(--dimension); }
        .impact { --tone: var(--dimension); }

        * { box-sizing: border-box; }
        html { background: var(--page); }
        body {
          margin: 0; color: var(--ink);
          font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
          -webkit-font-smoothing: antialiased;
        }
        main { max-width: 1200px; margin: 0 auto; padding: 36px 0 40px; }
        h1 { font-size: 28px; line-height: 1.2; margin: 0; font-weight: 700; letter-spacing: -0.01em; }
        h2 { font-size: 18px; line-height: 1.3; margin: 0; font-weight: 650; }
        .subtitle, .lede, .muted, .kpi-note, footer { color: var(--muted); }
        .subtitle { margin: 6px 0 0; }
        .lede { margin: 4px 0 18px; max-width: 90ch; }
        footer { margin-top: 24px; font-size: 12px; text-align: center; }
        .empty { color: var(--muted); font-style: italic; margin: 0; }

        .kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 16px; list-style: none; margin: 24px 0 0; padding: 0; }
        .kpis li { background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; }
        .kpi-label { display: block; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
        .kpi-value { display: block; font-size: 26px; font-weight: 700; line-height: 1.3; font-variant-numeric: tabular-nums; }
        .kpi-note { display: block; font-size: 12px; }

        section { background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: 22px 24px 24px; margin-top: 24px; }
        .legend { display: flex; flex-wrap: wrap; gap: 8px 28px; list-style: none; margin: 0 0 16px; padding: 0; }
        .legend li { display: flex; align-items: center; gap: 8px; }
        .legend .muted { font-size: 12px; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; background: var(--tone); }

        svg { display: block; overflow: visible; }
        svg text { font-size: 12px; fill: var(--ink); }
        svg.chart { width: 100%; height: auto; }
        .track { fill: var(--soft); }
        .bar { fill: var(--tone); }
        .bar-text { fill: var(--tone-ink); font-weight: 600; }
        .row-label { font-weight: 600; }
        .row-note { fill: var(--muted); }
        .meter { display: inline-block; vertical-align: middle; }
        .level {
          display: inline-block; width: 76px; height: 12px; font-size: 12px; line-height: 12px; text-align: right; vertical-align: middle;
          background: linear-gradient(var(--dimension), var(--dimension)) 0 2px / calc(var(--level) * 50px) 8px no-repeat,
            linear-gradient(var(--soft), var(--soft)) 0 2px / 50px 8px no-repeat;
          -webkit-print-color-adjust: exact; print-color-adjust: exact;
        }

        table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th { font-size: 12px; font-weight: 600; color: var(--muted); text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); }
        td, tbody th, tfoot th { padding: 5px 8px; border-bottom: 1px solid var(--soft); vertical-align: middle; }
        tbody th, tfoot th { color: var(--ink); font-size: 14px; }
        tfoot th, tfoot td { font-weight: 600; border-bottom: 0; border-top: 1px solid var(--line); }
        tbody tr:hover { background: var(--page); }
        .num { text-align: right; }
        .name { font-weight: 600; }
        .id { color: var(--muted); font-size: 12px; margin-left: 6px; white-space: nowrap; }
        .badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; vertical-align: middle; line-height: 18px; background: var(--tint); color: var(--tint-ink); }
        .no-evidence { color: var(--muted); font-style: italic; font-size: 12px; }
        code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; color: var(--muted); }

        table.mix { margin-top: 20px; }
        .actions .message { display: block; }
        .actions td { padding-top: 7px; padding-bottom: 7px; }
        .actions .who { list-style: none; margin: 0; padding: 0; font-size: 13px; }
        .actions .who li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 640px; }
        .actions .name { display: inline-block; max-width: 200px; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom; }
        .impact { white-space: nowrap; }
        .impact .meter { margin-right: 8px; }

        .profiles { font-size: 13px; table-layout: fixed; }
        .profiles th, .profiles td { padding-left: 6px; padding-right: 6px; }
        .profiles th { vertical-align: bottom; }
        .profiles td { padding-top: 4px; padding-bottom: 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .profiles col.partner { width: 196px; }
        .profiles col.district { width: 62px; }
        .profiles col.type { width: 140px; }
        .profiles col.score { width: 48px; }
        .profiles col.confidence { width: 44px; }
        .profiles col.band { width: 180px; }
        .profiles col.dim { width: 96px; }
        .profiles td.dim .no-evidence { display: block; line-height: 14px; }
        .score { font-weight: 600; }

        .sparks { display: grid; grid-template-columns: repeat(5, 1fr); gap: 14px 18px; }
        .spark { margin: 0; padding: 10px 12px 8px; border: 1px solid var(--soft); border-radius: 8px; min-width: 0; }
        .spark figcaption { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 13px; margin-bottom: 4px; }
        .spark-line { fill: none; stroke: #424a53; stroke-width: 1.5; stroke-linejoin: round; stroke-linecap: round; }
        .zone { fill: var(--tone); fill-opacity: 0.09; }
        .dot { fill: var(--tone); stroke: var(--surface); stroke-width: 1; }
        .spark-values { margin: 4px 0 0; font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
        .spark-values strong { color: var(--ink); font-size: 13px; }
        .change { margin-left: 8px; font-weight: 600; }
        .change.up { color: #116329; }
        .change.down { color: #a40e26; }

        """;
}
