/** What a page that reads the store shows while the database does not answer: the rest of the app keeps working. */
export function StoreUnavailable({ what }: { what: string }) {
  return (
    <div role="alert" data-testid="store-unavailable" className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-medium">The database does not answer, so {what} cannot be shown right now.</p>
      <p className="mt-1 text-sm">
        The graphs and endpoint pages still work. This page comes back by itself once the database answers again; reload in a moment.
      </p>
    </div>
  );
}
