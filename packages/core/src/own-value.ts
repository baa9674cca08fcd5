/**
 * The entry a lookup table holds under `key`, read by own property only; `undefined` when the table
 * has none. Keys come from other people's data (a status, a code, a unit), and a plain object
 * answers `table['constructor']`, `table['toString']` or `table['__proto__']` with what it inherits
 * from Object.prototype: a function or an object, which would pass for a status, an abnormal flag
 * or a blood pressure part. Every plain-object table indexed by a key from a record, a server or
 * the host page is read through this one function. Tables read once or more per coding (blood
 * pressure parts, degrade codes, interpretations) are `Map`s instead: a `Map` has no inherited
 * entries, and looks up a numeric code several times faster than `Object.hasOwn` does.
 */
export function ownValue<T>(
  table: Readonly<Record<string, T>>,
  key: string | undefined,
): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
