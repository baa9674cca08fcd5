/**
 * A host's input (consent decision, patient, viewer) copied once as plain data, so a getter or a
 * proxy cannot answer one thing to the check and another to the use. Anything that is not plain
 * data (functions, DOM nodes, proxies) copies to `undefined`, which every validator refuses.
 */
export function copyPlainInput(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  try {
    return structuredClone(input);
  } catch {
    return undefined;
  }
}
