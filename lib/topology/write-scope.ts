/**
 * Where the app writes. The endpoint forms create and change endpoints in the server's own account (or a
 * profile's); an account of the fleet read through `?account=` (an assumed role, a fixture folder) is read only:
 * its pages offer no form, and the form page answers with a notice instead. Plain data, client-safe.
 */

/** Whether writes from a page with this scope would be refused: it shows another account of the fleet. */
export function writesRefusedIn(scope: { account?: string | undefined }): boolean {
  return !!scope.account;
}

/** What a finding says instead of its Fix link where writes are refused. */
export const FLEET_WRITES_NOTE = 'Fix it from the account itself: vpc-atlas writes only to the server’s own account or a profile’s.';

/** Whether an app link opens an endpoint form (creating, changing or deleting), rather than a page that only shows. */
export function opensWriteForm(href: string): boolean {
  return /^\/endpoints\//.test(href);
}
