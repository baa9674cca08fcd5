/**
 * A random version 4 UUID in any page. `crypto.randomUUID` exists only in secure contexts (HTTPS
 * or localhost), and many hospital systems still serve their pages over plain HTTP from an
 * intranet host, where calling it throws; `crypto.getRandomValues` is there in every context and
 * is just as random (RFC 9562 §5.4: 122 random bits, version and variant set).
 */
export function randomId(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
