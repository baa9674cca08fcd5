/**
 * The shipped sensitive sets: codes whose presence anywhere in an entry reveals fertility
 * treatment, a sexually transmitted infection (HIV included), a termination of pregnancy or
 * gender reassignment. Every code was checked against a published list; docs/consent-and-audit.md
 * ("Sensitive data") names the source of each. No terminology server is called, so a SNOMED CT
 * concept's descendants are only those listed; Read v2 codes ending in `.` are hierarchy heads and
 * match their descendants (Read v2 codes are hierarchical by position); CTV3 codes match exactly.
 */

export type SensitiveCategory = 'fertility' | 'sti' | 'termination' | 'gender';

interface CategorySet {
  snomed: readonly string[];
  readV2: readonly string[];
  ctv3: readonly string[];
}

export const SENSITIVE_SETS: Readonly<Record<SensitiveCategory, CategorySet>> = {
  sti: {
    snomed: [
      '8098009', // Sexually transmitted infectious disease
      '15628003', // Gonorrhea
      '76272004', // Syphilis
      '105629000', // Chlamydial infection
      '33839006', // Genital herpes simplex
      '86406008', // Human immunodeficiency virus infection
      '165816005', // Human immunodeficiency virus positive
      '62479008', // Acquired immune deficiency syndrome
      '91947003', // Asymptomatic human immunodeficiency virus infection
      '91948008', // Asymptomatic human immunodeficiency virus infection in pregnancy
      '111880001', // Acute human immunodeficiency virus infection
      '40780007', // Human immunodeficiency virus I infection
      '79019005', // Human immunodeficiency virus II infection
      '52079000', // Congenital human immunodeficiency virus infection
      '405631006', // Pediatric human immunodeficiency virus infection
      '402916007', // Human immunodeficiency virus seropositivity
      '699433000', // Human immunodeficiency virus carrier
      '170492000', // Acquired immunodeficiency syndrome carrier
      '186706006', // HIV infection constitutional disease
      '186707002', // HIV infection with neurological disease
      '186708007', // HIV infection with secondary clinical infectious disease
      '186709004', // HIV with secondary cancers
      '240611008', // Acquired immune deficiency syndrome-related complex
      '276665006', // Congenital acquired immune deficiency syndrome
      '397763006', // Human immunodeficiency virus encephalopathy
      '230180003', // Human immunodeficiency virus leukoencephalopathy
      '415272006', // Referral to genitourinary clinic
      '306282009', // Referral to genitourinary physician
    ],
    readV2: [
      'A788.', // Acquired immune deficiency syndrome / HIV infection, and descendants
      'A789.', // Human immunodef virus resulting in other disease, and descendants
      'AyuC.', // [X]Human immunodeficiency virus disease, and descendants
      '43C3.', // HIV positive
      '43j7.', // HIV 1 nucleic acid detection
      '4J34.', // HIV viral load
      '65QA.', // AIDS carrier
      '65VE.', // Notification of AIDS
      '66j0.', // Human immunodeficiency virus annual review
      'R109.', // [D]Laboratory evidence of human immunodeficiency virus [HIV]
      'ZV01A', // [V]Asymptomatic human immunodeficency virus infection status
      'L179.', // HIV disease complicating pregnancy childbirth puerperium
      'Eu024', // [X]Dementia in human immunodef virus [HIV] disease
    ],
    ctv3: [
      'A788.', // (AIDS) or (HIV infection)
      'A7880', // Acute human immunodeficiency virus seroconversion illness
      'A7881', // Asymptomatic human immunodeficiency virus infection
      'A789.', // Human immunodef virus resulting in other disease
      'AyuC.', // [X]Human immunodeficiency virus disease
      '43C3.', // HIV positive
      '65QA.', // AIDS carrier
      'R109.', // [D]Laboratory evidence of human immunodeficiency virus [HIV]
      'X70M6', // Human immunodeficiency virus infection
      'XE0RX', // Acquired immune deficiency syndrome
      'XaFuL', // HIV viral load
      'XaILa', // HIV 1 nucleic acid detection
      'XaQOu', // Human immunodeficiency virus annual review
      'XaZxo', // Seen by community HIV (human immunodeficiency virus) nurse
      'ZV01A', // [V]Asymptomatic human immunodeficency virus infection status
    ],
  },
  termination: {
    snomed: [
      '386639001', // Termination of pregnancy
      '386394001', // Pregnancy termination care
      '10383002', // Counseling for termination of pregnancy
      '225326008', // Post-termination counselling
      '225327004', // Pre-termination counselling
      '749781000000109', // Incomplete medical abortion
    ],
    readV2: [
      'L05..', // Termination of pregnancy, and descendants
      '7E086', // Termination of pregnancy NEC
      '8Cg..', // Pregnancy termination care
      '6776.', // Preg. termination counselling, and descendants
    ],
    ctv3: [
      'L05..', // Termination of pregnancy
      '7E086', // Termination of pregnancy NEC
      'Xa36H', // Termination of pregnancy
      'XE0xc', // Termination of pregnancy
      'XaWyf', // Incomplete medical abortion
      'XaXIc', // Pregnancy termination care
      'Ua1O2', // Post-termination counselling
      'Ua1O3', // Pre-termination counselling
      '6776.', // Abortion counselling
    ],
  },
  fertility: {
    snomed: [
      '52637005', // Test tube ovum fertilization
      '304023008', // In vitro fertilization
      '63487001', // Assisted fertilization
      '58533008', // Artificial insemination
      '445151000124101', // Fertility enhancing drug therapy
      '183862006', // Referral to fertility clinic
    ],
    readV2: [],
    ctv3: [],
  },
  gender: {
    snomed: [
      '93461009', // Gender dysphoria
      '407374003', // Transsexual
      '407376001', // Male-to-female transsexual
      '407377005', // Female-to-male transsexual
    ],
    readV2: [],
    ctv3: [],
  },
};

/**
 * Ingredients (and UK brand names) of medicines whose use reveals a sensitive category, matched
 * on a medicine's name and coded terms, so every dm+d VMP and AMP of them is caught without a
 * shipped list of thousands of product codes. Deliberately narrow: medicines with common other
 * uses (tenofovir or lamivudine alone for hepatitis B, ritonavir in COVID-19 treatment, letrozole,
 * progesterone, testosterone, oestradiol) are not listed. `notWith` names an ingredient whose
 * presence means another use (diclofenac with misoprostol is an anti-inflammatory).
 */
export interface SensitiveMedicineName {
  name: string;
  category: SensitiveCategory;
  notWith?: string;
}

const names = (
  category: SensitiveCategory,
  list: readonly string[],
  notWith?: string,
): SensitiveMedicineName[] => list.map((name) => ({ name, category, ...(notWith && { notWith }) }));

export const DEFAULT_SENSITIVE_MEDICINES: readonly SensitiveMedicineName[] = [
  // HIV treatment and pre-exposure prophylaxis (emtricitabine with tenofovir).
  ...names('sti', [
    'emtricitabine',
    'zidovudine',
    'abacavir',
    'dolutegravir',
    'raltegravir',
    'bictegravir',
    'cabotegravir',
    'elvitegravir',
    'efavirenz',
    'rilpivirine',
    'nevirapine',
    'etravirine',
    'doravirine',
    'darunavir',
    'atazanavir',
    'lopinavir',
    'fosamprenavir',
    'maraviroc',
    'enfuvirtide',
    'fostemsavir',
    'lenacapavir',
    'truvada',
    'descovy',
    'biktarvy',
    'triumeq',
    'dovato',
    'genvoya',
    'eviplera',
    'odefsey',
    'symtuza',
  ]),
  ...names('fertility', [
    'clomifene',
    'clomiphene',
    'follitropin',
    'urofollitropin',
    'menotropin',
    'choriogonadotropin',
    'chorionic gonadotrophin',
    'lutropin',
    'corifollitropin',
    'ganirelix',
    'cetrorelix',
  ]),
  ...names('termination', ['mifepristone', 'gemeprost']),
  ...names('termination', ['misoprostol'], 'diclofenac'),
];
