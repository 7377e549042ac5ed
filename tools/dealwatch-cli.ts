/**
 * The admin command line: `npm run -s dealwatch -- <command>` (see `dealwatch help`). Arguments are
 * parsed here; each command lives in tools/cli. Failures are one line on stderr and a non-zero exit.
 */
import { writeFile } from 'node:fs/promises';

import { USAGE, parseCommand, takeKeyOption } from './cli/args';
import type { Command, KeysAction } from './cli/args';
import { createCalendarLink, fetchCalendar } from './cli/calendar';
import { CliError } from './cli/cli-error';
import { ingest } from './cli/ingest';
import { replay, tail } from './cli/kafka';
import { createKey, keysTable, listKeys, revokeKey } from './cli/keys';
import { fetchMilestones, milestonesTable } from './cli/milestones';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const note = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Resolves on the first Ctrl-C or SIGTERM, so a tail can disconnect cleanly. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => {
      resolve();
    });
    process.once('SIGTERM', () => {
      resolve();
    });
  });
}

async function run(command: Command): Promise<number> {
  switch (command.name) {
    case 'help':
      print(USAGE);
      return 0;
    case 'ingest': {
      const { total, failed } = await ingest(command.path, command.url, print);
      if (total > 1) note(`${total - failed} of ${total} files ingested`);
      return failed > 0 ? 1 : 0;
    }
    case 'milestones': {
      const rows = await fetchMilestones(command.url, command.filter);
      for (const line of milestonesTable(rows)) print(line);
      note(`${rows.length} milestone${rows.length === 1 ? '' : 's'}`);
      return 0;
    }
    case 'calendar': {
      if (command.link) {
        const link = await createCalendarLink(command.url, command.filter, command.link.validFor);
        print(link.url);
        note(`valid until ${link.expiresAt}`);
        return 0;
      }
      const { ics, events } = await fetchCalendar(command.url, command.filter);
      if (command.out === null) {
        process.stdout.write(ics);
      } else {
        await writeFile(command.out, ics).catch((error: unknown) => {
          throw new CliError(`cannot write ${command.out ?? ''}: ${(error as Error).message}`);
        });
        note(`${events} event${events === 1 ? '' : 's'} written to ${command.out}`);
      }
      return 0;
    }
    case 'tail':
      await tail(command, print, interrupted());
      return 0;
    case 'keys':
      return runKeys(command.url, command.action);
    case 'replay': {
      const { replayed, ranges } = await replay(command);
      const from = ranges.map((range) => `${range.partition}:${range.start}..${range.end}`);
      print(
        `${replayed} message${replayed === 1 ? '' : 's'} replayed from ${command.topic} to ${command.to}` +
          (from.length > 0 ? ` (partition:offsets ${from.join(', ')})` : ''),
      );
      return 0;
    }
  }
}

async function runKeys(url: string, action: KeysAction): Promise<number> {
  switch (action.kind) {
    case 'create': {
      const created = await createKey(url, action);
      // The key alone on stdout, so `KEY=$(dealwatch keys create …)` works.
      print(created.key);
      const scope = created.scopes.length > 0 ? `, ${created.scopes.join(',')} only` : '';
      note(
        `key ${created.id} (${created.role}${scope}) created: keep it now, it is not shown again`,
      );
      return 0;
    }
    case 'list': {
      const rows = await listKeys(url);
      for (const line of keysTable(rows)) print(line);
      note(`${rows.length} key${rows.length === 1 ? '' : 's'}`);
      return 0;
    }
    case 'revoke':
      await revokeKey(url, action.id);
      note(`key ${action.id} revoked: every service refuses it from now on`);
      return 0;
  }
}

async function main(): Promise<void> {
  try {
    const { argv, key } = takeKeyOption(process.argv.slice(2));
    // Every HTTP call reads DEALWATCH_API_KEY (tools/cli/http.ts); --key stands in for it.
    if (key !== null) process.env['DEALWATCH_API_KEY'] = key;
    process.exitCode = await run(parseCommand(argv, process.env));
  } catch (error) {
    note(`dealwatch: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}

void main();
