/**
 * The writer thread: every change to the database is made here, so the server's own thread never
 * waits for the disk. Changes that arrive while a commit is being synced are committed together
 * in the next transaction (group commit): one sync for many actions, from any number of rooms.
 * Each change is answered only once its transaction is on disk.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './schema';
import { batchCommitter, type Write } from './sqlite-writes';

export type Job = { id: number } & Write;
export type { Done } from './sqlite-writes';

const port = parentPort!;
const db = openDatabase((workerData as { file: string }).file);
const commit = batchCommitter(db);

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
	if (jobs.length > 0) port.postMessage(commit(jobs));
}
