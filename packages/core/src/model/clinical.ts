import type { Coding, Entry, EntrySection, SectionDiagnostics } from './common.js';

// ---- Allergies -------------------------------------------------------------------------------

export interface AllergyReaction {
  manifestations: Coding[];
  severity?: 'mild' | 'moderate' | 'severe';
}

/** An allergy or intolerance to a substance (never a negated statement: see below). */
export interface Allergy extends Entry {
  status: 'active' | 'inactive' | 'resolved';
  category?: 'food' | 'medication' | 'environment' | 'biologic';
  /** How dangerous a future reaction could be. */
  criticality?: 'low' | 'high' | 'unable-to-assess';
  reactions: AllergyReaction[];
  onset?: string;
}

/**
 * A coded statement that the patient has no known allergy of a kind (SNOMED CT situations such as
 * 716186003 No known allergy). These are statements, not allergens.
 */
export interface NoKnownAllergyStatement {
  id: string;
  /** `all`: no known allergy at all; `drug`: no known drug allergy; `other`: e.g. latex only. */
  scope: 'all' | 'drug' | 'other';
  codes: Coding[];
  display: string;
  date?: string;
}

export interface AllergiesSection extends EntrySection<Allergy> {
  /**
   * `recorded`: at least one allergy; `not-shown`: allergy entries were sent but none can be
   * shown (another or no patient, unreadable: see `diagnostics` and `notShownSummary`), so the
   * record must never be read as "none"; `no-known-allergies`: only a coded no-known-allergy
   * statement (scope `all`) and nothing else; `not-recorded`: nothing either way.
   */
  state: 'recorded' | 'not-shown' | 'no-known-allergies' | 'not-recorded';
  statements: NoKnownAllergyStatement[];
}

// ---- Medications -----------------------------------------------------------------------------

export interface Quantity {
  value?: number;
  unit?: string;
}

/** One prescription issued (printed or sent) against a medication. */
export interface MedicationIssue {
  id: string;
  date: string;
  quantity?: Quantity;
}

/**
 * A repeat authorisation's terms, as the source states them (GP Connect
 * `Extension-CareConnect-GPC-MedicationRepeatInformation-1`, UK Core
 * `Extension-UKCore-MedicationRepeatInformation`, `dispenseRequest.expectedSupplyDuration`).
 */
export interface MedicationRepeat {
  /** Issues authorised in all (`numberOfRepeatPrescriptionsAllowed` / `numberOfRepeatsAllowed`). */
  issuesAllowed?: number;
  /** Issues made so far, as the source counts them (`numberOfRepeatPrescriptionsIssued`). */
  issuesUsed?: number;
  /** When the authorisation is due for review or expires (`authorisationExpiryDate`). */
  reviewDate?: string;
  /** Days' supply per issue (`dispenseRequest.expectedSupplyDuration`, in days). */
  expectedSupplyDays?: number;
  /** Repeat dispensing: the pharmacy dispenses the batch; the GP system records one issue. */
  dispensing?: boolean;
}

export interface Medication extends Entry {
  /** `active` (current), `completed` (acute course done), `stopped`, `unknown`. */
  status: 'active' | 'completed' | 'stopped' | 'unknown';
  /** The dm+d (or other) name of the medicine, from its coding display. */
  name: string;
  /** The structured dosage instruction text the source marks as the dose (never a note). */
  dosage?: string;
  /** Quantity authorised per issue. */
  quantity?: Quantity;
  kind: 'acute' | 'repeat';
  /** True while the medication is current: active repeats, and acutes issued in the recent window. */
  current: boolean;
  started?: string;
  stopped?: string;
  stoppedReason?: Coding[];
  /**
   * The newest issue (also found in `issues`); or, where the source's own last-issue date is
   * later than every issue the record holds (or none is held), that date, with an id ending
   * `#last-issue-date` and a note in `diagnostics.notes`.
   */
  lastIssued?: MedicationIssue;
  /** Every issue, oldest first. */
  issues: MedicationIssue[];
  highRisk: boolean;
  /** Which configured high-risk class matched (e.g. `anticoagulant`). */
  highRiskClass?: string;
  /** Repeat information, for repeats (see {@link MedicationRepeat}). */
  repeat?: MedicationRepeat;
  /**
   * Set on a current repeat whose last issue is long past its expected supply (see
   * `NormaliseOptions.staleRepeat`): the last issue date, so a view can say "Not issued since
   * 14-Jan-2010" beside a medicine the GP system still calls current.
   */
  notIssuedSince?: string;
}

export interface MedicationsSection extends EntrySection<Medication> {
  diagnostics: MedicationDiagnostics;
}

export interface MedicationDiagnostics extends SectionDiagnostics {
  /**
   * Medications shown, but with a caveat on how a value was derived, by reason: e.g. an issue
   * dated by `authoredOn` because the source sent no `validityPeriod.start`, or a last issue date
   * that disagrees with the source's own last-issue-date extension.
   */
  notes?: Record<string, number>;
}

// ---- Problems and diagnoses ------------------------------------------------------------------

export interface Problem extends Entry {
  status: 'active' | 'inactive' | 'resolved';
  significance?: 'major' | 'minor';
  onset?: string;
  abated?: string;
  /**
   * Ids of the other problems in this section a clinician linked this one to (GP Connect
   * `Extension-CareConnect-RelatedProblemHeader-1`, UK Core `Extension-UKCore-RelatedProblemHeader`),
   * in either direction, in section order; absent when there are none. Only problems shown in
   * the section are named: a link to one not returned or withheld is left out. The link's
   * parent/child/sibling type is not kept (see docs/record-model.md, _Problems_).
   */
  linkedProblems?: string[];
}

export type ProblemsSection = EntrySection<Problem>;

export interface Diagnosis extends Entry {
  status: 'active' | 'inactive' | 'resolved';
  onset?: string;
  abated?: string;
}

export type DiagnosesSection = EntrySection<Diagnosis>;

// ---- Risks and warnings, procedures ----------------------------------------------------------

/**
 * What a warning is about, by the shipped code sets (normalise/shared/warning-codes.ts); `other`
 * for a source Flag none of them names. Listed in the order warnings are shown.
 */
export type RiskWarningKind =
  | 'end-of-life'
  | 'resuscitation'
  | 'safeguarding'
  | 'violence'
  | 'falls'
  | 'learning-disability'
  | 'dementia'
  | 'carer'
  | 'other';

/** The sections a derived warning can be found in. */
export type WarningSourceSection = 'problems' | 'diagnoses' | 'investigations' | 'procedures';

/**
 * A risk or warning: a Flag the source recorded, or a coded entry of the record whose code is in
 * one of the shipped warning code sets (derived). `display`, `date`, `codes`, `provenance` and
 * `security` are the source entry's own.
 */
export interface RiskWarning extends Entry {
  /** `inactive` when the source ended it (Flag period, resolved problem) or a later code did. */
  status: 'active' | 'inactive';
  /** A Flag's own category codings (empty for a derived warning). */
  category: Coding[];
  kind: RiskWarningKind;
  /** `flag`: recorded by the source as a warning; `derived`: found by code among coded entries. */
  origin: 'flag' | 'derived';
  /** Derived warnings: the entry it was found in (its section and its id there). */
  derivedFrom?: { section: WarningSourceSection; id: string };
  /**
   * Derived warnings: the later entries that ended it (a newer resuscitation decision, a removal
   * code such as "no longer subject to child protection plan"), earliest first. The access policy
   * drops those this viewer may not see (and counts them as withheld); a warning left with none is
   * active again, so an entry the viewer may not see never ends one they do.
   */
  endedBy?: Entry[];
  start?: string;
  end?: string;
}

export interface RisksWarningsSection extends EntrySection<RiskWarning> {
  /**
   * What the section was read from: `coded-entries` (GP Connect, which has no warnings list) or
   * `flags-and-coded-entries` (FHIR R4: Flags, and warnings derived from coded entries). Either
   * way, a warning recorded with a code outside the shipped sets is not derived: say so.
   */
  basis: 'coded-entries' | 'flags-and-coded-entries';
}

export interface Procedure extends Entry {
  status: 'completed' | 'in-progress' | 'not-done' | 'unknown';
  performed?: string;
}

export type ProceduresSection = EntrySection<Procedure>;

// ---- Investigations and blood pressure -------------------------------------------------------

export interface ReferenceRange {
  low?: number;
  high?: number;
  unit?: string;
}

export interface InvestigationResult extends Entry {
  status: 'final' | 'amended' | 'preliminary' | 'unknown';
  value?: number;
  /** `<`, `<=`, `>=`, `>` when the value is a bound (e.g. eGFR >90). */
  comparator?: '<' | '<=' | '>=' | '>';
  unit?: string;
  /** A coded result (e.g. "Positive") when the value is not a number. */
  codedValue?: Coding[];
  /**
   * A short result the source sent as text (`valueString`) with no number in it (e.g. "Negative",
   * "Not detected"), or the text as sent when a number was read from it with a prefix (e.g.
   * "Ap 2.400" gives `value` 2.4 and this). At most 100 characters; longer text is narrative.
   */
  textValue?: string;
  /**
   * `test-result`: part of a test report (DiagnosticReport, laboratory category);
   * `observation`: a measurement or finding recorded outside one (GP Connect uncategorised data,
   * R4 vital signs, social history, examination: weight, smoking status, a drug level).
   */
  kind?: 'test-result' | 'observation';
  referenceRange?: ReferenceRange;
  /** From the source's interpretation code, or from the value against the range. */
  abnormal?: 'high' | 'low' | 'abnormal';
}

/** Results of one test over time, oldest first, for trends (e.g. INR for warfarin). */
export interface InvestigationSeries {
  /** `system|code` of the test's first coding. */
  key: string;
  display: string;
  codes: Coding[];
  unit?: string;
  resultIds: string[];
}

export interface InvestigationsSection extends EntrySection<InvestigationResult> {
  series: InvestigationSeries[];
}

export interface BloodPressureReading extends Entry {
  status: 'final' | 'amended' | 'preliminary' | 'unknown';
  /** Absent only when `unpaired` (the source sent the diastolic half alone). */
  systolic?: number;
  /** Absent only when `unpaired` (the source sent the systolic half alone). */
  diastolic?: number;
  /** One half of a reading with no partner: show it as such, never as a pair. */
  unpaired?: boolean;
  /** How the reading was taken, when its codes say: position, home or 24-hour ambulatory. */
  method?: 'standing' | 'sitting' | 'lying' | 'home' | '24-hour';
  /** Always mmHg; readings in other units are counted in diagnostics and left out. */
  unit: 'mmHg';
}

export type BloodPressureSection = EntrySection<BloodPressureReading>;

// ---- Events ----------------------------------------------------------------------------------

export interface CareEvent extends Entry {
  kind: 'encounter' | 'admission' | 'referral';
  status: 'planned' | 'in-progress' | 'finished' | 'cancelled' | 'unknown';
  start?: string;
  end?: string;
  /** Coded type (consultation type, referral specialty, ...). */
  type: Coding[];
  /** An emergency attendance (A&E): an encounter whose class is HL7 v3 ActCode `EMER`. */
  emergency?: true;
  /** Where it happened: the location's name, when the source sends one. */
  location?: string;
  /** The clinician: `FAMILY, Given (Title)` as NHS display conventions write it. */
  practitioner?: string;
  /** The organisation's name (the practice or provider that held the encounter). */
  organisation?: string;
  /** Referrals: the service or specialty referred to. */
  service?: Coding[];
  /** Referrals: how urgent, as the source coded it. */
  priority?: 'routine' | 'urgent' | 'asap' | 'stat';
  /** Referrals: who it was sent to (organisation, service or clinician names). */
  recipients?: string[];
}

export type EventsSection = EntrySection<CareEvent>;

// ---- Immunisations ---------------------------------------------------------------------------

/** One vaccination given (or recorded as not given), e.g. tetanus, as A&E asks. */
export interface Immunisation extends Entry {
  /** `completed` (given), `not-done` (recorded as not given), `unknown`. */
  status: 'completed' | 'not-done' | 'unknown';
  /** Which dose in the course, when the source says (e.g. 2 of a primary course). */
  doseSequence?: number;
  /** The quantity given. */
  dose?: Quantity;
  /** Coded site (e.g. left upper arm). */
  site?: Coding[];
  /** Coded route (e.g. intramuscular). */
  route?: Coding[];
  /** Coded reason it was not given, when `not-done`. */
  reasonNotGiven?: Coding[];
  /** False when the source says the record came from another party (reported, not given here). */
  primarySource?: boolean;
}

export type ImmunisationsSection = EntrySection<Immunisation>;
