import { html } from 'lit';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { entityHref } from '../router.js';
import { formatDuration, formatNumber, formatTime } from '../format.js';
import { deviceRow, nodeRow, sortDevices } from './edge-rows.js';

const LIMIT = 200;

/** Edge nodes (bridges) and their devices: state, backlog, last sync, as the bridges reported them. */
export class EdgePage extends LightElement {
  static properties = { nodes: { state: true }, devices: { state: true }, error: { state: true }, loading: { state: true } };

  constructor() {
    super();
    this.nodes = [];
    this.devices = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.loading = true;
    try {
      const [nodes, devices] = await Promise.all([
        api.search({ type: 'edge_node', limit: LIMIT }),
        api.search({ type: 'edge_device', limit: LIMIT }),
      ]);
      // Search answers carry names, not every attribute: read each entity once.
      const full = async (list) => Promise.all(list.entities.map((e) => api.entity(e.guid).catch(() => e)));
      this.nodes = (await full(nodes)).map(nodeRow);
      this.devices = sortDevices((await full(devices)).map(deviceRow));
      this.error = null;
    } catch (e) {
      this.error = e.message;
    } finally {
      this.loading = false;
    }
  }

  render() {
    return html`
      <h1>Edge</h1>
      <p class="muted">Gateways running the edge bridge and the devices they report
        (see docs/edge.md).
        Figures are as of each bridge's last report that reached the catalog.</p>
      ${this.error ? html`<p class="error-banner" role="alert">${this.error}</p>` : ''}
      <p aria-live="polite">${this.loading ? 'Loading…' : ''}</p>
      <h2>Nodes</h2>
      ${this.nodes.length === 0 && !this.loading ? html`<p>No edge node has reported yet.</p>` : html`
        <div class="table-wrap"><table data-testid="edge-nodes">
          <thead><tr><th>Node</th><th>Backlog</th><th>Oldest unsynced</th><th>Last sync</th><th>MQTT</th><th>Dropped</th><th>Tenant</th></tr></thead>
          <tbody>${this.nodes.map((n) => html`
            <tr>
              <td><a href=${entityHref(n.guid)}>${n.node}</a></td>
              <td class="num">${formatNumber(n.backlog)}</td>
              <td class="num">${n.oldestUnsyncedMs ? formatDuration(n.oldestUnsyncedMs) : '–'}</td>
              <td>${formatTime(n.lastSync) || 'never'}</td>
              <td>${n.mqttConnected === null ? '' : html`<span class="chip ${n.mqttConnected ? 'ok' : 'warn'}">${n.mqttConnected ? 'connected' : 'down'}</span>`}</td>
              <td class="num">${formatNumber(n.dropped)}</td>
              <td>${n.tenant}</td>
            </tr>`)}
          </tbody>
        </table></div>`}
      <h2>Devices</h2>
      ${this.devices.length === 0 && !this.loading ? html`<p>No device has been reported yet.</p>` : html`
        <div class="table-wrap"><table data-testid="edge-devices">
          <thead><tr><th>Device</th><th>Node</th><th>State</th><th>Model</th><th>Firmware</th><th>Location</th><th>Last seen</th></tr></thead>
          <tbody>${this.devices.map((d) => html`
            <tr>
              <td><a href=${entityHref(d.guid, 'lineage')}>${d.device}</a></td>
              <td>${d.node}</td>
              <td><span class="chip ${d.state === 'online' ? 'ok' : d.state === 'offline' ? 'warn' : ''}">${d.state}</span></td>
              <td>${d.model}</td>
              <td>${d.firmware}</td>
              <td>${d.location}</td>
              <td>${formatTime(d.lastSeen)}</td>
            </tr>`)}
          </tbody>
        </table></div>`}`;
  }
}
customElements.define('tb-edge-page', EdgePage);
