// Regenerates fixtures/demo/demo-org.json from the builders (a test fails when the committed file is stale).
import { generateDemoOrganization } from '../fixtures/demo/generate-demo-org.js';
import { DEMO_SNAPSHOT_PATH } from '../src/demo/demo-snapshot.js';
import { saveSnapshot } from '../src/inventory/snapshot-file.js';

await saveSnapshot(DEMO_SNAPSHOT_PATH, generateDemoOrganization());
console.log(`wrote ${DEMO_SNAPSHOT_PATH}`);
