import { consume } from '@lit/context';
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { CareRecordSession, Diagnosis, DiagnosesSection } from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import {
  newestFirst,
  renderEntryList,
  renderTerm,
  type EntryColumn,
} from '../shared/entry-table.js';
import { formatDate } from '../shared/format.js';
import { SectionController } from '../shared/section-controller.js';
import { ListWindow, lastOf } from '../shared/list-window.js';
import { renderSection } from '../shared/section-view.js';
import { styles } from './diagnosis-list.styles.js';

const STATUS: Record<Diagnosis['status'], string> = {
  active: 'Active',
  inactive: 'Inactive',
  resolved: 'Resolved',
};

const COLUMNS: EntryColumn<Diagnosis>[] = [
  { label: 'Diagnosis', cell: renderTerm },
  { label: 'Onset', cell: (d) => formatDate(d.onset), nowrap: true },
  {
    label: 'Status',
    cell: (d) =>
      d.status !== 'active' && d.abated
        ? `${STATUS[d.status]} ${formatDate(d.abated)}`
        : STATUS[d.status],
  },
];

/**
 * @summary Diagnoses coded in encounters, newest onset first, with onset and status (active,
 * or resolved with its end date).
 *
 * @csspart heading - the "Diagnoses" heading
 * @csspart table - the diagnoses table
 * @csspart row - one diagnosis
 * @csspart term-note - "Not coded" / "Transfer-degraded code" under a term not machine-checked
 * @csspart empty - the message shown when no diagnosis is recorded or can be shown
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - incompleteness notice, "as of" time, source practice and warnings
 * @tagname dcr-diagnosis-list
 */
export class DcrDiagnosisList extends LitElement {
  static override styles = styles;

  /** The care record session; provided by `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  /**
   * True while the page prints: every row is rendered, not the first window of a long list. Set
   * by `<dcr-record>` for its print; used alone, the list sets it itself around a print.
   */
  @property({ type: Boolean }) printing = false;

  private readonly diagnoses = new SectionController(this, 'diagnoses');
  /** A long list shows its first rows and more as it scrolls (shared/list-window.ts). */
  private readonly window = new ListWindow(this);
  private readonly sorted = lastOf((section: DiagnosesSection) =>
    newestFirst(section.entries, (d) => d.date),
  );

  protected override updated(): void {
    if (this.diagnoses.current?.status === 'ready') this.session?.markShown('diagnoses');
  }

  override render() {
    return html`<h2 part="heading" id="heading">Diagnoses</h2>
      ${renderSection(this.session, this.diagnoses.current, {
        label: 'Diagnoses',
        ready: (section) => this.renderReady(section),
        retry: () => this.session?.retry('diagnoses'),
      })}`;
  }

  private renderReady(section: DiagnosesSection): TemplateResult {
    return renderEntryList(section, this.diagnoses.current, this.window, {
      noun: 'diagnoses',
      columns: COLUMNS,
      sorted: this.sorted(section),
    });
  }
}
