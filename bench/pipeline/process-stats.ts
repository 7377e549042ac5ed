import { existsSync, readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcessStats {
  cpuSeconds: number;
  peakRssMb: number;
}

/** CPU time and peak resident memory of a live process, from /proc (Linux). */
export function processStats(pid: number): ProcessStats {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, peakRssMb: peakKb / 1024 };
}

/** CPU seconds, per part of the shared infrastructure. */
export interface InfrastructureCpu {
  postgres: number;
  kafka: number;
  redis: number;
}

/**
 * CPU seconds spent so far by the shared infrastructure on this machine: every PostgreSQL process
 * (live backends plus those already reaped by the postmaster), the Kafka broker's JVM and Redis.
 */
export function infrastructureCpuSeconds(): InfrastructureCpu {
  let postgres = 0;
  let kafka = 0;
  let redis = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const own = Number(fields[11]) + Number(fields[12]);
      const reapedChildren = Number(fields[13]) + Number(fields[14]);
      if (name === 'postgres') postgres += own + reapedChildren;
      else if (
        name === 'java' &&
        readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('kafka.Kafka')
      )
        kafka += own;
      else if (name === 'redis-server') redis += own;
    } catch {
      // The process ended while we looked.
    }
  }
  return {
    postgres: postgres / CLOCK_TICKS_PER_SECOND,
    kafka: kafka / CLOCK_TICKS_PER_SECOND,
    redis: redis / CLOCK_TICKS_PER_SECOND,
  };
}

/**
 * How busy the machine is before the run starts anything: the load average, and where Linux
 * reports it, the share of time some task waited for a CPU. The same code costs a third more CPU
 * on a machine busy with others' work (sixteenth round), so runs compare only on like machines.
 */
export function machineLoad(): string {
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const pressure = existsSync('/proc/pressure/cpu')
    ? /some avg10=([\d.]+) avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))
    : null;
  const waited = pressure
    ? `, CPU pressure ${pressure[1]}% over the last 10 s and ${pressure[2]}% over the last 60 s`
    : '';
  return `machine before the run: load average ${load}${waited}`;
}
