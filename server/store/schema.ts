/**
 * The database file, and the settings every connection to it uses. The file is opened twice — by
 * the writer thread, which makes every change, and by the server's own thread, which reads — and
 * write-ahead logging lets the reads go on while a write is being synced. Its tables are made and
 * changed by numbered steps (migrations.ts), taken once, by the store, before the writer thread
 * starts.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations';

/** Opens the file and brings its schema up to date; throws SchemaTooNew for a file from a newer version. */
export function openDatabase(file: string): Database.Database {
	mkdirSync(dirname(file), { recursive: true });
	const db = new Database(file);
	try {
		db.pragma('journal_mode = WAL');
		connectionSettings(db);
		migrate(db);
		return db;
	} catch (err) {
		db.close();
		throw err;
	}
}

/** Opens a file the store has already brought up to date (the writer thread's connection). */
export function openMigratedDatabase(file: string): Database.Database {
	const db = new Database(file);
	connectionSettings(db);
	return db;
}

function connectionSettings(db: Database.Database) {
	// Every commit is on disk before it returns, unless the log is synced by the store itself (log-sync.ts).
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	// Deleted rows (the ballots of a sealed secret vote) are overwritten, not left in free pages.
	db.pragma('secure_delete = ON');
}
