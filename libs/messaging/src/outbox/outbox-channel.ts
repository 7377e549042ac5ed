/**
 * The PostgreSQL channel on which commits to an outbox are announced, as an SQL expression so that
 * the writer and the listener derive it the same way on their own connections. One channel per
 * schema: services and test runs share a database, and a relay must only hear its own outbox. The
 * schema name is hashed because it may use up PostgreSQL's 63-byte identifier limit on its own,
 * and a longer channel name is refused by `pg_notify` but silently cut short by `LISTEN`.
 */
export const OUTBOX_CHANNEL_SQL = `'outbox_' || md5(current_schema())`;
