// Preload for the services under load: `BENCH_NODE_OPTIONS="--require ./bench/pipeline/cpu-profile.cjs"`.
// Node refuses --cpu-prof in NODE_OPTIONS, so this starts the V8 profiler itself and writes
// <service>.<pid>.cpuprofile into BENCH_PROFILE_DIR (default tmp/profiles) when the service is
// stopped. BENCH_PROFILE_DELAY_MS (default 0) skips the start-up, to profile the load alone.
// Open the files in Chrome DevTools (Performance) or speedscope.
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const directory = path.resolve(process.env.BENCH_PROFILE_DIR || 'tmp/profiles');
const session = new inspector.Session();
session.connect();

const start = () =>
  session.post('Profiler.enable', () =>
    session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
      session.post('Profiler.start'),
    ),
  );
setTimeout(start, Number(process.env.BENCH_PROFILE_DELAY_MS || 0)).unref();

let written = false;
function write() {
  if (written) return;
  written = true;
  // The inspector answers synchronously in its own thread's session, so this completes before exit.
  session.post('Profiler.stop', (error, result) => {
    if (error || !result) return;
    const service = process.argv[1].split(path.sep).slice(-3)[0];
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(
      path.join(directory, `${service}.${process.pid}.cpuprofile`),
      JSON.stringify(result.profile),
    );
  });
}
// Before Nest's own handler, which ends the process once it has shut down.
process.prependListener('SIGTERM', write);
process.on('exit', write);
