// A dataset's data-quality timeline: a lane per rule, pass and fail spans between changes of
// outcome, and the results as a table. Shown on the governance page and on the entity's Quality tab.

import { html, svg } from 'lit';
import { formatNumber, formatTime } from '../format.js';
import { qualityBadge, timelineLanes } from './governance-rows.js';

function outcome(passed) {
  return html`<span class="chip ${passed ? 'ok' : 'fail'}" data-testid="outcome">${passed ? 'pass' : 'fail'}</span>`;
}

/** "3 passing · 1 failing" as a chip; nothing when no rule has a result. */
export function qualityBadgeChip(latest, href) {
  const b = qualityBadge(latest || []);
  if (!b.total) return '';
  const text = b.failing ? `${b.failing} failing · ${b.passing} passing` : `${b.passing} passing`;
  const chip = html`<span class="chip ${b.failing ? 'fail' : 'ok'}" data-testid="quality-badge"
    title="Data-quality rules on this dataset">${b.failing ? '✗' : '✓'} ${text}</span>`;
  return href ? html`<a class="chip-link" href=${href}>${chip}</a>` : chip;
}

export function renderQualityTimeline(history, now = Date.now()) {
  if (!history) return html`<p aria-live="polite">Loading…</p>`;
  if (!history.length) return html`<p class="empty">No data-quality rule has checked this dataset yet.</p>`;
  const { start, end, lanes } = timelineLanes(history, now);
  const width = Math.max(end - start, 1);
  const x = (t) => ((t - start) / width) * 1000;
  return html`
    <div class="quality-timeline" data-testid="quality-timeline">
      ${lanes.map((lane) => html`
        <div class="lane" data-rule=${lane.rule}>
          <div class="lane-head"><strong>${lane.rule}</strong> ${outcome(lane.current.passed)}
            <span class="muted">${formatNumber(lane.current.value)}</span></div>
          <svg viewBox="0 0 1000 14" preserveAspectRatio="none" role="img"
            aria-label=${`${lane.rule}: ${lane.spans.map((s) => `${s.passed ? 'pass' : 'fail'} from ${formatTime(s.from)}`).join(', ')}`}>
            ${lane.spans.map((s) => svg`<rect class=${s.passed ? 'pass' : 'fail'} x=${x(s.from)} y="0"
              width=${Math.max(x(s.to) - x(s.from), 2)} height="14"><title>${s.passed ? 'pass' : 'fail'} · ${formatNumber(s.value)} · ${s.detail || ''}</title></rect>`)}
            ${lane.spans.slice(1).map((s) => svg`<rect class="change" x=${x(s.from) - 1} y="0" width="2" height="14"></rect>`)}
          </svg>
        </div>`)}
      <div class="axis muted"><span>${formatTime(start)}</span><span>now</span></div>
    </div>
    <div class="table-wrap"><table class="stack" data-testid="quality-history">
      <caption class="visually-hidden">Every change of outcome, newest first</caption>
      <thead><tr><th scope="col">Time</th><th scope="col">Rule</th><th scope="col">Outcome</th><th scope="col">Value</th><th scope="col">Detail</th></tr></thead>
      <tbody>${[...history].reverse().map((r) => html`<tr data-rule=${r.rule}>
        <td>${formatTime(r.time)}</td>
        <td data-label="Rule">${r.rule}</td>
        <td data-label="Outcome">${outcome(r.passed)}</td>
        <td class="num" data-label="Value">${formatNumber(r.value)}</td>
        <td data-label="Detail">${r.detail || ''}</td></tr>`)}
      </tbody></table></div>`;
}
