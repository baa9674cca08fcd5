import { html, type TemplateResult } from 'lit';
import type { Allergy, AllergiesSection } from '@dcr-elements/core';
import { joinText, recordText } from '../shared/record-text.js';

/**
 * The words of the allergy banner. The four headlines are the four states of NHS interface
 * guidance and must stay four different messages: "no known allergies" (a positive, coded
 * statement) and "not recorded" (nothing either way) are never worded alike.
 */
export type AllergyBannerKind = 'known' | 'none-known' | 'not-recorded' | 'unavailable' | 'loading';

export const HEADLINE: Readonly<Record<AllergyBannerKind, string>> = {
  known: 'Known allergies',
  'none-known': 'No known allergies',
  'not-recorded': 'Allergies not recorded',
  unavailable: 'Allergies unavailable',
  loading: 'Loading allergies',
};

/** A second, non-colour signal per state (decorative: the headline says it in words). */
export const ICON: Readonly<Record<AllergyBannerKind, string>> = {
  known: '!',
  'none-known': '✓',
  'not-recorded': '?',
  unavailable: '×',
  loading: '…',
};

export const KIND_OF_STATE: Readonly<Record<AllergiesSection['state'], AllergyBannerKind>> = {
  recorded: 'known',
  // Allergy entries were sent but none can be shown: never "none", so unavailable.
  'not-shown': 'unavailable',
  'no-known-allergies': 'none-known',
  'not-recorded': 'not-recorded',
};

const CRITICALITY: Readonly<Record<NonNullable<Allergy['criticality']>, string>> = {
  high: 'High',
  low: 'Low',
  'unable-to-assess': 'Unable to assess',
};

const CATEGORY: Readonly<Record<NonNullable<Allergy['category']>, string>> = {
  medication: 'Medication',
  food: 'Food',
  environment: 'Environment',
  biologic: 'Biologic',
};

const STATUS: Readonly<Record<Allergy['status'], string>> = {
  active: 'Active',
  inactive: 'Inactive',
  resolved: 'Resolved',
};

/**
 * `Urticaria (moderate); Angioedema`, or `undefined` when no reaction is recorded. Each
 * manifestation is record text (isolated, marked if a look-alike: shared/record-text.ts).
 */
export function reactionText(allergy: Allergy): TemplateResult | undefined {
  const parts = allergy.reactions.map((reaction) => {
    const what = joinText(reaction.manifestations.map((m) => recordText(m.display)));
    if (what && reaction.severity) return html`${what} (${reaction.severity})`;
    return (
      what ??
      (reaction.severity
        ? `${reaction.severity[0]!.toUpperCase()}${reaction.severity.slice(1)} reaction`
        : undefined)
    );
  });
  return joinText(parts, '; ');
}

export function criticalityText(allergy: Allergy): string | undefined {
  return allergy.criticality ? CRITICALITY[allergy.criticality] : undefined;
}

export function categoryText(allergy: Allergy): string | undefined {
  return allergy.category ? CATEGORY[allergy.category] : undefined;
}

export function statusText(allergy: Allergy): string {
  return STATUS[allergy.status];
}

/**
 * The allergy's dates, each named for what it is: when it began (onset) or when it was written
 * into the record (recorded). A date the source gave without saying which is never passed off as
 * an onset.
 */
export function allergyDates(allergy: Allergy): { label: 'Onset' | 'Recorded'; date: string }[] {
  const recorded = allergy.provenance.recorded ?? (allergy.onset ? undefined : allergy.date);
  return [
    ...(allergy.onset ? [{ label: 'Onset' as const, date: allergy.onset }] : []),
    ...(recorded ? [{ label: 'Recorded' as const, date: recorded }] : []),
  ];
}
