/**
 * `npm run conformance -- DIR`: runs every case file in DIR, prints one line per case and then
 * `N passed, M failed`; exits non-zero when any case failed.
 */
import { resolve } from 'node:path';
import { runConformance } from './runner';

async function main(): Promise<void> {
  const directory = process.argv[2];
  if (directory === undefined) {
    process.stderr.write('Usage: npm run conformance -- DIR (a directory of case files, e.g. conformance/cases)\n');
    process.exit(2);
  }
  const results = await runConformance(resolve(directory), (result) => {
    process.stdout.write(result.passed ? `PASS ${result.id}\n` : `FAIL ${result.id}: ${result.detail}\n`);
  });
  const failed = results.filter((result) => !result.passed).length;
  process.stdout.write(`${results.length - failed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
