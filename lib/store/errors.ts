/**
 * Whether `value` is an error of the class named `name`. The store's error classes answer `instanceof` with
 * this: Next.js may load a module more than once in one server (the instrumentation bundle opens the store
 * at start-up, the app's bundles use it), and an error made by one copy must still be recognised by code
 * that imported the class from another.
 */
export function isNamedError(value: unknown, name: string): boolean {
  return value instanceof Error && value.name === name;
}
