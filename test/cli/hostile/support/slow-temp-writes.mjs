// Preloaded into a real keysweep run (node --import) by interrupted-writes.test.ts: writes to temporary
// files (`.<hex>.tmp`, and the files of a kit's staging directory) are slowed down and announced on standard error, so the test can interrupt the run
// while a report is being written, every time, whatever the machine's speed.
import fs from 'node:fs';

const TEMP = /\/\.[0-9a-f]{12}\.tmp$/;
// The kit is written into a staging directory beside --out (`.<name>.new-<hex>/`) with fs.promises.writeFile.
const STAGING = /^(.*\/\.[^/]+\.new-[0-9a-f]{12})\//;
const writeFile = fs.promises.writeFile;
let stagingAnnounced = false;
fs.promises.writeFile = async function (path, ...args) {
  const staging = STAGING.exec(String(path));
  if (staging) {
    if (!stagingAnnounced) {
      stagingAnnounced = true;
      process.stderr.write(`writing ${staging[1]}\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return writeFile.call(this, path, ...args);
};

// Reports are written through a FileHandle (src/io/atomic-write.ts): its writes to a temporary file likewise.
const open = fs.promises.open;
fs.promises.open = async function (path, ...args) {
  const handle = await open.call(this, path, ...args);
  if (!TEMP.test(String(path))) return handle;
  const write = handle.write;
  let writing = false;
  handle.write = async function (...writeArgs) {
    if (!writing) {
      writing = true;
      process.stderr.write(`writing ${path}\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    return write.apply(this, writeArgs);
  };
  return handle;
};
