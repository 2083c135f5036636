/**
 * What importing the package costs an app, which has always loaded cdktf already: the time of
 * `require(lib)` in a process that has just required cdktf (and constructs), measured in fresh
 * processes. The difference of two medians taken in separate processes (`require(lib)` alone minus
 * `require('cdktf')` alone) hides this cost in their noise; a pair in one process does not.
 */

/** Fresh processes per import measurement. */
export const IMPORT_RUNS = 15;

export interface ImportCost {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

/** The median of the measurements. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `require(lib)` after `require('cdktf')`: `measure` runs one fresh process for a worker target
 * and returns the time it measured, in ms.
 */
export function importOverhead(measure: (target: string) => number, runs = IMPORT_RUNS): ImportCost {
  const samples = Array.from({ length: runs }, () => measure('lib-after-cdktf'));
  return { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), runs };
}
