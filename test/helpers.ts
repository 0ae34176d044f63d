/** Small helpers shared by the browser tests. */
import { parseDocument } from '../src/core/openapi/parse.js';

/** Fetch a fixture served by the test runner (paths are relative to the repository root). */
export async function fixtureText(path: string): Promise<string> {
  const response = await fetch(`/__raw/${path}`);
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  return response.text();
}

/** Fetch and parse a JSON or YAML fixture. */
export async function fixtureDocument(path: string): Promise<unknown> {
  return parseDocument(await fixtureText(path), path);
}

/** A deep copy with `required: false` removed: absent and false mean the same in a catalogue. */
export function normalized<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === 'required' && v === false ? undefined : v)) as T;
}

/** Runs `action` and returns the error it throws (fails if it does not throw). */
export function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error to be thrown');
}

/** Awaits `promise` and returns the error it rejects with (fails if it resolves). */
export async function rejected(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the promise to reject');
}
