import { consume } from '@lit/context';
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { latestEvents } from '@dcr-elements/core';
import type { CareEvent, CareRecordSession, EventsSection, LatestEvents } from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import { readRangeDate, renderDateField } from '../shared/date-field.js';
import { formatDate } from '../shared/format.js';
import { LazyController, type Loaded } from '../shared/lazy-module.js';
import { virtualizerModule, type Virtualize } from '../shared/lazy-virtualizer.js';
import { ListWindow } from '../shared/list-window.js';
import { SectionController } from '../shared/section-controller.js';
import { renderDisclosure, renderSection } from '../shared/section-view.js';
import { renderTermMark } from '../shared/term-mark.js';
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
import { joinText, recordText } from '../shared/record-text.js';

/** What a clinician calls each kind of event (never the FHIR resource's name). */
type EventLabel = EventKind | 'emergency';
const KIND_LABELS: Record<EventLabel, string> = {
  encounter: 'Contact',
  emergency: 'A&E attendance',
  admission: 'Admission',
  referral: 'Referral',
};
const KIND_PLURALS: Record<EventKind, string> = {
  encounter: 'Contacts and attendances',
  admission: 'Admissions',
  referral: 'Referrals',
};
/** Said only when an event is not simply over: a finished event needs no word. */
const STATUS_LABELS: Partial<Record<CareEvent['status'], string>> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  cancelled: 'Cancelled',
};
const PRIORITY_LABELS: Record<NonNullable<CareEvent['priority']>, string> = {
  routine: 'Routine',
  urgent: 'Urgent',
  asap: 'As soon as possible',
  stat: 'Immediate',
};

/** A different shape per kind, so the kind never rests on colour (the label says it too). */
const KIND_ICONS: Record<EventLabel, TemplateResult> = {
  encounter: svg`<circle cx="12" cy="12" r="7" />`,
  emergency: svg`<path d="M9 3h6v6h6v6h-6v6H9v-6H3V9h6z" />`,
  admission: svg`<rect x="5" y="5" width="14" height="14" />`,
  referral: svg`<path d="M4 12h12M12 6l6 6-6 6" fill="none" stroke="currentColor" stroke-width="3" />`,
};

const labelOf = (event: CareEvent): EventLabel => (event.emergency ? 'emergency' : event.kind);

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * @summary Consultations, A&E attendances, admissions and referrals in one timeline, newest first
 * and grouped by date, each with its place, organisation and clinician; the latest admission and
 * A&E attendance stated above it. Kind and date-range filters (dates typed dd-Mmm-yyyy or
 * dd/mm/yyyy). A long record is virtualised, so ten thousand events scroll smoothly; every row is
 * rendered for printing. Keyboard: Tab into the timeline, then Up/Down move between rows, Page
 * Up/Page Down by ten, Home/End to the first and last row.
 *
 * @csspart heading - the "Events" heading
 * @csspart latest - the latest admission and A&E attendance, above the timeline
 * @csspart controls - the kind checkboxes and date-range inputs
 * @csspart summary - the line saying how many events are shown
 * @csspart timeline - the timeline grid
 * @csspart scroller - the scrolling area holding the rows
 * @csspart date-row - a date header row
 * @csspart row - one event's row
 * @csspart kind - the kind of an event (icon and label)
 * @csspart where - where an event happened, the organisation and the clinician (or, for a referral, to whom)
 * @csspart term-mark - "Uncoded" or "Degraded in transfer" beside an event's term as recorded
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

  /** Earliest date to show, ISO `2024-03-12` (inclusive); empty for no bound. Typed as 12-Mar-2024. */
  @property() from = '';

  /** Latest date to show, ISO `2024-03-12` (inclusive); empty for no bound. */
  @property() to = '';

  /** The care record session; provided by `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  /** The row that takes focus when the timeline is tabbed into (roving tabindex). */
  @state() private activeIndex = 0;
  /**
   * Whether the virtualizer has rows in the DOM. It has none while the timeline is off screen;
   * the scroller then takes Tab itself and hands the focus on to a row, or keyboard users would
   * skip the timeline.
   */
  @state() private rowsRendered = false;
  /** A typed date that could not be used, with why, per bound. */
  @state() private dateErrors: Partial<Record<'from' | 'to', { typed: string; message: string }>> =
    {};
  /**
   * True while the page prints: every row is rendered, not a screenful. Set by `<dcr-record>` for
   * its print; used alone, the timeline sets it itself from `beforeprint` to `afterprint`.
   */
  @property({ type: Boolean }) printing = false;

  private readonly events = new SectionController(this, 'events');
  /** A long timeline is virtualised (the virtualizer loaded then); every row while printing. */
  private readonly window = new ListWindow(this);
  private readonly lazy = new LazyController(this);
  private section: EventsSection | undefined;
  private sorted: CareEvent[] = [];
  private counts: Record<EventKind, number> = { encounter: 0, admission: 0, referral: 0 };
  private latest: LatestEvents = {};
  private rows: TimelineRow[] = [];
  private shownEvents = 0;
  private focusRequest = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const snapshot = this.events.current;
    const section = snapshot?.status === 'ready' ? snapshot.value : undefined;
    const newSection = section !== this.section;
    if (newSection) {
      this.section = section;
      // A virtualizer that failed to load is asked for again with the next section (H41).
      this.lazy.retry(virtualizerModule);
      this.sorted = newestFirst(section?.entries ?? []);
      this.counts = { encounter: 0, admission: 0, referral: 0 };
      for (const event of this.sorted) this.counts[event.kind]++;
      this.latest = section ? latestEvents(section) : {};
    }
    // A bound set from outside replaces whatever was typed and refused.
    for (const bound of ['from', 'to'] as const)
      if (changed.has(bound) && this.dateErrors[bound] && isoDay(this[bound]) === this[bound]) {
        const { [bound]: _dropped, ...rest } = this.dateErrors;
        this.dateErrors = rest;
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
          ? html`${this.renderLatest()}${this.renderControls()}
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

  /** The latest admission and A&E attendance, visible before any scrolling. */
  private renderLatest(): TemplateResult {
    const line = (label: string, event: CareEvent | undefined) =>
      html`<div><dt>${label}</dt><dd>${event ? this.describe(event) : 'None in the record'}</dd></div>`;
    return html`<dl part="latest" class="latest">
      ${line('Latest admission', this.latest.admission)}
      ${line('Latest A&E attendance', this.latest.emergency)}
    </dl>`;
  }

  /** `14-Dec-2025 to 25-Dec-2025, Ward 7 (respiratory), Riverside University Hospitals`. */
  private describe(event: CareEvent): string {
    const start = event.start ?? event.date;
    const end = event.end?.slice(0, 10);
    const when =
      end && start && end > start.slice(0, 10)
        ? `${formatDate(start)} to ${formatDate(end)}`
        : formatDate(start);
    return [when, event.location, event.organisation].filter(Boolean).join(', ');
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
      <div class="range">
      ${renderDateField({
        id: 'from',
        label: 'From',
        value: isoDay(this.from),
        error: this.dateErrors.from,
        commit: (typed) => this.commitDate('from', typed),
      })}
      ${renderDateField({
        id: 'to',
        label: 'To',
        value: isoDay(this.to),
        error: this.dateErrors.to,
        commit: (typed) => this.commitDate('to', typed),
      })}
      </div>
    </div>`;
  }

  /** A typed bound: used when it is a date on the right side of the other, else said why not. */
  private commitDate(bound: 'from' | 'to', typed: string): void {
    const other = isoDay(bound === 'from' ? this.to : this.from);
    const read = readRangeDate(typed, bound, other);
    const errors = { ...this.dateErrors };
    if ('error' in read) {
      errors[bound] = { typed, message: read.error };
    } else {
      delete errors[bound];
      this[bound] = read.value;
    }
    this.dateErrors = errors;
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
    const virtualizer = this.virtualizer();
    const virtual = virtualizer?.status === 'ready' ? virtualizer.value : undefined;
    this.window.begin(this.rows.length, this.rows);
    return html`<div role="grid" part="timeline" aria-label="Events, newest first, grouped by date"
        aria-rowcount=${this.rows.length + 1} aria-describedby="keys">
        <div role="rowgroup" class="head">
          <div role="row" aria-rowindex="1" class="columns">
            <span role="columnheader">Kind</span>
            <span role="columnheader">Event</span>
            <span role="columnheader">Where and who</span>
          </div>
        </div>
        ${
          // Two templates, not one switched inside: the virtualizer keeps its own element (and
          // its markers) until it is gone, so printing never pulls rows from under it.
          virtual
            ? html`<div role="rowgroup" part="scroller" class="scroller virtual" @keydown=${this.onKeydown}
                tabindex=${this.rowsRendered ? nothing : 0} @focus=${this.onScrollerFocus}
                @rangeChanged=${this.onRangeChanged} @visibilityChanged=${this.onVisibilityChanged}>
                <div virtualizer-sizer aria-hidden="true"></div>
                ${virtual.virtualize({
                  layout: virtual.flow(),
                  items: this.rows,
                  keyFunction: (row: TimelineRow) => row.key,
                  renderItem: (row: TimelineRow, index: number) => this.renderRow(row, index),
                  scroller: true,
                })}
              </div>`
            : html`<div role="rowgroup" part="scroller" class="scroller${virtualizer?.status === 'failed' ? ' flowing' : ''}" @keydown=${this.onKeydown}>
                ${this.window.take(this.rows).map((row, index) => this.renderRow(row, index))}
              </div>`
        }
      </div>${virtual ? nothing : this.window.renderMore('events')}
      <p id="keys" class="hint">Use the up and down arrow keys to move between rows, Home and End for the first and last.</p>`;
  }

  /**
   * The virtualizer, when the timeline is long (not printing): loaded, on its way, or failed. Until
   * it has loaded the rows' window shows, every row still there through "Show more"; if it could
   * not be loaded, that window flows in the page and grows as it is scrolled, as the table lists do.
   */
  private virtualizer(): Loaded<Virtualize> | undefined {
    return this.window.isLong(this.rows.length) ? this.lazy.use(virtualizerModule) : undefined;
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
    const label = labelOf(event);
    const status = STATUS_LABELS[event.status];
    return html`<div role="row" part="row" class="row ${event.kind}${event.emergency ? ' emergency' : ''}" aria-rowindex=${index + 2} tabindex=${tabindex}
      data-index=${index} @focus=${focus}>
      <span role="gridcell" part="kind" class="kind"><span class="visually-hidden">${row.day ? formatDate(row.day) : 'Date not known'}, </span
        ><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">${KIND_ICONS[label]}</svg>${KIND_LABELS[label]}</span>
      <span role="gridcell" class="event"><span class="term">${recordText(event.display)}</span>${renderTermMark(event)}${
        event.priority && event.priority !== 'routine'
          ? html` <span class="tag priority">${PRIORITY_LABELS[event.priority]}</span>`
          : nothing
      }${status ? html` <span class="tag">${status}</span>` : nothing}${
        multiDay ? html` <span class="secondary">Until ${formatDate(endDay)}</span>` : nothing
      }</span>
      <span role="gridcell" part="where" class="where">${this.renderWhere(event)}</span>
    </div>`;
  }

  /** Place, organisation and clinician; for a referral, whom it went to and who referred. */
  private renderWhere(event: CareEvent): TemplateResult {
    if (event.kind === 'referral') {
      const to = [
        ...(event.recipients ?? []),
        ...(event.service ?? []).map((c) => c.display).filter((d): d is string => !!d),
      ];
      const from = event.provenance.recorder;
      return html`${
        to.length > 0
          ? html`<span>To ${joinText(
              to.map((t) => recordText(t)),
              '; ',
            )}</span>`
          : html`<span>Recipient not recorded</span>`
      }${from ? html` <span class="secondary">From ${recordText(from)}</span>` : nothing}`;
    }
    const place = joinText([recordText(event.location), recordText(event.organisation)]);
    return html`${place ? html`<span>${place}</span>` : html`<span>Place not recorded</span>`}${
      event.practitioner
        ? html` <span class="secondary">${recordText(event.practitioner)}</span>`
        : nothing
    }`;
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
      const virtualizer = this.virtualizer();
      const { virtualizerRef } = virtualizer?.status === 'ready' ? virtualizer.value : {};
      if (virtualizerRef)
        scroller?.[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
      // Without a virtualizer, the window grows to the row: every row up to it is drawn (End on
      // a record of 100,000 events takes seconds), the price of reaching it. Not while the
      // virtualizer is loading: it will bring the row without drawing the rest.
      else if (virtualizer?.status === 'failed') this.window.reach(index + 1);
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

  private readonly onRangeChanged = (e: RangeChangedEvent): void => {
    this.rowsRendered = e.first >= 0 && e.last >= e.first;
  };

  /** Tabbed onto while it held no rows: the focus goes on to the row that takes it. */
  private readonly onScrollerFocus = (e: FocusEvent): void => {
    if (e.target === e.currentTarget) void this.focusRow(this.activeIndex);
  };

  /** When the focus is elsewhere, Tab should land on a row that is on screen, not a virtualised one. */
  private readonly onVisibilityChanged = (e: VisibilityChangedEvent): void => {
    const focused = (this.renderRoot as ShadowRoot).activeElement?.closest('.scroller');
    if (!focused && (this.activeIndex < e.first || this.activeIndex > e.last) && e.first >= 0)
      this.activeIndex = e.first;
  };
}
