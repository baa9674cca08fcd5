// The latest admission and A&E attendance, read from R4 encounters (class IMP / EMER).
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { normaliseOptions } from '../options.js';
import { eventsFromR4 } from '../r4/events.js';
import { latestEvents } from './event-views.js';

const context = { patientId: 'p1', options: normaliseOptions({ today: '2026-11-26' }) };
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

function encounter(id: string, classCode: string, start: string, status = 'finished') {
  return {
    resourceType: 'Encounter',
    id,
    status,
    class: { system: V3, code: classCode },
    subject: { reference: 'Patient/p1' },
    period: { start },
  };
}

describe('latestEvents', () => {
  it('finds the newest admission and the newest A&E attendance, whatever the order sent', () => {
    const section = eventsFromR4(
      [
        encounter('ae-old', 'EMER', '2024-01-05'),
        encounter('admit-new', 'IMP', '2025-12-01T02:15:00Z'),
        encounter('ae-new', 'EMER', '2025-11-30T21:40:00Z'),
        encounter('admit-old', 'IMP', '2023-06-01'),
        encounter('admit-cancelled', 'IMP', '2026-01-01', 'cancelled'),
        encounter('gp', 'AMB', '2026-02-01'),
      ],
      context,
    );
    expect(section.entries.find((e) => e.id === 'ae-new')?.emergency).to.equal(true);
    expect(section.entries.find((e) => e.id === 'gp')).not.to.have.property('emergency');
    const latest = latestEvents(section);
    expect(latest.admission?.id).to.equal('admit-new');
    expect(latest.emergency?.id).to.equal('ae-new');
  });

  it('is empty when there is neither', () => {
    expect(latestEvents({ entries: [] })).to.deep.equal({});
  });
});
