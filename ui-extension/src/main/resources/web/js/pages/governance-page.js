import { html } from 'lit';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { entityHref, governanceHref, navigate } from '../router.js';
import { formatTime } from '../format.js';
import { describeChange } from './governance-rows.js';
import './governance-classification.js';
import './governance-retention.js';
import './governance-quality.js';

const TABS = [
  ['inbox', 'Inbox'],
  ['classification', 'Classification'],
  ['retention', 'Retention'],
  ['quality', 'Quality'],
];

const STATUS_CHIP = { open: 'warn', claimed: '', resolved: 'ok', pending: 'warn', applied: 'ok', rejected: '', failed: 'warn' };

function chip(status) {
  return html`<span class="chip ${STATUS_CHIP[status] ?? ''}" data-testid="status">${status}</span>`;
}

function entityLink(item) {
  if (!item.entity) return item.entityGuid ? html`<span class="muted">not visible</span>` : '—';
  return html`<a href=${entityHref(item.entity.guid)}>${item.entity.qualifiedName || item.entity.name}</a>`;
}

/**
 * Governance, in tabs kept in the URL ({@code #/governance?tenant=&tab=}): the caller's inbox (their
 * tasks, the proposals awaiting their approval), the tenant's proposals with approve and reject, its
 * open tasks, and one task with its comments; then classification rules, retention and legal holds,
 * and data quality, each its own element.
 */
export class GovernancePage extends LightElement {
  static properties = {
    params: { type: Object },
    tenants: { state: true },
    inbox: { state: true },
    proposals: { state: true },
    tasks: { state: true },
    task: { state: true },
    error: { state: true },
    notice: { state: true },
    loading: { state: true },
  };

  constructor() {
    super();
    this.tenants = [];
    this.proposals = [];
    this.tasks = [];
    this.inbox = null;
    this.task = null;
  }

  get tenant() {
    return this.params?.tenant || this.tenants[0]?.id || '';
  }

  get tab() {
    return TABS.some(([id]) => id === this.params?.tab) ? this.params.tab : 'inbox';
  }

  selectTab(id) {
    navigate(governanceHref(id === 'inbox' ? { tenant: this.tenant } : { tenant: this.tenant, tab: id }));
  }

  onTabKey(e) {
    const ids = TABS.map(([id]) => id);
    const i = ids.indexOf(this.tab);
    const next = { ArrowRight: ids[(i + 1) % ids.length], ArrowLeft: ids[(i - 1 + ids.length) % ids.length],
      Home: ids[0], End: ids[ids.length - 1] }[e.key];
    if (next) {
      e.preventDefault();
      this.selectTab(next);
      this.updateComplete.then(() => this.querySelector(`#gov-tab-${next}`)?.focus());
    }
  }

  willUpdate(changed) {
    if (changed.has('params')) this.load();
  }

  async load() {
    this.loading = true;
    try {
      if (!this.tenants.length) this.tenants = await api.tenants();
      const tenant = this.tenant;
      if (!tenant) {
        this.error = 'You are not a member of any tenant.';
        return;
      }
      // The other tabs load what they show themselves.
      if (this.tab !== 'inbox') {
        this.error = null;
        return;
      }
      const taskId = this.params?.task;
      const [inbox, proposals, tasks, task] = await Promise.all([
        api.inbox(tenant),
        api.proposals(tenant),
        api.tasks(tenant, { status: 'open' }),
        taskId ? api.task(tenant, taskId) : null,
      ]);
      Object.assign(this, { inbox, proposals: proposals.reverse(), tasks, task });
      this.error = null;
    } catch (e) {
      this.error = e.message;
    } finally {
      this.loading = false;
    }
  }

  async decide(p, decision) {
    try {
      const done = await api.decide(this.tenant, p.id, decision);
      // The lists are read again first, so that the notice never sits beside a stale inbox.
      await this.load();
      this.notice = `Proposal ${decision === 'approve' ? 'approved' : 'rejected'}: ${done.status}${done.outcome ? ` (${done.outcome})` : ''}`;
    } catch (e) {
      this.error = e.status === 403 ? `You may not ${decision} this proposal: ${e.message}` : e.message;
    }
  }

  async act(action, body) {
    try {
      this.task = await api.taskAction(this.tenant, this.task.id, action, body);
      this.notice = null;
      await this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  comment(e) {
    e.preventDefault();
    const text = e.target.elements.text.value.trim();
    if (!text) return;
    this.act('comments', { text }).then(() => { e.target.reset(); });
  }

  render() {
    const tenant = this.tenant;
    const tab = this.tab;
    return html`
      <div class="page-head">
        <h1>Governance</h1>
        ${this.tenants.length > 1 ? html`
          <label>Tenant
            <select data-testid="tenant" @change=${(e) => navigate(governanceHref({ tenant: e.target.value, tab }))}>
              ${this.tenants.map((t) => html`<option value=${t.id} ?selected=${t.id === tenant}>${t.id}</option>`)}
            </select></label>` : ''}
      </div>
      <div role="tablist" aria-label="Governance views" @keydown=${this.onTabKey}>
        ${TABS.map(([id, label]) => html`
          <button role="tab" id="gov-tab-${id}" aria-controls="gov-panel" aria-selected=${id === tab ? 'true' : 'false'}
            tabindex=${id === tab ? '0' : '-1'} data-tab=${id} @click=${() => this.selectTab(id)}>${label}</button>`)}
      </div>
      <section role="tabpanel" id="gov-panel" aria-labelledby="gov-tab-${tab}">
        ${tab === 'inbox' || !tenant ? this.renderInbox() : this.renderTab(tab, tenant)}
      </section>`;
  }

  renderTab(tab, tenant) {
    const params = this.params || {};
    switch (tab) {
      case 'classification':
        return html`<tb-governance-classification .tenant=${tenant} .params=${params}></tb-governance-classification>`;
      case 'retention':
        return html`<tb-governance-retention .tenant=${tenant} .params=${params}></tb-governance-retention>`;
      default:
        return html`<tb-governance-quality .tenant=${tenant} .params=${params}></tb-governance-quality>`;
    }
  }

  renderInbox() {
    return html`
      ${this.error ? html`<p class="error-banner" role="alert">${this.error}</p>` : ''}
      ${this.notice ? html`<p class="notice" role="status" data-testid="notice">${this.notice}</p>` : ''}
      <p aria-live="polite" class="muted">${this.loading ? 'Loading…' : ''}</p>
      ${this.task ? this.renderTask(this.task) : this.renderLists()}`;
  }

  renderLists() {
    const inbox = this.inbox || { tasks: [], proposals: [] };
    return html`
      <section class="card" aria-labelledby="inbox-title" data-testid="inbox">
        <h2 id="inbox-title">My inbox${inbox.user ? html` <span class="muted">· ${inbox.user}</span>` : ''}</h2>
        <h3>Awaiting my approval</h3>
        ${inbox.proposals.length ? this.renderProposals(inbox.proposals, 'inbox-proposals')
          : html`<p class="muted">No proposal awaits you.</p>`}
        <h3>My tasks</h3>
        ${inbox.tasks.length ? this.renderTasks(inbox.tasks, 'inbox-tasks') : html`<p class="muted">No open task is yours.</p>`}
      </section>
      <h2>Proposals</h2>
      ${this.proposals.length ? this.renderProposals(this.proposals, 'proposals') : html`<p class="muted">No proposals yet.</p>`}
      <h2>Open tasks</h2>
      ${this.tasks.length ? this.renderTasks(this.tasks, 'tasks') : html`<p class="muted">No open tasks.</p>`}`;
  }

  renderProposals(list, testid) {
    return html`<div class="table-wrap"><table class="stack" data-testid=${testid}>
      <thead><tr><th>Change</th><th>Entity</th><th>Status</th><th>Approvals</th><th>Proposed by</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${list.map((p) => html`
        <tr data-proposal=${p.id}>
          <td><span class="chip">${p.kind}</span> ${describeChange(p)}${p.reason ? html`<div class="muted">${p.reason}</div>` : ''}</td>
          <td data-label="Entity">${entityLink(p)}</td>
          <td data-label="Status">${chip(p.status)}${p.outcome ? html`<div class="muted">${p.outcome}</div>` : ''}</td>
          <td class="num" data-label="Approvals">${p.approvals.length} / ${p.required}</td>
          <td data-label="Proposed by">${p.proposedBy}<div class="muted">${formatTime(p.created)}</div></td>
          <td class="actions">${p.status === 'pending' ? html`
            <button class="primary" data-action="approve" @click=${() => this.decide(p, 'approve')}>Approve</button>
            <button data-action="reject" @click=${() => this.decide(p, 'reject')}>Reject</button>` : ''}</td>
        </tr>`)}
      </tbody></table></div>`;
  }

  renderTasks(list, testid) {
    return html`<div class="table-wrap"><table class="stack" data-testid=${testid}>
      <thead><tr><th>Task</th><th>Kind</th><th>Entity</th><th>Status</th><th>Assignee</th><th>Created</th></tr></thead>
      <tbody>${list.map((t) => html`
        <tr data-task=${t.id}>
          <td><a href=${governanceHref({ tenant: this.tenant, task: t.id })}>${t.title}</a></td>
          <td data-label="Kind"><span class="chip">${t.kind}</span></td>
          <td data-label="Entity">${entityLink(t)}</td>
          <td data-label="Status">${chip(t.status)}</td>
          <td data-label="Assignee">${t.claimedBy || t.assignee || html`<span class="muted">unassigned</span>`}</td>
          <td data-label="Created">${formatTime(t.created)}</td>
        </tr>`)}
      </tbody></table></div>`;
  }

  renderTask(t) {
    return html`
      <p><a href=${governanceHref({ tenant: this.tenant })}>← Inbox</a></p>
      <section class="card" data-testid="task" aria-labelledby="task-title">
        <h2 id="task-title">${t.title}</h2>
        <p>${chip(t.status)} <span class="chip">${t.kind}</span></p>
        ${t.detail ? html`<p>${t.detail}</p>` : ''}
        <dl>
          <dt>Entity</dt><dd>${entityLink(t)}</dd>
          <dt>Assignee</dt><dd>${t.assignee || '—'}</dd>
          <dt>Claimed by</dt><dd>${t.claimedBy || '—'}</dd>
          <dt>Created</dt><dd>${formatTime(t.created)} by ${t.createdBy}</dd>
          ${t.resolution ? html`<dt>Resolution</dt><dd>${t.resolution}</dd>` : ''}
        </dl>
        ${t.status !== 'resolved' ? html`<p class="actions">
          ${t.status === 'open' ? html`<button class="primary" data-action="claim" @click=${() => this.act('claim')}>Claim</button>` : ''}
          <button data-action="resolve" @click=${() => this.act('resolve', {})}>Resolve</button></p>` : ''}
        <h3>Comments</h3>
        ${t.comments.length ? html`<ol class="comments" data-testid="comments">${t.comments.map((c) => html`
          <li><strong>${c.user}</strong> <span class="muted">${formatTime(c.time)}</span><p>${c.text}</p></li>`)}</ol>`
          : html`<p class="muted">No comments yet.</p>`}
        <form @submit=${this.comment}>
          <label for="comment-text">Add a comment</label>
          <textarea id="comment-text" name="text" rows="3" required></textarea>
          <button type="submit">Comment</button>
        </form>
      </section>`;
  }
}
customElements.define('tb-governance-page', GovernancePage);
