/**
 * The preview page (one self-contained HTML file, no external assets). It listens to /events, fetches /state after
 * each rebuild, and swaps only the images whose page hash changed; images keep their boxes (aspect ratio from the
 * page size), so the scroll position holds, and the page that was at the top of the window is kept there if
 * earlier pages changed height. Errors cover the pages (blurred: they are the last good build) in an overlay with
 * file:line:column links; warnings sit in a corner list. Clicking text asks /source and shows its position.
 */
export const PREVIEW_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>reportpress preview</title>
<style>
body{margin:0;background:#5f6368;font:14px/1.4 system-ui,sans-serif}
#bar{position:sticky;top:0;z-index:2;background:#202124;color:#e8eaed;padding:6px 12px;display:flex;gap:16px;align-items:center}
#bar a{color:#8ab4f8}
#pages{display:flex;flex-direction:column;align-items:center;gap:16px;padding:16px}
#pages.stale{filter:blur(2px) grayscale(1);opacity:.5}
figure{margin:0;position:relative;width:min(900px,96vw)}
figure img{display:block;width:100%;background:#fff;box-shadow:0 1px 4px #0008;cursor:text}
figcaption{position:absolute;right:-2.6em;top:0;color:#e8eaed;font-size:12px}
#overlay{position:fixed;inset:40px 5vw auto 5vw;z-index:3;background:#fff;border-left:6px solid #d93025;box-shadow:0 4px 20px #000a;padding:12px 20px;max-height:80vh;overflow:auto}
#overlay[hidden],#warnings[hidden]{display:none}
#overlay pre,#warnings pre{white-space:pre-wrap;font:13px/1.35 ui-monospace,monospace;margin:4px 0 12px}
#warnings{position:fixed;right:12px;bottom:12px;z-index:2;max-width:40vw;max-height:30vh;overflow:auto;background:#fef7e0;border-left:6px solid #f9ab00;padding:8px 12px}
</style></head>
<body data-version="0">
<div id="bar"><b>reportpress preview</b><span id="status">building…</span><span id="source"></span></div>
<div id="overlay" hidden></div>
<div id="warnings" hidden></div>
<div id="pages"></div>
<script>
const pagesEl = document.getElementById('pages');
let pageSizes = [];
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const link = (d) => (d.href ? '<a href="' + esc(d.href) + '">' + esc(d.at) + '</a>' : '');
function topPage() {
  const figs = [...pagesEl.children];
  const i = figs.findIndex((f) => f.getBoundingClientRect().bottom > 40);
  return i < 0 ? undefined : { i, off: figs[i].getBoundingClientRect().top };
}
function apply(s) {
  const anchor = topPage();
  const stale = s.errors.length > 0;
  const ov = document.getElementById('overlay');
  ov.hidden = !stale;
  ov.innerHTML = stale ? '<b>The last edit does not build; the pages behind are the last good ones.</b>' + s.errors.map((d) => '<p>' + link(d) + '</p><pre>' + esc(d.text) + '</pre>').join('') : '';
  pagesEl.classList.toggle('stale', stale);
  const w = document.getElementById('warnings');
  w.hidden = !s.warnings.length;
  w.innerHTML = s.warnings.length ? '<b>' + s.warnings.length + ' warning(s)</b>' + s.warnings.map((d) => '<p>' + link(d) + '</p><pre>' + esc(d.text) + '</pre>').join('') : '';
  s.pages.forEach((p, i) => {
    let fig = pagesEl.children[i];
    if (!fig) {
      fig = document.createElement('figure');
      fig.innerHTML = '<img alt=""><figcaption></figcaption>';
      fig.querySelector('figcaption').textContent = String(i + 1);
      fig.querySelector('img').addEventListener('click', (e) => showSource(i + 1, e));
      pagesEl.appendChild(fig);
    }
    const img = fig.querySelector('img');
    img.style.aspectRatio = p.widthPt + ' / ' + p.heightPt;
    img.alt = 'page ' + (i + 1);
    if (fig.dataset.hash !== p.hash) {
      fig.dataset.hash = p.hash;
      img.src = '/page/' + (i + 1) + '.png?h=' + p.hash;
    }
  });
  while (pagesEl.children.length > s.pages.length) pagesEl.lastChild.remove();
  pageSizes = s.pages;
  if (anchor && pagesEl.children[anchor.i]) {
    const now = pagesEl.children[anchor.i].getBoundingClientRect().top;
    if (Math.abs(now - anchor.off) > 1) window.scrollBy(0, now - anchor.off);
  }
  document.getElementById('status').textContent = (stale ? 'error · ' : '') + s.pages.length + ' pages · built in ' + s.ms + ' ms';
  document.body.dataset.version = String(s.version);
}
async function showSource(n, e) {
  const img = e.currentTarget;
  const p = pageSizes[n - 1];
  const x = (e.offsetX / img.clientWidth) * p.widthPt;
  const y = (e.offsetY / img.clientHeight) * p.heightPt;
  const r = await fetch('/source?page=' + n + '&x=' + x.toFixed(1) + '&y=' + y.toFixed(1));
  const src = r.ok ? await r.json() : null;
  document.getElementById('source').innerHTML = src ? 'source: ' + link(src) : 'no source here';
}
async function refresh() {
  apply(await (await fetch('/state')).json());
}
new EventSource('/events').onmessage = () => refresh();
</script>
</body></html>
`;
