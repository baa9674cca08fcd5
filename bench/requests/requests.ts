// Request benchmark page, driven by bench/run.mjs and bench/requests/run.mjs: the typical sandbox
// patient's record read over FHIR R4 or GP Connect (`?source=r4|gp-connect`), shown as a full
// record (`?page=record`, every tab's element, as dcr-record prints), as the medication list alone
// (`?page=single`) or as any one element alone (`?page=dcr-summary`). The driver counts the
// requests the page makes to the sandbox and their bytes.
import { exampleSession } from '../../packages/elements/src/shared/example-sessions.js';
import '../../packages/elements/src/define/dcr-record.js';
import { defineElements } from '../../packages/elements/src/define/define-elements.js';

// dcr-record loads its tabs' elements when they are needed; a page of one element needs it defined.
defineElements();

const query = new URLSearchParams(location.search);
const session = exampleSession(
  'granted',
  query.get('source') === 'gp-connect' ? { source: 'gp-connect' } : {},
);
const page = query.get('page') ?? 'single';
const tag = page === 'record' ? 'dcr-record' : page === 'single' ? 'dcr-medication-list' : page;
if (!/^dcr-[a-z-]+$/.test(tag) || !customElements.get(tag)) throw new Error('unknown page');
const el = document.createElement(tag);
Object.assign(el, { session });
document.body.append(el);
