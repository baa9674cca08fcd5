import { emptyDiagnostics, type SectionWarning } from '../../model/common.js';
import type {
  DiagnosesSection,
  InvestigationsSection,
  ProblemsSection,
} from '../../model/clinical.js';
import type { SectionName, SectionValues } from '../../model/sections.js';
import type { NormaliseOptions } from '../options.js';
import { allergiesFromStu3 } from './allergies.js';
import { bloodPressureFromStu3 } from './blood-pressure.js';
import { contextSteps, type Stu3Context } from './context.js';
import { inTurns, runNow, type Steps } from '../turns.js';
import { demographicsFromStu3 } from './demographics.js';
import { eventsFromStu3 } from './events.js';
import { immunisationsFromStu3 } from './immunisations.js';
import { investigationsFromStu3 } from './investigations.js';
import { medicationsFromStu3 } from './medications.js';
import { problemsFromStu3 } from './problems.js';
import { risksWarningsSectionSteps } from '../shared/derived-warnings.js';
import { record } from '../shared/read.js';
import { collectWarnings, type SectionWarnings } from './section-warnings.js';

export { normaliseOptions } from '../options.js';

/**
 * Sections GP Connect Access Record Structured has no clinical area for. They are returned as
 * empty sections carrying this `source-warning`, not left out: an element then says "not
 * available from this source" instead of failing, and an empty list is never mistaken for
 * "none recorded".
 */
export const NOT_SUPPLIED_BY_GP_CONNECT: SectionWarning = {
  code: 'source-warning',
  coding: {
    system: 'https://dcr-elements.dev/CodeSystem/source-warning',
    code: 'not-supplied',
    display: 'GP Connect does not supply this section',
  },
};

/**
 * Carried by GP Connect's risks and warnings section: the source has no warnings list, so what
 * is shown was derived from coded entries, and a warning coded otherwise is not there.
 */
export const DERIVED_FROM_CODED_ENTRIES: SectionWarning = {
  code: 'source-warning',
  coding: {
    system: 'https://dcr-elements.dev/CodeSystem/source-warning',
    code: 'derived-from-coded-entries',
    display: 'GP Connect has no warnings list: warnings are derived from coded entries',
  },
};

/**
 * What the section readers share within one normalisation: problems and diagnoses come from one
 * pass over the Conditions, and risks and warnings reads that pass and the investigations rather
 * than reading the record again.
 */
class SectionReads {
  private problemsRead?: { problems: ProblemsSection; diagnoses: DiagnosesSection };
  private investigationsRead?: InvestigationsSection;

  constructor(
    readonly ctx: Stu3Context,
    readonly warnings: SectionWarnings,
  ) {}

  *conditions() {
    return (this.problemsRead ??= yield* problemsFromStu3(this.ctx, this.warnings));
  }

  *investigations() {
    return (this.investigationsRead ??= yield* investigationsFromStu3(this.ctx, this.warnings));
  }
}

type Reader = (reads: SectionReads, nhsNumber: string) => Steps<Partial<SectionValues>>;

const READERS: Record<SectionName, Reader> = {
  // eslint-disable-next-line require-yield -- a Patient is one resource: nothing to pause between
  *demographics({ ctx }, nhsNumber) {
    const demographics = demographicsFromStu3(ctx, nhsNumber);
    return demographics ? { demographics } : {};
  },
  *allergies({ ctx, warnings }) {
    const allergies = yield* allergiesFromStu3(ctx, warnings);
    return allergies ? { allergies } : {};
  },
  *medications({ ctx, warnings }) {
    return { medications: yield* medicationsFromStu3(ctx, warnings) };
  },
  *problems(reads) {
    return { problems: (yield* reads.conditions()).problems };
  },
  *diagnoses(reads) {
    return { diagnoses: (yield* reads.conditions()).diagnoses };
  },
  *investigations(reads) {
    return { investigations: yield* reads.investigations() };
  },
  *bloodPressure({ ctx, warnings }) {
    return { bloodPressure: yield* bloodPressureFromStu3(ctx, warnings) };
  },
  *immunisations({ ctx, warnings }) {
    return { immunisations: yield* immunisationsFromStu3(ctx, warnings) };
  },
  *events({ ctx, warnings }) {
    return { events: yield* eventsFromStu3(ctx, warnings) };
  },
  // eslint-disable-next-line require-yield -- nothing to read
  *procedures() {
    return { procedures: notSupplied() };
  },
  *risksWarnings(reads) {
    return { risksWarnings: yield* risksWarningsFromStu3(reads) };
  },
};

/**
 * GP Connect has no warnings area: warnings are derived by code from its problems and its
 * uncategorised data and investigations (shared/derived-warnings.ts), and the section says so
 * with {@link DERIVED_FROM_CODED_ENTRIES}, first among its warnings.
 */
function* risksWarningsFromStu3(reads: SectionReads) {
  const { problems, diagnoses } = yield* reads.conditions();
  const investigations = yield* reads.investigations();
  const section = yield* risksWarningsSectionSteps([
    { section: 'problems', ...problems },
    { section: 'diagnoses', ...diagnoses },
    { section: 'investigations', ...investigations },
  ]);
  section.warnings.unshift(DERIVED_FROM_CODED_ENTRIES);
  return section;
}

/**
 * A GP Connect `$gpc.getstructuredrecord` response (STU3 Bundle of CareConnect-GPC resources
 * organised by Lists) → one model value per requested section.
 *
 * - Never throws: unknown or missing fields are tolerated; an entry that cannot be read is counted
 *   in `diagnostics.unparseable`, one left out on purpose (entered in error, another patient) in
 *   `diagnostics.dropped`.
 * - A section is left out (the source then reports it unavailable) when it cannot be told from
 *   the bundle: not a Bundle at all, `demographics` without a single Patient with `nhsNumber`,
 *   `allergies` without the allergies List or any readable allergy (see allergies.ts).
 * - `procedures` (no GP Connect clinical area) is an empty section with the
 *   {@link NOT_SUPPLIED_BY_GP_CONNECT} warning; `risksWarnings` is derived from coded entries (see
 *   `risksWarningsFromStu3`); `diagnoses` is explained in problems.ts.
 * - Only coded data is read: notes, comments, narrative and free-text fields never reach the
 *   model; the one text carried is the dosage instruction (see medication-parts.ts).
 */
export function* structuredRecordSteps(
  bundle: unknown,
  sections: readonly SectionName[],
  nhsNumber: string,
  options: NormaliseOptions,
): Steps<Partial<SectionValues>> {
  const result: Partial<SectionValues> = {};
  if (record(bundle)?.resourceType !== 'Bundle') return result;
  let ctx: Stu3Context;
  let warnings: SectionWarnings;
  try {
    ctx = yield* contextSteps(bundle, nhsNumber, options);
    warnings = collectWarnings(ctx.index);
  } catch {
    return result;
  }
  const reads = new SectionReads(ctx, warnings);
  for (const section of new Set(sections)) {
    try {
      const read = READERS[section];
      if (read) Object.assign(result, withoutStaleEmptyReasons(yield* read(reads, nhsNumber)));
    } catch {
      // The readers guard each entry; this is the last net: the section is left out (unavailable),
      // never published empty, and the other sections still arrive.
    }
  }
  return result;
}

/** {@link structuredRecordSteps} run at once. */
export function normaliseStructuredRecord(
  bundle: unknown,
  sections: readonly SectionName[],
  nhsNumber: string,
  options: NormaliseOptions,
): Partial<SectionValues> {
  return runNow(structuredRecordSteps(bundle, sections, nhsNumber, options));
}

/**
 * {@link structuredRecordSteps} in turns, so that a large record never holds the page for long
 * (../turns.ts): the same value as {@link normaliseStructuredRecord}. Rejects with
 * `RecordError('aborted')` when `signal` aborts first.
 */
export function structuredRecordInTurns(
  bundle: unknown,
  sections: readonly SectionName[],
  nhsNumber: string,
  options: NormaliseOptions,
  signal?: AbortSignal,
): Promise<Partial<SectionValues>> {
  return inTurns(structuredRecordSteps(bundle, sections, nhsNumber, options), signal);
}

function notSupplied() {
  return { entries: [], warnings: [NOT_SUPPLIED_BY_GP_CONNECT], diagnostics: emptyDiagnostics() };
}

/**
 * An `emptyReason` explains why a section has nothing; when the section has entries it came from
 * another List feeding it (e.g. the empty ended-allergies List beside a populated allergies List)
 * and would wrongly tell the clinician that nothing is recorded.
 */
function withoutStaleEmptyReasons(values: Partial<SectionValues>): Partial<SectionValues> {
  for (const value of Object.values(values)) {
    const section = value as { entries?: unknown[]; warnings?: SectionWarning[] };
    if (section.entries?.length && section.warnings) {
      section.warnings = section.warnings.filter((w) => w.code !== 'empty-reason');
    }
  }
  return values;
}
