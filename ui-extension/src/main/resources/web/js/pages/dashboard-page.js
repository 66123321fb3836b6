import { html } from 'lit';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { Estate } from '../dashboard/estate.js';
import { dashboards, bodyOf } from '../dashboard/dashboards-api.js';
import { COLUMNS, createGrid } from '../dashboard/dashboard-grid.js';
import { WIDGET_TYPES, configFromForm, newWidget, widgetTitle } from '../dashboard/widget-types.js';
import '../dashboard/dash-widget.js';

const SAVE_AFTER_MS = 600;

export function dashboardHref(id) {
  return id ? `#/dashboards/${encodeURIComponent(id)}` : '#/dashboards';
}

/**
 * Dashboards: pick one, arrange its widgets by drag and resize, configure each by a form, share it
 * with the tenant, export and import it. Every change is saved as it is made.
 */
export class DashboardPage extends LightElement {
  static properties = {
    dashId: { attribute: false },
    list: { state: true },
    dash: { state: true },
    editing: { state: true },
    status: { state: true },
    error: { state: true },
    dialog: { state: true },
  };

  constructor() {
    super();
    this.list = null;
    this.dash = null;
    this.editing = false;
    this.status = '';
    this.error = null;
    this.dialog = null;
    this.estate = new Estate();
    this.items = new Map();
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopEstate = this.estate.start();
  }

  disconnectedCallback() {
    this.stopEstate?.();
    clearTimeout(this.saveTimer);
    this.grid?.destroy(false);
    this.grid = null;
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('dashId')) this.open(this.dashId);
  }

  async open(id) {
    try {
      const listed = await dashboards.list();
      this.list = listed.dashboards;
      // False with the remote-Atlas backend: nothing can be saved, the built-in one is shown.
      this.saving = listed.saving !== false;
      const chosen = id || this.list[0]?.id || 'default';
      this.laidOut = null;
      this.dash = await dashboards.get(chosen);
      this.editing = false;
      this.error = null;
      this.status = '';
    } catch (e) {
      this.error = e.status === 404 ? 'No such dashboard, or it is not shared with you.' : e.message;
      this.dash = null;
    }
  }

  async firstUpdated() {
    this.grid = await createGrid(this.querySelector('.grid-stack'), { onChange: (items) => this.moved(items) });
    this.layout();
  }

  updated(changed) {
    // A new layout only for another dashboard (or one opened afresh): local edits are in the grid.
    if (changed.has('dash') && this.grid && this.dash?.id !== this.laidOut) this.layout();
    if (changed.has('editing') && this.grid) {
      this.grid.setStatic(!this.editing);
      this.items.forEach(({ widget }) => { widget.editing = this.editing; });
    }
  }

  /** Puts the dashboard's widgets in the grid, replacing what was there. */
  layout() {
    const grid = this.grid;
    this.laidOut = this.dash?.id;
    // Outside the batch: gridstack removes the elements only when it notifies at once.
    grid.removeAll(true);
    grid.batchUpdate();
    this.items.clear();
    for (const w of this.dash?.widgets || []) this.addItem(w);
    grid.batchUpdate(false);
    grid.setStatic(!this.editing);
  }

  addItem(w, autoPosition = false) {
    const item = document.createElement('div');
    item.className = 'grid-stack-item';
    item.setAttribute('gs-id', w.id);
    const content = document.createElement('div');
    content.className = 'grid-stack-item-content';
    const widget = document.createElement('tb-dash-widget');
    widget.widget = w;
    widget.estate = this.estate;
    widget.editing = this.editing;
    content.append(widget);
    item.append(content);
    this.grid.el.append(item);
    this.grid.makeWidget(item, { id: w.id, x: w.x, y: w.y, w: w.w, h: w.h, autoPosition, minW: 2, minH: 2 });
    this.items.set(w.id, { item, widget });
  }

  moved(items) {
    if (!this.editing || !this.dash?.editable) return;
    const byId = new Map(items.map((i) => [i.id, i]));
    this.dash = {
      ...this.dash,
      widgets: this.dash.widgets.map((w) => (byId.has(w.id) ? { ...w, ...byId.get(w.id) } : w)),
    };
    this.scheduleSave();
  }

  scheduleSave() {
    this.status = 'Saving…';
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_AFTER_MS);
  }

  async save() {
    try {
      const saved = await dashboards.update(this.dash.id, bodyOf(this.dash));
      this.dash = { ...this.dash, updateTime: saved.updateTime, shared: saved.shared, title: saved.title };
      this.list = this.list.map((d) => (d.id === saved.id ? { ...d, title: saved.title, shared: saved.shared } : d));
      this.status = 'Saved';
    } catch (e) {
      this.status = `Not saved: ${e.message}`;
    }
  }

  // ---- actions ---------------------------------------------------------------------------------

  async create(body, edit = true) {
    try {
      const created = await dashboards.create(body);
      navigate(`${dashboardHref(created.id)}`);
      if (this.dashId === created.id) await this.open(created.id);
      this.editAfterOpen = edit;
    } catch (e) {
      this.status = `Not created: ${e.message}`;
    }
  }

  closeMenu() {
    const menu = this.querySelector('.dash-more');
    if (menu) menu.open = false;
  }

  newDashboard() {
    this.closeMenu();
    this.create({ title: 'New dashboard', shared: false, widgets: [] });
  }

  copyDashboard() {
    this.closeMenu();
    const d = this.dash;
    this.create({ title: d.builtIn ? d.title : `${d.title} (copy)`, shared: false, widgets: bodyOf(d).widgets });
  }

  async remove() {
    if (!confirm(`Delete the dashboard "${this.dash.title}"?`)) return;
    try {
      await dashboards.remove(this.dash.id);
      navigate(dashboardHref(null));
      if (!this.dashId) await this.open(null);
    } catch (e) {
      this.status = `Not deleted: ${e.message}`;
    }
  }

  setShared(e) {
    this.dash = { ...this.dash, shared: e.target.checked };
    this.save();
  }

  rename(e) {
    const title = e.target.value.trim();
    if (!title || title === this.dash.title) return;
    this.dash = { ...this.dash, title };
    this.scheduleSave();
  }

  async importFile(e) {
    this.closeMenu();
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const created = await dashboards.importText(await file.text());
      navigate(dashboardHref(created.id));
    } catch (err) {
      this.status = `Not imported: ${err.message}`;
    }
  }

  openForm(type, widget) {
    const t = WIDGET_TYPES[type];
    const values = { title: widget?.config?.title || '', ...Object.fromEntries(t.fields.map((f) => [f.name, widget?.config?.[f.name] ?? f.value])) };
    this.dialog = { type, widgetId: widget?.id || null, values, matches: [] };
    this.updateComplete.then(() => this.querySelector('dialog.widget-form')?.showModal());
  }

  closeForm() {
    this.querySelector('dialog.widget-form')?.close();
    this.dialog = null;
  }

  submitForm(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    const { type, widgetId } = this.dialog;
    const values = Object.fromEntries(form.entries());
    if (WIDGET_TYPES[type].fields.some((f) => f.type === 'entity')) values.guid = this.dialog.values.guid || '';
    const config = configFromForm(type, values);
    if (widgetId) {
      this.dash = { ...this.dash, widgets: this.dash.widgets.map((w) => (w.id === widgetId ? { ...w, config } : w)) };
      const entry = this.items.get(widgetId);
      if (entry) entry.widget.widget = this.dash.widgets.find((w) => w.id === widgetId);
    } else {
      const id = `${type.split('-')[0]}-${Math.random().toString(36).slice(2, 8)}`;
      const w = newWidget(type, id, config);
      this.addItem(w, true);
      const placed = this.grid.save(false).find((n) => n.id === id);
      this.dash = { ...this.dash, widgets: [...this.dash.widgets, { ...w, ...(placed ? { x: placed.x, y: placed.y, w: placed.w, h: placed.h } : {}) }] };
    }
    this.closeForm();
    this.scheduleSave();
  }

  async findEntity(e) {
    const q = e.target.value.trim();
    this.dialog = { ...this.dialog, query: q };
    if (q.length < 2) return;
    try {
      const { entities } = await api.search({ q, limit: 8 });
      if (this.dialog?.query === q) this.dialog = { ...this.dialog, matches: entities };
    } catch {
      // A failed look-up leaves the list as it was.
    }
  }

  pickEntity(entity) {
    this.dialog = { ...this.dialog, values: { ...this.dialog.values, guid: entity.guid, entityName: entity.name }, matches: [] };
  }

  onWidgetEvent(e) {
    const id = e.detail.id;
    if (e.type === 'widget-remove') {
      const entry = this.items.get(id);
      if (entry) this.grid.removeWidget(entry.item, true);
      this.items.delete(id);
      this.dash = { ...this.dash, widgets: this.dash.widgets.filter((w) => w.id !== id) };
      this.scheduleSave();
    } else if (e.type === 'widget-configure') {
      const w = this.dash.widgets.find((x) => x.id === id);
      this.openForm(w.type, w);
    }
  }

  // ---- rendering -------------------------------------------------------------------------------

  render() {
    const d = this.dash;
    if (this.editAfterOpen && d && d.editable) {
      this.editAfterOpen = false;
      this.editing = true;
    }
    return html`
      <section class="dashboard-page" @widget-remove=${this.onWidgetEvent} @widget-configure=${this.onWidgetEvent}>
        <div class="dash-toolbar" role="toolbar" aria-label="Dashboard">
          <label class="visually-hidden" for="dash-select">Dashboard</label>
          <select id="dash-select" @change=${(e) => navigate(dashboardHref(e.target.value))}>
            ${d && !(this.list || []).some((x) => x.id === d.id) ? html`<option value=${d.id} selected>${d.title}${d.builtIn ? ' (built in)' : ''}</option>` : ''}
            ${(this.list || []).map((x) => html`<option value=${x.id} ?selected=${x.id === d?.id}>
              ${x.title}${x.builtIn ? ' (built in)' : x.shared ? ' · shared' : ' · personal'}</option>`)}
          </select>
          ${d && this.editing ? html`<label class="visually-hidden" for="dash-title">Title</label>
            <input id="dash-title" class="dash-title" .value=${d.title} maxlength="120" @change=${this.rename}>` : ''}
          <span class="spacer"></span>
          ${d?.builtIn && this.saving !== false ? html`<button type="button" id="dash-copy" class="primary" @click=${this.copyDashboard}>Save a copy to edit</button>` : ''}
          ${d && d.editable ? html`
            <button type="button" id="dash-edit" aria-pressed=${this.editing ? 'true' : 'false'}
              @click=${() => { this.editing = !this.editing; }}>${this.editing ? 'Done' : 'Edit'}</button>` : ''}
          ${d && this.editing ? html`
            <label class="dash-add"><span class="visually-hidden">Add a widget</span>
              <select id="dash-add" @change=${(e) => { const t = e.target.value; e.target.value = ''; if (t) this.openForm(t); }}>
                <option value="">+ Add widget…</option>
                ${Object.entries(WIDGET_TYPES).map(([k, t]) => html`<option value=${k}>${t.title}</option>`)}
              </select></label>
            <label class="check"><input type="checkbox" id="dash-shared" .checked=${Boolean(d.shared)} @change=${this.setShared}>
              Shared with ${d.tenant}</label>
            <button type="button" id="dash-delete" class="danger" @click=${this.remove}>Delete</button>` : ''}
          ${this.saving === false ? '' : html`<details class="dash-more">
            <summary>More</summary>
            <div class="menu">
              <button type="button" id="dash-new" @click=${this.newDashboard}>New dashboard</button>
              ${d && !d.builtIn ? html`<button type="button" @click=${this.copyDashboard}>Duplicate</button>` : ''}
              ${d ? html`<a id="dash-export" href=${dashboards.exportUrl(d.id)} download>Export JSON</a>` : ''}
              <label class="file">Import JSON…<input type="file" id="dash-import" accept="application/json,.json" @change=${this.importFile}></label>
            </div>
          </details>`}
          <span class="status" data-testid="save-status" role="status">${this.status}</span>
        </div>
        ${this.error ? html`<p class="error-banner" role="alert">${this.error}</p>` : ''}
        ${this.saving === false ? html`<p class="muted small" id="dash-unsaved">Dashboards cannot be saved while the catalog is a
          remote Atlas (they are not written to it): the built-in dashboard is shown.</p>` : ''}
        ${d && !d.widgets.length ? html`<p class="empty dash-empty">This dashboard has no widgets yet.
          ${d.editable ? html`${this.editing ? 'Add one with “Add widget”.' : 'Press Edit to add some.'}` : ''}</p>` : ''}
        ${d ? html`<p class="muted small dash-meta">${d.builtIn ? 'Built in: is the streaming estate healthy right now?'
          : d.shared ? `Shared with everyone in ${d.tenant}; created by ${d.owner}.` : 'Personal: only you see it.'}
          ${this.editing ? ' Drag a widget by its title, resize it from its edges.' : ''}</p>` : ''}
        <div class="grid-stack ${this.editing ? 'editing' : ''}" data-testid="dashboard-grid"></div>
        ${this.dialog ? this.renderForm() : ''}
      </section>`;
  }

  renderForm() {
    const { type, widgetId, values, matches } = this.dialog;
    const t = WIDGET_TYPES[type];
    return html`
      <dialog class="widget-form" aria-labelledby="widget-form-title" @close=${() => { this.dialog = null; }}>
        <form @submit=${this.submitForm}>
          <h2 id="widget-form-title">${widgetId ? 'Configure' : 'Add'} ${t.title}</h2>
          <p class="muted small">${t.help}</p>
          <label>Title <input name="title" .value=${values.title || ''} placeholder=${t.title} maxlength="80"></label>
          ${t.fields.map((f) => f.type === 'number' ? html`
            <label>${f.label} <input name=${f.name} type="number" min=${f.min} max=${f.max} .value=${String(values[f.name])}></label>`
            : f.type === 'select' ? html`
            <label>${f.label} <select name=${f.name}>${f.options.map(([k, label]) => html`<option value=${k} ?selected=${values[f.name] === k}>${label}</option>`)}</select></label>`
            : html`
            <label>${f.label} <input type="search" id="widget-entity" autocomplete="off" placeholder="Search by name"
              .value=${values.entityName || ''} @input=${this.findEntity}></label>
            ${values.guid ? html`<p class="small">Chosen: <code>${values.entityName || values.guid}</code></p>` : ''}
            <ul class="matches">${(matches || []).map((m) => html`<li><button type="button" @click=${() => this.pickEntity(m)}>
              ${m.name} <span class="type-badge">${m.typeName}</span></button></li>`)}</ul>`)}
          <div class="actions">
            <button type="button" @click=${this.closeForm}>Cancel</button>
            <button type="submit" class="primary" id="widget-save">${widgetId ? 'Apply' : 'Add'}</button>
          </div>
        </form>
      </dialog>`;
  }
}
customElements.define('tb-dashboard-page', DashboardPage);

export { COLUMNS, widgetTitle };
