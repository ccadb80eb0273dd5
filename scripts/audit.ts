/**
 * `npm audit --audit-level=high` when the registry answers. Fails on a high or critical advisory;
 * when the audit endpoint cannot be reached (as on registries that do not serve it), says so plainly
 * and does not fail, since that is not a finding about the dependencies.
 */
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--audit-level=high', '--json'], { encoding: 'utf8' });
let report: {
  metadata?: { vulnerabilities?: Record<string, number> };
  statusCode?: number;
  error?: { summary?: string };
} = {};
try {
  report = JSON.parse(run.stdout || '{}') as typeof report;
} catch {
  // npm printed no JSON: handled as "did not answer" below.
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const why = report.statusCode ? `HTTP ${report.statusCode}` : (report.error?.summary ?? 'no answer');
  console.log(`npm audit: NOT CHECKED: the registry's audit endpoint did not answer (${why})`);
  process.exit(0);
}
const serious = (counts['high'] ?? 0) + (counts['critical'] ?? 0);
console.log(`npm audit: ${serious} high or critical, ${counts['moderate'] ?? 0} moderate, ${counts['low'] ?? 0} low`);
process.exit(serious > 0 ? 1 : 0);
