// The sensitive sets by meaning: every category, in every entry section, in every code system
// the shipped sets hold, withheld by default and counted; custom lists add, the replace option
// replaces; security labels in both the R4 and the STU3 URI forms.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { CTV3, DMD, READ_V2, SNOMED_CT, type Coding, type Entry } from '../model/common.js';
import type { SectionName, SectionValues } from '../model/sections.js';
import { resolvePolicy, type AccessPolicy } from './policy.js';
import { SENSITIVE_SETS, type SensitiveCategory } from './sensitive-codes.js';
import { DEFAULT_SENSITIVE_CODES } from './sensitive-match.js';
import type { ViewerContext } from './viewer.js';
import { applyEntryPolicy, withholdingReason } from './withhold.js';

const viewer: ViewerContext = {
  userId: 'u1',
  name: 'Dr A',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
};
// A code the shipped sets do not hold (asthma), for the entry that must stay.
const ASTHMA: Coding = { system: SNOMED_CT, code: '195967001', display: 'Asthma' };
// Medicines are matched by name; the code here is a placeholder, not a dm+d identifier.
const PLACEHOLDER = 'placeholder-not-a-code';

type EntrySectionName = Exclude<SectionName, 'demographics'>;
const SECTIONS: EntrySectionName[] = [
  'problems',
  'diagnoses',
  'medications',
  'investigations',
  'procedures',
  'events',
  'risksWarnings',
];

/** An entry of `section` whose section-specific coded field (or `codes`) carries `coding`. */
function entryIn(section: EntrySectionName, id: string, coding: Coding): Entry {
  const base = {
    id,
    codes: [coding],
    display: coding.display ?? 'Entry',
    status: 'active',
    provenance: { source: 'fhir-r4' as const, organisation: 'Y12345' },
  };
  switch (section) {
    case 'medications':
      return {
        ...base,
        name: base.display,
        kind: 'acute',
        current: true,
        issues: [],
        highRisk: false,
      } as Entry;
    case 'events':
      // The category shows only in the event's type: its codes say nothing sensitive.
      return {
        ...base,
        codes: [ASTHMA],
        kind: 'referral',
        status: 'planned',
        type: [coding],
      } as Entry;
    case 'investigations':
      // A coded result value reveals as much as the test's own code.
      return { ...base, codes: [ASTHMA], status: 'final', codedValue: [coding] } as Entry;
    case 'risksWarnings':
      return { ...base, codes: [ASTHMA], category: [coding] } as Entry;
    default:
      return base;
  }
}

function sectionOf<K extends EntrySectionName>(section: K, entries: Entry[]): SectionValues[K] {
  return {
    entries,
    warnings: [],
    diagnostics: { dropped: {}, unparseable: {} },
    ...(section === 'investigations' && { series: [] }),
    ...(section === 'allergies' && { state: 'recorded', statements: [] }),
  } as unknown as SectionValues[K];
}

async function kept(section: EntrySectionName, coding: Coding, policy: AccessPolicy) {
  const value = await applyEntryPolicy(
    section,
    sectionOf(section, [entryIn(section, 'keep', ASTHMA), entryIn(section, 'probe', coding)]),
    viewer,
    policy,
  );
  const { entries, withheld } = value as { entries: Entry[]; withheld?: unknown };
  return { ids: entries.map((e) => e.id), withheld };
}

/** One coding per category and code system, taken from the shipped sets where they hold one. */
const PROBES: [SensitiveCategory, string, Coding][] = [
  ['sti', 'SNOMED CT', { system: SNOMED_CT, code: '15628003', display: 'Gonorrhea' }],
  ['sti', 'SNOMED CT (HIV)', { system: SNOMED_CT, code: '86406008', display: 'HIV infection' }],
  // A descendant of A788. with its 2-digit term id, as Read v2 codes are often sent.
  ['sti', 'Read v2', { system: READ_V2, code: 'A788000', display: 'Acute HIV infection' }],
  ['sti', 'CTV3', { system: CTV3, code: 'X70M6', display: 'HIV infection' }],
  ['termination', 'SNOMED CT', { system: SNOMED_CT, code: '386639001', display: 'TOP' }],
  ['termination', 'Read v2', { system: READ_V2, code: 'L051711', display: 'Incomplete TOP' }],
  ['termination', 'CTV3', { system: CTV3, code: 'XaWyf', display: 'Incomplete medical abortion' }],
  ['fertility', 'SNOMED CT', { system: SNOMED_CT, code: '52637005', display: 'IVF' }],
  ['fertility', 'SNOMED CT (referral)', { system: SNOMED_CT, code: '183862006', display: 'Ref' }],
  ['gender', 'SNOMED CT', { system: SNOMED_CT, code: '407377005', display: 'FtM transsexual' }],
];

/** Medicines that reveal a category, as dm+d (and GP Connect's SNOMED CT) name them. */
const MEDICINES: [SensitiveCategory, Coding][] = [
  [
    'sti',
    {
      system: DMD,
      code: PLACEHOLDER,
      display: 'Emtricitabine 200mg / Tenofovir disoproxil 245mg tablets',
    },
  ],
  ['sti', { system: SNOMED_CT, code: PLACEHOLDER, display: 'Dolutegravir 50mg tablets' }],
  ['fertility', { system: DMD, code: PLACEHOLDER, display: 'Clomifene 50mg tablets' }],
  ['fertility', { system: DMD, code: PLACEHOLDER, display: 'Follitropin alfa 75unit injection' }],
  ['termination', { system: DMD, code: PLACEHOLDER, display: 'Mifepristone 200mg tablets' }],
  ['termination', { system: DMD, code: PLACEHOLDER, display: 'Misoprostol 200microgram tablets' }],
];

describe('sensitive sets: every category, section and code system, withheld by default', () => {
  const policy = resolvePolicy();

  for (const [category, system, coding] of PROBES) {
    for (const section of SECTIONS) {
      it(`${category} in ${system} (${coding.code}) in ${section}`, async () => {
        const result = await kept(section, coding, policy);
        expect(result.ids).to.deep.equal(['keep']);
        expect(result.withheld).to.deep.equal({ private: 0, sensitive: 1 });
      });
    }
  }

  for (const [category, coding] of MEDICINES) {
    it(`${category} medicine by name: ${coding.display}`, async () => {
      const result = await kept('medications', coding, policy);
      expect(result.ids).to.deep.equal(['keep']);
      expect(result.withheld).to.deep.equal({ private: 0, sensitive: 1 });
    });
  }

  it('lists every shipped code once, each under the system it belongs to', () => {
    const keys = DEFAULT_SENSITIVE_CODES.map((c) => `${c.system}|${c.code}`);
    expect(new Set(keys).size).to.equal(keys.length);
    const total = Object.values(SENSITIVE_SETS).reduce(
      (n, set) => n + set.snomed.length + set.readV2.length + set.ctv3.length,
      0,
    );
    expect(keys.length).to.equal(total);
    for (const set of Object.values(SENSITIVE_SETS)) {
      for (const code of set.snomed) expect(code, code).to.match(/^\d{6,18}$/);
      for (const code of [...set.readV2, ...set.ctv3]) expect(code, code).to.match(/^.{5}$/);
    }
  });

  it('withholds an entry for every shipped code, in the system it was shipped for', async () => {
    for (const { system, code } of DEFAULT_SENSITIVE_CODES) {
      const entry = entryIn('problems', 'probe', { system, code });
      expect(await withholdingReason(entry, viewer, policy), `${system}|${code}`).to.equal(
        'sensitive',
      );
    }
  });

  it('matches by system and code: the same string in another system is not a match', async () => {
    const shown = [
      { system: SNOMED_CT, code: 'L05..' }, // a Read v2 code sent as SNOMED CT
      { system: CTV3, code: '386639001' }, // a SNOMED CT id sent as CTV3
      { system: READ_V2, code: 'XaWyf' }, // a CTV3 code sent as Read v2
      { system: CTV3, code: 'L0517' }, // CTV3 is matched exactly, never as a hierarchy
      { system: READ_V2, code: 'L06..' }, // next to L05.., not below it
      { system: 'http://example.org/local', code: '386639001' },
    ];
    for (const coding of shown) {
      const entry = entryIn('problems', 'probe', coding);
      expect(await withholdingReason(entry, viewer, policy), JSON.stringify(coding)).to.equal(
        undefined,
      );
    }
    // dm+d identifiers are SNOMED CT identifiers: the dm+d system is the same namespace.
    const dmd = entryIn('problems', 'probe', { system: DMD, code: '386639001' });
    expect(await withholdingReason(dmd, viewer, policy)).to.equal('sensitive');
  });

  it('reads a Read v2 head as its hierarchy: L05.. withholds L0517 and L05z.', async () => {
    for (const code of ['L05..', 'L0517', 'L05z.', 'L05..00', '6776100']) {
      const entry = entryIn('problems', 'probe', { system: READ_V2, code });
      expect(await withholdingReason(entry, viewer, policy), code).to.equal('sensitive');
    }
  });

  it('keeps medicines that share an ingredient with another use', async () => {
    for (const display of [
      'Diclofenac sodium 50mg / Misoprostol 200microgram gastro-resistant tablets',
      'Tenofovir disoproxil 245mg tablets',
      'Ritonavir 100mg tablets',
      'Letrozole 2.5mg tablets',
    ]) {
      const result = await kept('medications', { system: DMD, code: PLACEHOLDER, display }, policy);
      expect(result.ids, display).to.deep.equal(['keep', 'probe']);
    }
  });

  it('matches a medicine name whatever its case or invisible characters', async () => {
    const display = 'MIFE\u200BPRISTONE 200mg tablets';
    const result = await kept('medications', { system: DMD, code: PLACEHOLDER, display }, policy);
    expect(result.ids).to.deep.equal(['keep']);
  });

  it('does not match medicine names outside the medications section', async () => {
    const coding = { system: SNOMED_CT, code: PLACEHOLDER, display: 'Mifepristone' };
    const result = await kept('problems', coding, policy);
    expect(result.ids).to.deep.equal(['keep', 'probe']);
  });
});

describe('sensitive terms: coded terms that name a category, whatever their code', () => {
  const policy = resolvePolicy();
  // Codes no shipped set holds (placeholders): only the concept's own term can tell.
  const coded = (system: string, display: string): Coding => ({
    system,
    code: PLACEHOLDER,
    display,
  });

  const WITHHELD: [EntrySectionName, Coding][] = [
    ['procedures', coded(READ_V2, 'Gender reassignment surgery')],
    ['problems', coded(CTV3, 'Transsexualism')],
    ['diagnoses', coded(SNOMED_CT, 'Gender dysphoria in adolescence')],
    ['procedures', coded(CTV3, 'In vitro fertilisation')],
    ['events', coded(SNOMED_CT, 'Referral to fertility clinic')],
    ['problems', coded(READ_V2, 'Anogenital warts')],
    ['diagnoses', coded(READ_V2, 'Trichomoniasis')],
    ['investigations', coded(SNOMED_CT, 'HIV-1 antibody test')],
    ['events', coded(SNOMED_CT, 'Seen in sexual health clinic')],
    ['procedures', coded(CTV3, 'Medical abortion')],
    ['risksWarnings', coded(SNOMED_CT, 'Chlamydia trachomatis infection')],
  ];
  for (const [section, coding] of WITHHELD) {
    it(`withholds "${coding.display}" in ${section}`, async () => {
      const result = await kept(section, coding, policy);
      expect(result.ids).to.deep.equal(['keep']);
      expect(result.withheld).to.deep.equal({ private: 0, sensitive: 1 });
    });
  }

  it('keeps terms that only look alike', async () => {
    for (const display of [
      'Provision of hearing aids',
      'Spontaneous abortion',
      'Herpes labialis',
      'Chlamydia pneumoniae infection',
      'Shivering',
      'Archive review',
    ]) {
      const result = await kept('problems', coded(SNOMED_CT, display), policy);
      expect(result.ids, display).to.deep.equal(['keep', 'probe']);
    }
  });

  it('does not read allergies by term, and can be turned off', async () => {
    const allergy = entryIn('problems', 'a', coded(SNOMED_CT, 'HIV test'));
    expect(await withholdingReason(allergy, viewer, policy, 'allergies')).to.equal(undefined);
    expect(await withholdingReason(allergy, viewer, policy, 'problems')).to.equal('sensitive');
    const off = resolvePolicy({ sensitiveTerms: [] });
    expect(await withholdingReason(allergy, viewer, off, 'problems')).to.equal(undefined);
  });
});

describe('sensitive sets: deployment options', () => {
  const chlamydia: Coding = { system: SNOMED_CT, code: '105629000', display: 'Chlamydia' };

  it('adds custom codes to the defaults (strings are SNOMED CT)', async () => {
    const policy = resolvePolicy({ sensitiveCodes: ['195967001'] });
    const asthma = entryIn('problems', 'a', ASTHMA);
    expect(await withholdingReason(asthma, viewer, policy)).to.equal('sensitive');
    expect(await withholdingReason(entryIn('problems', 'c', chlamydia), viewer, policy)).to.equal(
      'sensitive',
    );
  });

  it('adds custom codes in any system, a Read v2 head with its hierarchy', async () => {
    // A deployment's own (synthetic) Read v2 head: what it means does not matter here.
    const policy = resolvePolicy({ sensitiveCodes: [{ system: READ_V2, code: 'Zq9..' }] });
    const child = entryIn('problems', 'r', { system: READ_V2, code: 'Zq91.' });
    expect(await withholdingReason(child, viewer, policy)).to.equal('sensitive');
    const snomedSameString = entryIn('problems', 's', { system: SNOMED_CT, code: 'Zq91.' });
    expect(await withholdingReason(snomedSameString, viewer, policy)).to.equal(undefined);
    expect(await withholdingReason(entryIn('problems', 'c', chlamydia), viewer, policy)).to.equal(
      'sensitive',
    );
  });

  it('replaces the shipped code sets only through the explicit option', async () => {
    // Coded without a term, so only the code sets can decide (terms are a separate option).
    const chlamydia: Coding = { system: SNOMED_CT, code: '105629000' };
    const policy = resolvePolicy({ replaceSensitiveCodes: ['195967001'] });
    expect(await withholdingReason(entryIn('problems', 'a', ASTHMA), viewer, policy)).to.equal(
      'sensitive',
    );
    expect(await withholdingReason(entryIn('problems', 'c', chlamydia), viewer, policy)).to.equal(
      undefined,
    );
    const both = resolvePolicy({ replaceSensitiveCodes: [], sensitiveCodes: ['105629000'] });
    expect(await withholdingReason(entryIn('problems', 'c', chlamydia), viewer, both)).to.equal(
      'sensitive',
    );
  });

  it('counts what the host hook withheld, as a count within sensitive', async () => {
    const hooked = resolvePolicy({ sensitiveHook: (e) => e.id === 'hooked' });
    const value = await applyEntryPolicy(
      'problems',
      sectionOf('problems', [
        entryIn('problems', 'keep', ASTHMA),
        entryIn('problems', 'hooked', ASTHMA),
        entryIn('problems', 'coded', chlamydia),
      ]),
      viewer,
      hooked,
    );
    expect(value.entries.map((e) => e.id)).to.deep.equal(['keep']);
    expect(value.withheld).to.deep.equal({ private: 0, sensitive: 2, sensitiveByHook: 1 });
    // Without a hook the count is absent, not zero: nothing was asked.
    const plain = await applyEntryPolicy(
      'problems',
      sectionOf('problems', [entryIn('problems', 'keep', ASTHMA)]),
      viewer,
      resolvePolicy(),
    );
    expect(plain.withheld).to.deep.equal({ private: 0, sensitive: 0 });
  });
});

describe('security labels in both URI forms', () => {
  const policy = resolvePolicy();
  const labelled = (system: string, code: string): Entry => ({
    ...entryIn('problems', 'l', ASTHMA),
    security: [{ system, code }],
  });

  for (const system of [
    'http://terminology.hl7.org/CodeSystem/v3-ActCode',
    'http://hl7.org/fhir/v3/ActCode',
  ]) {
    for (const code of ['HIV', 'STD', 'SEX']) {
      it(`${code} from ${system} is sensitive`, async () => {
        expect(await withholdingReason(labelled(system, code), viewer, policy)).to.equal(
          'sensitive',
        );
      });
    }
  }

  for (const system of [
    'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
    'http://hl7.org/fhir/v3/Confidentiality',
  ]) {
    for (const code of ['R', 'V']) {
      it(`${code} from ${system} is private to its recorder`, async () => {
        expect(await withholdingReason(labelled(system, code), viewer, policy)).to.equal('private');
      });
    }
    it(`N (normal) from ${system} is not private`, async () => {
      expect(await withholdingReason(labelled(system, 'N'), viewer, policy)).to.equal(undefined);
    });
  }

  it('ignores the same codes under an unknown system', async () => {
    for (const code of ['R', 'HIV']) {
      const entry = labelled('http://example.org/labels', code);
      expect(await withholdingReason(entry, viewer, policy), code).to.equal(undefined);
    }
  });
});
