/** OperationOutcome bodies the sandbox's own HTTP layer returns (the router makes the rest). */
export function operationOutcome(code: string, diagnostics: string): fhir4.OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: code as fhir4.OperationOutcomeIssue['code'], diagnostics }],
  };
}
