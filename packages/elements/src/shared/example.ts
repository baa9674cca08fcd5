import type { TemplateResult } from 'lit';

/**
 * One demo state of an element. An element's `*.examples.ts` is the single source of its states:
 * the catalogue shows them, the accessibility tests check them, screenshots are taken of them.
 */
export interface ElementExample {
  /** Short name of the state, e.g. "Known patient". */
  name: string;
  /** One sentence for the designer or vendor reading the catalogue. */
  description: string;
  template: () => TemplateResult;
}
