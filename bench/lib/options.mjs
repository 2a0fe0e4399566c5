// Options shared by every benchmark: `--quick` (or SHIPSHAPE_BENCH_QUICK=1) runs each measure fewer
// times, for a first look; the figures in the README come from a full run.
export const QUICK = process.argv.includes('--quick') || process.env.SHIPSHAPE_BENCH_QUICK === '1';

/** How many times to repeat a measure: `full` normally, `quick` with --quick. */
export const runsOf = (full, quick = 1) => (QUICK ? quick : full);
