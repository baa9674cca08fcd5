/** GP Connect `List` resources: one per included clinical area, with empty reasons and warnings. */
import {
  GPC_CONFIDENTIAL_ITEMS_NOTE,
  GPC_LIST_WARNING_EXTENSION,
  gpcNoContentRecorded,
  type Code,
} from '../codes.js';
import type { Stu3Resource } from './stu3.js';

export function gpcList(
  listCode: Code,
  patientId: string,
  items: readonly Stu3Resource[],
  options: { withheldConfidential: boolean; date: string },
): Stu3Resource {
  const notes: { text: string }[] = [];
  if (items.length === 0) notes.push({ text: 'Information not available' });
  if (options.withheldConfidential) notes.push({ text: GPC_CONFIDENTIAL_ITEMS_NOTE });
  return {
    resourceType: 'List',
    id: `list-${patientId}-${listCode.code}`,
    meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-List-1'] },
    ...(options.withheldConfidential && {
      extension: [{ url: GPC_LIST_WARNING_EXTENSION, valueCode: 'confidential-items' }],
    }),
    status: 'current',
    mode: 'snapshot',
    title: listCode.display,
    code: { coding: [{ system: listCode.system, code: listCode.code, display: listCode.display }] },
    subject: { reference: `Patient/${patientId}` },
    date: options.date,
    ...(notes.length > 0 && { note: notes }),
    ...(items.length === 0
      ? { emptyReason: { coding: [{ ...gpcNoContentRecorded }] } }
      : {
          entry: items.map((item) => ({ item: { reference: `${item.resourceType}/${item.id}` } })),
        }),
  };
}
