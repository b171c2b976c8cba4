// A process that holds a spool file until it is signalled (spool-cleanup.test.ts).
import { SpoolFile } from '../../../../src/report/spool/spool-file.js';

const file = new SpoolFile('held');
file.append('a line\n');
file.flush();
console.log((file as unknown as { dir: string }).dir);
setInterval(() => {}, 1000);
