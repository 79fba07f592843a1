/** Every row a database file holds, read through a connection of its own, as an inspector would. */
import Database from 'better-sqlite3';

export function everyRow(database: string): { table: string; row: Record<string, unknown> }[] {
	const db = new Database(database, { readonly: true });
	try {
		const tables = db.prepare<[], { name: string }>(`select name from sqlite_master where type = 'table'`).all();
		return tables.flatMap(({ name }) => db.prepare<[], Record<string, unknown>>(`select * from "${name}"`).all().map((row) => ({ table: name, row })));
	} finally {
		db.close();
	}
}
