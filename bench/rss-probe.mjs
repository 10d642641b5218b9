// Preloaded into a riskdeck run (the benchmark, the hostile bounds test): prints the process's peak RSS (worker threads
// included, they share the process) when it exits.
process.on('exit', () => process.stderr.write(`\nmaxrss-kb=${process.resourceUsage().maxRSS}\n`));
