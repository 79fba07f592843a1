/** A room code as people type or paste it: spaces, dashes and lower case are dropped, nothing else is forgiven. */
import { describe, expect, it } from 'vitest';
import { RoomCode } from '../../../src/lib/protocol/events';

describe('RoomCode', () => {
	it.each([' K7QM2P', 'K7QM2P\t', '  k7qm2p  ', 'K7Q-M2P', 'k7q m2p', 'K7Q–M2P', '\u00a0K7QM2P'])('reads %j as K7QM2P', (typed) => {
		expect(RoomCode.parse(typed)).toBe('K7QM2P');
	});

	it.each(['K7QM2', 'K7QM2PX', 'K7QM0P', 'K7Q_M2P', 'K7Q.M2P'])('refuses %j', (typed) => {
		expect(RoomCode.safeParse(typed).success).toBe(false);
	});
});
