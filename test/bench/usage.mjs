// Preloaded into a measured process (node --import ./usage.mjs ...): at exit, writes its own
// resource usage (CPU, peak RSS) as JSON to the file named by TEKSER_BENCH_USAGE.
import { writeFileSync } from 'node:fs';

const file = process.env.TEKSER_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKiB: u.maxRSS }));
  });
}
