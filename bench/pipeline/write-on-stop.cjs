// For the bench's preloads: writes `<service>.<pid>.json` into `directory` once, when the service
// is stopped (SIGTERM, before Nest's own handler ends the process) or exits.
const fs = require('node:fs');
const path = require('node:path');

module.exports = function writeOnStop(directory, contents) {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    const service = process.argv[1].split(path.sep).slice(-3)[0];
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(path.join(directory, `${service}.${process.pid}.json`), contents());
  };
  process.prependListener('SIGTERM', write);
  process.on('exit', write);
};
