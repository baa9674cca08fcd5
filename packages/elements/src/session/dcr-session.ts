import { provide } from '@lit/context';
import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import type { CareRecordSession } from '@dcr-elements/core';
import { AuditForwarder } from '../shared/audit-forwarder.js';
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

  private readonly audit = new AuditForwarder(this, () => this.session);

  override render() {
    return html`<slot></slot>`;
  }
}
