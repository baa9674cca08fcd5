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
      '735516004', // Infection of genitourinary system caused by Neisseria gonorrhoeae
      '50970007', // Acute gonorrhea of upper genitourinary tract
      '80388004', // Chronic gonorrhea of upper genitourinary tract
      '236682002', // Gonococcal urethritis
      '237083000', // Gonococcal cervicitis
      '198242009', // Female gonococcal pelvic inflammatory disease
      '236766009', // Gonococcal epididymitis
      '236772009', // Gonococcal epididymo-orchitis
      '197967000', // Gonococcal prostatitis
      '237038001', // Gonococcal salpingitis
      '237069002', // Gonococcal endometritis
      '402957000', // Gonococcal bartholinitis
      '197848003', // Gonococcal cystitis
      '312099009', // Genitourinary chlamydia infection
      '188463006', // Chlamydial pelvic inflammatory disease
      '198176005', // Female chlamydial pelvic inflammatory disease
      '237084006', // Chlamydial cervicitis
      '237039009', // Chlamydial salpingitis
      '236767000', // Chlamydial epididymitis
      '236773004', // Chlamydial epididymo-orchitis
      '236672003', // Chlamydial prostatitis
      '237106009', // Chlamydial bartholinitis
      '189312004', // Pelvic inflammation with female sterility caused by Chlamydia trachomatis
      '186847001', // Primary genital syphilis
      '402941000', // Syphilitic chancre of vulva
      '402940004', // Syphilitic chancre of penis
      '198175009', // Female syphilitic pelvic inflammatory disease
      '197966009', // Syphilitic prostatitis
      '276877003', // Trichomonal vaginitis
      '428230005', // Trichomonal vaginitis in pregnancy
      '237104007', // Trichomonal vulvitis
      '21955004', // Trichomonal cervicitis
      '71590000', // Trichomonal prostatitis
      '722522009', // Female pelvic inflammatory disease caused by Mycoplasma genitalium
      '129670002', // Herpetic cervicitis
      '1090381000119104', // Recurrent cervicitis caused by human herpes simplex virus
      '1090441000119102', // Recurrent inflammation of vulva caused by human herpes simplex virus
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
      '306282009', // Referral to sexually transmittable diseases physician
      '412712007', // Referral to sexually transmitted infections clinic
      '306123006', // Referral to genitourinary medicine service
      '305975009', // Referral by genitourinary medicine physician
      '306325006', // Referral to genitourinary nurse
      '306033001', // Referral by genitourinary nurse
      '183905006', // Private referral to venereologist
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
      'A78A.', // Chlamydial infection, and descendants
      'K40y1', // Female chlamydial pelvic inflammatory disease
      'K4209', // Chlamydia cervicitis
      'K2416', // Chlamydial epididymitis
      'Ayu4D', // [X]Sexually transmitted chlamydial infection of other sites
      'Ayu4K', // [X]Chlamydial infection of genitourinary tract, unspecified
      'A9800', // Acute gonococcal Bartholinitis
      'A9801', // Acute gonococcal urethritis
      'A981.', // Acute gonorrhoea of upper genitourinary tract, and descendants
      'A9820', // Chronic gonococcal bartholinitis
      'A9821', // Chronic gonococcal urethritis
      'A983.', // Chronic gonorrhoea of upper genitourinary tract, and descendants
      'K44..', // Female gonococcal pelvic inflammatory disease
      'K1545', // Cystitis in gonorrhoea
      'K2144', // Prostatitis in gonorrhoea
      'A910.', // Primary genital syphilis
      'K40y0', // Female syphilitic pelvic inflammatory disease
      'K2142', // Prostatitis in syphilis
      'K2146', // Prostatitis in trichomoniasis
      'AD103', // Trichomonal prostatitis
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
      'A78A.', // Chlamydial infection
      'A78A3', // Chlamydial infection of pelviperitoneum and other genitourinary organs
      'XaDbk', // Genitourinary chlamydia infection
      'XaLWl', // Chlamydial infection of genital organs NEC
      'K40y1', // Female chlamydial pelvic inflammatory disease
      'X407P', // Chlamydial cervicitis
      'X400a', // Chlamydial epididymitis
      'X400h', // Chlamydial epididymo-orchitis
      'X406L', // Chlamydial salpingitis
      'X30Oi', // Chlamydial prostatitis
      'X4089', // Chlamydial bartholinitis
      'Ayu4D', // [X]Sexually transmitted chlamydial infection of other sites
      'Ayu4K', // [X]Chlamydial infection of genitourinary tract, unspecified
      'A9800', // Acute gonococcal bartholinitis
      'A9801', // Acute gonococcal urethritis
      'A981.', // Acute gonorrhoea of upper genitourinary tract
      'A9810', // Acute unspecified gonorrhoea of upper genitourinary tract
      'A9811', // Acute gonococcal cystitis
      'A9812', // Acute gonococcal prostatitis
      'A9813', // Acute gonococcal: [epididymo-orchitis] or [orchitis]
      'A9814', // Acute gonococcal seminal vesiculitis
      'A9815', // Acute gonococcal cervicitis
      'A9816', // Acute gonococcal endometritis
      'A9817', // Acute gonococcal salpingitis
      'A981z', // Acute gonorrhoea upper genitourinary tract NOS
      'A9820', // Chronic gonococcal bartholinitis
      'A9821', // Chronic gonococcal urethritis
      'A983.', // Chronic gonorrhoea of upper genitourinary tract
      'A9830', // Chronic unspecified gonorrhoea of upper genitourinary tract
      'A9831', // Chronic gonococcal cystitis
      'A9832', // Chronic gonococcal prostatitis
      'A9833', // Chronic gonococcal epididymo-orchitis
      'A9834', // Chronic gonococcal seminal vesiculitis
      'A9835', // Chronic gonococcal cervicitis
      'A9836', // Chronic gonococcal endometritis
      'A9837', // Chronic gonococcal salpingitis
      'A983z', // Chronic gonorrhoea of upper genitourinary tract NOS
      'K44..', // Female gonococcal pelvic inflammatory disease
      'K1545', // Gonococcal cystitis
      'K2144', // Gonococcal prostatitis
      'X30Oz', // Gonococcal urethritis
      'X400g', // Gonococcal epididymo-orchitis
      'X400Z', // Gonococcal epididymitis
      'X406K', // Gonococcal salpingitis
      'X4075', // Gonococcal endometritis
      'X407O', // Gonococcal cervicitis
      'X501h', // Gonococcal lymphangitis of penis
      'X70Mo', // Gonococcal Skenitis
      'X70Mp', // Gonococcal Tysonitis
      'X70Mq', // Gonococcal Cowperitis
      'X70Mr', // Gonococcal Littritis
      'XE0Rv', // Acute gonococcal epididymo-orchitis
      'Xa89S', // Gonococcal seminal vesiculitis
      'A910.', // Primary genital syphilis
      'K40y0', // Female syphilitic pelvic inflammatory disease
      'K2142', // Syphilitic prostatitis
      'K2146', // Trichomonal prostatitis
      'Xa0Er', // Trichomonal vaginitis
      'X4085', // Trichomonal vulvitis
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
      '609464004', // Induced termination of pregnancy complicated by endometritis
      '609473007', // Induced termination of pregnancy complicated by parametritis
      '609483006', // Induced termination of pregnancy complicated by salpingitis
      '609484000', // Induced termination of pregnancy complicated by salpingo-oophoritis
      '415262008', // Referral for termination of pregnancy
      '439163006', // Referral for medical termination of pregnancy
      '439310005', // Referral for surgical termination of pregnancy
      '396158009', // Referral for therapeutic abortion
      '183606009', // Referral for counseling for termination of pregnancy
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
      '407374003', // Transsexual
      '407376001', // Male-to-female transsexual
      '407377005', // Female-to-male transsexual
    ],
    readV2: [],
    ctv3: [],
  },
};
