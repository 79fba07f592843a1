/**
 * The writer thread: every change to the database is made here, so the server's own thread never
 * waits for the disk. Changes that arrive while a commit is being synced are committed together
 * in the next transaction (group commit): one sync for many actions, from any number of rooms.
 * Each change is answered only once its transaction is on disk.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './schema';
import { prepareWrites, type Write } from './sqlite-writes';

export type Job = { id: number } & Write;
/** The answer to a batch: the ids committed, and those refused with the reason. */
export interface Done {
	committed: number[];
	failed: { id: number; message: string }[];
}

const port = parentPort!;
const db = openDatabase((workerData as { file: string }).file);
const write = prepareWrites(db);
const inOneTransaction = db.transaction((jobs: Job[]) => jobs.forEach(write));

let batch: Job[] = [];
let scheduled = false;

port.on('message', (message: Job | 'close') => {
	if (message === 'close') {
		flush();
		db.close();
		port.close();
		return;
	}
	batch.push(message);
	if (!scheduled) {
		scheduled = true;
		// Every change already queued on the port is taken into this batch before it commits.
		setImmediate(flush);
	}
});

function flush() {
	scheduled = false;
	const jobs = batch;
	batch = [];
	if (jobs.length === 0) return;
	const done: Done = { committed: [], failed: [] };
	try {
		inOneTransaction(jobs);
		done.committed = jobs.map((j) => j.id);
	} catch {
		// One change failed, so none was committed: commit each alone, so only that one is refused.
		for (const job of jobs) {
			try {
				inOneTransaction([job]);
				done.committed.push(job.id);
			} catch (err) {
				done.failed.push({ id: job.id, message: err instanceof Error ? err.message : String(err) });
			}
		}
	}
	// The pages of deleted ballots stay in the write-ahead log until it is checkpointed and truncated.
	if (jobs.some((j) => j.op === 'append' && j.snapshot)) db.pragma('wal_checkpoint(TRUNCATE)');
	port.postMessage(done);
}
