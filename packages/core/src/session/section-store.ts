import { isLiveGrant, type Grant } from '../consent/consent.js';
import { RecordError } from '../http/errors.js';
import type { SectionName, SectionValues } from '../model/sections.js';
import type { RecordSource } from '../sources/source.js';

/** Whom a published value belongs to: the host's NHS number for the patient. */
export interface PatientKey {
  nhsNumber: string;
}

/** What a subscriber sees of one section: always for one named patient. */
export type SectionSnapshot<K extends SectionName> =
  | { patient: PatientKey; section: K; status: 'loading' }
  | { patient: PatientKey; section: K; status: 'ready'; value: SectionValues[K]; fetchedAt: string }
  | { patient: PatientKey; section: K; status: 'error'; error: RecordError };

type AnySnapshot = SectionSnapshot<SectionName>;

interface Slot {
  snapshot: AnySnapshot;
  /** Settles with the value (or rejects) for callers of `load`. */
  result: Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: RecordError) => void;
}

/**
 * Per-patient, demand-driven section loading. Sections asked for in the same task go to the
 * source together (one GP Connect call; parallel R4 searches); each section is fetched once per
 * patient however many subscribers want it, and published as soon as it arrives. A patient
 * switch aborts everything in flight, and a late answer for the previous patient is dropped:
 * every value carries its patient, and is published only while that patient is current.
 *
 * Nothing is fetched without a live {@link Grant} for the current patient (only consent.ts can
 * make one). The store keeps no grant of its own: it asks its owner (`grantFor`, the session)
 * at each flush, so the grant lives in one place. Sections asked for before a grant wait, and a
 * switch or an expired grant stops fetching.
 */
export class SectionStore {
  #patient: PatientKey | undefined;
  #controller = new AbortController();
  readonly #slots = new Map<SectionName, Slot>();
  /** Sections the owner wants for whichever patient is current. */
  readonly #wanted = new Set<SectionName>();
  readonly #pending = new Set<SectionName>();
  #flushQueued = false;
  readonly #source: RecordSource;
  readonly #clock: () => Date;
  readonly #grantFor: (nhsNumber: string) => Grant | undefined;
  readonly #onSnapshot: (snapshot: AnySnapshot) => void;

  /**
   * @param grantFor the owner's live grant for a patient, asked at every flush
   * @param onSnapshot the owner's one receiver of every snapshot (the session's gate): the store
   *   keeps no subscribers of its own, so values are published once, through that gate
   */
  constructor(
    source: RecordSource,
    clock: () => Date,
    grantFor: (nhsNumber: string) => Grant | undefined,
    onSnapshot: (snapshot: AnySnapshot) => void,
  ) {
    this.#source = source;
    this.#clock = clock;
    this.#grantFor = grantFor;
    this.#onSnapshot = onSnapshot;
  }

  get currentPatient(): PatientKey | undefined {
    return this.#patient;
  }

  /** Fetches what is waiting, now that the owner holds a grant for the current patient. */
  authorise(): void {
    this.#scheduleFlush();
  }

  /** Switches patient (or clears with `undefined`): aborts in-flight work and forgets every value. */
  setPatient(patient: PatientKey | undefined): void {
    this.#controller.abort();
    this.#controller = new AbortController();
    this.#patient = patient ? { nhsNumber: patient.nhsNumber } : undefined;
    // Whoever still awaits the previous patient's sections is told they will not come.
    for (const slot of this.#slots.values()) slot.reject(new RecordError('aborted'));
    this.#slots.clear();
    this.#pending.clear();
    // What is wanted stays wanted: the new patient's sections are asked for as they were.
    if (this.#patient) for (const section of this.#wanted) this.#request(section);
  }

  /** Asks for a section (once) for the current patient and every later one, until `forget`. */
  want(section: SectionName): void {
    this.#wanted.add(section);
    if (this.#patient) this.#request(section);
  }

  /** Stops asking for every section (the owner's view has stopped). */
  forgetWanted(): void {
    this.#wanted.clear();
  }

  /** The section's latest snapshot for the current patient, if it has been asked for. */
  snapshot(section: SectionName): AnySnapshot | undefined {
    return this.#slots.get(section)?.snapshot;
  }

  /** The section's value for the current patient, fetched once however often it is asked for. */
  load<K extends SectionName>(section: K): Promise<SectionValues[K]> {
    if (!this.#patient) return Promise.reject(new RecordError('invalid'));
    return (this.#slots.get(section) ?? this.#request(section)).result as Promise<SectionValues[K]>;
  }

  /** Forgets a failed section and asks again. */
  retry(section: SectionName): void {
    const slot = this.#slots.get(section);
    if (!this.#patient || slot?.snapshot.status !== 'error') return;
    this.#slots.delete(section);
    this.#request(section);
  }

  #request(section: SectionName): Slot {
    const existing = this.#slots.get(section);
    if (existing) return existing;
    const patient = this.#patient!;
    let resolve!: Slot['resolve'];
    let reject!: Slot['reject'];
    const result = new Promise((res, rej) => ((resolve = res), (reject = rej)));
    result.catch(() => undefined);
    const slot: Slot = {
      snapshot: { patient, section, status: 'loading' },
      result,
      resolve,
      reject,
    };
    this.#slots.set(section, slot);
    this.#publish(slot.snapshot);
    this.#pending.add(section);
    this.#scheduleFlush();
    return slot;
  }

  #scheduleFlush(): void {
    if (this.#flushQueued || this.#pending.size === 0) return;
    this.#flushQueued = true;
    queueMicrotask(() => this.#flush());
  }

  /** Sends every section asked for since the last flush to the source in one call. */
  #flush(): void {
    this.#flushQueued = false;
    const patient = this.#patient;
    // The run-time half of "no fetch without a grant" (the type-level half: only consent.ts can make a Grant).
    if (
      !patient ||
      !isLiveGrant(this.#grantFor(patient.nhsNumber), patient.nhsNumber, this.#clock())
    )
      return;
    const sections = [...this.#pending];
    this.#pending.clear();
    if (sections.length === 0) return;
    const { signal } = this.#controller;
    const promises = this.#source.fetchSections(sections, { nhsNumber: patient.nhsNumber, signal });
    for (const section of sections) {
      const slot = this.#slots.get(section);
      if (!slot) continue;
      promises[section].then(
        (value) => {
          if (!this.#isCurrent(patient, slot)) return;
          slot.snapshot = {
            patient,
            section,
            status: 'ready',
            value,
            fetchedAt: this.#clock().toISOString(),
          };
          slot.resolve(value);
          this.#publish(slot.snapshot);
        },
        (error: unknown) => {
          if (!this.#isCurrent(patient, slot)) return;
          const recordError = error instanceof RecordError ? error : new RecordError('server');
          slot.snapshot = { patient, section, status: 'error', error: recordError };
          slot.reject(recordError);
          this.#publish(slot.snapshot);
        },
      );
    }
  }

  /** True while `slot` is still the live slot of `patient`: late answers fail this. */
  #isCurrent(patient: PatientKey, slot: Slot): boolean {
    return this.#patient === patient && this.#slots.get(slot.snapshot.section) === slot;
  }

  #publish(snapshot: AnySnapshot): void {
    this.#onSnapshot(snapshot);
  }
}
