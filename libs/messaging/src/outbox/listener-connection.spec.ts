import { DataSource } from 'typeorm';

import { listenerConnectionConfig } from './listener-connection';

describe('listenerConnectionConfig', () => {
  const dataSource = new DataSource({
    type: 'postgres',
    url: 'postgres://dealwatch:secret@db.internal:6543/dealwatch',
    applicationName: 'dealwatch-ingest',
    connectTimeoutMS: 3_000,
    extra: { max: 10, options: '-c search_path=ingest', connectionTimeoutMillis: 5_000 },
  });

  it("reaches the data source's server, with its search_path, so both see one current_schema()", () => {
    expect(listenerConnectionConfig(dataSource)).toMatchObject({
      connectionString: 'postgres://dealwatch:secret@db.internal:6543/dealwatch',
      options: '-c search_path=ingest',
      // `extra` wins over the typed options, as in the pool TypeORM makes.
      connectionTimeoutMillis: 5_000,
    });
  });

  it('names itself after the service, so its long idle session is recognisable', () => {
    expect(listenerConnectionConfig(dataSource).application_name).toBe(
      'dealwatch-ingest-outbox-listener',
    );
  });

  it('refuses a data source that is not PostgreSQL', () => {
    const mysql = { options: { type: 'mysql' } } as DataSource;
    expect(() => listenerConnectionConfig(mysql)).toThrow(/PostgreSQL, not mysql/);
  });
});
