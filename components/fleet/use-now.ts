'use client';

import { startTransition, useEffect, useState } from 'react';

/**
 * The current time, ticking every `everyMs`, for "loaded 12 s ago" labels. It starts at `renderedAt`, the
 * server's clock when it rendered the page, so the first client render says what the HTML says (no hydration
 * mismatch), and moves on from there.
 */
export function useNow(renderedAt: number, everyMs = 5000): number {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    // In a transition: a tick must not cut short the render of rows that are arriving (on a busy machine that render
    // can take longer than a tick, and an urgent update would start it over every time).
    const t = setInterval(() => startTransition(() => setNow(Date.now())), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** "just now", "42 s ago", "3 min ago", "2 h ago", "4 days ago". */
export function ageOf(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 5) return 'just now';
  if (s < 120) return `${s} s ago`;
  if (s < 7200) return `${Math.round(s / 60)} min ago`;
  if (s < 172_800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} days ago`;
}

/** "15:02:11 UTC" today, else "2026-12-06 15:02 UTC". */
export function clockOf(iso: string, now: number): string {
  const sameDay = new Date(iso).toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return sameDay ? `${iso.slice(11, 19)} UTC` : `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}
