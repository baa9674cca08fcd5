import { sandboxSession, viewPatient } from '@dcr-elements/test-support';
import { consume } from '@lit/context';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { CareRecordSession } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { DcrSession } from './dcr-session.js';
import '../define/dcr-session.js';
import { sessionContext } from './session-context.js';
import type { DcrAuditEvent } from '../events.js';
import { defineOnce } from '../define/define-once.js';

/** A minimal consumer, as every dcr-* element consumes the session. */
class SessionProbe extends LitElement {
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;
}
defineOnce('test-session-probe', SessionProbe);

describe('dcr-session', () => {
  it('provides the session to elements inside it, whether set before or after they upgrade', async () => {
    const { session } = sandboxSession();
    const el = await fixture<DcrSession>(
      html`<dcr-session><test-session-probe></test-session-probe></dcr-session>`,
    );
    const probe = el.querySelector<SessionProbe>('test-session-probe')!;
    expect(probe.session).to.equal(undefined);
    el.session = session;
    await el.updateComplete;
    expect(probe.session).to.equal(session);
    // Added later, and moved elsewhere inside: still provided.
    const late = document.createElement('test-session-probe') as SessionProbe;
    const wrapper = document.createElement('div');
    el.append(wrapper);
    wrapper.append(late);
    expect(late.session).to.equal(session);
    el.append(late);
    expect(late.session).to.equal(session);
  });

  it('re-dispatches the session audit records as composed dcr-audit DOM events', async () => {
    const { session } = sandboxSession();
    const el = await fixture<DcrSession>(html`<dcr-session .session=${session}></dcr-session>`);
    const seen: string[] = [];
    const listener = (event: DcrAuditEvent) => seen.push(event.detail.action);
    document.addEventListener('dcr-audit', listener);
    await viewPatient(session, SANDBOX_PATIENTS.typical);
    await waitUntil(() => seen.includes('access-decision'), 'no audit event reached the document', {
      timeout: 5000,
    });
    expect(seen[0]).to.equal('attempt');
    document.removeEventListener('dcr-audit', listener);
    el.remove();
  });
});
