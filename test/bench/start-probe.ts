// Run in a fresh process: how long createDesk takes on an existing database, and the first answer.
import { createDesk } from '../../src-main/core/create-desk';

const path = process.argv[2]!;
const t0 = performance.now();
const desk = createDesk({ databasePath: path });
const t1 = performance.now();
const result = await desk.connect().call('session.status', {});
const t2 = performance.now();
await desk.close();
process.stdout.write(JSON.stringify({ createMs: t1 - t0, firstAnswerMs: t2 - t0, ok: result.ok }));
