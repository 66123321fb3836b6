// The dashboard's widget types: their names, default sizes and the fields of their forms.

export const WIDGET_TYPES = {
  'streaming-health': {
    title: 'Streaming health', w: 8, h: 5,
    help: 'Jobs by state, how long ago each last reported, and its output throughput.',
    fields: [{ name: 'staleMinutes', label: 'A running job is stale after (minutes)', type: 'number', min: 1, max: 1440, value: 5 }],
  },
  'ingest-rate': {
    title: 'Ingest rate', w: 4, h: 5,
    help: 'Catalog changes per minute as the change feed delivers them, and the ingest queue.',
    fields: [{ name: 'minutes', label: 'Minutes shown', type: 'number', min: 5, max: 60, value: 15 }],
  },
  freshness: {
    title: 'Freshness', w: 6, h: 5,
    help: 'Datasets by the time since they last changed, stalest first.',
    fields: [
      { name: 'staleMinutes', label: 'Stale after (minutes)', type: 'number', min: 1, max: 10080, value: 15 },
      { name: 'limit', label: 'Rows', type: 'number', min: 3, max: 50, value: 12 },
    ],
  },
  quality: {
    title: 'Quality status', w: 3, h: 5,
    help: 'Data-quality assertions reported with the datasets: passed, failed, and where.',
    fields: [],
  },
  'classification-coverage': {
    title: 'Classification coverage', w: 4, h: 4,
    help: 'How many datasets carry a classification, and which.',
    fields: [],
  },
  'top-producers-consumers': {
    title: 'Top producers and consumers', w: 6, h: 5,
    help: 'Jobs writing the most datasets, and datasets read by the most jobs.',
    fields: [{ name: 'limit', label: 'Rows', type: 'number', min: 3, max: 20, value: 5 }],
  },
  'recent-changes': {
    title: 'Recent changes', w: 6, h: 5,
    help: 'The newest catalog changes as they happen.',
    fields: [{ name: 'limit', label: 'Rows', type: 'number', min: 3, max: 50, value: 12 }],
  },
  'edge-backlog': {
    title: 'Edge backlog', w: 3, h: 5,
    help: 'Events edge devices still hold back, by device.',
    fields: [],
  },
  lineage: {
    title: 'Lineage', w: 6, h: 6,
    help: 'The lineage around one entity, in 2D or 3D.',
    fields: [
      { name: 'guid', label: 'Entity', type: 'entity', value: '' },
      { name: 'depth', label: 'Depth', type: 'number', min: 1, max: 6, value: 2 },
      { name: 'view', label: 'View', type: 'select', options: [['2d', '2D'], ['3d', '3D']], value: '2d' },
    ],
  },
};

/** A new widget of {@code type} with its form's defaults; placed by the grid. */
export function newWidget(type, id, config = {}) {
  const t = WIDGET_TYPES[type];
  const defaults = Object.fromEntries(t.fields.map((f) => [f.name, f.value]));
  return { id, type, x: 0, y: 0, w: t.w, h: t.h, config: { ...defaults, ...config } };
}

/** A form's values as a widget configuration: numbers clamped to their field's range. */
export function configFromForm(type, values) {
  const out = {};
  if (values.title && String(values.title).trim()) out.title = String(values.title).trim().slice(0, 80);
  for (const f of WIDGET_TYPES[type].fields) {
    let v = values[f.name];
    if (f.type === 'number') {
      v = Number(v);
      if (!Number.isFinite(v)) v = f.value;
      v = Math.min(f.max, Math.max(f.min, Math.round(v)));
    } else if (f.type === 'select') {
      if (!f.options.some(([k]) => k === v)) v = f.value;
    } else {
      v = v == null ? '' : String(v);
    }
    out[f.name] = v;
  }
  return out;
}

export function widgetTitle(widget) {
  return widget.config?.title || WIDGET_TYPES[widget.type]?.title || widget.type;
}
