import { createHash } from 'node:crypto';
import { Client, Query } from 'pg';
import type { Connection, QueryConfig, QueryResult } from 'pg';

/** Statements prepared per connection at most; beyond, new ones run unprepared (bounds the backend's memory). */
const MAX_PREPARED_PER_CONNECTION = 500;
/** Statement names remembered process-wide; texts beyond are named by hashing each time. */
const MAX_NAMED_TEXTS = 5_000;

/** How TypeORM opens, commits and rolls back a transaction. */
const START_TRANSACTION = 'START TRANSACTION';
const COMMIT = 'COMMIT';
const ROLLBACK = 'ROLLBACK';
/** Every connection's own prepared `BEGIN`, which a held-back transaction start binds and executes. */
const BEGIN_NAME = 'dw_begin';
const BEGIN: QueryConfig = { name: BEGIN_NAME, text: 'BEGIN', values: [] };

const names = new Map<string, string>();

/** A name derived from the text alone, so one text always gets one name on any connection. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `dw_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size < MAX_NAMED_TEXTS) names.set(text, name);
  }
  return name;
}

/** How TypeORM calls it; a callback, if any other caller passes one, is forwarded as it came. */
type TextAndValues = [string | QueryConfig, unknown[] | undefined];

/** What the server would have answered to a statement that changes nothing and returns no rows. */
function answered(command: string): Promise<QueryResult> {
  return Promise.resolve({ command, rowCount: null, oid: 0, rows: [], fields: [] });
}

/**
 * A pg client that saves round trips, each a write and a read on both sides and a wait for the
 * other process to be scheduled:
 *
 * - It prepares each parameterised statement the first time its connection sends it, and from then
 *   on only binds and executes it. Unprepared, PostgreSQL parses, analyses and plans every statement
 *   on every call: planning alone was over a fifth of its time under load. With a prepared statement
 *   it plans for the values of the first few calls, then keeps a generic plan when that is no
 *   costlier.
 * - It holds TypeORM's `START TRANSACTION` back and sends it with the transaction's first
 *   parameterised statement, in one write and one answer (as pgJDBC does); a transaction that sends
 *   nothing before its `COMMIT` or `ROLLBACK` never reaches the server. Any other first statement
 *   goes after the `BEGIN` as before. The transaction's `now()` is then its first statement's time.
 *
 * Given to pg's pool (TypeORM passes `extra.Client` on).
 */
export class PreparingClient extends Client {
  private readonly prepared = new Set<string>();
  private beginHeld = false;

  // pg's overloads cannot usefully be restated one by one; callers keep the base class's types.
  override query(...args: unknown[]): never {
    const [text, values, ...rest] = args;
    if (typeof text !== 'string' || rest.length > 0) return this.afterHeldBegin(args);
    const parameterised = Array.isArray(values) && values.length > 0;
    if (!this.beginHeld && text === START_TRANSACTION) return this.startTransaction();
    if (this.beginHeld && (text === COMMIT || text === ROLLBACK) && !parameterised) {
      // Nothing was sent since the transaction started: there is nothing to end.
      this.beginHeld = false;
      return answered(text) as never;
    }
    if (!parameterised) return this.afterHeldBegin(args);
    const name = this.preparedName(text);
    const config: QueryConfig = name ? { name, text, values } : { text, values };
    if (this.beginHeld) {
      this.beginHeld = false;
      return this.afterBegin(config) as never;
    }
    return super.query(config) as never;
  }

  /** Holds the transaction's start back once this connection has its `BEGIN` prepared. */
  private startTransaction(): never {
    if (!this.beginPrepared()) return super.query(BEGIN) as never;
    this.beginHeld = true;
    return answered('BEGIN') as never;
  }

  /** Sends a statement that cannot carry the held `BEGIN` once the `BEGIN` has been answered. */
  private afterHeldBegin(args: unknown[]): never {
    if (!this.beginHeld) return super.query(...(args as TextAndValues)) as never;
    this.beginHeld = false;
    const begun = super.query<QueryResult>(BEGIN);
    return begun.then(() => super.query(...(args as TextAndValues))) as never;
  }

  /** The statement, behind the prepared `BEGIN` in the same pipeline: one write, one answer. */
  private afterBegin(config: QueryConfig): Promise<QueryResult> {
    return new Promise((resolve, reject) => {
      const statement = new StatementAfterBegin(config, undefined, (error, result) => {
        if (error) reject(error);
        else resolve(result);
      });
      super.query(statement);
    });
  }

  private beginPrepared(): boolean {
    const parsed = (this.connection as unknown as ProtocolConnection).parsedStatements;
    return parsed[BEGIN_NAME] !== undefined;
  }

  /** The statement's name, or null once this connection holds as many as it may. */
  private preparedName(text: string): string | null {
    const name = statementName(text);
    if (!this.prepared.has(name) && this.prepared.size >= MAX_PREPARED_PER_CONNECTION) return null;
    this.prepared.add(name);
    return name;
  }
}

/** The parts of pg's connection and query handling that this client reaches into. */
interface ProtocolConnection extends Connection {
  parsedStatements: Record<string, string>;
}
interface ProtocolQuery {
  prepare(connection: Connection): void;
  handleCommandComplete(message: unknown, connection: Connection): void;
}
/** pg's own handling, which `StatementAfterBegin` extends. */
const plainQuery = Query.prototype as unknown as ProtocolQuery;

/**
 * A statement sent in the extended protocol right behind a Bind and Execute of the connection's
 * prepared `BEGIN`, all before one Sync: the server answers both with one ReadyForQuery. The first
 * CommandComplete is the `BEGIN`'s, and is not part of the statement's result. Should the statement
 * fail, the transaction has begun, so the caller's `ROLLBACK` ends it as it would have.
 */
class StatementAfterBegin extends Query {
  private beginAnswered = false;

  prepare(connection: Connection): void {
    connection.bind({ statement: BEGIN_NAME, portal: '', values: [] }, false);
    connection.execute({ portal: '' }, false);
    plainQuery.prepare.call(this, connection);
  }

  handleCommandComplete(message: unknown, connection: Connection): void {
    if (!this.beginAnswered) {
      this.beginAnswered = true;
      return;
    }
    plainQuery.handleCommandComplete.call(this, message, connection);
  }
}
