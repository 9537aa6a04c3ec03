// First-load budget: the JavaScript and CSS that index.html loads, gzip-compressed, must stay within 150 KB.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 150 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const files = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, 'assets', file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzip`);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html) || /\son[a-z]+=/i.test(html)) {
  console.error('index.html contains an inline script or event handler: the Content-Security-Policy forbids it');
  process.exit(1);
}
console.log(`First load: ${(total / 1024).toFixed(1)} KB gzip of JS+CSS (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error(`Over budget by ${((total - BUDGET) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
