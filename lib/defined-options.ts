/**
 * The options a caller really set: `{ ...DEFAULTS, ...definedOptions(options) }` keeps a default
 * where the caller passed `undefined` (`{ timeoutMs: undefined }` means "the default", as it does
 * for a missing key).
 */
export function definedOptions<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
