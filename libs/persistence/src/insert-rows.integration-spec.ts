import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

import { insertRows, insertTogether } from './insert-rows';
import { openSpecDataSource, specSchema } from './spec-data-source';

const upperCase = { to: (value: string) => value.toUpperCase(), from: (value: string) => value };

@Entity({ name: 'notes' })
class NoteEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', transformer: upperCase })
  title!: string;

  @Column({ type: 'jsonb' })
  details!: { tags: string[] };

  @Column({ type: 'timestamptz', name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'text', default: 'open' })
  status!: string;

  @Column({ type: 'bytea', nullable: true })
  attachment?: Buffer | null;

  @Column({ type: 'text', array: true, default: '{}' })
  labels?: string[];
}

@Entity({ name: 'note_comments' })
class NoteCommentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'note_id' })
  noteId!: string;

  @Column({ type: 'text' })
  body!: string;
}

class CreateNotes1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE notes (id uuid PRIMARY KEY, title text NOT NULL,
      details jsonb NOT NULL, due_at timestamptz, status text NOT NULL DEFAULT 'open',
      attachment bytea, labels text[] NOT NULL DEFAULT '{}')`);
    await runner.query(`CREATE TABLE note_comments (id uuid PRIMARY KEY,
      note_id uuid NOT NULL REFERENCES notes (id), body text NOT NULL)`);
  }
  async down(): Promise<void> {}
}

const schema = specSchema('insert_rows');

describe('insertRows, many entities in one INSERT', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openSpecDataSource(schema, {
      entities: [NoteEntity, NoteCommentEntity],
      migrations: [CreateNotes1700000000000],
    });
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });
  beforeEach(() => dataSource.query('TRUNCATE notes, note_comments'));

  async function countNotes(): Promise<number> {
    return dataSource.getRepository(NoteEntity).count();
  }

  it.each([
    ['alone', 1],
    ['several together', 3],
  ])(
    'stores each property as TypeORM would, rows %s: transformed, JSON, dated, bytes, arrays, defaulted',
    async (_label, copies) => {
      const due = new Date('2026-04-28T09:00:00.000Z');
      const bytes = Buffer.from([0, 1, 0xfe, 0xff]);
      const labels = ['US', 'Japan, Tokyo', '"quoted"'];
      const planned = Array.from({ length: copies }, () => randomUUID());
      const met = Array.from({ length: copies }, () => randomUUID());
      // What the meetings set beyond their title, stored as given.
      const meeting = {
        details: { tags: [] },
        dueAt: null,
        status: 'met',
        attachment: bytes,
        labels,
      };
      await insertRows(dataSource.manager, NoteEntity, [
        ...planned.map((id) => ({
          id,
          title: 'select projects',
          details: { tags: ['financing'] },
          dueAt: due,
        })),
        ...met.map((id) => ({ id, title: 'meet "within" 180 days', ...meeting })),
      ]);

      const stored = await dataSource.getRepository(NoteEntity).find();
      expect(stored).toHaveLength(copies * 2);
      expect(stored).toEqual(
        expect.arrayContaining([
          ...planned.map((id) => ({
            id,
            title: 'SELECT PROJECTS',
            details: { tags: ['financing'] },
            dueAt: due,
            status: 'open',
            attachment: null,
            labels: [],
          })),
          ...met.map((id) => ({ id, title: 'MEET "WITHIN" 180 DAYS', ...meeting })),
        ]),
      );
    },
  );

  it('sends the same statement text for any number of rows past one, so it is prepared once', async () => {
    const query = jest.spyOn(dataSource.manager, 'query');
    try {
      for (const count of [2, 3, 5]) {
        const rows = Array.from({ length: count }, (_, index) => ({
          id: randomUUID(),
          title: `note ${index}`,
          details: { tags: [] },
          dueAt: null,
        }));
        await insertRows(dataSource.manager, NoteEntity, rows);
      }
      expect(new Set(query.mock.calls.map(([text]) => text)).size).toBe(1);
    } finally {
      query.mockRestore();
    }
    expect(await countNotes()).toBe(10);
  });

  it.each([
    ['alone', 1],
    ['several together', 2],
  ])(
    'stores text with an unpaired surrogate as pg stores a string parameter, U+FFFD, rows %s',
    async (_label, copies) => {
      const ids = Array.from({ length: copies }, () => randomUUID());
      const note = {
        title: 'broken \ud800 pair, kept \ud83c\udf0f pair',
        details: { tags: ['\udfff alone', 'the text \\ud800'] },
        dueAt: null,
      };
      await insertRows(
        dataSource.manager,
        NoteEntity,
        ids.map((id) => ({ ...note, id })),
      );
      const stored = await dataSource.getRepository(NoteEntity).findOneByOrFail({ id: ids[0]! });
      expect(stored.title).toBe('BROKEN \ufffd PAIR, KEPT \ud83c\udf0f PAIR');
      expect(stored.details).toEqual({ tags: ['\ufffd alone', 'the text \\ud800'] });
    },
  );

  it('inserts any number of rows, past the 65,535 parameters a statement may have', async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => ({
      id: randomUUID(),
      title: `note ${index}`,
      details: { tags: [] },
      dueAt: null,
    }));
    await insertRows(dataSource.manager, NoteEntity, rows);
    expect(await countNotes()).toBe(20_000);
  });

  it('skips rows that break a unique constraint when asked, and fails on them otherwise', async () => {
    const id = randomUUID();
    const note = { id, title: 'once', details: { tags: [] }, dueAt: null };
    await insertRows(dataSource.manager, NoteEntity, [note]);

    await insertRows(dataSource.manager, NoteEntity, [note, { ...note, id: randomUUID() }], {
      skipConflicts: true,
    });
    await expect(insertRows(dataSource.manager, NoteEntity, [note])).rejects.toThrow(
      /duplicate key/,
    );
    expect(await countNotes()).toBe(2);
  });

  it('returns the asked columns of the rows it inserted, none of those it skipped', async () => {
    const [kept, added] = [randomUUID(), randomUUID()];
    const note = { title: 'once', details: { tags: [] }, dueAt: null };
    await insertRows(dataSource.manager, NoteEntity, [{ ...note, id: kept }]);

    const returned = await insertRows(
      dataSource.manager,
      NoteEntity,
      [
        { ...note, id: kept },
        { ...note, id: added },
      ],
      { skipConflicts: true, returning: ['id', 'status'] },
    );
    expect(returned).toEqual([{ id: added, status: 'open' }]);
  });

  it('does nothing for no rows', async () => {
    await expect(insertRows(dataSource.manager, NoteEntity, [])).resolves.toEqual([]);
    expect(await countNotes()).toBe(0);
  });

  describe('insertTogether, rows of several tables in one statement', () => {
    const note = (title: string) => ({
      id: randomUUID(),
      title,
      details: { tags: [] },
      dueAt: null,
    });
    const commentOn = (noteId: string) => ({ id: randomUUID(), noteId, body: 'agreed' });
    const countComments = () => dataSource.getRepository(NoteCommentEntity).count();

    it('stores children with their parents in one round trip, whatever the order of the tables', async () => {
      const parent = note('parent');
      const query = jest.spyOn(dataSource.manager, 'query');
      try {
        await insertTogether(dataSource.manager, [
          { target: NoteCommentEntity, rows: [commentOn(parent.id), commentOn(parent.id)] },
          { target: NoteEntity, rows: [parent] },
        ]);
        expect(query).toHaveBeenCalledTimes(1);
      } finally {
        query.mockRestore();
      }
      expect(await countNotes()).toBe(1);
      expect(await countComments()).toBe(2);
    });

    it('stores nothing when a row breaks a foreign key', async () => {
      await expect(
        insertTogether(dataSource.manager, [
          { target: NoteEntity, rows: [note('kept?')] },
          { target: NoteCommentEntity, rows: [commentOn(randomUUID())] },
        ]),
      ).rejects.toThrow(/foreign key/);
      expect(await countNotes()).toBe(0);
    });

    it('stores more rows than 65,535 parameters would carry', async () => {
      const notes = Array.from({ length: 20_000 }, (_, index) => note(`note ${index}`));
      await insertTogether(dataSource.manager, [
        { target: NoteEntity, rows: notes },
        { target: NoteCommentEntity, rows: notes.slice(0, 10).map((row) => commentOn(row.id)) },
      ]);
      expect(await countNotes()).toBe(20_000);
      expect(await countComments()).toBe(10);
    });

    it('leaves out tables without rows', async () => {
      await insertTogether(dataSource.manager, [
        { target: NoteEntity, rows: [note('alone')] },
        { target: NoteCommentEntity, rows: [] },
      ]);
      expect(await countNotes()).toBe(1);
    });
  });
});
