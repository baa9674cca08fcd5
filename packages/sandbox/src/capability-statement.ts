/** Resource types the sandbox serves, with the search parameters the record core uses. */
export const SUPPORTED_SEARCHES: Record<string, string[]> = {
  Patient: ['identifier', '_id'],
  AllergyIntolerance: ['patient', 'clinical-status'],
  Condition: ['patient', 'category', 'clinical-status'],
  MedicationRequest: ['patient', 'intent', 'status'],
  MedicationStatement: ['patient', 'status'],
  Medication: ['_id', 'code'],
  Observation: ['patient', 'category', 'code', 'date'],
  Procedure: ['patient', 'date'],
  Encounter: ['patient', 'date', 'class'],
  ServiceRequest: ['patient', 'category'],
  Flag: ['patient', 'status'],
  Immunization: ['patient', 'date'],
  Consent: ['patient', 'status'],
  AuditEvent: ['_id', 'entity-identifier', 'agent-identifier'],
  Organization: ['identifier', '_id'],
  Practitioner: ['identifier', '_id'],
  PractitionerRole: ['_id', 'organization'],
};

export function capabilityStatement(baseUrl: string): fhir4.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    software: { name: 'dcr-elements sandbox' },
    implementation: { description: 'Synthetic GP records for development and tests', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        // POST of a Bundle of type batch to the base: each entry answered as its own request.
        interaction: [{ code: 'batch' }],
        resource: Object.entries(SUPPORTED_SEARCHES).map(([type, params]) => ({
          type: type as fhir4.CapabilityStatementRestResource['type'],
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: params.map((name) => ({ name, type: name === 'date' ? 'date' : 'token' })),
        })),
      },
    ],
  };
}
