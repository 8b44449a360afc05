/**
 * The library side of the benchmarks: build, plan, check, render, synthesize; returns the synthesized
 * JSON text. A module of its own so that the cdktf-alone sides (bench/sides.ts) do not load the library.
 */
import { buildScaledTopology } from './scaled-topology';
import { benchStack, synthesize } from './sides';

export function librarySide(pairs: number): string {
  const { app, stack } = benchStack();
  buildScaledTopology(stack, pairs);
  return synthesize(app);
}
