// What every governance tab shares: the tenant it shows, its error and notice, and how an action
// runs (the tab is read again after it, so that a notice never sits beside a stale list).

import { html } from 'lit';
import { LightElement } from '../components/light-element.js';
import { entityHref } from '../router.js';

export class GovernanceSection extends LightElement {
  static properties = {
    tenant: { type: String },
    params: { type: Object },
    error: { state: true },
    notice: { state: true },
    loading: { state: true },
    confirming: { state: true },
  };

  willUpdate(changed) {
    // A notice speaks of the view it was given in: moving elsewhere in the tab drops it.
    if (changed.get('params') !== undefined) this.notice = null;
    if ((changed.has('tenant') || changed.has('params')) && this.tenant) this.reload();
  }

  async reload() {
    this.loading = true;
    try {
      await this.load();
      this.error = null;
    } catch (e) {
      this.error = e.message;
    } finally {
      this.loading = false;
    }
  }

  /** Runs {@code action}, reloads, and says {@code done(result)} or why it failed. */
  async run(action, done) {
    try {
      const result = await action();
      await this.reload();
      this.notice = typeof done === 'function' ? done(result) : done;
    } catch (e) {
      this.notice = null;
      this.error = e.status === 403 ? `Only the tenant's administrator may do this: ${e.message}` : e.message;
    }
  }

  /** A button that removes something: it asks once more in place (no dialog) before it acts. */
  deleteButton(key, verb, what, action) {
    const armed = this.confirming === key;
    return html`<button class=${armed ? 'danger' : ''} data-action=${armed ? 'confirm' : 'delete'}
      aria-label=${armed ? `Confirm: ${verb} ${what}` : `${verb} ${what}`}
      @click=${() => {
        if (!armed) {
          this.confirming = key;
          return;
        }
        this.confirming = null;
        action();
      }}>${armed ? `Confirm ${verb.toLowerCase()}` : verb}</button>`;
  }

  messages() {
    return html`
      ${this.error ? html`<p class="error-banner" role="alert">${this.error}</p>` : ''}
      ${this.notice ? html`<p class="notice" role="status" data-testid="notice">${this.notice}</p>` : ''}
      <p aria-live="polite" class="muted">${this.loading ? 'Loading…' : ''}</p>`;
  }
}

export function entityCell(e) {
  if (!e) return html`<span class="muted">not visible</span>`;
  return html`<a href=${entityHref(e.guid)}>${e.qualifiedName || e.name || e.guid}</a>`;
}

/** The form's fields as an object of trimmed strings. */
export function formValues(form) {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()]));
}
