// Preloaded into each measured process: reports its own peak memory on exit, so the benchmark
// needs no /usr/bin/time and measures the same thing on every machine.
process.on('exit', () => {
  process.stderr.write(`\nCVI_BENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
