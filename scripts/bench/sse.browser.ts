/**
 * Runs in Chromium (bundled by scripts/bench.mjs): parse + deliver a 10 MB, 100,000-event stream with
 * the transport, and with bare eventsource-parser on the same bytes, alternating, several rounds.
 */
import { createParser } from 'eventsource-parser';
import { FetchTransport } from '../../src/core/transport/fetch-transport.js';

const EVENTS = 100_000;
const CHUNK = 64 * 1024;

function makeChunks(): Uint8Array[] {
  const parts: string[] = [];
  const filler = 'x'.repeat(24);
  for (let i = 0; i < EVENTS; i++) {
    parts.push(`event: conversation.message.delta\ndata: {"id":"7440000000000000001","seq":${i},"content":"${filler}"}\n\n`);
  }
  parts.push('event: done\ndata: "[DONE]"\n\n');
  const bytes = new TextEncoder().encode(parts.join(''));
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) chunks.push(bytes.subarray(i, i + CHUNK));
  return chunks;
}

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.close();
    },
  });
}

async function bare(chunks: Uint8Array[]): Promise<number> {
  let count = 0;
  const parser = createParser({ onEvent: () => count++ });
  const decoder = new TextDecoder();
  const reader = streamOf(chunks).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return count;
}

async function viaTransport(chunks: Uint8Array[]): Promise<number> {
  const transport = new FetchTransport({
    baseUrl: 'https://api.coze.cn',
    fetch: async () => new Response(streamOf(chunks), { headers: { 'content-type': 'text/event-stream' } }),
  });
  const run = await transport.send({ method: 'POST', path: '/v3/chat' }).done;
  if (run.error) throw new Error(run.error.message.en);
  return run.events.length;
}

async function time(action: () => Promise<number>): Promise<[number, number]> {
  const start = performance.now();
  const n = await action();
  return [performance.now() - start, n];
}

async function main() {
  const chunks = makeChunks();
  const size = chunks.reduce((n, c) => n + c.byteLength, 0);
  const bareTimes: number[] = [];
  const transportTimes: number[] = [];
  let counts: [number, number] = [0, 0];
  for (let round = 0; round < 7; round++) {
    const [b, nb] = await time(() => bare(chunks));
    const [t, nt] = await time(() => viaTransport(chunks));
    if (round > 0) {
      bareTimes.push(b);
      transportTimes.push(t);
    }
    counts = [nb, nt];
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  (window as unknown as { __bench: unknown }).__bench = { size, events: counts, bareMs: median(bareTimes), transportMs: median(transportTimes) };
}

void main().catch((err: unknown) => ((window as unknown as { __bench: unknown }).__bench = { error: String(err) }));
