/**
 * The writer thread: every change to the database is made here, so the server's own thread never
 * waits for the disk. Changes that arrive while a commit is being synced are committed together
 * in the next transaction (group commit): one sync for many actions, from any number of rooms.
 * Each change is answered once its transaction is committed and, with `syncEveryMs` 0, synced to
 * disk by SQLite; otherwise the log is synced within that many milliseconds (log-sync.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { closeLog, openLog, PeriodicSync } from './log-sync';
import { openMigratedDatabase } from './schema';
import { batchCommitter, type Write } from './sqlite-writes';

export type Job = { id: number } & Write;
export type { Done } from './sqlite-writes';

export interface WriterData {
	file: string;
	syncEveryMs: number;
}

const port = parentPort!;
const { file, syncEveryMs } = workerData as WriterData;
// The store brought the file's schema up to date before it started this thread.
const db = openMigratedDatabase(file);
const commit = batchCommitter(db);
const log = syncEveryMs > 0 ? openLog(db) : null;
const periodic = log === null ? null : new PeriodicSync(log, syncEveryMs);

let batch: Job[] = [];
let scheduled = false;

port.on('message', (message: Job | 'close') => {
	if (message === 'close') return void close();
	batch.push(message);
	if (!scheduled) {
		scheduled = true;
		// Every change already queued on the port is taken into this batch before it commits.
		setImmediate(flush);
	}
});

async function close() {
	flush();
	await periodic?.close();
	closeLog(log);
	db.close();
	port.close();
}

function flush() {
	scheduled = false;
	const jobs = batch;
	batch = [];
	if (jobs.length === 0) return;
	// A failed sync means the disk can no longer be trusted: nothing more is committed.
	const failed = periodic?.failed;
	if (failed) return port.postMessage({ committed: [], failed: jobs.map((j) => ({ id: j.id, message: failed.message })) });
	port.postMessage(commit(jobs));
	periodic?.committed();
}
