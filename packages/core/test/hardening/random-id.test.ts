// Ids in a page that is not a secure context: `crypto.randomUUID` is missing there (plain-HTTP
// intranet pages), so random-id.ts builds a v4 UUID from `crypto.getRandomValues`.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { randomId } from '../../src/random-id.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('random ids without crypto.randomUUID', () => {
  it('gives 1,000 distinct version 4 UUIDs from getRandomValues', () => {
    const prototype = Crypto.prototype as Partial<Crypto>;
    const original = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    delete prototype.randomUUID;
    try {
      expect(typeof crypto.randomUUID).to.equal('undefined');
      const ids = Array.from({ length: 1000 }, randomId);
      expect(ids.filter((id) => !V4.test(id))).to.deep.equal([]);
      expect(new Set(ids).size).to.equal(1000);
    } finally {
      Object.defineProperty(Crypto.prototype, 'randomUUID', original);
    }
    expect(randomId()).to.match(V4);
  });
});
