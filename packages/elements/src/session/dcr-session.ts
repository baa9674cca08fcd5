import { provide } from '@lit/context';
import { LitElement, html, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { AuditRecord, CareRecordSession } from '@dcr-elements/core';
import { DcrAuditEvent } from '../events.js';
import { sessionContext } from './session-context.js';

/**
 * @summary Provides a care record session to every `dcr-*` element inside it, and re-dispatches
 * the session's audit records as `dcr-audit` DOM events.
 * @slot - the elements that show the record
 * @fires dcr-audit - detail: the audit record (identities and decisions only)
 * @tagname dcr-session
 */
export class DcrSession extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The session (from `createCareRecordSession`); may be set before or after upgrade. */
  @provide({ context: sessionContext })
  @property({ attribute: false })
  session?: CareRecordSession;

  private readonly forwardAudit = (event: Event) => {
    this.dispatchEvent(new DcrAuditEvent((event as CustomEvent<AuditRecord>).detail));
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) {
      (changed.get('session') as CareRecordSession | undefined)?.removeEventListener(
        'dcr-audit',
        this.forwardAudit,
      );
      if (this.isConnected) this.session?.addEventListener('dcr-audit', this.forwardAudit);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.session?.addEventListener('dcr-audit', this.forwardAudit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session?.removeEventListener('dcr-audit', this.forwardAudit);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
