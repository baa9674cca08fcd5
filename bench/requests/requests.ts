// Request benchmark page, driven by bench/run.mjs: the typical sandbox patient's record read over
// FHIR R4 or GP Connect (`?source=r4|gp-connect`), shown as a full record (`?page=record`, every
// tab's element, as dcr-record prints) or as one element (`?page=single`, the medication list).
// The driver counts the requests the page makes to the sandbox and their bytes.
import { exampleSession } from '../../packages/elements/src/shared/example-sessions.js';
import '../../packages/elements/src/define/dcr-record.js';
import '../../packages/elements/src/define/dcr-medication-list.js';

const query = new URLSearchParams(location.search);
const session = exampleSession(
  'granted',
  query.get('source') === 'gp-connect' ? { source: 'gp-connect' } : {},
);
const el = document.createElement(
  query.get('page') === 'record' ? 'dcr-record' : 'dcr-medication-list',
);
Object.assign(el, { session });
document.body.append(el);
