/** What the server needs from storage: rooms, their append-only action logs, and seat tokens. */
import type { Action, Actor, GameConfig } from '../../src/lib/game/types';

export interface RoomRecord {
	code: string;
	config: GameConfig;
	facilitatorTokenHash: string;
	createdAt: number;
}

/** One accepted action, as appended to a room's log. */
export interface LoggedAction {
	seq: number;
	actor: Actor;
	action: Action;
	at: number;
}

export interface Store {
	createRoom(room: RoomRecord): void;
	getRoom(code: string): RoomRecord | undefined;
	/**
	 * Appends an accepted action; when it seats a player, the seat's token hash is written in the
	 * same transaction, so a crash can never leave a taken seat without its token or the reverse.
	 */
	append(code: string, entry: LoggedAction, seatToken?: { seat: string; hash: string }): void;
	log(code: string): LoggedAction[];
	seatTokens(code: string): { seat: string; hash: string }[];
	close(): void;
}
