/** The shape of `window.__probe` (scripts/bench/pages/probe.js), for the bench pages written in TypeScript. */
export interface TaskStats {
  /** Longest main-thread task over 50 ms in the interval (0: none). */
  longest: number;
  count: number;
}

export interface Probe {
  longtasks: Array<[start: number, duration: number]>;
  events: Array<{ name: string; start: number; delay: number; duration: number }>;
  until(check: () => unknown, timeout?: number): Promise<number>;
  tasks(t0: number, t1: number): TaskStats;
  arm(type: 'keydown' | 'click', key: string | undefined, check: () => unknown): void;
  quiet(after: number, windowMs?: number): Promise<number>;
  frames(): () => { longestGap: number; gapsOver50: number; frames: number };
  inputDelays(): () => number[];
}

export const probe = (): Probe => (window as unknown as { __probe: Probe }).__probe;

/** Publishes a page's adapter for the driver (scripts/bench/ui.mjs). */
export function publish(adapter: object): void {
  (window as unknown as { __bench: object }).__bench = adapter;
}
