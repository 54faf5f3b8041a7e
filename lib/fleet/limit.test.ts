import { describe, expect, it } from 'vitest';
import { createLimiter } from './limit';

/** A task the test finishes by hand. */
function gate() {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { done, open, fail };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createLimiter', () => {
  it('never runs more than n tasks at once, and starts the next as soon as one ends, in order', async () => {
    const limit = createLimiter(3);
    const gates = Array.from({ length: 10 }, gate);
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const all = gates.map((g, i) =>
      limit.run(async () => {
        started.push(i);
        running += 1;
        peak = Math.max(peak, running);
        await g.done;
        running -= 1;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(limit.active).toBe(3);
    expect(limit.waiting).toBe(7);
    gates[1]!.open();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
    expect(limit.active).toBe(0);
  });

  it('frees the slot of a task that fails, even one that throws before it awaits', async () => {
    const limit = createLimiter(1);
    const first = limit.run(() => {
      throw new Error('denied');
    });
    const g = gate();
    const second = limit.run(async () => {
      await g.done;
      throw new Error('failed later');
    });
    const third = limit.run(async () => 'loaded');
    await expect(first).rejects.toThrow('denied');
    g.open();
    await expect(second).rejects.toThrow('failed later');
    await expect(third).resolves.toBe('loaded');
  });

  it('starts urgent tasks before the others that wait, each kind in its order, within the same bound', async () => {
    const limit = createLimiter(1);
    const g = gate();
    const started: string[] = [];
    const task = (name: string) => async () => {
      started.push(name);
      if (name === 'list 1') await g.done;
    };
    const all = [
      limit.run(task('list 1')),
      limit.run(task('list 2')),
      limit.run(task('list 3')),
      limit.run(task('load a'), { urgent: true }),
      limit.run(task('load b'), { urgent: true }),
    ];
    await tick();
    expect(started).toEqual(['list 1']);
    expect(limit.waiting).toBe(4);
    g.open();
    await Promise.all(all);
    expect(started).toEqual(['list 1', 'load a', 'load b', 'list 2', 'list 3']);
  });

  it('with firstAlone, runs one task until one has finished, then n at a time', async () => {
    const limit = createLimiter(3, { firstAlone: true });
    const gates = Array.from({ length: 6 }, gate);
    const started: number[] = [];
    const all = gates.map((g, i) =>
      limit.run(async () => {
        started.push(i);
        await g.done;
      }),
    );
    await tick();
    expect(started).toEqual([0]);
    expect(limit.waiting).toBe(5);
    gates[0]!.open();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(limit.active).toBe(3);
    gates[2]!.open();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    for (const g of gates) g.open();
    await Promise.all(all);
  });

  it('refuses a limit below one', () => {
    expect(() => createLimiter(0)).toThrow('1 or more slots');
    expect(() => createLimiter(1.5)).toThrow(RangeError);
  });
});
