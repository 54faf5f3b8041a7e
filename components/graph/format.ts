/** Small display helpers shared by the nodes and the inspector. */

/** `us-east-1a` -> `a`, for compact AZ lists; the whole name when it does not end in a zone letter. */
export function azLetter(az: string): string {
  const m = /\d([a-z])$/.exec(az);
  return m?.[1] ?? az;
}

/** Tone of a state word for badges: available/active read green, transitions amber, failures red. */
export function stateTone(state: string): 'green' | 'amber' | 'red' | 'neutral' {
  const s = state.toLowerCase();
  if (s === 'available' || s === 'active' || s === 'in-use' || s === 'attached') return 'green';
  if (s.startsWith('pending') || s === 'deleting' || s === 'modifying' || s === 'provisioning') return 'amber';
  if (s === 'failed' || s === 'rejected' || s === 'deleted' || s === 'expired' || s === 'blackhole') return 'red';
  return 'neutral';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `used by 21 route tables`: how many tables route to a gateway (its overview card says so). */
export function usedBy(routeTables: number): string {
  return routeTables === 0 ? 'no route table uses it' : `used by ${plural(routeTables, 'route table')}`;
}

export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
