/** The generated records indexed for the lookups the HTTP layer makes itself (not FHIR search). */
import { NHS_NUMBER_SYSTEM } from './codes.js';
import { patientIdOf, sharingStatusByPatient, type SharingStatus } from './sharing.js';
import { GP_ID, PRACTICE_ID } from './synthetic/builders.js';

export class RecordIndex {
  private readonly patientsByNhsNumber = new Map<string, fhir4.Patient>();
  private readonly recordsByPatient = new Map<string, fhir4.Resource[]>();
  private readonly sharing: Map<string, SharingStatus>;
  readonly practice: fhir4.Organization;
  readonly practitioner: fhir4.Practitioner;

  constructor(records: readonly fhir4.Resource[]) {
    for (const r of records) {
      if (r.resourceType === 'Patient') {
        const nhs = (r as fhir4.Patient).identifier?.find(
          (i) => i.system === NHS_NUMBER_SYSTEM,
        )?.value;
        if (nhs) this.patientsByNhsNumber.set(nhs, r as fhir4.Patient);
        continue;
      }
      const patientId = patientIdOf(r);
      if (!patientId) continue;
      const list = this.recordsByPatient.get(patientId);
      if (list) list.push(r);
      else this.recordsByPatient.set(patientId, [r]);
    }
    this.sharing = sharingStatusByPatient(records);
    this.practice = records.find(
      (r) => r.resourceType === 'Organization' && r.id === PRACTICE_ID,
    ) as fhir4.Organization;
    this.practitioner = records.find(
      (r) => r.resourceType === 'Practitioner' && r.id === GP_ID,
    ) as fhir4.Practitioner;
  }

  byNhsNumber(
    nhsNumber: string,
  ): { patient: fhir4.Patient; records: readonly fhir4.Resource[] } | undefined {
    const patient = this.patientsByNhsNumber.get(nhsNumber);
    return patient && { patient, records: this.recordsByPatient.get(patient.id!) ?? [] };
  }

  /** Every resource that belongs to the patient (subject or patient reference), in load order. */
  recordsOf(patientId: string): readonly fhir4.Resource[] {
    return this.recordsByPatient.get(patientId) ?? [];
  }

  /** Share unless a sharing Consent says otherwise (the NHS default is to share). */
  sharingStatus(patientId: string): SharingStatus {
    return this.sharing.get(patientId) ?? 'share';
  }
}
