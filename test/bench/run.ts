// npm run bench [-- --holders 100000,1000000] [--only search]
import { parseArgs } from 'node:util';
import { benchCredentialLookup } from './credential-lookup.bench';
import { benchHolderSearch } from './holder-search.bench';

const { values } = parseArgs({
  options: {
    holders: { type: 'string', default: '100000,1000000' },
    only: { type: 'string' },
  },
});

const sizes = values.holders.split(',').map(Number);
const wants = (name: string) => !values.only || values.only.split(',').includes(name);

console.log(
  `Frontdesk ID benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${process.platform}`,
);
if (wants('search')) {
  for (const size of sizes) await benchHolderSearch(size);
}
if (wants('lookup')) {
  benchCredentialLookup(Math.max(...sizes));
}
