/**
 * Clinical codes for the synthetic-patient generator (UK GP record, FHIR sandbox).
 *
 * Every constant below was checked against a public source, named in its trailing
 * `// verified:` comment. Where a source is one of the read-only published examples in
 * `shared/fixtures/`, the file is named (GPC = gp-connect-structured-examples, STU3;
 * UKCore = uk-core-r4-examples, R4). Other sources are public repositories and pages found
 * with the project's search tools; "single source" marks codes seen in only one independent
 * place. Every SNOMED CT / dm+d identifier also passes the SCTID Verhoeff check digit, and
 * every LOINC code passes the LOINC mod-10 check digit.
 *
 * Codes that could not be verified were left out on purpose (never guessed); see the
 * accompanying report. Notes:
 *  - dm+d re-issued many VMPs under new UK-namespace ids (…1000001xx). The ids here are the
 *    current-generation ones where found (e.g. Warfarin 3mg tablets 42217611000001104; the
 *    older id 319734006 is its previous VMP id). GP Connect examples still use the older ids,
 *    under the SNOMED system (e.g. Paracetamol 500mg tablets 322236009).
 *  - UK Core codes medicines under https://dmd.nhs.uk; GP Connect under http://snomed.info/sct.
 */

export interface Code {
  system: string;
  code: string;
  display: string;
}

export const SNOMED = 'http://snomed.info/sct';
export const DMD = 'https://dmd.nhs.uk';
export const LOINC = 'http://loinc.org';

// ---------------------------------------------------------------------------
// Identifier systems, profiles, extensions
// ---------------------------------------------------------------------------

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number'; // verified: UKCore-Patient-RichardSmith-Example.json and all GPC responses (identifier.system)
export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code'; // verified: GPC responses (26 occurrences), UKCore Organization examples
export const ODS_SITE_SYSTEM = 'https://fhir.nhs.uk/Id/ods-site-code'; // verified: UKCore Location examples
export const SDS_USER_ID_SYSTEM = 'https://fhir.nhs.uk/Id/sds-user-id'; // verified: GPC responses (Practitioner.identifier)

/** UK Core R4 profile canonical URLs. */
export const PROFILE = {
  Patient: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient', // verified: babylonhealth lit ukcore Module.scala profile map
  AllergyIntolerance: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-AllergyIntolerance', // verified: same map + another public UKCore client
  MedicationRequest: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationRequest', // verified: same map
  MedicationStatement: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationStatement', // verified: same map + UK Core guidance page example meta.profile
  Medication: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Medication', // verified: same map
  Condition: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition', // verified: same map
  Observation: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation', // verified: UKCore-Observation-Lab-Albumin-Example.json meta.profile
  Procedure: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Procedure', // verified: same map
  Encounter: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Encounter', // verified: same map
  Flag: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Flag', // verified: UK Core IG source pages (canonical URL, v1.2.0, 2022-12-16)
  Organization: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization', // verified: UKCore-Provenance-RARecordConsent-Example.json
  Practitioner: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner', // verified: babylonhealth lit ukcore Module.scala profile map
} as const;

/** UK Core R4 NHS number verification status (extension on Patient.identifier). */
export const NHS_NUMBER_VERIFICATION_EXTENSION =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus'; // verified: UKCore-Patient-RichardSmith-Example.json, UKCore-Patient-BabyPatient-Example.json
export const NHS_NUMBER_VERIFICATION_SYSTEM =
  'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland'; // verified: same examples
export const nhsNumberPresentAndVerified: Code = {
  system: NHS_NUMBER_VERIFICATION_SYSTEM,
  code: '01',
  display: 'Number present and verified',
}; // verified: UKCore-Patient-RichardSmith-Example.json

/** UK Core R4 problem extensions (on Condition), and their GP Connect STU3 equivalents. */
export const PROBLEM_SIGNIFICANCE_EXTENSION =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-ProblemSignificance'; // verified: NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN structuredefinitions/Extension-UKCore-ProblemSignificance.xml (valueCode major/minor)
export const RELATED_PROBLEM_EXTENSION =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-RelatedProblemHeader'; // verified: same repository, Extension-UKCore-RelatedProblemHeader.xml (sub-extensions type, target)
export const GPC_PROBLEM_SIGNIFICANCE_EXTENSION =
  'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProblemSignificance-1'; // verified: GPC consultations_response1.json
export const GPC_RELATED_PROBLEM_EXTENSION =
  'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedProblemHeader-1'; // verified: GPC consultations_response1.json

/** GP Connect STU3 equivalents (for STU3 fixtures / normalisers). */
export const GPC_NHS_NUMBER_VERIFICATION_EXTENSION =
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1'; // verified: GPC responses (19 occurrences)
export const GPC_NHS_NUMBER_VERIFICATION_SYSTEM =
  'https://fhir.nhs.uk/CareConnect-NHSNumberVerificationStatus-1'; // verified: GPC allergies/consultations/meds responses (pathology responses use https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1)

// ---------------------------------------------------------------------------
// Medicines (dm+d)
// ---------------------------------------------------------------------------

export const warfarinVtm: Code = { system: DMD, code: '48603004', display: 'Warfarin' }; // verified: OpenEyes migration tag_known_anticoagulant_meds (DMD-VTM); SNOMED 48603004 = Warfarin-containing product (OMOP mapping)
export const warfarin1mgTablets: Code = {
  system: DMD,
  code: '42217511000001103',
  display: 'Warfarin 1mg tablets',
}; // verified: two public SQL codelists (anticoagulant VMP list; warfarin/antibiotic INR filter)
export const warfarin3mgTablets: Code = {
  system: DMD,
  code: '42217611000001104',
  display: 'Warfarin 3mg tablets',
}; // verified: three public sources (two SQL codelists, OpenSAFELY-style dummy-data script); previous VMP id 319734006
export const warfarin5mgTablets: Code = {
  system: DMD,
  code: '42217911000001105',
  display: 'Warfarin 5mg tablets',
}; // verified: two public SQL codelists
export const apixaban5mgTablets: Code = {
  system: DMD,
  code: '42206511000001102',
  display: 'Apixaban 5mg tablets',
}; // verified: several public repos (vmp_code/vmp_name pairs) + SQL codelist
export const amoxicillin500mgCapsules: Code = {
  system: DMD,
  code: '39732411000001106',
  display: 'Amoxicillin 500mg capsules',
}; // verified: UKCore-MedicationRequest-Amoxicillin-Example.json
export const amoxicillin250mgCapsules: Code = {
  system: DMD,
  code: '39732311000001104',
  display: 'Amoxicillin 250mg capsules',
}; // verified: UKCore-MedicationStatement-Amoxicillin-Example.json (GPC uses older id 323509004)
export const paracetamolVtm: Code = { system: DMD, code: '777067000', display: 'Paracetamol' }; // verified: UKCore-MedicationRequest-ParacetamolOral-Example.json (dmd system)
export const paracetamol500mgTablets: Code = {
  system: DMD,
  code: '322236009',
  display: 'Paracetamol 500mg tablets',
}; // verified: GPC consultations_response1.json (coded there under SNOMED system)
export const furosemide40mgTablets: Code = {
  system: DMD,
  code: '42294811000001108',
  display: 'Furosemide 40mg tablets',
}; // verified: single source (public SQL codelist "UK dm+d codes: Furosemide products", two copies)
export const omeprazole20mgGastroResistantCapsules: Code = {
  system: DMD,
  code: '42356411000001102',
  display: 'Omeprazole 20mg gastro-resistant capsules',
}; // verified: single source (public SQL PPI codelist, two copies + its docs)
export const methotrexate2_5mgTablets: Code = {
  system: DMD,
  code: '41792011000001100',
  display: 'Methotrexate 2.5mg tablets',
}; // verified: single source (public SQL methotrexate codelist, "2.5mg tablet generic" under "Methotrexate 2.5mg tablets")
export const ciprofloxacin500mgTablets: Code = {
  system: DMD,
  code: '39687811000001107',
  display: 'Ciprofloxacin 500mg tablets',
}; // verified: UKCore-MedicationRequest-CiprofloxacinOral-Example.json
export const clarithromycin500mgTablets: Code = {
  system: DMD,
  code: '41946511000001109',
  display: 'Clarithromycin 500mg tablets',
}; // verified: UKCore-MedicationRequest-Clarithromycin-Example.json
export const doxycycline100mgCapsules: Code = {
  system: DMD,
  code: '41948311000001104',
  display: 'Doxycycline 100mg capsules',
}; // verified: UKCore-MedicationRequest-Doxycycline-Example.json

// ---------------------------------------------------------------------------
// Conditions (SNOMED CT)
// ---------------------------------------------------------------------------

export const atrialFibrillation: Code = {
  system: SNOMED,
  code: '49436004',
  display: 'Atrial fibrillation',
}; // verified: national FHIR IG FSH example (Atrial fibrillation (disorder)) + several codelists
export const essentialHypertension: Code = {
  system: SNOMED,
  code: '59621000',
  display: 'Essential hypertension',
}; // verified: Irish IG guidance example + C-CDA examples (displayName)
export const type2DiabetesMellitus: Code = {
  system: SNOMED,
  code: '44054006',
  display: 'Type 2 diabetes mellitus',
}; // verified: FSH example (Diabetes mellitus type 2 (disorder)) + term lists
export const chronicKidneyDiseaseStage3: Code = {
  system: SNOMED,
  code: '433144002',
  display: 'Chronic kidney disease stage 3',
}; // verified: SNOMED Spanish-edition extract (conceptId/fsn) + several codelists
export const heartFailure: Code = { system: SNOMED, code: '84114007', display: 'Heart failure' }; // verified: terminology validate-code sample (Heart failure (disorder)) + Dutch IG FSH
export const osteoarthritisOfKnee: Code = {
  system: SNOMED,
  code: '239873007',
  display: 'Osteoarthritis of knee',
}; // verified: ValueSet expansion sample + codelists
export const asthma: Code = { system: SNOMED, code: '195967001', display: 'Asthma' }; // verified: C-CDA example displayName + several codelists; hermes (SNOMED server) tests
export const fractureOfBone: Code = {
  system: SNOMED,
  code: '125605004',
  display: 'Fracture of bone',
}; // verified: SNOMED International template page "<< 125605004 |Fracture of bone (disorder)|"
export const appendicitis: Code = { system: SNOMED, code: '74400008', display: 'Appendicitis' }; // verified: SNOMED concept-model docs + "Appendicitis (disorder)" term map + hermes tests
export const communityAcquiredPneumonia: Code = {
  system: SNOMED,
  code: '385093006',
  display: 'Community acquired pneumonia',
}; // verified: FHIR example (Community-acquired pneumonia) + hermes ancestor test
export const urinaryTractInfection: Code = {
  system: SNOMED,
  code: '68566005',
  display: 'Urinary tract infection',
}; // verified: several codelists/ICD-10 maps (N39.0)
export const upperRespiratoryInfection: Code = {
  system: SNOMED,
  code: '54150009',
  display: 'Upper respiratory infection',
}; // verified: GPC consultations_response1.json
export const otitisMedia: Code = { system: SNOMED, code: '65363002', display: 'Otitis media' }; // verified: UKCore-MedicationStatement-Amoxicillin-Example.json
export const postviralCough: Code = {
  system: SNOMED,
  code: '445241004',
  display: 'Postviral cough',
}; // verified: GPC consultations_response1.json (Problem-E-Post-viral-cough, linked to the URTI)

// ---------------------------------------------------------------------------
// Allergies / intolerances
// ---------------------------------------------------------------------------

export const penicillinSubstance: Code = {
  system: SNOMED,
  code: '764146007',
  display: 'Penicillin',
}; // verified: Swiss/German FHIR IG FSH (Penicillin (substance)) + several FHIR examples
export const allergyToPenicillin: Code = {
  system: SNOMED,
  code: '91936005',
  display: 'Allergy to penicillin',
}; // verified: several FHIR allergy maps ("Allergy to penicillin"; German "Allergie gegen Penicillin")
export const amoxicillinSubstance: Code = {
  system: SNOMED,
  code: '372687004',
  display: 'Amoxicillin',
}; // verified: UKCore-AllergyIntolerance-Amoxicillin-Example.json
export const urticaria: Code = { system: SNOMED, code: '126485001', display: 'Urticaria' }; // verified: AU Primary Care IG FSH (reaction.manifestation) + others
export const urticarialRash: Code = {
  system: SNOMED,
  code: '247472004',
  display: 'Urticarial rash',
}; // verified: UKCore-AllergyIntolerance-Amoxicillin-Example.json
export const allergyToPeanut: Code = {
  system: SNOMED,
  code: '91935009',
  display: 'Allergy to peanut',
}; // verified: several FHIR allergy maps ("Allergy to peanut"/"Allergy to peanuts")
export const peanutDietary: Code = {
  system: SNOMED,
  code: '256349002',
  display: 'Peanut - dietary',
}; // verified: GPC allergies_response1.json
export const peanutInducedAnaphylaxis: Code = {
  system: SNOMED,
  code: '241933001',
  display: 'Peanut-induced anaphylaxis',
}; // verified: GPC allergies_response1.json
export const noKnownAllergy: Code = {
  system: SNOMED,
  code: '716186003',
  display: 'No known allergy',
}; // verified: GPC allergies_response2.json; FHIR R4 core example allergyintolerance-nka
export const noKnownDrugAllergy: Code = {
  system: SNOMED,
  code: '409137002',
  display: 'No known drug allergy',
}; // verified: UKCore-AllergyIntolerance-Sn-NegHandlNoKnownAllergies-Example.json
export const transferDegradedDrugAllergy: Code = {
  system: SNOMED,
  code: '196461000000101',
  display: 'Transfer-degraded drug allergy',
}; // verified: UKCore-AllergyIntolerance-Sn-TransferDegradedDrugAllergy-Example.json, GPC allergies responses
export const transferDegradedMedicationEntry: Code = {
  system: SNOMED,
  code: '196421000000109',
  display: 'Transfer-degraded medication entry',
}; // verified: GP Connect "Degraded medications" guidance (NHSDigital/IOPS-FHIR-Simplifier-Backup, GPConnectDirectCareAPIs-STU3 .../Medications-and-medical-device-guidance/Degraded-medications.page.md): the degrade code, the original name in CodeableConcept.text

// ---------------------------------------------------------------------------
// Observations
// ---------------------------------------------------------------------------

export const inrSnomed: Code = {
  system: SNOMED,
  code: '165581004',
  display: 'International normalized ratio',
}; // verified: OpenCodelists nhsd-primary-care-domain-refsets/inr_cod (INR_COD refset, observable entity)
export const inrLoinc: Code = {
  system: LOINC,
  code: '6301-6',
  display: 'INR in Platelet poor plasma by Coagulation assay',
}; // verified: multiple public LOINC maps
export const bloodPressureSnomed: Code = {
  system: SNOMED,
  code: '75367002',
  display: 'Blood pressure',
}; // verified: UKCore-Observation-VitalSigns-BloodPressure-Example.json
export const bloodPressurePanelLoinc: Code = {
  system: LOINC,
  code: '85354-9',
  display: 'Blood pressure panel with all children optional',
}; // verified: UKCore-Observation-VitalSigns-BloodPressure-Example.json
export const systolicBpSnomed: Code = {
  system: SNOMED,
  code: '72313002',
  display: 'Systolic arterial pressure',
}; // verified: UKCore BloodPressure / NEWS2 examples
export const systolicBpLoinc: Code = {
  system: LOINC,
  code: '8480-6',
  display: 'Systolic blood pressure',
}; // verified: UKCore BloodPressure / NEWS2 examples
export const diastolicBpSnomed: Code = {
  system: SNOMED,
  code: '1091811000000102',
  display: 'Diastolic arterial pressure',
}; // verified: UKCore BloodPressure / NEWS2 examples
export const diastolicBpLoinc: Code = {
  system: LOINC,
  code: '8462-4',
  display: 'Diastolic blood pressure',
}; // verified: UKCore BloodPressure / NEWS2 examples
export const oeBloodPressureReading: Code = {
  system: SNOMED,
  code: '163020007',
  display: 'O/E - blood pressure reading',
}; // verified: GPC consultations_response1.json
export const oeSystolicBpReading: Code = {
  system: SNOMED,
  code: '163030003',
  display: 'O/E - Systolic BP reading',
}; // verified: GPC consultations_response1.json
export const oeDiastolicBpReading: Code = {
  system: SNOMED,
  code: '163031004',
  display: 'O/E - Diastolic BP reading',
}; // verified: GPC consultations_response1.json
export const serumCreatinine: Code = {
  system: SNOMED,
  code: '1000731000000107',
  display: 'Serum creatinine level',
}; // verified: several UK codelists (NHS/OpenSAFELY-derived)
export const creatinineMassLoinc: Code = {
  system: LOINC,
  code: '2160-0',
  display: 'Creatinine [Mass/volume] in Serum or Plasma',
}; // verified: multiple public LOINC maps
export const creatinineMolesLoinc: Code = {
  system: LOINC,
  code: '14682-9',
  display: 'Creatinine [Moles/volume] in Serum or Plasma',
}; // verified: public LOINC map
export const egfrCkdEpi: Code = {
  system: SNOMED,
  code: '1011481000000105',
  display:
    'eGFR (estimated glomerular filtration rate) using creatinine Chronic Kidney Disease Epidemiology Collaboration equation per 1.73 square metres',
}; // verified: UK SQL codelist term + OpenSAFELY studies
export const egfrCkdEpiLoinc: Code = {
  system: LOINC,
  code: '62238-1',
  display:
    'Glomerular filtration rate [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)/1.73 sq M',
}; // verified: FHIR Observation example + LOINC map
export const hba1cIfcc: Code = {
  system: SNOMED,
  code: '999791000000106',
  display:
    'Haemoglobin A1c level - International Federation of Clinical Chemistry and Laboratory Medicine standardised',
}; // verified: UK SQL codelist term; IFCCHBAM_COD refset member
export const hba1cLoinc: Code = {
  system: LOINC,
  code: '4548-4',
  display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
}; // verified: multiple public LOINC maps
export const haemoglobinEstimation: Code = {
  system: SNOMED,
  code: '1022431000000105',
  display: 'Haemoglobin estimation',
}; // verified: GPC pathology_response1.json
export const haemoglobinLoinc: Code = {
  system: LOINC,
  code: '718-7',
  display: 'Hemoglobin [Mass/volume] in Blood',
}; // verified: multiple public LOINC maps
export const bodyWeightSnomed: Code = { system: SNOMED, code: '27113001', display: 'Body weight' }; // verified: UKCore-Observation-VitalSigns-BodyWeight-Example.json
export const bodyWeightLoinc: Code = { system: LOINC, code: '29463-7', display: 'Body weight' }; // verified: UKCore-Observation-VitalSigns-BodyWeight-Example.json
export const bodyHeightSnomed: Code = {
  system: SNOMED,
  code: '50373000',
  display: 'Body height measure',
}; // verified: UKCore-Observation-VitalSigns-BodyHeight-Example.json
export const bodyHeightLoinc: Code = { system: LOINC, code: '8302-2', display: 'Body height' }; // verified: UKCore-Observation-VitalSigns-BodyHeight-Example.json
export const bmiSnomed: Code = { system: SNOMED, code: '60621009', display: 'Body mass index' }; // verified: UKCore-Observation-VitalSigns-BMI-Example.json
export const bmiLoinc: Code = {
  system: LOINC,
  code: '39156-5',
  display: 'Body mass index (BMI) [Ratio]',
}; // verified: UKCore-Observation-VitalSigns-BMI-Example.json
export const heartRateSnomed: Code = { system: SNOMED, code: '364075005', display: 'Heart rate' }; // verified: UKCore-Bundle-NEWS2Observations-Example.json
export const heartRateLoinc: Code = { system: LOINC, code: '8867-4', display: 'Heart rate' }; // verified: UKCore-Bundle-NEWS2Observations-Example.json

// ---------------------------------------------------------------------------
// Procedures
// ---------------------------------------------------------------------------

export const appendicectomy: Code = { system: SNOMED, code: '80146002', display: 'Appendicectomy' }; // verified: hermes (SNOMED server) test: en-GB term "Appendicectomy" (FSN Excision of appendix)
export const totalKneeReplacement: Code = {
  system: SNOMED,
  code: '609588000',
  display: 'Total knee replacement',
}; // verified: several FHIR/CDA examples
export const cataractExtraction: Code = {
  system: SNOMED,
  code: '54885007',
  display: 'Cataract extraction',
}; // verified: procedure code tables (Cataract extraction; Indonesian "Ekstraksi katarak"); eCQM cataract value set

// ---------------------------------------------------------------------------
// Immunisations
// ---------------------------------------------------------------------------

export const revaxisVaccine: Code = {
  system: DMD,
  code: '7374311000001101',
  display: 'Revaxis vaccine suspension for injection 0.5ml pre-filled syringes (Sanofi Pasteur)',
}; // verified: two public sources (a UK Core Immunization test client's product list; a school-vaccination service's migration setting its Td/IPV SNOMED product code); Revaxis = Td/IPV, tetanus-containing (NHS Devon formulary, vaccines chapter)
export const influenzaVaccineSplitVirion: Code = {
  system: DMD,
  code: '11278411000001109',
  display:
    'Influenza vaccine (split virion, inactivated) suspension for injection 0.5ml pre-filled syringes (Pfizer Ltd)',
}; // verified: UKCore-Immunization-InfluenzaVaccine-Example.json
export const leftUpperArmStructure: Code = {
  system: SNOMED,
  code: '368208006',
  display: 'Left upper arm structure',
}; // verified: UKCore-Immunization-Sn-LeftUpperArmStructure-Example.json
export const intramuscularRoute: Code = {
  system: SNOMED,
  code: '78421000',
  display: 'Intramuscular route',
}; // verified: UKCore-Immunization-Sn-IntramuscularRoute-Example.json
export const generallyUnwell: Code = {
  system: SNOMED,
  code: '213257006',
  display: 'Generally unwell',
}; // verified: GPC immunizations_response2.json (explanation.notGivenReason of the dose not given)

// ---------------------------------------------------------------------------
// Encounters, services and referrals
// ---------------------------------------------------------------------------

export const consultation: Code = {
  system: SNOMED,
  code: '325851000000107',
  display: 'Consultation',
}; // verified: GPC consultations_response1.json
export const telephoneEncounter: Code = {
  system: SNOMED,
  code: '185317003',
  display: 'Telephone encounter',
}; // verified: Swedish IG Encounter.type; PT/DE CodeSystem designations ("Episódio por telefone", "Telefonischer Kontakt")
export const hospitalAdmission: Code = {
  system: SNOMED,
  code: '32485007',
  display: 'Hospital admission',
}; // verified: German IG FSH (Hospital admission (procedure)) + FHIR examples
export const seenInHospitalWard: Code = {
  system: SNOMED,
  code: '185212007',
  display: 'Seen in hospital ward',
}; // verified: UKCore-Encounter-InpatientEncounter-Example.json
export const generalPracticeService: Code = {
  system: SNOMED,
  code: '788007007',
  display: 'General practice service',
}; // verified: UKCore-Slot-AvailableWalkInVisit-Example.json
export const accidentAndEmergencyService: Code = {
  system: SNOMED,
  code: '310000008',
  display: 'Accident and Emergency service',
}; // verified: UKCore-Composition-Discharge-Example.json
export const referralToCardiologyService: Code = {
  system: SNOMED,
  code: '183519002',
  display: 'Referral to cardiology service',
}; // verified: FHIR IG FSH + ServiceRequest examples
export const referralToPhysiotherapist: Code = {
  system: SNOMED,
  code: '308447003',
  display: 'Referral to physiotherapist',
}; // verified: GPC referrals_response1.json
export const referralToCounselor: Code = {
  system: SNOMED,
  code: '308448008',
  display: 'Referral to counselor',
}; // verified: GPC referrals_response1.json
export const referredByGeneralPractitioner: Code = {
  system: SNOMED,
  code: '108161000000109',
  display: 'Referred by general practitioner',
}; // verified: UKCore-ServiceRequest-ColonoscopyRequest-Example.json

// ---------------------------------------------------------------------------
// Flags / risks
// ---------------------------------------------------------------------------

export const atRiskForFalls: Code = {
  system: SNOMED,
  code: '129839007',
  display: 'At risk for falls',
}; // verified: several FHIR examples incl. Flag FSH; later FSN "At increased risk for falls (finding)"

// Warnings GP systems record as ordinary coded entries (derived by core's warning-codes.ts,
// where each source is cited; the same sources verify these).
export const onPalliativeCareRegister: Code = {
  system: SNOMED,
  code: '1403151000000103',
  display: 'On palliative care register',
}; // verified: NHSD PALCARE_COD refset, OpenCodelists nhsd-primary-care-domain-refsets/palcare_cod/20241205
export const hasEndOfLifeCarePlan: Code = {
  system: SNOMED,
  code: '713673000',
  display: 'Has end of life care plan',
}; // verified: NHSD PALCARE_COD refset (OpenCodelists palcare_cod; opensafely/ckd-coverage-ve copy)
export const notForCardiopulmonaryResuscitation: Code = {
  system: SNOMED,
  code: '450476008',
  display: 'Not for cardiopulmonary resuscitation',
}; // verified: nhsconnect/FHIR-END-OF-LIFE-API ValueSet CareConnect-CPRStatus-Code-1
export const subjectToChildProtectionPlan: Code = {
  system: SNOMED,
  code: '342191000000101',
  display: 'Subject to child protection plan',
}; // verified: RCGP safeguarding e-learning, essential safeguarding codes (Read 13Iv., CTV3 XaOnx)
export const childIsCauseForSafeguardingConcern: Code = {
  system: SNOMED,
  code: '836881000000105',
  display: 'Child is cause for safeguarding concern',
}; // verified: RCGP safeguarding e-learning, essential safeguarding codes (Read 13WX., CTV3 XaZJs)

// ---------------------------------------------------------------------------
// Sensitive categories (for filtering tests)
// ---------------------------------------------------------------------------

export const chlamydialInfection: Code = {
  system: SNOMED,
  code: '105629000',
  display: 'Chlamydial infection',
}; // verified: FHIR IG FSH (Chlamydial infection (disorder)) + C-CDA value set
export const terminationOfPregnancy: Code = {
  system: SNOMED,
  code: '386639001',
  display: 'Termination of pregnancy',
}; // verified: FHIR Consent examples (Termination of pregnancy (procedure))
export const testTubeOvumFertilization: Code = {
  system: SNOMED,
  code: '52637005',
  display: 'Test tube ovum fertilization',
}; // verified: FHIR Consent examples (in vitro fertilisation, Test tube ovum fertilization (procedure))

// ---------------------------------------------------------------------------
// Medication stop reasons
// ---------------------------------------------------------------------------

export const drugTherapyDiscontinued: Code = {
  system: SNOMED,
  code: '274512008',
  display: 'Drug therapy discontinued',
}; // verified: Interweave (Yorkshire & Humber) R4 IG MedicationRequestStatusReason value set (is-a 274512008); Dutch medication CDA stop-type templates; HL7 generated code tables (DrugTherapyDiscontinued)

// ---------------------------------------------------------------------------
// FHIR/HL7 code systems used by the sandbox's resources (not SNOMED CT)
// ---------------------------------------------------------------------------

export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const encounterClassAmbulatory: Code = {
  system: V3_ACT_CODE,
  code: 'AMB',
  display: 'ambulatory',
}; // verified: several public FHIR R4 Encounter generators (v3-ActCode AMB "ambulatory")
export const encounterClassInpatient: Code = {
  system: V3_ACT_CODE,
  code: 'IMP',
  display: 'inpatient encounter',
}; // verified: UKCore-Encounter-InpatientEncounter-Example.json
export const encounterClassEmergency: Code = {
  system: V3_ACT_CODE,
  code: 'EMER',
  display: 'emergency',
}; // verified: several public FHIR R4 Encounter examples (v3-ActCode EMER "emergency")
export const confidentialityRestricted: Code = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  code: 'R',
  display: 'restricted',
}; // verified: many public FHIR R4 meta.security examples (v3-Confidentiality R)
export const flagCategoryClinical: Code = {
  system: 'http://terminology.hl7.org/CodeSystem/flag-category',
  code: 'clinical',
  display: 'Clinical',
}; // verified: public FHIR R4 Flag examples; same system as UKCore-Flag-FoodAllergy-Example.json ("diet")
export const patientReferral: Code = {
  system: SNOMED,
  code: '3457005',
  display: 'Patient referral',
}; // verified: several public FHIR ServiceRequest.category examples ("Patient referral")

// ---------------------------------------------------------------------------
// GP Connect (STU3) list codes, list warnings and errors
// ---------------------------------------------------------------------------

export const gpcListAllergies: Code = {
  system: SNOMED,
  code: '886921000000105',
  display: 'Allergies and adverse reaction',
}; // verified: GPC allergies_response1.json (List.code); nhsconnect/gpconnect lists-for-message-structure page
export const gpcListEndedAllergies: Code = {
  system: SNOMED,
  code: '1103671000000101',
  display: 'Ended allergies',
}; // verified: nhsconnect/gpconnect accessrecord_structured lists-for-message-structure page (the GPC fixture still says "TBD")
export const gpcListMedications: Code = {
  system: SNOMED,
  code: '933361000000108',
  display: 'Medications and medical devices',
}; // verified: GPC meds_response.json
export const gpcListProblems: Code = {
  system: SNOMED,
  code: '717711000000103',
  display: 'Problems',
}; // verified: GPC consultations_response1.json
export const gpcListConsultations: Code = {
  system: SNOMED,
  code: '1149501000000101',
  display: 'List of consultations',
}; // verified: GPC consultations_response1.json
export const gpcListInvestigations: Code = {
  system: SNOMED,
  code: '887191000000108',
  display: 'Investigations and Results',
}; // verified: GPC pathology_response1.json
export const gpcListReferrals: Code = {
  system: SNOMED,
  code: '792931000000107',
  display: 'Outbound referral',
}; // verified: GP Connect List page (nhsconnect/gpconnect, pages/accessrecord_structured/accessrecord_structured_development_list.md: the referrals List); the older spec example referrals_response1.json uses 886721000000107 "Referral details", which the core reads too
export const GPC_LIST_EMPTY_REASON_SYSTEM =
  'https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListEmptyReasonCode-1'; // verified: GPC allergies_response3.json
export const gpcNoContentRecorded: Code = {
  system: GPC_LIST_EMPTY_REASON_SYSTEM,
  code: 'no-content-recorded',
  display: 'No Content Recorded',
}; // verified: GPC allergies_response3.json
export const GPC_LIST_WARNING_EXTENSION =
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1'; // verified: three public GP Connect consumers (valueCode); codes from nhsconnect/gpconnect List guidance
export const GPC_CONFIDENTIAL_ITEMS_NOTE =
  'Items excluded due to confidentiality and/or patient preferences.'; // verified: nhsconnect/gpconnect List guidance (warning code confidential-items, associated text)
export const GPC_MEDICATION_STATUS_REASON_EXTENSION =
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationStatusReason-1'; // verified: NHS GP2GP adaptor sources (sub-extensions statusReason, statusChangeDate)
export const GPC_PRESCRIPTION_TYPE_EXTENSION =
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescriptionType-1'; // verified: GPC meds_response.json
export const GPC_PRESCRIPTION_TYPE_SYSTEM =
  'https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-PrescriptionType-1'; // verified: GPC meds_response.json (codes acute, repeat)
export const GPC_LAST_ISSUE_DATE_EXTENSION =
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1'; // verified: GPC meds_response.json
/** Spine error codes in GP Connect STU3 OperationOutcomes (issue.details). */
export const SPINE_ERROR_SYSTEM_STU3 =
  'https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1'; // verified: nhsconnect/gpconnect development_fhir_error_handling_guidance.md examples
/** The same Spine error codes as NHS R4 APIs send them. */
export const SPINE_ERROR_SYSTEM_R4 = 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode'; // verified: several NHS Digital R4 API sandboxes/tests (ACCESS_DENIED, INVALID_VALUE, ...)
export const GPC_OPERATION_OUTCOME_PROFILE =
  'https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1'; // verified: nhsconnect/gpconnect error handling guidance
export const GPC_BUNDLE_PROFILE =
  'https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-StructuredRecord-Bundle-1'; // verified: every GPC response's meta.profile
export const diagnosticStudiesReport: Code = {
  system: SNOMED,
  code: '721981007',
  display: 'Diagnostic studies report',
}; // verified: GPC pathology_response1.json (DiagnosticReport.code)
export const gpcListImmunisations: Code = {
  system: SNOMED,
  code: '1102181000000102',
  display: 'Immunisations',
}; // verified: GPC immunizations_response1.json (List.code) and the GP Connect List page
export const gpcListMiscellaneous: Code = {
  system: SNOMED,
  code: '826501000000100',
  display: 'Miscellaneous record',
}; // verified: GPC uncategorised_response1.json (List.code for uncategorised data)

// ---------------------------------------------------------------------------
// Medication realism (synthetic/medication-realism.ts)
// ---------------------------------------------------------------------------

export const UKCORE_REPEAT_INFORMATION_EXTENSION =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation'; // verified: NHS EPS FHIR validator and UK Core IG extension list (sub-extensions numberOfPrescriptionsIssued, authorisationExpiryDate)
export const GPC_REPEAT_INFORMATION_EXTENSION =
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationRepeatInformation-1'; // verified: GPC meds_response.json, GP2GP adaptor medication_request fragments
export const codeineWithParacetamol: Code = {
  system: SNOMED,
  code: '412556009',
  display: 'Co-codamol',
}; // verified: SNOMED International editorial guide (412556009 |Product containing codeine and paracetamol|); display as the GP2GP adaptor fragment fhir-bundle-with-medication-statements.json sends it
/**
 * A practice-local drug code system, as GP systems send for items they code locally (the
 * sandbox's own, obviously synthetic): brand-name medicines coded this way are caught by name.
 */
export const SANDBOX_LOCAL_DRUG_SYSTEM =
  'https://sandbox.dcr-elements.example/CodeSystem/local-drug';

// ---------------------------------------------------------------------------
// Results and blood pressure for the lithium patient (results-patient.ts)
// ---------------------------------------------------------------------------

export const READ_V2 = 'http://read.info/readv2';

export const serumLithiumLoinc: Code = {
  system: LOINC,
  code: '14334-7',
  display: 'Lithium [Moles/volume] in Serum or Plasma',
}; // verified: three public lab LOINC maps agree (see docs/results.md)
export const serumLithiumReadV2: Code = {
  system: READ_V2,
  code: '44W8.00',
  display: 'Serum lithium level',
}; // verified: HDR UK Phenotype Library concept C1932 (Read v2 44W8.00 Serum lithium level)
export const serumTsh: Code = {
  system: SNOMED,
  code: '1022791000000101',
  display: 'Serum thyroid stimulating hormone level',
}; // verified: gm-sde clinical code set tests/tsh (NHS primary care refsets)
export const sittingBloodPressure: Code = {
  system: SNOMED,
  code: '163035008',
  display: 'Sitting blood pressure',
}; // verified: UK Core Observation guidance (163035008 Sitting blood pressure with 407554009 / 407555005); GP Connect uncategorised data guidance
export const sittingSystolicBp: Code = {
  system: SNOMED,
  code: '407554009',
  display: 'Sitting systolic blood pressure',
}; // verified: GP Connect uncategorised data guidance (sitting)
export const sittingDiastolicBp: Code = {
  system: SNOMED,
  code: '407555005',
  display: 'Sitting diastolic blood pressure',
}; // verified: GP Connect uncategorised data guidance (sitting)
export const standingBloodPressure: Code = {
  system: SNOMED,
  code: '163034007',
  display: 'Standing blood pressure',
}; // verified: GP Connect uncategorised data guidance (standing)
export const standingSystolicBp: Code = {
  system: SNOMED,
  code: '400974009',
  display: 'Standing systolic blood pressure',
}; // verified: GP Connect uncategorised data guidance (standing)
export const standingDiastolicBp: Code = {
  system: SNOMED,
  code: '400975005',
  display: 'Standing diastolic blood pressure',
}; // verified: GP Connect uncategorised data guidance (standing)
export const homeSystolicBp: Code = {
  system: SNOMED,
  code: '413606001',
  display: 'Average home systolic blood pressure',
}; // verified: OpenSAFELY home blood pressure codelist
export const homeDiastolicBp: Code = {
  system: SNOMED,
  code: '413605002',
  display: 'Average home diastolic blood pressure',
}; // verified: OpenSAFELY home blood pressure codelist
