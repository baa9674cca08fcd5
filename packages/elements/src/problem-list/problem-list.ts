import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { problemViews } from '@dcr-elements/core';
import type { CareRecordSession, Problem, ProblemsSection } from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import {
  renderEmpty,
  renderEntryTable,
  renderTerm,
  type EntryColumn,
} from '../shared/entry-table.js';
import { formatDate } from '../shared/format.js';
import { SectionController } from '../shared/section-controller.js';
import { ListWindow, lastOf } from '../shared/list-window.js';
import { renderDisclosure, renderSection } from '../shared/section-view.js';
import { styles } from './problem-list.styles.js';
import { recordText } from '../shared/record-text.js';

type Group = 'active' | 'significantPast' | 'minorPast';

const GROUP_TITLES: Record<Group, string> = {
  active: 'Active problems',
  significantPast: 'Significant past problems',
  minorPast: 'Minor past problems',
};
const SIGNIFICANCE: Record<NonNullable<Problem['significance']>, string> = {
  major: 'Major',
  minor: 'Minor',
};

/**
 * @summary The problem list as the GP Connect HTML view groups it: active problems, then
 * significant (major) past problems, then minor past problems, each newest onset first, with
 * onset and end dates and the problems a clinician linked them to.
 *
 * @csspart heading - the "Problems" heading
 * @csspart group - one group (active, significant past, minor past) with its heading
 * @csspart table - a group's table
 * @csspart row - one problem's row
 * @csspart term-note - "Not coded" / "Transfer-degraded code" under a term not machine-checked
 * @csspart empty - the message shown when a group, or the whole list, has no problems
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - incompleteness notice, "as of" time, source practice and warnings
 * @tagname dcr-problem-list
 */
export class DcrProblemList extends LitElement {
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

  private readonly problems = new SectionController(this, 'problems');
  /** A long list shows its first rows and more as it scrolls (shared/list-window.ts). */
  private readonly window = new ListWindow(this);
  private readonly grouped = lastOf((section: ProblemsSection) => ({
    views: problemViews(section),
    names: new Map(section.entries.map((p) => [p.id, p.display])),
  }));

  protected override updated(): void {
    if (this.problems.current?.status === 'ready') this.session?.markShown('problems');
  }

  override render() {
    return html`<h2 part="heading">Problems</h2>
      ${renderSection(this.session, this.problems.current, {
        label: 'Problems',
        ready: (section) => this.renderReady(section),
        retry: () => this.session?.retry('problems'),
      })}`;
  }

  private renderReady(section: ProblemsSection): TemplateResult {
    const snapshot = this.problems.current;
    const { views, names } = this.grouped(section);
    this.window.begin(section.entries.length, section);
    return html`
      ${
        section.entries.length === 0
          ? renderEmpty(section, 'problems')
          : (['active', 'significantPast', 'minorPast'] as const).map((group) =>
              this.renderGroup(section, group, views[group], names),
            )
      }
      ${this.window.renderMore('problems')}
      ${renderDisclosure(section, snapshot?.status === 'ready' ? snapshot : undefined)}
    `;
  }

  private renderGroup(
    section: ProblemsSection,
    group: Group,
    problems: readonly Problem[],
    names: ReadonlyMap<string, string>,
  ): TemplateResult | typeof nothing {
    const rows = this.window.take(problems);
    // A group the window has not reached yet waits, heading and all, for "Show more".
    if (rows.length === 0 && problems.length > 0) return nothing;
    const past = group !== 'active';
    const columns: EntryColumn<Problem>[] = [
      {
        label: 'Problem',
        cell: (p) =>
          html`${renderTerm(p)} ${
            past && !p.significance
              ? html`<span class="secondary">Significance not recorded</span>`
              : nothing
          }`,
      },
      ...(past
        ? []
        : [
            {
              label: 'Significance',
              cell: (p: Problem) =>
                p.significance ? SIGNIFICANCE[p.significance] : 'Not recorded',
            },
          ]),
      { label: 'Onset', cell: (p) => formatDate(p.onset), nowrap: true },
      ...(past
        ? [{ label: 'Ended', cell: (p: Problem) => formatDate(p.abated), nowrap: true }]
        : []),
      ...(problems.some((p) => p.linkedProblems)
        ? [
            {
              label: 'Linked to',
              cell: (p: Problem) =>
                p.linkedProblems
                  ? html`${p.linkedProblems.map((id) => html`<span class="linked">${recordText(names.get(id))}</span>`)}`
                  : 'None',
            },
          ]
        : []),
    ];
    const id = `group-${group}`;
    // A heading, not a landmark: three regions per list would crowd a screen reader's landmarks.
    return html`<div part="group" class="group">
      <h3 id=${id}>${GROUP_TITLES[group]} (${problems.length})</h3>
      ${
        problems.length > 0
          ? renderEntryTable(id, columns, rows)
          : renderEmpty(section, GROUP_TITLES[group].toLowerCase())
      }
    </div>`;
  }
}
