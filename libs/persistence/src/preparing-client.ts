import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { QueryConfig } from 'pg';

/** Statements prepared per connection at most; beyond, new ones run unprepared (bounds the backend's memory). */
const MAX_PREPARED_PER_CONNECTION = 500;
/** Statement names remembered process-wide; texts beyond are named by hashing each time. */
const MAX_NAMED_TEXTS = 5_000;

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

/**
 * A pg client that prepares each parameterised statement the first time its connection sends it,
 * and from then on only binds and executes it. Unprepared, PostgreSQL parses, analyses and plans
 * every statement on every call: planning alone was over a fifth of its time under load. With a
 * prepared statement it plans for the values of the first few calls, then keeps a generic plan
 * when that is no costlier. Given to pg's pool (TypeORM passes `extra.Client` on).
 */
export class PreparingClient extends Client {
  private readonly prepared = new Set<string>();

  // pg's overloads cannot usefully be restated one by one; callers keep the base class's types.
  override query(...args: unknown[]): never {
    const [text, values, ...rest] = args;
    const named =
      typeof text === 'string' && Array.isArray(values) && values.length > 0
        ? this.preparedName(text)
        : null;
    const forwarded = named ? [{ name: named, text, values }, ...rest] : args;
    return super.query(...(forwarded as TextAndValues)) as never;
  }

  /** The statement's name, or null once this connection holds as many as it may. */
  private preparedName(text: string): string | null {
    const name = statementName(text);
    if (!this.prepared.has(name) && this.prepared.size >= MAX_PREPARED_PER_CONNECTION) return null;
    this.prepared.add(name);
    return name;
  }
}
