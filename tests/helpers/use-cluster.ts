/**
 * A test file's cluster (cluster.ts) with the game played through it (cluster-game.ts): started
 * once before the file's tests, its browsers closed after each test, and everything stopped after
 * the last. Kept apart from cluster.ts, which the benchmarks use outside the test runner.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { clusterMissing, startCluster, type TestCluster } from './cluster';
import { ClusterGame } from './cluster-game';
import { RoamingClient } from './roaming-client';

export interface UsedCluster {
	/** The running cluster (only inside a test: it starts before the first). */
	readonly cluster: TestCluster;
	/** The game as browsers and an inspector of the database reach it. */
	readonly game: ClusterGame;
}

/** Starts a cluster for the file's tests, unless the machine lacks PostgreSQL or HAProxy (then says why, and the tests skip). */
export function useCluster(options: Parameters<typeof startCluster>[0] = {}): UsedCluster {
	let cluster: TestCluster | undefined;
	let game: ClusterGame | undefined;
	if (clusterMissing) console.warn(clusterMissing);
	beforeAll(async () => {
		if (clusterMissing) return;
		cluster = await startCluster(options);
		game = new ClusterGame(cluster);
	}, 60_000);
	afterEach(() => RoamingClient.closeAll());
	afterAll(async () => {
		await game?.close();
		await cluster?.stop();
	});
	return {
		get cluster() {
			return cluster!;
		},
		get game() {
			return game!;
		}
	};
}
