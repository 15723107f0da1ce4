// npm run bench [-- --holders 100000,1000000] [--only search,lookup,audit,block,reports,sign-in,pcsc,tap,production] [--faces 300]
import { parseArgs } from 'node:util';
import { printAuditCheck } from './audit-check.bench';
import { benchCardBlock } from './card-block.bench';
import { benchCredentialLookup } from './credential-lookup.bench';
import { benchFacePdf } from './face-pdf.bench';
import { benchHolderSearch } from './holder-search.bench';
import { benchReports } from './reports.bench';
import { benchPcscComparison, printPcscComparison } from './pcsc-latency';
import { benchSignIn } from './sign-in.bench';
import { benchTapLatency } from './tap-latency.bench';

const { values } = parseArgs({
  options: {
    holders: { type: 'string', default: '100000,1000000' },
    taps: { type: 'string', default: '200' },
    only: { type: 'string' },
    faces: { type: 'string', default: '300' },
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
if (wants('block')) {
  await benchCardBlock(Math.max(...sizes));
}
if (wants('audit')) {
  await printAuditCheck(100_000);
}
if (wants('production')) {
  await benchFacePdf(Number(values.faces));
}
if (wants('reports')) {
  benchReports(Math.max(...sizes));
}
if (wants('sign-in')) {
  await benchSignIn();
}

const taps = Number(values.taps);
const hasPcscd = process.env.PCSCD_HARNESS !== undefined;
if ((wants('tap') || wants('pcsc')) && !hasPcscd) {
  console.log(
    '\nThe tap benchmarks need pcscd with the virtual readers: run them through npm run bench (which uses scripts/pcscd-harness.sh).',
  );
}
if (wants('pcsc') && hasPcscd) {
  console.log(
    `\nPC/SC: card inserted → UID in JS, ${taps} taps each in 4 rounds of turning order (pcscd polls presence every 400 ms: that poll dominates "insert → UID")`,
  );
  printPcscComparison(await benchPcscComparison({ taps }));
}
if (wants('tap') && hasPcscd) {
  await benchTapLatency({ holders: Math.max(...sizes), taps });
}
