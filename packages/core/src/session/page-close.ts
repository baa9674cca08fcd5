/**
 * Ends the views of a page's sessions when the page is closed for good (`pagehide` that is not
 * going into the back/forward cache), so each view's end is audited. One listener per page,
 * holding the sessions weakly: a session the host drops does not stay alive for it.
 */
const watched = new Set<WeakRef<object>>();
const onClose = new WeakMap<object, () => void>();
let listening = false;

export function watchPageClose(owner: object, close: () => void): () => void {
  const target = globalThis as Partial<Pick<Window, 'addEventListener'>>;
  if (typeof target.addEventListener !== 'function') return () => undefined;
  if (!listening) {
    listening = true;
    target.addEventListener('pagehide', (event) => {
      if ((event as PageTransitionEvent).persisted) return;
      for (const ref of [...watched]) onClose.get(ref.deref() ?? {})?.();
    });
  }
  for (const ref of watched) if (!ref.deref()) watched.delete(ref);
  const ref = new WeakRef(owner);
  watched.add(ref);
  onClose.set(owner, close);
  return () => {
    watched.delete(ref);
    onClose.delete(owner);
  };
}
