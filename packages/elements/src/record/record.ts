import { ContextProvider, consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { CareRecordSession, HostPatient } from '@dcr-elements/core';
import { DcrTabChangeEvent, type DcrNavigateEvent } from '../events.js';
import { sessionContext } from '../session/session-context.js';
import { AuditForwarder } from '../shared/audit-forwarder.js';
import { NOT_KNOWN, formatDateTime, formatNhsNumber, formatPatientName } from '../shared/format.js';
import { RecordSectionsController } from './record-sections.js';
import {
  BANNER_SECTIONS,
  RECORD_TABS,
  RECORD_TAB_IDS,
  type RecordTab,
  type RecordTabId,
} from './record-tabs.js';
import { styles } from './record.styles.js';
import { TabCodeController, type TabLoader } from './tab-code.js';
import { recordText } from '../shared/record-text.js';

export type { TabLoader };

/** Printed on every page: a print is a snapshot, never the GP record itself. */
export const PRINT_DISCLAIMER = 'Not a complete GP record — printed from the Detailed Care Record';

/**
 * An element a tab shows. While the record prints, it sets `printing` on every one of them, so an
 * element that virtualises its rows can render them all (it may also listen for `beforeprint`
 * itself when it is used alone).
 */
type TabElement = HTMLElement & { printing?: boolean; updateComplete?: Promise<unknown> };

/** Connected records, told when a tab's element is registered after them. */
const tabElementDefined = new Set<() => void>();
/** Tags already waited for: one wait per unregistered tag for the whole page. */
const watched = new Set<string>();

/** Waits for every tab element not yet registered (a record that goes is not kept alive by it). */
function watchTabElements(tags: readonly string[]): void {
  for (const tag of tags) {
    if (watched.has(tag) || customElements.get(tag)) continue;
    watched.add(tag);
    void customElements.whenDefined(tag).then(() => {
      for (const notify of tabElementDefined) notify();
    });
  }
}

/**
 * @summary The whole Detailed Care Record in one tag: the patient banner, the consent gate, then
 * the allergy banner (on every tab) and the record in tabs (Summary, Problems, Diagnoses,
 * Medication, Risks & warnings, Procedures, Results, Blood pressure, Immunisations, Events), with
 * a print view. Every section is asked for once, together, when viewing is allowed.
 *
 * Tabs follow the WAI-ARIA tabs pattern: Tab reaches the open tab, Left/Right move and open,
 * Home/End open the first and last; on narrow screens the tab row scrolls sideways. A tab appears
 * once its element is registered, or `DcrRecord.tabLoaders` names a loader for its tag:
 * `define/dcr-record.js` gives one for every tab, so each tab's code is fetched when the tab is
 * first shown (a loading skeleton meanwhile, an alert with "Try again" if it fails), and every
 * tab's code when the page is idle after the record first renders. The open tab is the `tab`
 * attribute, never the URL.
 *
 * Printing (the "Print record" button, or the browser's own print) prints every tab, with a
 * header on every page naming the patient, the viewer and the print time, and saying the print
 * is not a complete GP record. While printing, every tab's element has `printing` set. The button
 * loads every tab first; a tab the browser's own print finds not yet loaded prints a line saying
 * so ("Results is not in this print: open the tab and print again"), never nothing.
 *
 * It takes its session from an enclosing `<dcr-session>`, or in its place from `.session`; then
 * it also re-dispatches the session's audit records as `dcr-audit` events, as `<dcr-session>` does.
 *
 * @csspart banners - the patient and allergy banners
 * @csspart toolbar - the tab row and the print button
 * @csspart tablist - the row of tabs
 * @csspart tab - one tab
 * @csspart panel - the open tab's content
 * @csspart print-button - the "Print record" button
 * @csspart print-header - the header repeated on every printed page
 * @csspart message - a tab still loading, failed to load, or left out of a print
 * @cssprop --dcr-record-gap - space between the banners and the tabs
 * @cssprop --dcr-record-tab-accent - the open tab's underline (default: brand token)
 * @fires dcr-tab-change - the open tab changed; detail: { tab, previous }
 * @fires dcr-audit - with `.session` set directly: the session's audit records, as from `<dcr-session>`
 * @tagname dcr-record
 */
export class DcrRecord extends LitElement {
  static override styles = styles;

  /**
   * The prefix of the tags the record renders and opens (its parts and tabs): `dcr-`, or the one
   * `defineElements({ prefix })` registered this copy under, so two versions on a page never mix.
   */
  static tagPrefix = 'dcr-';

  /**
   * Loaders of tab elements not registered up front, by tag (`dcr-summary`): each imports the
   * module that registers its element. A tab whose element is neither registered nor loadable
   * is not shown.
   */
  static tabLoaders: Readonly<Partial<Record<string, TabLoader>>> = {};

  /** The care record session, when not taken from an enclosing `<dcr-session>`. */
  @property({ attribute: false }) session?: CareRecordSession;

  /** The open tab: `summary` (default), `problems`, `diagnoses`, `medications`, `risks-warnings`, `procedures`, `results`, `blood-pressure`, `immunisations` or `events`. */
  @property({ reflect: true }) tab: RecordTabId = 'summary';

  /** Now, for the print header's time; replaceable so tests and demos are reproducible. */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  /** The session of an enclosing `<dcr-session>`. */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  private enclosingSession?: CareRecordSession;

  /** Set from `beforeprint` (or the print button) to `afterprint`: every tab is rendered. */
  @state() private printedAt: Date | undefined;

  private readonly provider = new ContextProvider(this, { context: sessionContext });
  private readonly sections = new RecordSectionsController(
    this,
    () => this.viewSession,
    () => [...new Set([...BANNER_SECTIONS, ...this.availableTabs().flatMap((t) => t.sections)])],
  );
  // A session given directly stands in for <dcr-session>: its audit records reach the page too.
  private readonly audit = new AuditForwarder(this, () => this.session);
  /**
   * The element of each tab opened for this patient (every tab while printing): kept, hidden,
   * so its filters survive a switch; a tab never opened has none, so it reports nothing shown.
   */
  private tabElements = new Map<RecordTabId, TabElement>();
  private lastPatient: HostPatient | undefined;
  private readonly code = new TabCodeController(
    this,
    () => (this.constructor as typeof DcrRecord).tabLoaders,
  );

  /** The session every element of the record reads. */
  get viewSession(): CareRecordSession | undefined {
    return this.session ?? this.enclosingSession;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.startPrinting);
    window.addEventListener('afterprint', this.stopPrinting);
    watchTabElements(RECORD_TABS.map((t) => this.tagOf(t.tag)));
    tabElementDefined.add(this.tabDefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.startPrinting);
    window.removeEventListener('afterprint', this.stopPrinting);
    tabElementDefined.delete(this.tabDefined);
  }

  /** A tab's element was registered after the record: the tab appears, its sections are asked for. */
  private readonly tabDefined = (): void => {
    this.sections.refresh();
    this.requestUpdate();
  };

  protected override willUpdate(): void {
    // Reading the state notices a grant the clock has ended and ends it, so every part of the
    // record clears at the record's next render, as each element does at its own.
    void this.viewSession?.state;
    this.provider.setValue(this.viewSession);
    const patient = this.viewSession?.patient;
    if (patient && patient !== this.lastPatient) {
      // Another patient (or the same one set again): start from the summary, nothing kept open.
      if (this.lastPatient && this.openTab !== 'summary') this.changeTab('summary');
      this.tabElements = new Map();
      this.lastPatient = patient;
    }
    const printing = this.printedAt !== undefined;
    for (const tab of this.availableTabs())
      if (printing || tab.id === this.openTab) this.tabElementOf(tab);
    for (const element of this.tabElements.values()) element.printing = printing;
  }

  protected override updated(): void {
    // The open tab's code is fetched when it is first shown; a failure waits for "Try again".
    const open = this.availableTabs().find((t) => t.id === this.openTab);
    const tag = open && this.tagOf(open.tag);
    if (tag && !this.code.hasFailed(tag)) void this.code.load(tag);
  }

  protected override firstUpdated(): void {
    this.code.preloadWhenIdle(
      () => this.availableTabs().map((t) => this.tagOf(t.tag)),
      () => this.isConnected,
    );
  }

  /** The element of a tab whose element is registered (none while its code is loading). */
  private tabElementOf(tab: RecordTab): TabElement | undefined {
    const tag = this.tagOf(tab.tag);
    if (!this.code.registered(tag)) return undefined;
    let element = this.tabElements.get(tab.id);
    if (!element) {
      element = document.createElement(tag);
      // In the record the allergy banner is always above, and the summary's links open tabs.
      if (tab.id === 'summary') element.toggleAttribute('links', true);
      if (tab.id === 'summary') element.toggleAttribute('hide-allergies', true);
      this.tabElements.set(tab.id, element);
    }
    return element;
  }

  /** The tab shown: `tab` if it names a tab whose element is registered, else the summary. */
  private get openTab(): RecordTabId {
    return this.availableTabs().some((t) => t.id === this.tab) ? this.tab : 'summary';
  }

  /** Tabs whose element is registered or can be loaded. */
  private availableTabs(): RecordTab[] {
    return RECORD_TABS.filter((t) => this.code.available(this.tagOf(t.tag)));
  }

  /** `dcr-<name>` under this record's prefix. */
  private tagOf(tag: string): string {
    return (this.constructor as typeof DcrRecord).tagPrefix + tag.slice('dcr-'.length);
  }

  override render() {
    const tabs = this.availableTabs();
    const open = this.openTab;
    const printing = this.printedAt !== undefined;
    const banner = unsafeStatic(this.tagOf('dcr-patient-banner'));
    const gate = unsafeStatic(this.tagOf('dcr-consent-gate'));
    const allergies = unsafeStatic(this.tagOf('dcr-allergy-banner'));
    // A real table: a printed table repeats its header group at the top of every page (a
    // display: table on other elements does not, in Chromium). On screen it is plain blocks.
    return staticHtml`<table class="frame" role="presentation">
      ${printing ? html`<thead><tr><td>${this.renderPrintHeader()}</td></tr></thead>` : nothing}
      <tbody><tr><td>
        ${
          // Without a patient the gate says so; a banner saying it too would be noise.
          this.viewSession?.patient
            ? staticHtml`<div part="banners" class="banners"><${banner} .clock=${this.clock}></${banner}></div>`
            : nothing
        }
        <${gate} .clock=${this.clock}>
          <${allergies}></${allergies}>
          <div part="toolbar" class="toolbar">
            <div part="tablist" role="tablist" aria-label="GP record" @keydown=${this.onTabKeydown}>
              ${tabs.map(
                (t) => html`<button type="button" role="tab" part="tab" id="tab-${t.id}"
                  aria-selected=${t.id === open ? 'true' : 'false'} aria-controls="panel-${t.id}"
                  tabindex=${t.id === open ? 0 : -1} @click=${() => this.selectTab(t.id)}>${t.label}</button>`,
              )}
            </div>
            <button type="button" part="print-button" class="print-button" @click=${this.printRecord}>Print record</button>
          </div>
          ${tabs.map((t) => this.renderPanel(t, t.id === open, printing))}
        </${gate}>
      </td></tr></tbody>
    </table>`;
  }

  private renderPanel(tab: RecordTab, open: boolean, printing: boolean): TemplateResult {
    return html`<div role="tabpanel" part="panel" class="panel" id="panel-${tab.id}"
      aria-labelledby="tab-${tab.id}" tabindex="0" ?hidden=${!open && !printing} @dcr-navigate=${this.onNavigate}>
      ${this.tabElements.get(tab.id) ?? (open || printing ? this.renderNotLoaded(tab, printing) : nothing)}
    </div>`;
  }

  /** A tab whose code is not here yet: loading, failed (with "Try again"), or left out of a print. */
  private renderNotLoaded(tab: RecordTab, printing: boolean): TemplateResult {
    if (printing)
      return html`<p part="message" class="message tone-attention">${tab.label} is not in this print: open the tab and print again</p>`;
    if (this.code.hasFailed(this.tagOf(tab.tag)))
      return html`<div part="message" class="message tone-error" role="alert">
        <p class="title">${tab.label} could not be opened</p>
        <p>This part of the page did not load. The GP record itself is not affected.</p>
        <button type="button" @click=${() => this.code.retry(this.tagOf(tab.tag))}>Try again</button>
      </div>`;
    return html`<div part="message" class="message tone-calm" role="status" aria-live="polite">
      <span class="skeleton" aria-hidden="true"></span><span class="skeleton short" aria-hidden="true"></span>
      <span class="visually-hidden">Loading ${tab.label.toLowerCase()}</span>
    </div>`;
  }

  private renderPrintHeader(): TemplateResult {
    const session = this.viewSession;
    const viewer = session?.viewer;
    const patient = session?.patient;
    const name = patient?.name
      ? formatPatientName({ family: patient.name.family, given: patient.name.given ?? [] })
      : NOT_KNOWN;
    return html`<div part="print-header" class="print-header">
      <p class="disclaimer">${PRINT_DISCLAIMER}</p>
      <p>${recordText(name)}, NHS No. ${recordText(formatNhsNumber(patient?.nhsNumber))}.
        Printed by ${viewer?.name ?? NOT_KNOWN}${viewer?.organisation ? ` (${viewer.organisation})` : ''}
        on ${formatDateTime(this.printedAt?.toISOString())}.</p>
    </div>`;
  }

  // ---- tabs ----------------------------------------------------------------------------------

  /** Opens a tab as the clinician asked, tells the host, and (from the keyboard) focuses it. */
  private selectTab(id: RecordTabId, focus = false): void {
    if (!RECORD_TAB_IDS.includes(id)) return;
    if (id !== this.openTab) this.changeTab(id);
    if (focus)
      void this.updateComplete.then(() => {
        const tab = this.renderRoot.querySelector<HTMLElement>(`#tab-${id}`);
        tab?.focus();
        tab?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      });
  }

  private changeTab(id: RecordTabId): void {
    const previous = this.openTab;
    // Opening a tab whose code failed (on an idle preload, say) tries once more.
    const tab = RECORD_TABS.find((t) => t.id === id);
    if (tab) this.code.retry(this.tagOf(tab.tag));
    this.tab = id;
    this.dispatchEvent(new DcrTabChangeEvent({ tab: id, previous }));
  }

  private readonly onTabKeydown = (event: KeyboardEvent): void => {
    const ids = this.availableTabs().map((t) => t.id);
    const at = ids.indexOf(this.openTab);
    const target: Record<string, number> = {
      ArrowRight: (at + 1) % ids.length,
      ArrowLeft: (at - 1 + ids.length) % ids.length,
      Home: 0,
      End: ids.length - 1,
    };
    const index = target[event.key];
    if (index === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.selectTab(ids[index]!, true);
  };

  /** The summary asked for a part's full view: open that tab. */
  private readonly onNavigate = (event: DcrNavigateEvent): void => {
    event.stopPropagation();
    this.selectTab(event.detail.tab, true);
  };

  // ---- printing ------------------------------------------------------------------------------

  private readonly startPrinting = (): void => {
    this.printedAt ??= this.clock();
  };

  private readonly stopPrinting = (): void => {
    this.printedAt = undefined;
  };

  /**
   * Loads and renders every tab (and lets every tab's element render in full) before the print
   * dialog opens: `window.print()` blocks, so nothing rendered after it is called would be printed.
   * A tab whose code still fails prints a line saying it is not in the print.
   */
  private readonly printRecord = async (): Promise<void> => {
    await Promise.all(this.availableTabs().map((tab) => this.code.load(this.tagOf(tab.tag))));
    this.startPrinting();
    await this.updateComplete;
    const elements = [...this.renderRoot.querySelectorAll<TabElement>('[role="tabpanel"] > *')];
    await Promise.all(elements.map((el) => el.updateComplete));
    window.print();
    // Browsers fire afterprint when the dialog closes; one that does not still ends here.
    this.stopPrinting();
  };
}
