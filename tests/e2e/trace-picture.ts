import { writeFile } from 'node:fs/promises';
import type { JaegerTrace } from '@eventonight/testing';
import { launchBrowser } from '../../web/e2e/browser.js';

/**
 * A picture of one trace as Jaeger's query API returns it. Jaeger's own UI is a separate
 * repository that no package registry serves (ADR 0037), so the binary built here has only a
 * placeholder page; this draws the same waterfall from the API's JSON for docs/monitoring/.
 */

type JaegerSpan = JaegerTrace['spans'][number];

interface Row {
  span: JaegerSpan;
  depth: number;
  service: string;
}

/** Spans in tree order (each parent before its children, siblings by start time). */
export function traceRows(trace: JaegerTrace): Row[] {
  const ids = new Set(trace.spans.map((span) => span.spanID));
  const parentOf = (span: JaegerSpan): string | undefined =>
    (span.references ?? []).find((ref) => ref.refType === 'CHILD_OF' && ids.has(ref.spanID))?.spanID;
  const children = new Map<string | undefined, JaegerSpan[]>();
  for (const span of trace.spans) {
    const parent = parentOf(span);
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const rows: Row[] = [];
  const visit = (parent: string | undefined, depth: number): void => {
    const spans = [...(children.get(parent) ?? [])].sort((a, b) => a.startTime - b.startTime);
    for (const span of spans) {
      rows.push({ span, depth, service: trace.processes[span.processID]?.serviceName ?? span.processID });
      visit(span.spanID, depth + 1);
    }
  };
  visit(undefined, 0);
  return rows;
}

const SERVICE_COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626'];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

export function traceHtml(trace: JaegerTrace): string {
  const rows = traceRows(trace);
  const start = Math.min(...trace.spans.map((s) => s.startTime));
  const end = Math.max(...trace.spans.map((s) => s.startTime + s.duration));
  const total = Math.max(end - start, 1);
  const services = [...new Set(rows.map((row) => row.service))];
  const colour = (service: string): string => SERVICE_COLOURS[services.indexOf(service) % SERVICE_COLOURS.length] ?? '#555';
  const lines = rows
    .map(({ span, depth, service }) => {
      const left = ((span.startTime - start) / total) * 100;
      const width = Math.max((span.duration / total) * 100, 0.4);
      const ms = (span.duration / 1000).toFixed(span.duration < 10_000 ? 2 : 1);
      return `<div class="row"><div class="name" style="padding-left:${depth * 14 + 6}px"><b style="color:${colour(service)}">${escapeHtml(service)}</b> ${escapeHtml(span.operationName)}</div><div class="lane"><div class="bar" style="left:${left}%;width:${width}%;background:${colour(service)}"></div><span class="ms" style="left:calc(${left + width}% + 4px)">${ms} ms</span></div></div>`;
    })
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Trace ${trace.traceID}</title>
<style>
body{font:13px system-ui,sans-serif;margin:16px;color:#111}
h1{font-size:16px;margin:0 0 4px} p{margin:0 0 12px;color:#444}
.row{display:flex;border-bottom:1px solid #eee;height:24px;align-items:center}
.name{width:46%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.lane{position:relative;flex:1;height:100%;margin-right:72px}
.bar{position:absolute;top:6px;height:12px;border-radius:2px}
.ms{position:absolute;top:4px;font-size:11px;color:#333;white-space:nowrap}
</style>
<h1>Trace ${escapeHtml(trace.traceID)}</h1>
<p>${trace.spans.length} spans across ${services.map(escapeHtml).join(', ')} · ${(total / 1000).toFixed(1)} ms · read from Jaeger's query API</p>
${lines}`;
}

/** Writes the waterfall of `trace` as a PNG at `file` (desktop width, the whole page). */
export async function saveTracePicture(trace: JaegerTrace, file: string): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 320 } });
    await page.setContent(traceHtml(trace));
    const picture = await page.screenshot({ fullPage: true });
    await writeFile(file, picture);
  } finally {
    await browser.close();
  }
}
