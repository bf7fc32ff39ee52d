// Preloaded (`node --import`) into a benchmarked smcheck run: on exit, prints the process's peak
// resident memory (all threads) and CPU time, so the bench can report memory and cores used.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nsmcheck-probe: maxrss_kb=${u.maxRSS} cpu_ms=${((u.userCPUTime + u.systemCPUTime) / 1000).toFixed(0)}\n`);
});
