// Referral fragments: per-file expectations written from reading each file.
import { expect } from '@open-wc/testing';
import type { Expectations, Sections } from './types.js';

/** Most referral fragments are one ReferralRequest (E63AF323...) dated 2010-01-19, routine. */
const referral =
  (extra: object = {}) =>
  (s: Sections) => {
    const referrals = (s.events?.entries ?? []).filter((e) => e.kind === 'referral');
    expect(referrals).to.have.length(1);
    expect(referrals[0]).to.deep.include(extra);
    // The specialty is a NullFlavor (UNK, unknown): never shown as a service.
    expect(JSON.stringify(referrals[0]?.service ?? [])).not.to.contain('UNK');
  };
const ROUTINE = { date: '2010-01-19', priority: 'routine' };
/** No authoredOn: shown undated (never dated by something else), not dropped. */
const undatedReferral = (s: Sections, display = 'Referral') => {
  referral({ display })(s);
  expect(s.events?.entries[0]).not.to.have.property('date');
};
export const referralFiles: Expectations = {
  'example-referral-request-with-optional-fields.json': (s) => {
    referral({ ...ROUTINE, display: 'Referral' })(s);
    expect(JSON.stringify(s.events)).not.to.contain('low blood pressure');
  },
  'example-referral-request-with-asap-priority.json': referral({ priority: 'asap' }),
  'example-referral-request-with-urgent-priority.json': referral({ priority: 'urgent' }),
  'example-referral-request-with-routine-priority.json': referral({ priority: 'routine' }),
  'example-referral-request-with-unsupported-priority.json': referral({ priority: 'stat' }),
  'example-referral-request-no-optional-fields.json': (s) => {
    // No date: shown undated, not dropped.
    referral({ display: 'Referral' })(s);
    expect(s.events?.entries[0]).not.to.have.property('date');
  },
  'example-referral-request-with-reason-codes.json': referral({
    ...ROUTINE,
    // The clinician's chosen description, not the preferred term "Referral to orthopaedic service".
    display: 'Orthopaedic referral',
  }),
  'example-referral-request-with-services-requested.json': (s) => {
    referral({ ...ROUTINE, display: 'General practice service' })(s);
    expect(s.events?.entries[0]?.service?.map((c) => c.code)).to.deep.equal([
      '1060971000000108',
      '325851000000107',
      'gp-practice',
    ]);
  },
  'example-referral-request-no-resolved-reference-recipient.json': (s) => {
    // The recipient is not in the bundle and has no display: no name to show.
    referral(ROUTINE)(s);
    expect(s.events?.entries[0]).not.to.have.property('recipients');
  },
  // The rest vary only who asked, who receives, notes and supporting information, all of it
  // held elsewhere (not in these single-resource files): the referral is still shown, named
  // "Referral" (no reason code), dated by authoredOn when sent, undated otherwise.
  ...Object.fromEntries(
    [
      'no-resolved-reference-note-author',
      'no-resolved-reference-requester',
      'with-device-requester',
      'with-incorrect-resource-type-author',
      'with-incorrect-resource-type-recipient',
      'with-multiple-practitioner-recipients',
      'with-multiple-recipients',
      'with-notes',
      'with-one-practitioner-recipient',
      'with-org-requester',
      'with-patient-requester',
      'with-relation-requester',
    ].map((name) => [
      `example-referral-request-${name}.json`,
      referral({ ...ROUTINE, display: 'Referral' }),
    ]),
  ),
  ...Object.fromEntries(
    [
      'no-author-and-time',
      'no-onbehalfof',
      'with-incorrect-resource-type-requester',
      'with-practitioner-requester',
      'supportingInfo-with-diagnostic-report-no-date-no-system',
      'supportingInfo-with-diagnostic-report',
      'supportingInfo-with-document-reference-no-created-no-text',
      'supportingInfo-with-document-reference-no-description',
      'supportingInfo-with-document-reference',
      'supportingInfo-with-ignored-resources',
      'supportingInfo-with-medication-request-no-date',
      'supportingInfo-with-medication-request',
      'supportingInfo-with-observation-effectivePeriod-no-start',
      'supportingInfo-with-observation-effectivePeriod',
      'supportingInfo-with-observation-no-date',
      'supportingInfo-with-observation',
      'supportingInfo-with-referral-request-no-date-no-reason',
      'supportingInfo-with-referral-request',
    ].map((name) => [`example-referral-request-${name}.json`, undatedReferral]),
  ),
  'example-referral-request-with-one-reason-code.json': (s) => {
    // Named by its one reason code; no authoredOn, no priority.
    undatedReferral(s, 'Referral to private doctor');
    expect(s.events?.entries[0]).not.to.have.property('priority');
  },
  'fhir-bundle.json': (s) => {
    const referrals = (s.events?.entries ?? []).filter((e) => e.kind === 'referral');
    expect(referrals).to.have.length(2);
    expect(referrals.map((r) => r.date)).to.deep.equal(['2021-01-01', undefined]);
  },
};
