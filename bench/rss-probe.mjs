// Preloaded into a riskdeck run (the benchmark, the hostile bounds test): prints the process's peak RSS and its
// CPU time (user + system; worker threads included, they share the process) when it exits.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nmaxrss-kb=${process.resourceUsage().maxRSS} cpu-us=${user + system}\n`);
});
