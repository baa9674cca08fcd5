import { consume } from '@lit/context';
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { CareRecordSession, Procedure, ProceduresSection } from '@dcr-elements/core';
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
import { styles } from './procedure-list.styles.js';

const STATUS: Record<Procedure['status'], string> = {
  completed: 'Completed',
  'in-progress': 'In progress',
  'not-done': 'Not done',
  unknown: 'Status not known',
};

const COLUMNS: EntryColumn<Procedure>[] = [
  { label: 'Procedure', cell: renderTerm },
  { label: 'Performed', cell: (p) => formatDate(p.performed), nowrap: true },
  { label: 'Status', cell: (p) => STATUS[p.status] },
];

/**
 * @summary Procedures (operations and other interventions), newest first, with the date each was
 * performed and its status.
 *
 * @csspart heading - the "Procedures" heading
 * @csspart table - the procedures table
 * @csspart row - one procedure
 * @csspart term-note - "Not coded" / "Transfer-degraded code" under a term not machine-checked
 * @csspart empty - the message shown when no procedure is recorded or can be shown
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - incompleteness notice, "as of" time, source practice and warnings
 * @tagname dcr-procedure-list
 */
export class DcrProcedureList extends LitElement {
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

  private readonly procedures = new SectionController(this, 'procedures');
  /** A long list shows its first rows and more as it scrolls (shared/list-window.ts). */
  private readonly window = new ListWindow(this);
  private readonly sorted = lastOf((section: ProceduresSection) =>
    newestFirst(section.entries, (p) => p.performed ?? p.date),
  );

  protected override updated(): void {
    if (this.procedures.current?.status === 'ready') this.session?.markShown('procedures');
  }

  override render() {
    return html`<h2 part="heading" id="heading">Procedures</h2>
      ${renderSection(this.session, this.procedures.current, {
        label: 'Procedures',
        ready: (section) => this.renderReady(section),
        retry: () => this.session?.retry('procedures'),
      })}`;
  }

  private renderReady(section: ProceduresSection): TemplateResult {
    return renderEntryList(section, this.procedures.current, this.window, {
      noun: 'procedures',
      columns: COLUMNS,
      sorted: this.sorted(section),
    });
  }
}
