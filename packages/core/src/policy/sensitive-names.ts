/**
 * The name-based complements of the code sets (sensitive-codes.ts): medicines named by their
 * ingredients or brands, and the words of coded terms that name a sensitive category. Both read
 * only coded terms and medicine names, never free text. Sources and reasons: docs/consent-and-audit.md.
 */
import type { SensitiveCategory } from './sensitive-codes.js';

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

/**
 * Words and phrases of coded terms (a concept's own display, never free text) that name a
 * sensitive category. They complement the code sets where a Read v2 or CTV3 code, or a SNOMED CT
 * descendant, could not be verified and shipped: a coding whose term names the category is
 * withheld whatever its code. A term matches at the start of a word (`gonorrh` matches
 * gonorrhoea and gonorrhea); `whole` terms must also end a word (`ivf`). `notWith` names a word
 * whose presence means another condition (Chlamydia pneumoniae is a chest infection). Terms
 * that also mean something else are left out: `abortion` alone (a spontaneous abortion is a
 * miscarriage), `herpes` alone (cold sores, shingles), `warts` alone.
 */
export interface SensitiveTerm {
  term: string;
  category: SensitiveCategory;
  whole?: boolean;
  notWith?: readonly string[];
}

export const DEFAULT_SENSITIVE_TERMS: readonly SensitiveTerm[] = [
  { term: 'human immunodeficiency virus', category: 'sti' },
  { term: 'hiv', category: 'sti', whole: true },
  { term: 'acquired immune deficiency syndrome', category: 'sti' },
  { term: 'acquired immunodeficiency syndrome', category: 'sti' },
  { term: 'sexually transmitted', category: 'sti' },
  { term: 'venereal', category: 'sti' },
  { term: 'genitourinary medicine', category: 'sti' },
  { term: 'genitourinary clinic', category: 'sti' },
  { term: 'gum clinic', category: 'sti' },
  { term: 'sexual health', category: 'sti' },
  { term: 'chlamydia', category: 'sti', notWith: ['pneumoniae', 'psittac'] },
  { term: 'gonorrh', category: 'sti' },
  { term: 'gonococc', category: 'sti' },
  { term: 'syphili', category: 'sti' },
  { term: 'treponema pallidum', category: 'sti' },
  { term: 'trichomon', category: 'sti' },
  { term: 'mycoplasma genitalium', category: 'sti' },
  { term: 'genital herpes', category: 'sti' },
  { term: 'herpes genitalis', category: 'sti' },
  { term: 'anogenital herpes', category: 'sti' },
  { term: 'genital wart', category: 'sti' },
  { term: 'anogenital wart', category: 'sti' },
  { term: 'condylomata acuminata', category: 'sti' },
  { term: 'lymphogranuloma venereum', category: 'sti' },
  { term: 'termination of pregnancy', category: 'termination' },
  { term: 'pregnancy termination', category: 'termination' },
  { term: 'induced abortion', category: 'termination' },
  { term: 'medical abortion', category: 'termination' },
  { term: 'surgical abortion', category: 'termination' },
  { term: 'therapeutic abortion', category: 'termination' },
  { term: 'in vitro fertili', category: 'fertility' },
  { term: 'ivf', category: 'fertility', whole: true },
  { term: 'intracytoplasmic sperm injection', category: 'fertility' },
  { term: 'assisted conception', category: 'fertility' },
  { term: 'assisted fertili', category: 'fertility' },
  { term: 'assisted reproduct', category: 'fertility' },
  { term: 'artificial insemination', category: 'fertility' },
  { term: 'intrauterine insemination', category: 'fertility' },
  { term: 'embryo transfer', category: 'fertility' },
  { term: 'fertility clinic', category: 'fertility' },
  { term: 'fertility treatment', category: 'fertility' },
  { term: 'gender dysphoria', category: 'gender' },
  { term: 'gender identity disorder', category: 'gender' },
  { term: 'gender identity clinic', category: 'gender' },
  { term: 'gender incongruence', category: 'gender' },
  { term: 'gender reassignment', category: 'gender' },
  { term: 'sex reassignment', category: 'gender' },
  { term: 'gender affirm', category: 'gender' },
  { term: 'transsexual', category: 'gender' },
  { term: 'transgender', category: 'gender' },
  { term: 'cross-sex hormone', category: 'gender' },
];
