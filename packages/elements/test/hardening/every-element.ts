/**
 * Every element that reads the record, defined, and what it shows (its text through every shadow
 * root it holds), for the hardening suites: each case is tried on all of them.
 */
import type { CareRecordSession } from '@dcr-elements/core';
import { fixture } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/define/dcr-allergy-banner.js';
import '../../src/define/dcr-blood-pressure.js';
import '../../src/define/dcr-consent-gate.js';
import '../../src/define/dcr-diagnosis-list.js';
import '../../src/define/dcr-events-timeline.js';
import '../../src/define/dcr-immunisations.js';
import '../../src/define/dcr-investigations.js';
import '../../src/define/dcr-medication-list.js';
import '../../src/define/dcr-patient-banner.js';
import '../../src/define/dcr-problem-list.js';
import '../../src/define/dcr-procedure-list.js';
import '../../src/define/dcr-record.js';
import '../../src/define/dcr-risks-warnings.js';
import '../../src/define/dcr-summary.js';

export const EVERY_ELEMENT = [
  'dcr-consent-gate',
  'dcr-patient-banner',
  'dcr-allergy-banner',
  'dcr-medication-list',
  'dcr-events-timeline',
  'dcr-summary',
  'dcr-problem-list',
  'dcr-diagnosis-list',
  'dcr-procedure-list',
  'dcr-immunisations',
  'dcr-risks-warnings',
  'dcr-investigations',
  'dcr-blood-pressure',
  'dcr-record',
] as const;

export type ElementWithSession = LitElement & { session?: CareRecordSession };

export function place(tag: string, session: CareRecordSession): Promise<ElementWithSession> {
  return fixture<ElementWithSession>(
    staticHtml`<${unsafeStatic(tag)} .session=${session}></${unsafeStatic(tag)}>`,
  );
}

/** Every text the element renders, inside the shadow roots of the elements it holds too. */
export function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const own = node instanceof Element && node.shadowRoot ? deepText(node.shadowRoot) : '';
  return own + [...node.childNodes].map(deepText).join('');
}

/** The element and every element it holds, updated (a composite's parts render after it). */
export async function rendered(el: LitElement): Promise<void> {
  const all = (node: Node): Element[] =>
    [
      ...(node instanceof Element && node.shadowRoot ? [node.shadowRoot] : []),
      ...node.childNodes,
    ].flatMap((child) => [...(child instanceof Element ? [child] : []), ...all(child)]);
  await el.updateComplete;
  await Promise.resolve();
  for (const part of all(el)) await (part as Partial<LitElement>).updateComplete;
}

/** Waits (up to `ms`) until `check` holds, re-rendering the element between looks. */
export async function until(el: LitElement, check: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await rendered(el);
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}
