/**
 * The `dcr-*` tags for React 19's JSX, which sets a custom element's properties (`session`, `view`,
 * ...) and listens to its events (`ondcr-audit`) by name. Types only: with this module imported
 * (it comes with `@dcr-elements/elements/react`), `<dcr-record session={session} />` type-checks.
 */
import type { HTMLAttributes, RefAttributes, ReactNode } from 'react';
import type { LitElement } from 'lit';

type Events = {
  [K in keyof GlobalEventHandlersEventMap as K extends `dcr-${string}` ? `on${K}` : never]?: (
    event: GlobalEventHandlersEventMap[K],
  ) => void;
};

/** The element's own properties (not Lit's or the DOM's), its events, and the usual HTML props. */
export type DcrElementProps<E extends LitElement> = Partial<Omit<E, keyof LitElement>> &
  Omit<HTMLAttributes<E>, keyof Omit<E, keyof LitElement>> &
  RefAttributes<E> &
  Events & { children?: ReactNode; class?: string };

type DcrIntrinsicElements = {
  [K in keyof HTMLElementTagNameMap as K extends `dcr-${string}` ? K : never]: DcrElementProps<
    HTMLElementTagNameMap[K] & LitElement
  >;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends DcrIntrinsicElements {}
  }
}
