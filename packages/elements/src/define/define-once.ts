/**
 * Registers `tag` once. A second registration of the same class is ignored (two bundles on one
 * page); a different class under the same tag is a clash and is reported, not thrown, so one
 * vendor's bundle cannot break another's page.
 */
export function defineOnce(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.warn(`dcr-elements: <${tag}> is already defined by another class; keeping the first.`);
    return;
  }
  customElements.define(tag, constructor);
}
