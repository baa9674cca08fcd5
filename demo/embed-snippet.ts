// The embed snippet for an example as shown: its markup read back from the page (attributes
// only: what a host writes), the define module of each element in it, and the session wiring
// with the sandbox patient the example shows. A module file, as the strict CSP requires.
import type { CareRecordSession } from '@dcr-elements/core';

function markup(element: Element, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = [...element.attributes].map((a) =>
    a.value ? ` ${a.name}="${a.value}"` : ` ${a.name}`,
  );
  const open = `${indent}<${element.localName}${attributes.join('')}>`;
  const close = `</${element.localName}>`;
  const children = [...element.children].filter((child) => child.localName.startsWith('dcr-'));
  if (children.length === 0) return `${open}${close}`;
  return [open, ...children.map((child) => markup(child, depth + 1)), `${indent}${close}`].join(
    '\n',
  );
}

function elementsIn(root: Element): Element[] {
  return [root, ...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('dcr-'));
}

export function embedSnippet(frame: Element): { html: string; module: string } {
  const top = [...frame.children].filter((child) => child.localName.startsWith('dcr-'));
  const tags = [...new Set(top.flatMap(elementsIn).map((e) => e.localName))];
  const holder = top[0] as (Element & { session?: CareRecordSession }) | undefined;
  const session = holder?.session;
  const patient = session?.patient;
  const lines = [
    ...(session
      ? ["import { createCareRecordSession, fhirR4Source } from '@dcr-elements/core';"]
      : []),
    ...tags.map((tag) => `import '@dcr-elements/elements/define/${tag}.js';`),
  ];
  if (holder && session) {
    lines.push(
      '',
      'const session = createCareRecordSession({',
      "  source: fhirR4Source({ baseUrl: '/fhir/r4' }), // your own FHIR proxy, never Spine",
      "  viewer: { userId: 'demo-user', name: 'Dr Demo', roles: ['R8000'], organisation: 'RX1',",
      "    setting: 'emergency' },",
      '  // Your audit service receives every audit record.',
      "  audit: { record: (auditRecord) => fetch('/audit', { method: 'POST', body: JSON.stringify(auditRecord) }) },",
      "  policy: { agreement: ['RX1'] }, // organisations in the sharing agreement",
      '});',
      `document.querySelector('${holder.localName}').session = session;`,
    );
    if (patient) {
      const given = (patient.name?.given ?? []).map((g) => `'${g}'`).join(', ');
      lines.push(
        'session.setPatient({',
        `  nhsNumber: '${patient.nhsNumber}',`,
        `  name: { family: '${patient.name?.family ?? ''}', given: [${given}] },`,
        `  birthDate: '${patient.birthDate ?? ''}',`,
        '});',
        '// The consent gate (or your own screen) records the patient’s answer; nothing is fetched before it.',
      );
    }
  }
  return {
    html: [
      '<script type="module" src="./embed.js"></script>',
      ...top.map((element) => markup(element, 0)),
    ].join('\n'),
    module: lines.join('\n'),
  };
}
