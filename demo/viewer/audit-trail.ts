/**
 * The auditor's view: the AuditEvents the core's `fhirAuditSink` delivered to the FHIR server,
 * read back newest first (`GET AuditEvent?agent-identifier=<ODS>&_sort=-date`) for the auditor's
 * own organisation, as rows saying who viewed whom, when, on what basis, with overrides marked.
 * The events are the library's own (core `toAuditEvent`); any other event still shows, with
 * "Not recorded" where a field is missing.
 */
import { html, nothing } from 'lit';
import { ODS_ORGANISATION_SYSTEM } from '@dcr-elements/core';
import {
  DCR_AUDIT_ACTION,
  DCR_OVERRIDE_REASON,
  PRIVACY_ALERT,
  SDS_JOB_ROLE,
  TREAT,
} from '../../packages/core/src/audit/audit-codes.js';
import { SDS_USER_ID_SYSTEM } from '../../packages/core/src/model/common.js';
import {
  NOT_KNOWN,
  formatDateTime,
  formatNhsNumber,
} from '../../packages/elements/src/shared/format.js';

export interface TrailRow {
  id: string;
  /** ISO instant; for merged "shown" rows, the first of them. */
  recorded: string;
  /** The last of merged "shown" rows. */
  until?: string;
  user: string;
  roles: string[];
  organisation: string;
  nhsNumber: string | undefined;
  /** The core's action code (`consent-recorded`, `override`, `section-shown`, ...). */
  action: string;
  what: string;
  sections: string[];
  basis: string | undefined;
  /** A duty-of-care override: the basis of the view, or the override itself. */
  override: boolean;
  outcome: 'Success' | 'Refused' | 'Failed';
  detail: string | undefined;
  alert: boolean;
}

/** `risksWarnings`, `ended-by-user` → `risks warnings`, `ended by user`. */
const words = (code: string) =>
  code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase();

const OUTCOMES: Record<string, TrailRow['outcome']> = { '0': 'Success', '4': 'Refused' };

export function trailRow(event: fhir4.AuditEvent): TrailRow {
  const action = event.subtype?.find((c) => c.system === DCR_AUDIT_ACTION);
  const user =
    event.agent.find((a) => a.who?.identifier?.system === SDS_USER_ID_SYSTEM) ?? event.agent[0];
  const organisation = event.agent.find(
    (a) => a.who?.identifier?.system === ODS_ORGANISATION_SYSTEM,
  );
  const patient = event.entity?.find((e) => e.what?.identifier?.value && e.type?.code === '1');
  const sections = (event.entity ?? [])
    .flatMap((e) => e.detail ?? [])
    .filter((d) => d.type === 'section' && d.valueString)
    .map((d) => words(d.valueString!));
  const purposes = event.purposeOfEvent ?? [];
  const overrideReason = purposes
    .flatMap((p) => p.coding ?? [])
    .find((c) => c.system === DCR_OVERRIDE_REASON);
  const overrideNote = purposes.find((p) =>
    p.coding?.some((c) => c.system === DCR_OVERRIDE_REASON),
  )?.text;
  const consent = purposes.some((p) =>
    p.coding?.some((c) => c.system === TREAT.system && c.code === TREAT.code),
  );
  const basis = overrideReason
    ? `Override: ${overrideReason.display ?? overrideReason.code}${
        overrideNote && overrideNote !== overrideReason.display ? ` (“${overrideNote}”)` : ''
      }`
    : consent
      ? 'Consent'
      : undefined;
  return {
    id: event.id ?? '',
    recorded: event.recorded,
    user: user?.who?.display ?? user?.who?.identifier?.value ?? NOT_KNOWN,
    roles: (user?.role ?? [])
      .flatMap((r) => r.coding ?? [])
      .filter((c) => c.system === SDS_JOB_ROLE && c.code)
      .map((c) => c.code!),
    organisation: organisation?.who?.identifier?.value ?? NOT_KNOWN,
    nhsNumber: patient?.what?.identifier?.value,
    action: action?.code ?? '',
    what: action?.display ?? event.type.display ?? NOT_KNOWN,
    sections,
    basis,
    override: Boolean(overrideReason) || action?.code === 'override',
    outcome: OUTCOMES[event.outcome ?? ''] ?? 'Failed',
    detail: event.outcomeDesc && words(event.outcomeDesc),
    alert: Boolean(
      event.meta?.tag?.some(
        (t) => t.system === PRIVACY_ALERT.system && t.code === PRIVACY_ALERT.code,
      ),
    ),
  };
}

/** What an auditor reads first: every decision and refusal, and each run of sections shown as one row. */
const VIEW_ACTIONS = new Set([
  'consent-recorded',
  'override',
  'refusal',
  'identity-mismatch',
  'section-shown',
  'end',
]);

/**
 * Rows (newest first) kept to views and decisions: consecutive "section shown" rows for one user
 * and one patient become one row naming every section, from the first to the last.
 */
export function viewsAndDecisions(rows: readonly TrailRow[]): TrailRow[] {
  const kept: TrailRow[] = [];
  for (const row of rows) {
    if (!VIEW_ACTIONS.has(row.action) && row.outcome === 'Success') continue;
    const previous = kept.at(-1);
    if (
      row.action === 'section-shown' &&
      previous?.action === 'section-shown' &&
      previous.user === row.user &&
      previous.organisation === row.organisation &&
      previous.nhsNumber === row.nhsNumber &&
      previous.basis === row.basis
    ) {
      kept[kept.length - 1] = {
        ...previous,
        // Newest first: this row is older, so it starts the run.
        recorded: row.recorded,
        until: previous.until ?? previous.recorded,
        sections: [...new Set([...row.sections, ...previous.sections])],
      };
      continue;
    }
    kept.push({ ...row });
  }
  return kept;
}

export interface TrailPage {
  rows: TrailRow[];
  total: number;
  /** The next (older) page, when there is one. */
  next: string | undefined;
}

/** One page of the organisation's trail, newest first. Throws on an HTTP or network failure. */
export async function readTrail(
  fhirBase: string,
  organisation: string,
  url = `${fhirBase}/AuditEvent?${new URLSearchParams({
    'agent-identifier': `${ODS_ORGANISATION_SYSTEM}|${organisation}`,
    _sort: '-date',
    _count: '200',
  })}`,
): Promise<TrailPage> {
  const response = await fetch(url, { headers: { accept: 'application/fhir+json' } });
  if (!response.ok) throw new Error(`The audit trail could not be read (HTTP ${response.status}).`);
  const bundle = (await response.json()) as fhir4.Bundle;
  return {
    rows: (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is fhir4.AuditEvent => r?.resourceType === 'AuditEvent')
      .map(trailRow),
    total: bundle.total ?? 0,
    next: bundle.link?.find((l) => l.relation === 'next')?.url,
  };
}

export interface TrailView {
  rows: TrailRow[];
  total: number;
  next: string | undefined;
  everything: boolean;
  status: 'loading' | 'ready' | 'error';
  error?: string;
  organisation: string;
}

export interface TrailActions {
  refresh: () => void;
  older: () => void;
  showEverything: (everything: boolean) => void;
}

/** `02-Dec-2026 16:27`, the date and the time each kept whole when the cell wraps. */
const dateTime = (iso: string) =>
  formatDateTime(iso)
    .split(' ')
    .map((part) => html`<span class="nowrap">${part}</span> `);

const when = (row: TrailRow) =>
  row.until && formatDateTime(row.until) !== formatDateTime(row.recorded)
    ? html`${dateTime(row.recorded)} to ${dateTime(row.until)}`
    : dateTime(row.recorded);

/** A cell whose label the stacked (phone) layout shows beside its value. */
const cell = (label: string, value: unknown) =>
  html`<td data-label=${label}><div>${value}</div></td>`;

export function renderTrail(view: TrailView, actions: TrailActions) {
  const shown = view.everything ? view.rows : viewsAndDecisions(view.rows);
  const overrides = shown.filter((r) => r.override).length;
  return html`<h1 tabindex="-1">Audit trail</h1>
    <p class="lede">
      Who viewed whose GP record at ${view.organisation}, when, and on what basis, newest first, as
      the FHIR server holds it. Duty-of-care overrides are marked.
    </p>
    <div class="trail-controls">
      <label class="checkbox">
        <input type="checkbox" .checked=${view.everything}
          @change=${(e: Event) => actions.showEverything((e.target as HTMLInputElement).checked)} />
        Show every event (each section fetched and shown, each access check)
      </label>
      <button type="button" class="button button--secondary" @click=${actions.refresh}>Refresh</button>
    </div>
    <p class="trail-status" role="status">
      ${
        view.status === 'loading'
          ? 'Reading the audit trail…'
          : view.status === 'error'
            ? nothing
            : `${shown.length} ${shown.length === 1 ? 'row' : 'rows'} from the newest ${view.rows.length} of ${view.total} events${
                overrides > 0 ? `; ${overrides} with a duty-of-care override` : ''
              }.`
      }
    </p>
    ${view.status === 'error' ? html`<p class="error-message" role="alert">${view.error}</p>` : nothing}
    ${
      shown.length > 0
        ? html`<table class="trail">
          <caption class="visually-hidden">Audit events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Patient</th>
              <th scope="col">What happened</th>
              <th scope="col">Basis</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (row) => html`<tr class=${row.override ? 'override' : ''}>
                ${cell('When', when(row))}
                ${cell(
                  'Who',
                  html`${row.user}<br /><span class="muted nowrap"
                      >${[...row.roles, row.organisation].join(' · ')}</span
                    >`,
                )}
                ${cell(
                  'Patient',
                  html`<span class="nhs-number"
                    >${row.nhsNumber ? formatNhsNumber(row.nhsNumber) : NOT_KNOWN}</span
                  >`,
                )}
                ${cell(
                  'What happened',
                  html`${row.what}${
                    row.sections.length > 0
                      ? html`<br /><span class="muted">${row.sections.join(', ')}</span>`
                      : nothing
                  }`,
                )}
                ${cell(
                  'Basis',
                  html`${
                    row.override
                      ? html`<strong class="tag tag--override">Override</strong> `
                      : nothing
                  }${
                    row.basis?.replace(/^Override: /, '') ?? (row.override ? '' : 'Not yet decided')
                  }`,
                )}
                ${cell(
                  'Outcome',
                  html`${row.outcome}${
                    row.detail ? html`<br /><span class="muted">${row.detail}</span>` : nothing
                  }${row.alert ? html` <strong class="tag tag--alert">Alert</strong>` : nothing}`,
                )}
              </tr>`,
            )}
          </tbody>
        </table>`
        : view.status === 'ready'
          ? html`<p>No audit events yet for ${view.organisation}.</p>`
          : nothing
    }
    ${
      view.next
        ? html`<button type="button" class="button button--secondary" @click=${actions.older}>Show older events</button>`
        : nothing
    }`;
}
