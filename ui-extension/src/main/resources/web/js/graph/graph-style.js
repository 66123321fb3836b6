// Cytoscape's stylesheet, built from the current theme's custom properties.

import { themeColor } from '../theme.js';

export function themeColors() {
  return {
    background: themeColor('--surface'),
    text: themeColor('--text'),
    muted: themeColor('--muted'),
    edge: themeColor('--edge'),
    dataset: themeColor('--node-dataset'),
    datasetBorder: themeColor('--node-dataset-border'),
    process: themeColor('--node-process'),
    processBorder: themeColor('--node-process-border'),
    column: themeColor('--node-column'),
    columnBorder: themeColor('--node-column-border'),
    redacted: themeColor('--node-redacted'),
    highlight: themeColor('--highlight'),
    fresh: themeColor('--new'),
    focus: themeColor('--focus'),
    accent: themeColor('--accent'),
    group: themeColor('--group-bg'),
  };
}

const IMPACT_RAMP = ['#b91c1c', '#dc2626', '#ea580c', '#f59e0b', '#eab308', '#84cc16'];

/** @param large true above a few hundred elements: cheaper edges, labels only when zoomed in */
export function graphStyle(large) {
  const c = themeColors();
  const style = [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 'data(w)',
        height: 'data(h)',
        label: 'data(label)',
        'font-size': 11,
        color: c.text,
        'text-valign': 'center',
        'text-halign': 'center',
        // Ellipsis measures every label: above a few hundred nodes, labels are drawn as they are.
        'text-wrap': large ? 'none' : 'ellipsis',
        'text-max-width': large ? 1000 : 'data(tw)',
        'background-color': c.dataset,
        'border-width': 1.5,
        'border-color': c.datasetBorder,
        'min-zoomed-font-size': large ? 9 : 0,
      },
    },
    { selector: 'node.process', style: { 'background-color': c.process, 'border-color': c.processBorder, shape: 'cut-rectangle' } },
    // Devices and gateways: process colours, a hexagon and a double border, so the edge stands out.
    { selector: 'node.device', style: { shape: 'hexagon', 'border-style': 'double', 'border-width': 3 } },
    { selector: 'node.column', style: { 'background-color': c.column, 'border-color': c.columnBorder, 'font-size': 10, shape: 'rectangle' } },
    { selector: 'node.redacted', style: { 'background-color': c.redacted, 'border-style': 'dashed', color: c.muted } },
    {
      selector: 'node.open',
      style: {
        'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -4, 'padding': 8,
        'background-opacity': 0.35, 'font-weight': 'bold',
      },
    },
    {
      selector: 'node.group',
      style: {
        shape: 'round-rectangle', 'background-color': c.accent, 'background-opacity': 0.06, 'border-style': 'dashed',
        'border-color': c.muted, 'border-width': 1, label: 'data(label)', 'text-valign': 'top', 'text-halign': 'center',
        'font-size': 12, color: c.muted, padding: 16, 'text-max-width': 400,
      },
    },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': c.accent, 'font-weight': 'bold' } },
    { selector: 'node.fresh', style: { 'overlay-color': c.fresh, 'overlay-opacity': 0.25, 'overlay-padding': 6, 'border-color': c.fresh, 'border-width': 3 } },
    { selector: 'node.path', style: { 'border-color': c.highlight, 'border-width': 4 } },
    { selector: 'node:selected', style: { 'overlay-color': c.focus, 'overlay-opacity': 0.3, 'overlay-padding': 5 } },
    { selector: 'node.filtered, edge.filtered', style: { display: 'none' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': c.edge,
        'target-arrow-color': c.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': large ? 'straight' : 'bezier',
      },
    },
    { selector: 'edge.column', style: { 'line-style': 'dashed', 'line-color': c.columnBorder, 'target-arrow-color': c.columnBorder } },
    { selector: 'edge.fresh', style: { 'line-color': c.fresh, 'target-arrow-color': c.fresh, width: 3 } },
    { selector: 'edge.path', style: { 'line-color': c.highlight, 'target-arrow-color': c.highlight, width: 4, 'z-index': 10 } },
    { selector: 'edge.dim, node.dim', style: { opacity: 0.25 } },
    {
      selector: 'node.aggregate',
      style: {
        shape: 'round-rectangle', 'background-color': c.accent, 'background-opacity': 0.18, 'border-color': c.accent,
        'border-width': 2, 'font-weight': 'bold', 'text-wrap': 'none', 'min-zoomed-font-size': 0,
      },
    },
    {
      // The rest of an opened group's members: a click shows the next page.
      selector: 'node.more',
      style: {
        shape: 'round-rectangle', 'background-color': c.accent, 'background-opacity': 0.06, 'border-color': c.accent,
        'border-style': 'dashed', 'border-width': 2, color: c.accent, 'font-weight': 'bold', 'text-wrap': 'none', 'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node.match', style: { 'border-color': c.highlight, 'border-width': 4, 'underlay-color': c.highlight, 'underlay-opacity': 0.35, 'underlay-padding': 8, 'min-zoomed-font-size': 0 } },
    { selector: 'edge.via', style: { 'line-style': 'solid', 'target-arrow-shape': 'triangle' } },
  ];
  IMPACT_RAMP.forEach((color, d) => {
    style.push({ selector: `node.impact-${d}`, style: { 'background-color': color, color: '#ffffff', 'border-color': color } });
  });
  return style;
}

export const IMPACT_COLORS = IMPACT_RAMP;
