/**
 * Lets `node --test dist/test/server/` run every server test: Node 22 resolves a directory
 * argument as a module, so this index loads each `*.test.js` file beside it.
 */
import { readdirSync } from 'node:fs';

for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
  require(`./${file}`);
}
