/**
 * The Socket.IO adapter: checks every payload against the protocol, works out who is asking from
 * the socket (never from the payload), hands actions to the room's queue and sends each browser
 * its own view of the result.
 */
import type { Server, Socket } from 'socket.io';
import { assemble, facilitatorParts, seatParts, spectatorParts, type ViewParts } from '../src/lib/game/view';
import type { Actor } from '../src/lib/game/types';
import { buildSeats, nameRefusal } from '../src/lib/game/seats';
import { strayClauses } from '../src/lib/game/agenda';
import { Action } from '../src/lib/protocol/actions';
import { refuse, type Refusal } from '../src/lib/protocol/errors';
import {
	ActionId,
	AskJoinAddresses,
	AskReference,
	CreateGame,
	DeleteClass,
	EnterClass,
	EnterRoom,
	ReissueSeat,
	describeIssues,
	type ClientToServerEvents,
	type JoinAddresses,
	type ServerToClientEvents
} from '../src/lib/protocol/events';
import { referenceOf } from '../src/lib/scenario/reference';
import type { Scenario } from '../src/lib/scenario/schema';
import type { BotRunner } from './bot-runner';
import type { Clock } from './clock';
import { clientAddress, type TrustProxy } from './client-address';
import type { Limits } from './limits';
import type { Logger } from './log';
import { ELSEWHERE, moved, type Room, type Rooms, type Unloaded } from './rooms';
import type { ViewPatch, ViewUpdate } from '../src/lib/protocol/view-patch';
import { diffParts, TableDiffs } from './view-diff';

export interface SocketData {
	room: string | null;
	actor: Actor;
	/** The view this browser holds, in parts: the next update is sent as a patch to it. */
	sent?: ViewParts;
}

export type GameServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function viewPartsFor(room: Room, actor: Actor, scenario: Scenario): ViewParts {
	switch (actor.kind) {
		case 'facilitator':
			return facilitatorParts(room.state, scenario);
		case 'seat':
			return seatParts(room.state, actor.seat, scenario);
		case 'guest':
		case 'system':
			return spectatorParts(room.state, scenario);
	}
}

/**
 * Solo practice: the player reads the brief at their own pace ("next step" when ready), then the
 * game moves on by itself; "more time" extends any step.
 */
const SOLO_TIMERS = { briefing: null, opening: 90, debate: 150, vote: 60 };

/** The shortest time between two presence updates to one room, in milliseconds. */
const PRESENCE_EVERY_MS = 250;
/** Cluster mode: how long a room stays on a server after its last browser there left, in case it comes back (a reload). */
const HAND_OFF_AFTER_MS = 5000;

export interface HandlerOptions {
	/** How long a seat must have been away before the facilitator may hand it to a scripted role. */
	botGraceMs: number;
	limits: Limits;
	/** Which reverse proxies' X-Forwarded-For to believe when working out a client's address. */
	trustProxy: TrustProxy;
	/** Where students open the game, read afresh on each request (a laptop may join a network while serving). */
	joinAddresses: () => JoinAddresses;
}

export function registerHandlers(
	io: GameServer,
	rooms: Rooms,
	bots: BotRunner,
	scenario: Scenario,
	clock: Clock,
	log: (msg: string, err?: unknown) => void,
	logger: Logger,
	options: HandlerOptions
) {
	const { limits } = options;
	// Built once per language: the same for every page, whatever the table.
	const references = { en: referenceOf(scenario), he: referenceOf(scenario, 'he') };
	/** When each seat's last browser left, per room: the grace period for handing it to a bot runs from here. */
	const awaySince = new Map<string, Map<string, number>>();

	/** After the room changed: every browser brought up to date, scripted roles nudged; the sender's update is returned. */
	function changed(room: Room, sender?: GameSocket): ViewUpdate | undefined {
		const own = broadcast(room, sender);
		bots.nudge(room);
		return own;
	}
	rooms.onChange = (room) => void changed(room);
	rooms.onError = (err, context) => log(context, err);
	rooms.isWatched = (code) => (io.sockets.adapter.rooms.get(code)?.size ?? 0) > 0;
	rooms.onUnload = (code, why) => {
		bots.forget(code);
		awaySince.delete(code);
		if (why === 'moved') reconnectElsewhere(code);
		else if (why !== 'idle') turnAway(code, why);
	};

	/**
	 * Another server holds the room now (cluster mode): its browsers' connections are closed, after
	 * the answers already due have gone out, and each reconnects — through the proxy, to the room's
	 * new server — and sends again what was not acknowledged, with its action id.
	 */
	function reconnectElsewhere(code: string) {
		const ids = [...(io.sockets.adapter.rooms.get(code) ?? [])];
		setImmediate(() => {
			for (const id of ids) io.sockets.sockets.get(id)?.conn.close();
		});
	}

	/** Every browser still in a deleted room is told, and holds nothing of it any more. */
	function turnAway(code: string, why: Exclude<Unloaded, 'idle' | 'moved'>) {
		const message =
			why === 'by-facilitator'
				? 'This game has been deleted by its facilitator, with everything it kept. Thank you for playing.'
				: `This game has been deleted, with everything it kept: games are kept for ${rooms.retentionDays} days after their last move.`;
		for (const id of io.sockets.adapter.rooms.get(code) ?? []) {
			const socket = io.sockets.sockets.get(id);
			if (!socket) continue;
			socket.leave(code);
			socket.data = { room: null, actor: { kind: 'guest' } };
			socket.emit('notice', {
				code: 'room_deleted',
				message,
				params: why === 'by-facilitator' ? { deleted: 'by-facilitator' } : { deleted: 'expired', days: rooms.retentionDays ?? 0 }
			});
		}
	}

	/**
	 * Brings every browser in the room up to date with its own view: a patch to the view it holds,
	 * or the whole view when it holds none of that kind. Each distinct viewer's view is built once,
	 * the table's change worked out once for all of them, and each patch once for all the browsers
	 * holding the same view; browsers due the same patch are sent it together, encoded once. The
	 * browser whose action it was (`sender`) is not sent its update: it is returned, to go in the
	 * acknowledgement (one message instead of two).
	 */
	function broadcast(room: Room, sender?: GameSocket): ViewUpdate | undefined {
		let own: ViewUpdate | undefined;
		const built = new Map<string, ViewParts>();
		// Keyed by the view held and the view due: browsers holding one view may be due different ones
		// (a guest who just sat down holds the spectators' view and is due its seat's).
		const patches = new Map<ViewParts, Map<ViewParts, ViewPatch | null>>();
		const tables = new TableDiffs();
		const due = new Map<ViewPatch, string[]>();
		const now = clock.now();
		for (const id of io.sockets.adapter.rooms.get(room.code) ?? []) {
			const socket = io.sockets.sockets.get(id);
			if (!socket) continue;
			const actor = socket.data.actor;
			const key = actor.kind === 'seat' ? `seat:${actor.seat}` : actor.kind;
			let view = built.get(key);
			if (!view) built.set(key, (view = viewPartsFor(room, actor, scenario)));
			const sent = socket.data.sent;
			if (sent === view) continue;
			let patch: ViewPatch | null | undefined;
			if (sent) {
				let byDue = patches.get(sent);
				if (!byDue) patches.set(sent, (byDue = new Map()));
				patch = byDue.get(view);
				if (patch === undefined) byDue.set(view, (patch = diffParts(sent, view, tables)));
			}
			socket.data.sent = view;
			if (socket === sender) own = patch ? { patch } : { view: assemble(view) };
			else if (!patch) socket.emit('view', assemble(view), now);
			else if (due.has(patch)) due.get(patch)!.push(socket.id);
			else due.set(patch, [socket.id]);
		}
		// Each browser is in a Socket.IO room of its own id, so a list of ids reaches exactly those browsers.
		for (const [patch, ids] of due) io.to(ids).emit('patch', patch, now);
		return own;
	}

	/** Sends a browser its whole view, which its next update will patch. */
	function sendView(socket: GameSocket, view: ViewParts) {
		socket.data.sent = view;
		socket.emit('view', assemble(view), clock.now());
	}

	/**
	 * After browsers came or went: the seats' away times are noted at once, and the room is told
	 * who is connected — at most once per PRESENCE_EVERY_MS, the last telling carrying the latest
	 * state, so tabs re-entering in a loop cannot flood every phone in the room.
	 */
	const presenceSent = new Map<string, number>();
	const presenceDue = new Set<string>();
	function presence(code: string) {
		handOffWhenLeft(code);
		const seats = connectedSeats(code);
		const away = awaySince.get(code) ?? new Map<string, number>();
		awaySince.set(code, away);
		for (const seat of rooms.get(code)?.state.seats ?? []) {
			if (seats.has(seat.id)) away.delete(seat.id);
			else if (!away.has(seat.id)) away.set(seat.id, clock.now());
		}
		if (presenceDue.has(code)) return;
		const wait = (presenceSent.get(code) ?? -Infinity) + PRESENCE_EVERY_MS - performance.now();
		if (wait <= 0) return sendPresence(code);
		presenceDue.add(code);
		setTimeout(() => {
			presenceDue.delete(code);
			sendPresence(code);
		}, wait).unref();
	}

	/**
	 * Cluster mode: a room whose last browser here left is handed off after a grace period (a
	 * reload comes back within it), so that it can be served where its browsers went.
	 */
	function handOffWhenLeft(code: string) {
		if (!rooms.clustered || rooms.isWatched(code)) return;
		setTimeout(() => {
			if (!rooms.isWatched(code)) rooms.handOff(code).catch((err) => log(`room ${code} could not be handed off`, err));
		}, HAND_OFF_AFTER_MS).unref();
	}

	function sendPresence(code: string) {
		const seats = connectedSeats(code);
		if (io.sockets.adapter.rooms.get(code)?.size) presenceSent.set(code, performance.now());
		else presenceSent.delete(code);
		io.to(code).emit('presence', [...seats]);
	}

	function connectedSeats(code: string): Set<string> {
		const seats = new Set<string>();
		for (const id of io.sockets.adapter.rooms.get(code) ?? []) {
			const actor = io.sockets.sockets.get(id)?.data.actor;
			if (actor?.kind === 'seat') seats.add(actor.seat);
		}
		return seats;
	}

	/** A seat may go to a scripted role only once its player has been gone for the grace period. */
	function handOverRefusal(code: string, seat: string): Refusal | null {
		const since = awaySince.get(code)?.get(seat);
		if (since === undefined) return refuse('still_connected', 'That player is still connected; a scripted role can only stand in for someone who has left.');
		const wait = since + options.botGraceMs - clock.now();
		if (wait > 0) return refuse('still_connected', `That player left only just now; wait ${Math.ceil(wait / 1000)} more seconds in case they come back.`, { seconds: Math.ceil(wait / 1000) });
		return null;
	}

	/** Turns every browser holding a seat back into a watcher, telling it why. */
	function unseat(code: string, seat: string, why: 'seat_moved' | 'seat_released' | 'seat_opened_elsewhere', message: string, keep?: string) {
		for (const id of io.sockets.adapter.rooms.get(code) ?? []) {
			const socket = io.sockets.sockets.get(id);
			const actor = socket?.data.actor;
			if (!socket || id === keep || actor?.kind !== 'seat' || actor.seat !== seat) continue;
			socket.data.actor = { kind: 'guest' };
			socket.emit('notice', { code: why, message });
			sendView(socket, viewPartsFor(rooms.get(code)!, socket.data.actor, scenario));
		}
		presence(code);
	}

	io.on('connection', (socket: GameSocket) => {
		socket.data = { room: null, actor: { kind: 'guest' } };
		const address = clientAddress(socket.request, options.trustProxy, socket.handshake.address);

		/**
		 * Refuses a wrong room code or token, counting it against this connection and this address;
		 * once the address is over its limit the answer is held back, so guessing is slow.
		 */
		async function wrongGuess(refusal: Refusal): Promise<Refusal> {
			const { slow } = await limits.wrongGuess(socket.id, address);
			if (slow) await new Promise((resolve) => setTimeout(resolve, limits.settings.slowWrongGuessMs));
			return refusal;
		}

		handle(socket, 'createGame', log, async (raw) => {
			const parsed = CreateGame.safeParse(raw);
			if (!parsed.success) return badPayload(parsed.error);
			if (!(await limits.create(address)))
				return refuse('rate_limited', 'Too many games have been created from this network in the last ten minutes; wait a few minutes and try again.');
			const { tables, votingRule, tally, ballots, seatCounts, timers, bots: fill, solo, pace, agenda } = parsed.data;
			const stray = strayClauses(agenda ?? [], scenario);
			if (stray.length)
				return refuse(
					'bad_payload',
					`agenda lists clauses this scenario does not have, or lists one twice: ${stray.join(', ')}. Choose from: ${scenario.clauses.map((c) => c.id).join(', ')}.`
				);
			const unknown = Object.keys(seatCounts ?? {}).filter((id) => !scenario.roles.some((r) => r.id === id));
			if (unknown.length)
				return refuse('bad_payload', `seatCounts names roles this scenario does not have: ${unknown.join(', ')}.`);
			const d = scenario.defaults.ballot;
			if (solo) {
				const seats = buildSeats(scenario, { seatCounts: seatCounts ?? {} });
				if (!seats.some((s) => s.id === solo.seat))
					return refuse('unknown_seat', `There is no seat "${solo.seat}" in this game; choose one of: ${seats.map((s) => s.id).join(', ')}.`);
				if ((tables ?? 1) > 1) return refuse('bad_payload', 'Solo practice is played at one table.');
				// The name is checked before the game is made, so a refused one leaves no game behind.
				const badName = nameRefusal(seats, solo.name);
				if (badName) return badName;
				const created = await rooms.createClass(1, {
					votingRule,
					ballot: { tally: tally ?? d.tally, ballots: ballots ?? d.ballots },
					seatCounts,
					timers: { ...SOLO_TIMERS, ...timers },
					botSeats: seats.map((s) => s.id).filter((id) => id !== solo.seat),
					autopilot: true,
					// A learner practising the class's lesson plan debates that plan's clauses.
					agenda
				});
				const room = await rooms.load(created.codes[0]);
				if (!room || room === ELSEWHERE) return moved();
				const seated = await rooms.submit(room, { kind: 'guest' }, { type: 'takeSeat', seat: solo.seat, name: solo.name });
				if (!seated.ok) return seated;
				// In cluster mode the player's page may reach another server: the room waits for it there.
				if (rooms.clustered) await rooms.handOff(room.code);
				else bots.nudge(room);
				logger.info({ room: room.code, seat: solo.seat }, 'solo game created');
				return { ok: true, ...created, code: created.codes[0], seatToken: seated.seatToken };
			}
			const created = await rooms.createClass(tables ?? 1, {
				votingRule,
				ballot: { tally: tally ?? d.tally, ballots: ballots ?? d.ballots },
				seatCounts,
				timers,
				botsFillEmptySeats: fill ?? false,
				pace,
				agenda
			});
			logger.info({ class: created.classId, rooms: created.codes, votingRule }, 'class created');
			return { ok: true, ...created, code: created.codes[0] };
		});

		handle(socket, 'reference', log, (raw) => {
			const parsed = AskReference.safeParse(raw ?? {});
			if (!parsed.success) return badPayload(parsed.error);
			return { ok: true, reference: references[parsed.data.language ?? 'en'] };
		});

		handle(socket, 'enterClass', log, async (raw) => {
			const parsed = EnterClass.safeParse(raw);
			if (!parsed.success) return badPayload(parsed.error);
			const busy = await entryRefusal();
			if (busy) return busy;
			const codes = await rooms.openClass(parsed.data.classId, parsed.data.facilitatorToken);
			return Array.isArray(codes) ? { ok: true, codes, retentionDays: rooms.retentionDays } : wrongGuess(codes);
		});

		/**
		 * Entering by code is limited per address, which bounds how many codes anyone can try; a
		 * connection that keeps guessing wrong is cut off. An address's wrong guesses never refuse
		 * a right code: a class behind one school router is not locked out by someone else's guessing.
		 */
		async function entryRefusal(): Promise<Refusal | null> {
			if (limits.cutOff(socket.id))
				return refuse('rate_limited', 'Too many wrong room codes or links from this page. Reload the page, then check the code on the projector.');
			if (!(await limits.enter(address))) return refuse('rate_limited', 'Too many joins from this network in the last minute; wait a moment and try again.');
			return null;
		}

		handle(socket, 'deleteClass', log, async (raw) => {
			const parsed = DeleteClass.safeParse(raw);
			if (!parsed.success) return badPayload(parsed.error);
			const busy = await entryRefusal();
			if (busy) return busy;
			const deleted = await rooms.deleteClass(parsed.data.classId, parsed.data.facilitatorToken);
			if (!deleted.ok) return wrongGuess(deleted);
			logger.info({ class: parsed.data.classId, rooms: deleted.codes.length }, 'class deleted by its facilitator');
			return deleted;
		});

		handle(socket, 'reissueSeat', log, async (raw) => {
			const parsed = ReissueSeat.safeParse(raw);
			if (!parsed.success) return badPayload(parsed.error);
			if (!(await limits.action(socket.id))) return tooFast();
			const room = socket.data.room ? rooms.get(socket.data.room) : undefined;
			if (!room) return refuse('not_in_room', 'Open the game as its facilitator first.');
			if (socket.data.actor.kind !== 'facilitator') return refuse('not_facilitator', 'Only the facilitator can move a seat to another device.');
			const result = await rooms.reissueSeat(room, parsed.data.seat);
			if (result.ok) unseat(room.code, parsed.data.seat, 'seat_moved', 'Your seat has been moved to another device by the facilitator.');
			return result;
		});

		handle(socket, 'joinAddresses', log, async (raw) => {
			const parsed = AskJoinAddresses.safeParse(raw);
			if (!parsed.success) return badPayload(parsed.error);
			if (!(await limits.action(socket.id))) return tooFast();
			return { ok: true, ...options.joinAddresses() };
		});

		handle(socket, 'enterRoom', log, async (raw) => {
			const parsed = EnterRoom.safeParse(raw);
			if (!parsed.success) return badPayload(parsed.error);
			// Entering builds a whole view: it counts against the connection's actions per second.
			if (!(await limits.action(socket.id))) return tooFast();
			// In cluster mode a room that cannot be loaded just now (the database restarting) is entered again shortly.
			const loaded = await rooms.load(parsed.data.code).catch((err): typeof ELSEWHERE => {
				if (!rooms.clustered) throw err;
				log(`room ${parsed.data.code} could not be loaded`, err);
				return ELSEWHERE;
			});
			if (loaded === ELSEWHERE) {
				// Counted as an entry, as an unknown code is: that a room is moving must not make codes cheaper to try.
				const busy = await entryRefusal();
				return busy ?? moved();
			}
			const room = loaded;
			// What is already queued in the room (a timer that ran out, a seat being freed) is seen on entry.
			if (room) await rooms.settled(room);
			const actor = room ? rooms.authenticate(room, parsed.data) : null;
			// A valid seat or facilitator token always gets in; everyone else passes the entry limits.
			const trusted = actor !== null && !('ok' in actor) && actor.kind !== 'guest';
			if (!trusted) {
				const busy = await entryRefusal();
				if (busy) return busy;
			}
			if (!room || !actor) return wrongGuess(refuse('unknown_room', `There is no game with the code ${parsed.data.code}. Check the code on the projector.`, { code: parsed.data.code }));
			if ('ok' in actor) return wrongGuess(actor);
			// Each entry to a seat turns its other tabs into watchers: a loop of them is refused.
			const seatLimit = limits.settings.seatEntriesPerMinute;
			if (actor.kind === 'seat' && !(await limits.enterSeat(`${room.code}:${actor.seat}`)))
				return refuse('rate_limited', `This seat has been opened more than ${seatLimit} times in the last minute (is it open in two tabs?). Close the other tab, wait a minute, then reload.`);
			const previous = socket.data.room;
			if (previous && previous !== room.code) {
				socket.leave(previous);
				presence(previous);
			}
			socket.data = { room: room.code, actor };
			socket.join(room.code);
			// One browser per seat: the newest wins, and any other is told why it now only watches.
			if (actor.kind === 'seat')
				unseat(room.code, actor.seat, 'seat_opened_elsewhere', 'Your seat was opened in another tab or on another device; this one now only watches. Reload here to play from this one.', socket.id);
			presence(room.code);
			// A player coming back to a seat a scripted role kept for them takes it back at once.
			if (actor.kind === 'seat' && room.state.seats.find((s) => s.id === actor.seat)?.bot) {
				const back = await rooms.submit(room, actor, { type: 'takeBackSeat' });
				if (back.ok) changed(room);
			}
			bots.nudge(room);
			// The answer carries the whole view; updates from here on are patches to it.
			const view = viewPartsFor(room, actor, scenario);
			socket.data.sent = view;
			return { ok: true, view: assemble(view), serverTime: clock.now() };
		});

		handle(socket, 'action', log, async (raw) => {
			if (!(await limits.action(socket.id))) return tooFast();
			// The client's id for the action travels beside it, so a retried action applies once.
			const { actionId, action } = splitActionId(raw);
			const id = ActionId.optional().safeParse(actionId);
			if (!id.success) return badPayload(id.error);
			const parsed = Action.safeParse(action);
			if (!parsed.success) return badPayload(parsed.error);
			const code = socket.data.room;
			const room = code ? rooms.get(code) : undefined;
			// A room this server just let go to another: the browser is about to reconnect there, and sends it again.
			if (!room) return code && rooms.hasMoved(code) ? moved() : refuse('not_in_room', 'Join a game with its code first.');
			if (parsed.data.type === 'handToBot' && socket.data.actor.kind === 'facilitator') {
				const early = handOverRefusal(room.code, parsed.data.seat);
				if (early) return early;
			}
			const result = await rooms.submit(room, socket.data.actor, parsed.data, id.data);
			if (!result.ok) return result;
			if (result.duplicate) {
				if (parsed.data.type !== 'takeSeat') return { ok: true, seq: result.seq };
				// A retried seat-taking whose token still holds the seat: this browser is the one that sat
				// down (rooms.ts refuses any other case); it gets the seat and a fresh token.
				socket.data.actor = { kind: 'seat', seat: parsed.data.seat };
				unseat(room.code, parsed.data.seat, 'seat_opened_elsewhere', 'Your seat was opened in another tab or on another device; this one now only watches.', socket.id);
				return { ok: true, seq: result.seq, seatToken: result.seatToken };
			}
			// The type and who acted, never the payload: names, arguments and ballots stay out of logs.
			const actor = socket.data.actor;
			// Nor, for a secret ballot or a poll answer, the seat or the action's place in the log: lined
			// up with the sealed vote's anonymous ballots or the poll's counts, either would name who it was.
			const unnamed = parsed.data.type === 'answerPoll' || (parsed.data.type === 'castVote' && room.state.config.ballot.ballots === 'secret');
			logger.debug(
				unnamed
					? { room: room.code, action: parsed.data.type }
					: { room: room.code, seq: result.seq, action: parsed.data.type, actor: actor.kind, seat: actor.kind === 'seat' ? actor.seat : undefined },
				'action'
			);
			if (parsed.data.type === 'start' || parsed.data.type === 'end') logger.info({ room: room.code, action: parsed.data.type }, 'game ' + (parsed.data.type === 'start' ? 'started' : 'ended'));
			if (parsed.data.type === 'takeSeat') {
				socket.data.actor = { kind: 'seat', seat: parsed.data.seat };
				presence(room.code);
			}
			if (parsed.data.type === 'releaseSeat')
				unseat(room.code, parsed.data.seat, 'seat_released', 'The facilitator has freed your seat. You are watching now; you can take a free seat.');
			const update = changed(room, socket);
			return { ok: true, seq: result.seq, seatToken: result.seatToken, ...(update ? { update } : {}) };
		});

		socket.on('disconnect', () => {
			limits.forgetConnection(socket.id);
			// Nothing thrown here may escape: it would end the process, and every class with it.
			try {
				if (socket.data.room) presence(socket.data.room);
			} catch (err) {
				log(`room ${socket.data.room}: presence after a disconnect failed`, err);
			}
		});
	});
}

function tooFast(): Refusal {
	return refuse('rate_limited', 'Too many actions at once: wait a second, then try again. Nothing of yours was lost.');
}

/** Takes the optional `actionId` off an action payload; anything that is not an object passes through. */
function splitActionId(raw: unknown): { actionId: unknown; action: unknown } {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('actionId' in raw)) return { actionId: undefined, action: raw };
	const { actionId, ...action } = raw as Record<string, unknown>;
	return { actionId, action };
}

function badPayload(error: import('zod').z.core.$ZodError): Refusal {
	return refuse('bad_payload', `The request was not understood: ${describeIssues(error)}.`);
}

/**
 * Registers a request handler that always answers: a missing acknowledgement callback, a thrown
 * error or a rejected promise becomes a refusal, never a crash.
 */
function handle(
	socket: GameSocket,
	event: keyof ClientToServerEvents,
	log: (msg: string, err?: unknown) => void,
	fn: (payload: unknown) => unknown
) {
	socket.on(event, async (...args: unknown[]) => {
		// A client that sends no payload puts its callback first; one that sends no callback gets no answer.
		const ack = args.findLast((a) => typeof a === 'function') as ((res: unknown) => void) | undefined;
		const payload = typeof args[0] === 'function' ? undefined : args[0];
		const reply = ack ?? (() => {});
		// Binary attachments are never part of the protocol; say so rather than list every field they lack.
		if (payload instanceof ArrayBuffer || ArrayBuffer.isView(payload))
			return reply(refuse('bad_payload', `Binary data is not accepted: send "${event}" a JSON object, as the game's own pages do.`));
		try {
			reply(await fn(payload));
		} catch (err) {
			log(`${event} failed`, err);
			reply(refuse('internal', 'The server could not do that just now; nothing was changed. Try again.'));
		}
	});
}
