/**
 * A plain GET form, so it works before JavaScript loads and the choice lands in the URL.
 */
export function RegionPicker({
  regions,
  region,
  action,
  hidden = {},
}: {
  regions: string[];
  region: string;
  action: string;
  hidden?: Record<string, string>;
}) {
  return (
    <form action={action} method="get" className="flex items-center gap-2 text-sm">
      <label htmlFor="region" className="text-slate-600 dark:text-slate-300">
        Region
      </label>
      <select
        id="region"
        name="region"
        defaultValue={region}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {(regions.length ? regions : [region]).map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
        Show
      </button>
    </form>
  );
}
