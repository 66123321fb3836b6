// The entity page's tabs other than lineage: plain renderers from entities to templates.

import { html } from 'lit';
import { entityHref } from '../router.js';
import { asObject, formatDuration, formatNumber, formatTime, pick } from '../format.js';
import { consumerLag } from '../dashboard/metrics.js';

function columnsOf(columns, entity) {
  if (columns && columns.length) {
    return columns.map((c) => ({
      guid: c.guid,
      name: c.name,
      type: pick(c.attributes, 'dataType', 'type', 'fieldType', 'columnType') || '',
      description: pick(c.attributes, 'description') || '',
      classifications: c.classifications,
      ordinal: Number(pick(c.attributes, 'ordinalPosition', 'position', 'ordinal') ?? 1e9),
    })).sort((a, b) => a.ordinal - b.ordinal || a.name.localeCompare(b.name));
  }
  // Without column entities, the schema facet kept on the dataset.
  const schema = asObject(pick(entity.attributes, 'schema', 'fields', 'columns'));
  const fields = Array.isArray(schema) ? schema : schema?.fields || [];
  return fields.map((f) => ({
    guid: null, name: f.name, type: f.type || f.dataType || '', description: f.description || '',
    classifications: f.classifications || [],
  }));
}

export function renderSchema(columns, entity) {
  if (columns === null) return html`<p aria-live="polite">Loading…</p>`;
  const rows = columnsOf(columns, entity);
  if (!rows.length) return html`<p class="empty">No columns are known for this entity.</p>`;
  return html`
    <div class="table-wrap"><table data-testid="schema">
      <caption class="visually-hidden">Columns of ${entity.name}</caption>
      <thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Classifications</th><th scope="col">Description</th></tr></thead>
      <tbody>
        ${rows.map((c) => html`<tr data-column=${c.name}>
          <td>${c.guid ? html`<a href=${entityHref(c.guid)}>${c.name}</a>` : c.name}</td>
          <td><code>${c.type}</code></td>
          <td>${c.classifications.map((k) => html`<span class="chip classification">${k}</span>`)}</td>
          <td>${c.description}</td></tr>`)}
      </tbody>
    </table></div>`;
}

function runState(run) {
  return String(pick(run.attributes, 'state', 'status', 'runState', 'eventType') || 'UNKNOWN').toUpperCase();
}

function timeOf(value) {
  if (value === undefined || value === null || value === '') return null;
  const t = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

function statsText(value) {
  const s = asObject(value);
  if (s === undefined || s === null) return '';
  if (typeof s !== 'object') return formatNumber(s);
  return Object.entries(s).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : formatNumber(v)}`).join(' · ');
}

function ioTable(io) {
  const rows = io.map(({ dataset, role }) => {
    const a = dataset.attributes;
    return {
      dataset, role,
      inRows: a.inputRowCount, inBytes: a.inputSize, outRows: a.outputRowCount, outBytes: a.outputSize,
      rows: a.rowCount,
    };
  }).filter((r) => [r.inRows, r.inBytes, r.outRows, r.outBytes, r.rows].some((v) => v !== undefined && v !== null) || r.role !== 'self');
  if (!rows.length) return '';
  return html`
    <h2>Inputs and outputs</h2>
    <div class="table-wrap"><table data-testid="io-statistics">
      <thead><tr><th scope="col">Dataset</th><th scope="col">Role</th><th scope="col">Rows read</th><th scope="col">Bytes read</th>
        <th scope="col">Rows written</th><th scope="col">Bytes written</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr>
        <td><a href=${entityHref(r.dataset.guid)}>${r.dataset.name}</a></td><td>${r.role}</td>
        <td>${formatNumber(r.inRows)}</td><td>${formatNumber(r.inBytes)}</td>
        <td>${formatNumber(r.outRows ?? r.rows)}</td><td>${formatNumber(r.outBytes)}</td></tr>`)}</tbody>
    </table></div>`;
}

export function renderRuns(loaded) {
  if (loaded === null) return html`<p aria-live="polite">Loading…</p>`;
  const { runs: entries, io } = loaded;
  if (!entries.length) return html`${ioTable(io)}<p class="empty">No runs recorded.</p>`;
  const runs = entries.map(({ run, job }) => {
    const a = run.attributes;
    // Event times only: createTime and updateTime are when the catalog wrote, not when the job ran.
    const start = timeOf(pick(a, 'startTime', 'nominalStartTime'));
    const end = timeOf(pick(a, 'endTime', 'nominalEndTime'));
    const lastSeen = timeOf(pick(a, 'lastSeen', 'eventTime'));
    const until = end ?? lastSeen;
    const duration = start !== null && until !== null && until >= start ? until - start : null;
    const stats = asObject(pick(a, 'runFacets')) || {};
    return {
      run, job, start, when: start ?? lastSeen ?? end, duration, running: end === null && start !== null, state: runState(run),
      error: pick(a, 'errorMessage', 'error', 'failureReason'),
      stack: pick(a, 'errorStackTrace', 'stackTrace'),
      inputs: pick(a, 'inputStatistics', 'inputStats') ?? stats.inputStatistics,
      outputs: pick(a, 'outputStatistics', 'outputStats') ?? stats.outputStatistics,
      lag: consumerLag(stats),
    };
  }).sort((x, y) => (y.when || 0) - (x.when || 0));
  const longest = Math.max(1, ...runs.map((r) => r.duration || 0));
  return html`
    ${ioTable(io)}
    <h2>Runs</h2>
    <ol class="timeline" data-testid="runs" aria-label="Runs, newest first">
      ${runs.map((r) => html`
        <li class=${r.state} data-state=${r.state}>
          <div><span class="state ${r.state}">${r.state}</span>
            <a href=${entityHref(r.run.guid, 'properties')}>${r.run.name}</a>
            ${r.job && r.job.guid !== r.run.guid ? html`of <a href=${entityHref(r.job.guid)}>${r.job.name}</a>` : ''}</div>
          <div><time>${formatTime(r.when)}</time>${r.duration !== null ? html` · ${formatDuration(r.duration)}${r.running ? ' so far' : ''}` : ''}</div>
          ${r.duration ? html`<div class="bar" style="width:${Math.max(1, (100 * r.duration) / longest)}%" aria-hidden="true"></div>` : ''}
          ${r.inputs !== undefined ? html`<div>In: ${statsText(r.inputs)}</div>` : ''}
          ${r.outputs !== undefined ? html`<div>Out: ${statsText(r.outputs)}</div>` : ''}
          ${r.lag ? html`<div data-testid="run-lag">Lag: ${formatNumber(r.lag.total)} records behind${r.lag.byPartition.length
            ? html` (${r.lag.byPartition.map(([p, v]) => `${p}: ${formatNumber(v)}`).join(', ')})` : ''}</div>` : ''}
          ${r.error ? html`<div class="error-text" role="note">${r.error}${r.stack ? `\n${r.stack}` : ''}</div>` : ''}
        </li>`)}
    </ol>`;
}

function assertionsOf(entity, columns) {
  const raw = asObject(pick(entity.attributes, 'dataQualityAssertions', 'qualityAssertions', 'assertions'));
  const list = Array.isArray(raw) ? raw : raw?.assertions || [];
  const own = list.map((a) => ({ assertion: a.assertion || a.name, column: a.column || '', success: a.success ?? a.passed }));
  for (const c of columns || []) {
    const ca = asObject(pick(c.attributes, 'assertions', 'dataQualityAssertions'));
    for (const a of Array.isArray(ca) ? ca : []) own.push({ assertion: a.assertion || a.name, column: c.name, success: a.success });
  }
  return own;
}

function metricsOf(entity) {
  const raw = asObject(pick(entity.attributes, 'dataQualityMetrics', 'qualityMetrics', 'metrics')) || {};
  const table = {};
  for (const k of ['rowCount', 'bytes', 'fileCount', 'lastUpdated']) {
    const v = raw[k] ?? entity.attributes[k];
    if (v !== undefined) table[k] = v;
  }
  const columnMetrics = raw.columnMetrics || {};
  return { table, columnMetrics };
}

export function renderQuality(entity, columns) {
  const assertions = assertionsOf(entity, columns);
  const { table, columnMetrics } = metricsOf(entity);
  const metricNames = [...new Set(Object.values(columnMetrics).flatMap((m) => Object.keys(m || {})))];
  if (!assertions.length && !Object.keys(table).length && !metricNames.length) {
    return html`<p class="empty">No quality assertions or metrics reported for this entity.</p>`;
  }
  return html`
    ${assertions.length ? html`
      <h2>Assertions</h2>
      <div class="table-wrap"><table data-testid="assertions">
        <thead><tr><th scope="col">Assertion</th><th scope="col">Column</th><th scope="col">Result</th></tr></thead>
        <tbody>${assertions.map((a) => html`<tr>
          <td>${a.assertion}</td><td>${a.column}</td>
          <td class="state ${a.success ? 'ok' : 'failed'}">${a.success ? 'passed' : 'failed'}</td></tr>`)}</tbody>
      </table></div>` : ''}
    ${Object.keys(table).length ? html`
      <h2>Metrics</h2>
      <dl data-testid="metrics">${Object.entries(table).map(([k, v]) => html`<dt>${k}</dt><dd>${formatNumber(v)}</dd>`)}</dl>` : ''}
    ${metricNames.length ? html`
      <h2>Column metrics</h2>
      <div class="table-wrap"><table data-testid="column-metrics">
        <thead><tr><th scope="col">Column</th>${metricNames.map((m) => html`<th scope="col">${m}</th>`)}</tr></thead>
        <tbody>${Object.entries(columnMetrics).map(([col, m]) => html`<tr><td>${col}</td>
          ${metricNames.map((n) => html`<td>${typeof m?.[n] === 'object' ? JSON.stringify(m[n]) : formatNumber(m?.[n])}</td>`)}</tr>`)}
        </tbody>
      </table></div>` : ''}`;
}

export function renderProperties(entity) {
  const raw = {
    guid: entity.guid, typeName: entity.typeName, qualifiedName: entity.qualifiedName, name: entity.name,
    tenant: entity.tenant, classifications: entity.classifications, createTime: entity.createTime,
    updateTime: entity.updateTime, attributes: entity.attributes,
  };
  return html`
    <div class="table-wrap"><table data-testid="properties">
      <thead><tr><th scope="col">Attribute</th><th scope="col">Value</th></tr></thead>
      <tbody>${Object.entries(entity.attributes).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => html`
        <tr><td><code>${k}</code></td><td>${typeof v === 'object' ? html`<code>${JSON.stringify(v)}</code>` : String(v)}</td></tr>`)}
      </tbody>
    </table></div>
    <h2>JSON</h2>
    <pre class="raw" tabindex="0" aria-label="Entity as JSON">${JSON.stringify(raw, null, 2)}</pre>`;
}
