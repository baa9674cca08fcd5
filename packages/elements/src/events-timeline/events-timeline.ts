import { consume } from '@lit/context';
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  virtualize,
  virtualizerRef,
  type VirtualizerHostElement,
} from '@lit-labs/virtualizer/virtualize.js';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { CareEvent, CareRecordSession, EventsSection } from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import { formatDate } from '../shared/format.js';
import { SectionController } from '../shared/section-controller.js';
import { renderDisclosure, renderSection } from '../shared/section-view.js';
import {
  EVENT_KINDS,
  isoDay,
  newestFirst,
  parseKinds,
  timelineRows,
  type EventKind,
  type TimelineRow,
} from './timeline-rows.js';
import { styles } from './events-timeline.styles.js';

const KIND_LABELS: Record<EventKind, string> = {
  encounter: 'Encounter',
  admission: 'Admission',
  referral: 'Referral',
};
const KIND_PLURALS: Record<EventKind, string> = {
  encounter: 'Encounters',
  admission: 'Admissions',
  referral: 'Referrals',
};
const STATUS_LABELS: Record<CareEvent['status'], string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  finished: 'Finished',
  cancelled: 'Cancelled',
  unknown: 'Status not known',
};

/** A different shape per kind, so the kind never rests on colour (the label says it too). */
const KIND_ICONS: Record<EventKind, TemplateResult> = {
  encounter: svg`<circle cx="12" cy="12" r="7" />`,
  admission: svg`<rect x="5" y="5" width="14" height="14" />`,
  referral: svg`<path d="M4 12h12M12 6l6 6-6 6" fill="none" stroke="currentColor" stroke-width="3" />`,
};

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * @summary Encounters, admissions and referrals in one timeline, newest first and grouped by
 * date, with kind and date-range filters; virtualised, so ten thousand events scroll smoothly.
 * Keyboard: Tab into the timeline, then Up/Down move between rows, Page Up/Page Down by ten,
 * Home/End to the first and last row.
 *
 * @csspart heading - the "Events" heading
 * @csspart controls - the kind checkboxes and date-range inputs
 * @csspart summary - the line saying how many events are shown
 * @csspart timeline - the timeline grid
 * @csspart scroller - the scrolling area holding the rows
 * @csspart date-row - a date header row
 * @csspart row - one event's row
 * @csspart kind - the kind of an event (icon and label)
 * @csspart empty - the message shown when no event is recorded or matches the filters
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - incompleteness notice, "as of" time, source practice and warnings
 * @cssprop --dcr-events-timeline-height - height of the scrolling area (default 28rem)
 * @cssprop --dcr-events-timeline-date-background - date header rows (default: muted surface)
 * @cssprop --dcr-events-timeline-admission-color - admission marker (default: danger token)
 * @cssprop --dcr-events-timeline-referral-color - referral marker (default: brand token)
 * @tagname dcr-events-timeline
 */
export class DcrEventsTimeline extends LitElement {
  static override styles = styles;

  /** Which kinds to show: space-separated `encounter admission referral` (default all three). */
  @property({ converter: { fromAttribute: parseKinds } }) kinds: EventKind[] = [...EVENT_KINDS];

  /** Earliest date to show, ISO `2024-03-12` (inclusive); empty for no bound. */
  @property() from = '';

  /** Latest date to show, ISO `2024-03-12` (inclusive); empty for no bound. */
  @property() to = '';

  /** The care record session; provided by `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  /** The row that takes focus when the timeline is tabbed into (roving tabindex). */
  @state() private activeIndex = 0;

  private readonly events = new SectionController(this, 'events');
  private section: EventsSection | undefined;
  private sorted: CareEvent[] = [];
  private counts: Record<EventKind, number> = { encounter: 0, admission: 0, referral: 0 };
  private rows: TimelineRow[] = [];
  private shownEvents = 0;
  private focusRequest = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const snapshot = this.events.current;
    const section = snapshot?.status === 'ready' ? snapshot.value : undefined;
    const newSection = section !== this.section;
    if (newSection) {
      this.section = section;
      this.sorted = newestFirst(section?.entries ?? []);
      this.counts = { encounter: 0, admission: 0, referral: 0 };
      for (const event of this.sorted) this.counts[event.kind]++;
    }
    if (newSection || changed.has('kinds') || changed.has('from') || changed.has('to')) {
      const kinds = Array.isArray(this.kinds)
        ? this.kinds.filter((k) => EVENT_KINDS.includes(k))
        : [...EVENT_KINDS];
      const { rows, events } = timelineRows(this.sorted, {
        kinds,
        from: isoDay(this.from),
        to: isoDay(this.to),
      });
      this.rows = rows;
      this.shownEvents = events;
      this.activeIndex = 0;
    }
  }

  protected override updated(): void {
    if (this.section) this.session?.markShown('events');
  }

  override render() {
    return html`<h2 part="heading">Events</h2>
      ${renderSection(this.session, this.events.current, {
        label: 'Events',
        ready: (section) => this.renderReady(section),
        retry: () => this.session?.retry('events'),
      })}`;
  }

  private renderReady(section: EventsSection): TemplateResult {
    const snapshot = this.events.current;
    const recorded = section.entries.length > 0;
    return html`
      ${
        recorded
          ? html`${this.renderControls()}
            <p part="summary" class="summary" role="status">${this.summary()}</p>
            ${
              this.rows.length > 0
                ? this.renderTimeline()
                : html`<p part="empty" class="empty">No events match the type and date filters.</p>`
            }`
          : html`<p part="empty" class="empty">No events recorded</p>`
      }
      ${renderDisclosure(section, snapshot?.status === 'ready' ? snapshot : undefined)}
    `;
  }

  private renderControls(): TemplateResult {
    const kinds = new Set(this.kinds);
    return html`<div part="controls" class="controls">
      <fieldset>
        <legend>Show</legend>
        ${EVENT_KINDS.map(
          (kind) => html`<label class="choice">
            <input type="checkbox" .checked=${kinds.has(kind)} @change=${(e: Event) => this.setKind(kind, (e.target as HTMLInputElement).checked)} />
            ${KIND_PLURALS[kind]} (${this.counts[kind].toLocaleString('en-GB')})
          </label>`,
        )}
      </fieldset>
      <label class="field">
        <span>From</span>
        <input type="date" .value=${isoDay(this.from)} max=${isoDay(this.to) || nothing}
          @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>To</span>
        <input type="date" .value=${isoDay(this.to)} min=${isoDay(this.from) || nothing}
          @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} />
      </label>
    </div>`;
  }

  private setKind(kind: EventKind, shown: boolean): void {
    const kinds = new Set(this.kinds);
    if (shown) kinds.add(kind);
    else kinds.delete(kind);
    this.kinds = EVENT_KINDS.filter((k) => kinds.has(k));
  }

  private summary(): string {
    const total = this.sorted.length;
    const of = this.shownEvents === total ? '' : ` of ${total.toLocaleString('en-GB')}`;
    const from = isoDay(this.from);
    const to = isoDay(this.to);
    const range =
      from && to
        ? ` from ${formatDate(from)} to ${formatDate(to)}`
        : from
          ? ` from ${formatDate(from)}`
          : to
            ? ` up to ${formatDate(to)}`
            : '';
    return `Showing ${this.shownEvents.toLocaleString('en-GB')}${of} events${range}, newest first.`;
  }

  private renderTimeline(): TemplateResult {
    return html`<div role="grid" part="timeline" aria-label="Events, newest first, grouped by date"
        aria-rowcount=${this.rows.length + 1} aria-describedby="keys">
        <div role="rowgroup" class="head">
          <div role="row" aria-rowindex="1" class="columns">
            <span role="columnheader">Type</span>
            <span role="columnheader">Event</span>
            <span role="columnheader">Details</span>
          </div>
        </div>
        <div role="rowgroup" part="scroller" class="scroller" @keydown=${this.onKeydown}
          @visibilityChanged=${this.onVisibilityChanged}>
          <div virtualizer-sizer aria-hidden="true"></div>
          ${virtualize({
            items: this.rows,
            keyFunction: (row: TimelineRow) => row.key,
            renderItem: (row: TimelineRow, index: number) => this.renderRow(row, index),
            scroller: true,
          })}
        </div>
      </div>
      <p id="keys" class="hint">Use the up and down arrow keys to move between rows, Home and End for the first and last.</p>`;
  }

  private renderRow(row: TimelineRow, index: number): TemplateResult {
    const tabindex = index === this.activeIndex ? 0 : -1;
    const focus = () => (this.activeIndex = index);
    if (row.type === 'date') {
      return html`<div role="row" part="date-row" class="date-row" aria-rowindex=${index + 2} tabindex=${tabindex}
        data-index=${index} @focus=${focus}>
        <span role="rowheader" aria-colspan="3">${row.day ? formatDate(row.day) : 'Date not known'}
          <span class="count">${row.count} ${row.count === 1 ? 'event' : 'events'}</span></span>
      </div>`;
    }
    const { event } = row;
    const endDay = event.end?.slice(0, 10);
    const multiDay = endDay && row.day && endDay > row.day;
    return html`<div role="row" part="row" class="row ${event.kind}" aria-rowindex=${index + 2} tabindex=${tabindex}
      data-index=${index} @focus=${focus}>
      <span role="gridcell" part="kind" class="kind"><span class="visually-hidden">${row.day ? formatDate(row.day) : 'Date not known'}, </span
        ><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">${KIND_ICONS[event.kind]}</svg>${KIND_LABELS[event.kind]}</span>
      <span role="gridcell">${event.display}</span>
      <span role="gridcell" class="details">${STATUS_LABELS[event.status]}${multiDay ? `, until ${formatDate(endDay)}` : ''}</span>
    </div>`;
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    const last = this.rows.length - 1;
    const targets: Record<string, number> = {
      ArrowDown: this.activeIndex + 1,
      ArrowUp: this.activeIndex - 1,
      PageDown: this.activeIndex + 10,
      PageUp: this.activeIndex - 10,
      Home: 0,
      End: last,
    };
    const target = targets[e.key];
    if (target === undefined || e.altKey || e.metaKey) return;
    e.preventDefault();
    void this.focusRow(Math.max(0, Math.min(last, target)));
  };

  /** Roving focus: bring the row into the DOM (it may be virtualised away), then focus it. */
  private async focusRow(index: number): Promise<void> {
    const request = ++this.focusRequest;
    this.activeIndex = index;
    await this.updateComplete;
    let row = this.rowElement(index);
    if (!row) {
      const scroller = this.renderRoot.querySelector<VirtualizerHostElement>('.scroller');
      scroller?.[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
      for (let frame = 0; frame < 60 && !row; frame++) {
        await nextFrame();
        if (request !== this.focusRequest) return;
        row = this.rowElement(index);
      }
    }
    if (request !== this.focusRequest || !row) return;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  }

  private rowElement(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.scroller > [data-index="${index}"]`);
  }

  /** When the focus is elsewhere, Tab should land on a row that is on screen, not a virtualised one. */
  private readonly onVisibilityChanged = (e: VisibilityChangedEvent): void => {
    const focused = (this.renderRoot as ShadowRoot).activeElement?.closest('.scroller');
    if (!focused && (this.activeIndex < e.first || this.activeIndex > e.last) && e.first >= 0)
      this.activeIndex = e.first;
  };
}
