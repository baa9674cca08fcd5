/**
 * The code sets that make a coded entry a risk or warning (GP Connect has no warnings list: see
 * derived-warnings.ts). Every code was checked against the published source named beside it and
 * with the SNOMED CT Verhoeff check digit; docs/record-model.md ("Risks and warnings") lists
 * them with their sources. A code missing from a source was left out, never guessed: no
 * verified code was found for ReSPECT plans, for a "violent patient" marker as such, or for
 * "has a carer" (cared-for), so those are not derived.
 *
 * Exact codes only: no terminology server is called, so a concept's descendants match only where
 * the source lists them.
 */
import { CTV3, READ_V2, SNOMED_CT, type Coding } from '../../model/common.js';
import type { RiskWarningKind } from '../../model/clinical.js';
import { DEM_COD, LD_COD, PALCARE_COD } from './warning-registers.js';

/** The order warnings are shown in: what changes the next minute's management first. */
export const WARNING_PRIORITY: readonly RiskWarningKind[] = [
  'end-of-life',
  'resuscitation',
  'safeguarding',
  'violence',
  'falls',
  'learning-disability',
  'dementia',
  'carer',
  'other',
];

const words = (list: string) => list.split(/\s+/).filter(Boolean);

/**
 * Resuscitation decisions: NHS England End of Life FHIR API, ValueSet CareConnect-CPRStatus-Code-1
 * (nhsconnect/FHIR-END-OF-LIFE-API `STU3/valuesets/ValueSet-CareConnect-CPRStatus-Code-1.xml`,
 * "SCR Inclusion Dataset, and advised codes"). Both directions are kept: the newest decision is
 * the one in force, so a later "for CPR" ends an earlier "not for CPR" (see `SUPERSEDING`).
 */
const NOT_FOR_CPR = [
  '450476008', // Not for cardiopulmonary resuscitation
  '304253006', // Not for resuscitation
  '143021000119109', // Do not resuscitate status with supporting documentation
];
const FOR_CPR = [
  '450475007', // For cardiopulmonary resuscitation
  '304252001', // For resuscitation
];

/**
 * Safeguarding. Child: RCGP Safeguarding e-learning, "Part 4: Documenting safeguarding concerns
 * and information" (table of essential safeguarding codes, SCTID / Read v2 / CTV3), and NHS North
 * East London ICB "Child Protection Codes" (the EMIS Web codes that raise a child protection
 * warning, with their removal codes). Adult and exploitation: Interweave (Yorkshire and Humber
 * care record) FHIR ValueSet Interweave-FlagType, draft 0.0.1 (2024-07-15).
 */
const SAFEGUARDING = [
  '836881000000105', // Child is cause for safeguarding concern (RCGP)
  '1064961000000107', // Child in family is safeguarding concern (RCGP)
  '878111000000109', // Unborn child is cause for safeguarding concern (RCGP)
  '342191000000101', // Subject to child protection plan (RCGP; NEL ICB)
  '375041000000100', // Family member subject of child protection plan (RCGP)
  '160887007', // Child on protection register (NEL ICB)
  '1064311000000109', // On child protection plan (NEL ICB)
  '764841000000100', // Looked after child (NEL ICB)
  '417430008', // Vulnerable adult (Interweave)
  '514331000000104', // Adult safeguarding referral (Interweave)
  '761571000000106', // At risk of financial abuse (Interweave)
  '919461000000108', // At risk of sexual exploitation (Interweave)
  '1188261000000103', // At risk of criminal exploitation (Interweave)
];

/** Risk of violence: Interweave FHIR ValueSet Interweave-FlagType (as above). */
const VIOLENCE = [
  '65108000', // At risk for violence
  '129707006', // At risk for other-directed violence
];

/**
 * Falls: 129839007 At risk for falls (Interweave FlagType, as above); 161898004 Falls and 1912002
 * Fall, a recorded fall, from NHS Digital cluster FALLS_COD (OpenCodelists
 * `nhsd-primary-care-domain-refsets/falls_cod` 20200812; the rest of that cluster names
 * mechanisms such as "Fall from train" and is not a lasting risk).
 */
const FALLS = ['129839007', '161898004', '1912002'];

/**
 * Carer (the patient cares for someone): PRIMIS CARER_COD, "SARS-CoV2 COVID19 Vaccination Uptake
 * Reporting Codes 20_21 v1" (OpenCodelists `primis-covid19-vacc-uptake/carer/v1`).
 */
const CARER = words(`
133932002 151921000119105 224484003 224485002 224486001 229774002 248611000000108 266946000
276040005 276041009 276042002 276043007 276044001 276045000 276046004 276047008 276048003
288231000119101 302767002 407542009 407543004 413759008 413760003 413761004 413762006 413763001
413764007 413765008 824401000000105
`);

/**
 * End of life: PALCARE_COD (warning-registers.ts) and five codes of its newer release seen on
 * OpenCodelists `nhsd-primary-care-domain-refsets/palcare_cod/20241205`.
 */
const END_OF_LIFE = [
  ...words(PALCARE_COD),
  '1403151000000103', // On palliative care register
  '767503006', // Limited life expectancy of approximately one year
  '1413121000000106', // Limited life expectancy of more than one year
  '1129411000000100', // Clinical Frailty Scale level 9 - terminally ill
  '1751111000000104', // Completion of SR1 form
];

const SNOMED_SETS: readonly [RiskWarningKind, readonly string[]][] = [
  ['end-of-life', END_OF_LIFE],
  ['resuscitation', [...NOT_FOR_CPR, ...FOR_CPR]],
  ['safeguarding', SAFEGUARDING],
  ['violence', VIOLENCE],
  ['falls', FALLS],
  ['learning-disability', words(LD_COD)],
  ['dementia', words(DEM_COD)],
  ['carer', CARER],
];

/**
 * Read v2 and CTV3 equivalents, only where a source states them: the RCGP safeguarding table
 * (a GP2GP-transferred or older record may carry these alone).
 */
const READ_SETS: readonly [string, string, RiskWarningKind][] = [
  [READ_V2, '13WX.', 'safeguarding'], // Child is cause for safeguarding concern
  [CTV3, 'XaZJs', 'safeguarding'],
  [CTV3, 'XafeJ', 'safeguarding'], // Child in family is safeguarding concern
  [READ_V2, '13If0', 'safeguarding'], // Unborn child is cause for safeguarding concern
  [CTV3, 'XaaNV', 'safeguarding'],
  [READ_V2, '13Iv.', 'safeguarding'], // Subject to child protection plan
  [CTV3, 'XaOnx', 'safeguarding'],
  [READ_V2, '13Iy.', 'safeguarding'], // Family member subject to child protection plan
];

const BY_CODE = new Map<string, RiskWarningKind>();
// First set wins: a code in two clusters (109478007 is in LD_COD and DEM_COD) takes the higher priority.
for (const [kind, codes] of SNOMED_SETS) {
  for (const code of codes)
    if (!BY_CODE.has(`${SNOMED_CT}|${code}`)) BY_CODE.set(`${SNOMED_CT}|${code}`, kind);
}
for (const [system, code, kind] of READ_SETS) BY_CODE.set(`${system}|${code}`, kind);

/** The kind of warning an entry's codes make it, highest priority first; `undefined` for none. */
export function warningKindOf(codes: readonly Coding[]): RiskWarningKind | undefined {
  let best: RiskWarningKind | undefined;
  for (const c of codes) {
    const kind = BY_CODE.get(`${c.system}|${c.code}`);
    if (kind && (!best || WARNING_PRIORITY.indexOf(kind) < WARNING_PRIORITY.indexOf(best)))
      best = kind;
  }
  return best;
}

/**
 * Codes that end earlier warnings when recorded on or after them: the removal codes GP systems
 * use (NEL ICB "Child Protection Codes": 342891000000105 No longer subject to child protection
 * plan, 160889005 Child removed from protection register, 764951000000107 No longer subject of
 * looked after child arrangement), and any resuscitation decision, which replaces the one before.
 */
export const SUPERSEDING: ReadonlyMap<string, readonly string[]> = new Map([
  ['342891000000105', ['342191000000101']],
  ['160889005', ['160887007']],
  ['764951000000107', ['764841000000100']],
  ...[...NOT_FOR_CPR, ...FOR_CPR].map((code): [string, string[]] => [
    code,
    [...NOT_FOR_CPR, ...FOR_CPR],
  ]),
]);

/** Every code that can make an entry a warning or end one, whatever its system. */
const RELEVANT_CODES = new Set<string>([
  ...[...BY_CODE.keys()].map((key) => key.slice(key.indexOf('|') + 1)),
  ...SUPERSEDING.keys(),
]);

/**
 * Whether an entry coded with `concept` may make or end a warning: a cheap test on the raw
 * codings, before any normalising, so a reader may skip what can never be a warning. It only
 * ever says yes too often (any system, any shape of coding), never no for an entry that counts.
 */
export function mayBeWarning(concept: unknown): boolean {
  const codings = (concept as { coding?: unknown } | undefined)?.coding;
  if (!Array.isArray(codings)) return false;
  for (const c of codings)
    if (typeof c?.code === 'string' && RELEVANT_CODES.has(c.code)) return true;
  return false;
}
