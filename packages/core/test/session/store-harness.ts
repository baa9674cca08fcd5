// The section store driven on its own, as the session drives it: the test holds the grant and
// fans snapshots out to its own listeners (in the library the session is the store's one receiver).
import type { Grant } from '../../src/consent/consent.js';
import type { SectionName } from '../../src/model/sections.js';
import { SectionStore, type SectionSnapshot } from '../../src/session/section-store.js';
import type { RecordSource } from '../../src/sources/source.js';

type Listener = (snapshot: SectionSnapshot<SectionName>) => void;

const grants = new WeakMap<SectionStore, Grant>();
const listeners = new WeakMap<SectionStore, Map<SectionName, Set<Listener>>>();

export function newStore(source: RecordSource): SectionStore {
  const registry = new Map<SectionName, Set<Listener>>();
  const store: SectionStore = new SectionStore(
    source,
    () => new Date(),
    () => grants.get(store),
    (snapshot) => {
      for (const listener of [...(registry.get(snapshot.section) ?? [])]) listener(snapshot);
    },
  );
  listeners.set(store, registry);
  return store;
}

export function authorise(store: SectionStore, grant: Grant): void {
  grants.set(store, grant);
  store.authorise();
}

/** Calls `listener` with the section's snapshot now (if any) and on every change; asks for it. */
export function subscribe<K extends SectionName>(
  store: SectionStore,
  section: K,
  listener: (snapshot: SectionSnapshot<K>) => void,
): () => void {
  const registry = listeners.get(store)!;
  let set = registry.get(section);
  if (!set) registry.set(section, (set = new Set()));
  set.add(listener as Listener);
  const now = store.snapshot(section);
  if (now) listener(now as SectionSnapshot<K>);
  store.want(section);
  return () => set.delete(listener as Listener);
}
