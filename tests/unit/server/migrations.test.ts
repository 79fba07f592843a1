/**
 * The schema's numbered steps: a file gets the steps it lacks and no other, each all or nothing; a
 * file from before the steps were numbered is recognised by its shape; one from a newer version
 * is refused untouched.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations, SchemaTooNew, type Migration } from '../../../server/store/migrations';
import { UNNUMBERED_SHAPES, type UnnumberedShape } from '../../helpers/unnumbered-schema';

const latest = migrations.at(-1)!.version;
const versionOf = (db: Database.Database) => db.pragma('user_version', { simple: true });

/** Every table with its columns and indexes, as SQLite describes them: what the code relies on. */
function shapeOf(db: Database.Database) {
	const tables = db.prepare<[], { name: string }>(`select name from sqlite_master where type = 'table' order by name`).all();
	return tables.map(({ name }) => ({
		name,
		columns: db.pragma(`table_info(${name})`),
		indexes: (db.pragma(`index_list(${name})`) as { name: string; unique: number; partial: number }[])
			.map((i) => ({ ...i, columns: db.pragma(`index_info(${i.name})`) }))
			.sort((a, b) => a.name.localeCompare(b.name))
	}));
}

function fresh() {
	const db = new Database(':memory:');
	migrate(db);
	return db;
}

describe('migrate', () => {
	it('takes a new file through every step, in order, and is then a no-op', () => {
		expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
		const db = fresh();
		expect(versionOf(db)).toBe(latest);
		const before = shapeOf(db);
		expect(before.map((t) => t.name)).toEqual(['actions', 'classes', 'rooms', 'rooms_with_logged_poll_answers', 'seat_tokens', 'snapshots', 'unlinked_action_ids']);
		migrate(db);
		expect(shapeOf(db)).toEqual(before);
	});

	it.each(Object.keys(UNNUMBERED_SHAPES) as UnnumberedShape[])('brings a file from before numbered steps (%s) to the same schema as a new file', (shape) => {
		const db = new Database(':memory:');
		db.exec(UNNUMBERED_SHAPES[shape].sql);
		db.prepare('insert into rooms (code, config, facilitator_token_hash, created_at) values (?, ?, ?, ?)').run('ROOMAA', '{}', 'h', 1);
		db.prepare('insert into actions (room, seq, actor, action, at) values (?, ?, ?, ?, ?)').run('ROOMAA', 1, '{}', '{"type":"start"}', 1);
		expect(versionOf(db)).toBe(0);
		migrate(db);
		expect(versionOf(db)).toBe(latest);
		expect(shapeOf(db)).toEqual(shapeOf(fresh()));
		expect(db.prepare('select room, seq, action_id from actions').all()).toEqual([{ room: 'ROOMAA', seq: 1, action_id: null }]);
	});

	it('gives a file at step N only the steps after N', () => {
		const db = new Database(':memory:');
		migrate(db, migrations.slice(0, 2));
		expect(versionOf(db)).toBe(2);
		expect(shapeOf(db).map((t) => t.name)).not.toContain('snapshots');
		// Step 1 run again would fail: its tables exist.
		migrate(db);
		expect(versionOf(db)).toBe(latest);
		expect(shapeOf(db)).toEqual(shapeOf(fresh()));
	});

	it('leaves a file at the step before one that fails, with nothing of the failed step in it', () => {
		const db = new Database(':memory:');
		const failing: Migration = { version: latest + 1, brings: 'a table, then a mistake', sql: 'create table later (x); insert into nowhere values (1);' };
		expect(() => migrate(db, [...migrations, failing])).toThrow(/no such table: nowhere/);
		expect(versionOf(db)).toBe(latest);
		expect(shapeOf(db).map((t) => t.name)).not.toContain('later');
	});

	it('refuses a file from a newer version, saying so, and writes nothing to it', () => {
		const db = fresh();
		db.pragma(`user_version = ${latest + 1}`);
		const before = shapeOf(db);
		let refusal: unknown;
		try {
			migrate(db);
		} catch (err) {
			refusal = err;
		}
		expect(refusal).toBeInstanceOf(SchemaTooNew);
		expect(String(refusal)).toMatch(new RegExp(`written by a newer version of Pact Room \\(schema ${latest + 1}; this version knows up to ${latest}\\)`));
		expect(versionOf(db)).toBe(latest + 1);
		expect(shapeOf(db)).toEqual(before);
	});
});
