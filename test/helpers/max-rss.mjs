// Preloaded with `node --import` by tests that measure a run's peak memory: on exit, writes the
// process's peak resident set size (all threads, in KB) to stderr as `smcheck-max-rss: N`.
process.on('exit', () => {
  process.stderr.write(`\nsmcheck-max-rss: ${process.resourceUsage().maxRSS}\n`);
});
