// Preloaded into a real keysweep run (node --import) by interrupted-writes.test.ts: writes to temporary
// files (`.<hex>.tmp`, and the files of a kit's staging directory) are slowed down and announced on standard error, so the test can interrupt the run
// while a report is being written, every time, whatever the machine's speed.
import fs from 'node:fs';

const TEMP = /\/\.[0-9a-f]{12}\.tmp$/;
const announced = new WeakSet();

function slowed(original) {
  return function (...args) {
    if (!TEMP.test(String(this.path))) return original.apply(this, args);
    if (!announced.has(this)) {
      announced.add(this);
      process.stderr.write(`writing ${this.path}\n`);
    }
    setTimeout(() => original.apply(this, args), 200);
  };
}

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

fs.WriteStream.prototype._write = slowed(fs.WriteStream.prototype._write);
fs.WriteStream.prototype._writev = slowed(fs.WriteStream.prototype._writev);
