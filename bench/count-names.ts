/**
 * Counts tsx's `__name(fn, "name")` calls (esbuild's keepNames: every named function gets its name set by
 * Object.defineProperty), to find the named closures a search makes. Import it FIRST, before any module of src/:
 * esbuild's helper keeps a reference to Object.defineProperty taken when each module is evaluated. Counts only while
 * `countNames.on` is true; otherwise one extra call per defineProperty.
 */
export const countNames = { on: false, counts: new Map<string, number>() };

const define = Object.defineProperty;
Object.defineProperty = function <T>(o: T, p: PropertyKey, d: PropertyDescriptor & ThisType<unknown>): T {
  if (countNames.on && p === 'name' && typeof o === 'function' && typeof d?.value === 'string') {
    countNames.counts.set(d.value, (countNames.counts.get(d.value) ?? 0) + 1);
  }
  return define(o, p, d);
};
