"""The report page's stylesheet, inlined in its `<style>` (no file is fetched).

Readable from a 390 px phone to a desktop: tables turn into stacked cards below 40em, and no
word is ever broken inside (cells wrap only between words; `.w` keeps a token such as
"$170K-$260K" whole). The print stylesheet, for A4 and Letter, fills pages rather than
leaving them half-empty: the lead roles in three columns, every block kept whole.
"""

CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #d0d0d0;
  --accent: #0b4f8a; --soft: #f3f6fa; --track: #dde5ee; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; hyphens: manual; overflow-wrap: normal; word-break: normal; }
main { max-width: 52rem; margin: 0 auto; padding: .75rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: .5rem 0 .1rem; }
h2 { font-size: 1.3rem; margin: 1.8rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 0 0 .3rem; }
h4 { font-size: 1rem; margin: .7rem 0 .2rem; }
p, ul, ol, dl { margin: .4rem 0; }
ul, ol { padding-left: 1.4rem; }
.meta, .note, figcaption { color: var(--muted); font-size: .9rem; }
.w { white-space: nowrap; }
ol.lead { list-style: none; padding: 0; margin: .4rem 0; }
ol.lead > li { border: 1px solid var(--line); border-left: 5px solid var(--accent);
  border-radius: 8px; padding: .55rem .8rem; margin: .55rem 0; }
ol.lead h3 { display: flex; gap: .5rem; align-items: baseline; }
.rank { display: inline-block; min-width: 1.6rem; height: 1.6rem; border-radius: 50%;
  background: var(--accent); color: #fff; text-align: center; line-height: 1.6rem;
  font-size: .95rem; flex: none; }
.sentence { font-size: 1.05rem; margin: .15rem 0 .4rem; }
.bars { display: grid; grid-template-columns: 5.5rem 1fr 4.2rem; gap: .15rem .6rem;
  align-items: center; max-width: 30rem; font-size: .92rem; }
.bars svg { display: block; width: 100%; height: .7rem; }
.bars .v { font-variant-numeric: tabular-nums; text-align: right; }
.small { font-size: .9rem; color: var(--muted); margin: .3rem 0 0; }
ol.timeline { list-style: none; padding: 0; margin: .5rem 0; }
ol.timeline li { padding: .25rem 0; border-bottom: 1px solid #eee; }
.ph { display: flex; flex-wrap: wrap; gap: 0 .6rem; align-items: baseline; }
.ph .n { font-weight: 700; color: var(--accent); min-width: 1.2rem; }
.ph .t { font-weight: 600; }
.ph .d { color: var(--muted); font-size: .9rem; margin-left: auto; }
ol.timeline svg { display: block; width: 100%; height: .8rem; margin: .15rem 0 .1rem; }
ol.timeline li.skip .t { font-weight: normal; color: var(--muted); }
.scale { display: flex; justify-content: space-between; color: var(--muted);
  font-size: .85rem; }
article.role { border-top: 1px solid var(--line); padding: .6rem 0 .2rem; margin: .4rem 0; }
.fit { margin: .2rem 0 .4rem; }
ul.reasons { list-style: none; padding-left: 0; }
ul.reasons li { padding-left: 3.2rem; text-indent: -3.2rem; }
.pts { display: inline-block; width: 2.9rem; text-indent: 0; text-align: right;
  margin-right: .3rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.src { color: var(--muted); font-size: .9em; }
.close { background: var(--soft); border-left: 4px solid var(--accent); padding: .5rem .8rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; table-layout: auto; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--line); overflow-wrap: normal; word-break: normal;
  hyphens: none; }
th { background: var(--soft); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: .5rem 0; }
figure svg { display: block; width: 100%; max-width: 34rem; height: auto; margin: 0 auto; }
ul.legend { max-width: 34rem; margin: .3rem auto; }
section.yours { font-size: .92rem; }
dl.answers { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.answers dt { font-weight: 600; }
dl.answers dd { margin: 0; }
footer { margin-top: 2rem; font-size: .92rem; }
@media (max-width: 40em) {
  main { padding: .4rem .8rem 2rem; }
  h1 { font-size: 1.35rem; margin-top: .2rem; }
  h2 { margin-top: 1.4rem; }
  .meta { font-size: .8rem; margin: 0; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block;
    width: 100%; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0;
    padding: .3rem .5rem; }
  table.stack td { border: 0; padding: .1rem 0; text-align: left; }
  table.stack td::before { content: attr(data-label) ": "; font-weight: 600; }
  table.stack td:first-child { font-weight: 700; }
  table.stack td:first-child::before { content: none; }
  dl.answers { grid-template-columns: 1fr; }
  dl.answers dd { margin-bottom: .3rem; }
  .ph .d { margin-left: 0; width: 100%; }
}
@page { size: A4; margin: 12mm 12mm 13mm; }
@media print {
  body { font: 9pt/1.3 Georgia, "Times New Roman", serif; color: #000; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 15pt; margin-top: 0; }
  h2 { font-size: 12pt; margin: .8rem 0 .3rem; border-bottom: 1px solid #000;
    break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  h3 { font-size: 10pt; }
  h4 { font-size: 9pt; margin: .4rem 0 .1rem; }
  p, ul, ol, dl { margin: .2rem 0; }
  ol.lead > li, ol.timeline li, figure, tr, .close, .bars, ul.reasons li {
    break-inside: avoid; page-break-inside: avoid; }
  ol.lead { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; }
  ol.lead > li { border-color: #888; padding: .3rem .5rem; margin: 0; }
  .sentence { font-size: 9.5pt; }
  .bars { grid-template-columns: max-content 1fr max-content; font-size: 8.5pt; }
  .small, .meta, .note, figcaption, .src { font-size: 8pt; }
  ol.timeline li { padding: .05rem 0; }
  ol.timeline svg { height: .5rem; margin: .05rem 0; }
  .ph .d { font-size: 8pt; }
  ul.options { columns: 2; column-gap: 7mm; }
  ul.options li { break-inside: avoid; }
  section.roles { columns: 3; column-gap: 6mm; }
  section.roles h2 { column-span: all; }
  article.role { border-color: #888; padding-top: .2rem; }
  ul.reasons li { padding-left: 2.2rem; text-indent: -2.2rem; }
  .pts { width: 2rem; }
  th { background: none; border-bottom: 1.5px solid #000; }
  th, td { padding: .15rem .4rem; }
  thead { display: table-header-group; }
  .rank { background: none; color: #000; border: 1.5px solid #000; }
  figure svg { max-width: 9cm; }
  section.yours, footer { font-size: 8.5pt; }
  dl.answers { grid-template-columns: max-content 1fr max-content 1fr; }
  p, li { orphans: 2; widows: 2; }
}
"""
