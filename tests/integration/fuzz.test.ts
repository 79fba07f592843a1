/**
 * Fuzzing the game's socket endpoint with thousands of generated bad requests, against a room in
 * the middle of a vote (a facilitator and three seated players):
 *
 * - every client event, and unknown ones, with payloads of every JSON type: deep nesting, long
 *   arrays, strings with control characters, bidi overrides and lone surrogates, NaN, ±Infinity,
 *   -0 and 1e308, `__proto__` and `constructor` keys, binary attachments;
 * - plausible actions with extra fields, wrong discriminators, missing fields, and valid ones from
 *   the wrong actor or at the wrong moment — a request the room would accept is never sent;
 * - requests without an acknowledgement callback, with two, with the callback first;
 * - messages over the size limit;
 * - raw Engine.IO / Socket.IO frames over a plain WebSocket, and garbage over HTTP long-polling.
 *
 * Each request with a callback must be answered `{ ok: false, code, message }` with the code the
 * server's own rules give (worked out here from the schemas and the engine), or the connection
 * dropped where the transport's limits say so. Throughout, nothing is stored, nothing is
 * broadcast, no handler fails, and at the end the table plays on as if nothing had happened.
 */
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES } from '../../server/app';
import { createLogger } from '../../server/log';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { apply } from '../../src/lib/game/engine';
import type { Actor } from '../../src/lib/game/types';
import type { FacilitatorView } from '../../src/lib/game/view';
import { Action } from '../../src/lib/protocol/actions';
import { errorCodes, type ErrorCode } from '../../src/lib/protocol/errors';
import { ActionId, AskJoinAddresses, CreateGame, EnterClass, EnterRoom, ReissueSeat } from '../../src/lib/protocol/events';
import { moveArbs, stepTypes, tableOf, type Table as ArbTable } from '../helpers/arbitraries';
import { closeAll, connect, req, viewWhere, type TestClient } from '../helpers/clients';
import { shippedScenario, startServer, type RunningServer } from '../helpers/server';
import { ramDatabase, removeDatabase, untimed } from '../helpers/table';

const CLIENT_EVENTS = ['createGame', 'enterClass', 'reissueSeat', 'enterRoom', 'joinAddresses', 'action'] as const;
type ClientEvent = (typeof CLIENT_EVENTS)[number];
const SEATED = ['dermer', 'idf-chief', 'mossad-director'] as const;

let running: RunningServer;
let port: number;
let code: string;
let classId: string;
let facilitatorToken: string;
const seatTokens: Record<string, string> = {};
/** Entries the server logged at warn level or above (a handler that threw logs an error). */
const serverLog: { level: number; msg: string }[] = [];

/** The facilitator's screen and two players that never send anything hostile: they watch for broadcasts. */
let host: TestClient;
let players: Record<string, TestClient>;

/** The connections the fuzz is sent from, with who the server takes each to be. */
interface Sender {
	label: string;
	socket: TestClient;
	/** null: connected but not in any room. */
	actor: Actor | null;
}
let senders: Sender[];

/** How many inputs each part sent, reported at the end. */
const sent: Record<string, number> = {};
const count = (part: string, n = 1) => void (sent[part] = (sent[part] ?? 0) + n);
/** How often each refusal code was predicted and received. */
const refusals: Record<string, number> = {};

const known = new Set<string>(errorCodes);
const roomNow = () => running.server.rooms.get(code)!;

function storedLog() {
	const store = openSqliteStore(running.database);
	try {
		return store.log(code);
	} finally {
		store.close();
	}
}

// ---------------------------------------------------------------------------------------------
// What the server must answer: the same checks, in the same order, as socket-handlers.ts

const SKIP = 'skip' as const;
type Prediction = ErrorCode | typeof SKIP;

/** Takes `actionId` off a plain object, as the server does before parsing the action. */
function splitActionId(raw: unknown): { actionId: unknown; action: unknown } {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('actionId' in raw)) return { actionId: undefined, action: raw };
	const { actionId, ...action } = raw as Record<string, unknown>;
	return { actionId, action };
}

/**
 * The refusal code a request must get, or SKIP for one the server could accept (a valid action
 * for this actor at this moment, a valid new game, a valid entry): those are never sent, so the
 * room only ever sees requests it must refuse.
 */
function predict(actor: Actor | null, event: string, payload: unknown): Prediction {
	const room = roomNow();
	switch (event as ClientEvent) {
		case 'createGame':
			return CreateGame.safeParse(payload).success ? SKIP : 'bad_payload';
		case 'enterClass': {
			const parsed = EnterClass.safeParse(payload);
			if (!parsed.success) return 'bad_payload';
			if (parsed.data.classId !== classId) return 'unknown_room';
			return parsed.data.facilitatorToken === facilitatorToken ? SKIP : 'bad_token';
		}
		case 'enterRoom': {
			const parsed = EnterRoom.safeParse(payload);
			if (!parsed.success) return 'bad_payload';
			if (parsed.data.code !== code) return 'unknown_room';
			if (parsed.data.facilitatorToken) return parsed.data.facilitatorToken === facilitatorToken ? SKIP : 'bad_token';
			if (parsed.data.seatToken) return Object.values(seatTokens).includes(parsed.data.seatToken) ? SKIP : 'bad_token';
			return SKIP;
		}
		case 'joinAddresses':
			return AskJoinAddresses.safeParse(payload).success ? SKIP : 'bad_payload';
		case 'reissueSeat': {
			const parsed = ReissueSeat.safeParse(payload);
			if (!parsed.success) return 'bad_payload';
			if (!actor) return 'not_in_room';
			if (actor.kind !== 'facilitator') return 'not_facilitator';
			const seat = room.state.seats.find((s) => s.id === parsed.data.seat);
			if (!seat) return 'unknown_seat';
			return seat.player === null ? 'seat_empty' : SKIP;
		}
		case 'action': {
			const { actionId, action } = splitActionId(payload);
			const id = ActionId.optional().safeParse(actionId);
			if (!id.success) return 'bad_payload';
			const parsed = Action.safeParse(action);
			if (!parsed.success) return 'bad_payload';
			if (!actor) return 'not_in_room';
			// An id the room has seen is answered as a retry: not a refusal.
			if (id.data !== undefined && room.actionIds.has(id.data)) return SKIP;
			// The test clock never moves, so no seat has been away for the grace period.
			if (parsed.data.type === 'handToBot' && actor.kind === 'facilitator') return 'still_connected';
			const outcome = apply(room.state, parsed.data, actor, { now: running.clock.now(), scenario });
			return outcome.ok ? SKIP : outcome.code;
		}
	}
	return SKIP;
}

/**
 * What the server receives for a value the client emits: JSON on the wire, binary parts as Buffers.
 * A packet with binary parts is copied key by key by socket.io-client before it is sent, and
 * assigning to a "__proto__" key sets the copy's prototype instead: in such a packet that key
 * never reaches the wire.
 */
function onTheWire(value: unknown, binaryPacket = hasBinary(value)): unknown {
	if (value instanceof ArrayBuffer) return Buffer.from(value.slice(0));
	if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
	if (Array.isArray(value)) return value.map((v) => (v === undefined || typeof v === 'function' ? null : onTheWire(v, binaryPacket)));
	if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.filter(([k, v]) => v !== undefined && typeof v !== 'function' && !(binaryPacket && k === '__proto__'))
				.map(([k, v]) => [k, onTheWire(v, binaryPacket)])
		);
	return value === undefined ? null : value;
}

/** Whether a value holds binary data anywhere, as socket.io-client's check for attachments sees it. */
function hasBinary(value: unknown): boolean {
	if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return true;
	if (Array.isArray(value)) return value.some(hasBinary);
	if (value && typeof value === 'object') return Object.values(value).some(hasBinary);
	return false;
}

/** The size of the text frame socket.io-client sends for an event (binary parts travel in frames of their own). */
const frameBytes = (event: string, payload: unknown) => Buffer.byteLength(`42999${JSON.stringify([event, payload])}`);

// ---------------------------------------------------------------------------------------------
// Generators

/** Characters that break naive handling: controls, bidi overrides, zero-width and lone surrogates, quotes, emoji. */
const NASTY = [
	'\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200d', '\u200e', '\u202a', '\u202e', '\u2066',
	'\u2069', '\u2028', '\u2029', '\ufeff', '\ufffd', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff', '\n', '\r', '\t', '"',
	'\\', '/', '<', '>', '&', "'", '`', '${', '%s', '%n', 'é', 'ﷺ', '👩‍💻', '🇮🇱', '𝕏', ' '
];
const WORDS = [
	'', ' ', 'yes', 'no', 'abstain', 'for', 'against', 'castVote', 'takeSeat', 'expireTimer', 'dermer', 'idf-chief',
	'white-house-adviser-1', 'scope', 'scope.iran-only', '__proto__', 'constructor', 'prototype', 'toString', 'NaN', 'null',
	'undefined', 'true', '[object Object]', '0', '-1', 'ABCDEF', 'ZZZZZZ', 'A'.repeat(32), 'x'.repeat(1001), 'a'.repeat(65)
];
const KEYS = [
	'__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', 'toJSON',
	'type', 'actionId', 'seat', 'actor', 'kind', 'seq', 'choice', 'reason', 'card', 'variant', 'stance', 'text', 'name', 'code',
	'seatToken', 'facilitatorToken', 'classId', 'lastSeq', 'tables', 'seatCounts', 'timers', 'solo', 'bots', 'votingRule',
	'answer', 'order', 'post', 'seconds', ''
];

const nastyString = fc.oneof(
	fc.string({ maxLength: 30 }),
	fc.string({ unit: 'binary', maxLength: 30 }),
	fc.string({ unit: fc.constantFrom(...NASTY), maxLength: 60 }),
	fc.constantFrom(...WORDS)
);
const nastyNumber = fc.oneof(
	fc.double(),
	fc.integer(),
	fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 2 ** 31, 9, 10, 12, 13, 1800, 1801, 3600, 3601, 1e21)
);
const key = fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 3 }, { arbitrary: nastyString, weight: 1 });
/** Builds an object with any keys as own properties (`{ __proto__: … }` in a literal would set the prototype instead). */
const objectOf = (entries: [string, unknown][]) => Object.fromEntries(entries);

const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		fc.constant(null),
		fc.constant(undefined),
		fc.boolean(),
		nastyNumber,
		nastyString,
		fc.array(tie('value'), { maxLength: 5 }),
		fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map(objectOf)
	)
}));

/** Objects and arrays nested hundreds deep, alone or where a field is expected. */
const deep = fc.tuple(fc.integer({ min: 50, max: 1500 }), fc.boolean(), anyValue).map(([depth, arrays, leaf]) => {
	let v: unknown = leaf;
	for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
	return v;
});
/** Long arrays (kept under the size limit here; the limit has a test of its own). */
const longArray = fc.tuple(fc.integer({ min: 200, max: 2500 }), fc.constantFrom<unknown>(0, 'yes', null, {}, [], 'dermer')).map(([n, item]) => Array(n).fill(item));

let plausible: fc.Arbitrary<unknown>;
let payloadArb: fc.Arbitrary<unknown>;
let scenario: Awaited<ReturnType<typeof shippedScenario>>;

/** Actions as the game would take them (real seats, cards, variants), then often spoiled. */
function plausibleActions(table: ArbTable): fc.Arbitrary<unknown> {
	const base = fc.constantFrom(...stepTypes).chain((type) => moveArbs[type](table).map((move) => move.action as Record<string, unknown>));
	const wrongType = fc.constantFrom(
		'CastVote', 'castvote', 'castVote ', ' start', 'start\u0000', 'expireTimer', 'launchMissiles', '', '__proto__', 'constructor', 'toString'
	);
	const actionId = fc.oneof(
		fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
		fc.constantFrom<unknown>('', 'short', 'x'.repeat(65), 12345678, null, {}, [], '../../etc/passwd', 'a b c d e f', '\u202e12345678', true)
	);
	return fc.oneof(
		// Valid as written: refused for the actor or the moment (or never sent, if the room would take it).
		{ arbitrary: base, weight: 4 },
		// An extra field, or a field overwritten with anything.
		{ arbitrary: fc.tuple(base, key, anyValue).map(([a, k, v]) => objectOf([...Object.entries(a), [k, v]])), weight: 3 },
		// A wrong discriminator, or none.
		{ arbitrary: fc.tuple(base, wrongType).map(([a, type]) => ({ ...a, type })), weight: 2 },
		{ arbitrary: base.map(({ type: _type, ...rest }) => rest), weight: 1 },
		// A field dropped.
		{ arbitrary: base.map((a) => objectOf(Object.entries(a).slice(0, -1))), weight: 1 },
		// An action id beside it, well-formed or not.
		{ arbitrary: fc.tuple(base, actionId).map(([a, id]) => ({ ...a, actionId: id })), weight: 2 },
		// An actor smuggled in.
		{ arbitrary: fc.tuple(base, fc.constantFrom<unknown>({ kind: 'facilitator' }, { kind: 'system' }, { kind: 'seat', seat: 'dermer' })).map(([a, actor]) => ({ ...a, actor })), weight: 1 }
	);
}

/** Payloads for the entry events: mostly well-formed with wrong values, or nearly well-formed. */
function entryPayloads(): fc.Arbitrary<unknown> {
	const validToken = fc.stringMatching(/^[A-Za-z0-9_-]{32}$/);
	const token = fc.oneof(fc.constantFrom('A'.repeat(32), 'x', ''), validToken, nastyString);
	const roomCode = fc.oneof(
		fc.constant(code),
		fc.constant(code.toLowerCase()),
		fc.constant(` ${code} `),
		fc.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/),
		nastyString
	);
	return fc.oneof(
		// Well-formed, wrong: a code no room has, a token that is not this room's.
		fc.record({ code: fc.oneof(fc.constant(code), fc.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/)), seatToken: validToken, lastSeq: fc.nat() }, { requiredKeys: ['code'] }),
		fc.record({ code: fc.constant(code), facilitatorToken: validToken }),
		fc.record({ classId: fc.oneof(fc.constant(classId), fc.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/)), facilitatorToken: validToken }),
		// Nearly well-formed, or not at all.
		fc.record({ code: roomCode, seatToken: token, facilitatorToken: token, lastSeq: fc.oneof(fc.nat(), nastyNumber) }, { requiredKeys: [] }),
		fc.record({ classId: fc.oneof(fc.constant(classId), fc.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/), nastyString), facilitatorToken: token }, { requiredKeys: [] }),
		fc.record({ seat: fc.oneof(fc.constantFrom(...SEATED, 'white-house-adviser-1', 'no-such-seat', ''), nastyString) }, { requiredKeys: [] }),
		fc.record(
			{
				tables: nastyNumber,
				votingRule: fc.oneof(fc.constantFrom('majority', 'plurality', 'dual-key'), nastyString),
				seatCounts: fc.oneof(fc.constant(objectOf([['__proto__', { 'white-house-adviser': 1000 }]])), fc.dictionary(key, nastyNumber, { maxKeys: 3 })),
				timers: fc.oneof(fc.constant(objectOf([['__proto__', { vote: 1 }]])), fc.dictionary(key, nastyNumber, { maxKeys: 3 })),
				solo: anyValue,
				bots: anyValue
			},
			{ requiredKeys: [] }
		)
	);
}

// ---------------------------------------------------------------------------------------------
// Sending

type Mode = 'ack' | 'noAck' | 'twoCallbacks' | 'callbackFirst' | 'extraArgs';
const modeArb = fc.constantFrom<Mode>('ack', 'ack', 'ack', 'ack', 'noAck', 'twoCallbacks', 'callbackFirst', 'extraArgs');

/** Emits with the given shape of arguments; resolves with the acknowledgement, or null for none expected. */
function emitAs(socket: Socket, event: string, payload: unknown, mode: Mode, timeout = 5000): Promise<unknown> {
	if (mode === 'noAck') {
		socket.emit(event, payload);
		return Promise.resolve(null);
	}
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no answer to ${event} within ${timeout} ms`)), timeout);
		const answer = (res: unknown) => {
			clearTimeout(timer);
			resolve(res);
		};
		const never = () => reject(new Error('the callback before the last one was called'));
		if (mode === 'ack') socket.emit(event, payload, answer);
		else if (mode === 'callbackFirst') socket.emit(event, answer);
		else if (mode === 'twoCallbacks') socket.emit(event, payload, never, answer);
		else socket.emit(event, payload, 'extra', 42, { more: true }, answer);
	});
}

/** A request every sender can make at any time, refused the same way: proves the connection still answers, in order. */
async function ping(socket: Socket) {
	expect(await req(socket, 'enterClass', {})).toMatchObject({ ok: false, code: 'bad_payload' });
}

function expectRefusal(res: unknown, expected: ErrorCode, what: string) {
	const r = res as { ok?: unknown; code?: unknown; message?: unknown };
	expect(r, what).toMatchObject({ ok: false, code: expected });
	refusals[expected] = (refusals[expected] ?? 0) + 1;
	expect(known.has(r.code as string), what).toBe(true);
	expect(typeof r.message === 'string' && r.message.length > 0, what).toBe(true);
}

/** Checks one generated request against the prediction; returns false (not sent) for one the room could accept. */
async function sendAndCheck(sender: Sender, event: string, payload: unknown, mode: Mode): Promise<boolean> {
	const wire = mode === 'callbackFirst' ? undefined : onTheWire(payload);
	const expected = predict(sender.actor, event, wire);
	if (expected === SKIP) return false;
	const what = `${sender.label} ${event} ${mode} ${JSON.stringify(payload)?.slice(0, 300)}`;
	const res = await emitAs(sender.socket, event, payload, mode);
	if (mode === 'noAck') await ping(sender.socket);
	else expectRefusal(res, expected, what);
	expect(sender.socket.connected, what).toBe(true);
	return true;
}

// ---------------------------------------------------------------------------------------------
// Raw Engine.IO / Socket.IO over a plain WebSocket

class RawSocket {
	readonly frames: (string | Buffer)[] = [];
	closed: number | null = null;
	private waiters: (() => void)[] = [];

	private constructor(readonly ws: WebSocket) {
		ws.on('message', (data: Buffer, isBinary: boolean) => {
			this.frames.push(isBinary ? data : data.toString());
			this.wake();
		});
		ws.on('close', (closeCode) => {
			this.closed = closeCode;
			this.wake();
		});
		ws.on('error', () => {});
	}

	private wake() {
		for (const w of this.waiters.splice(0)) w();
	}

	/** Opens a connection and completes the Engine.IO handshake and the connect to the main namespace. */
	static async open(headers: Record<string, string> = {}): Promise<RawSocket> {
		const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, { headers });
		const raw = new RawSocket(ws);
		await new Promise<void>((resolve, reject) => {
			ws.once('open', () => resolve());
			ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)));
			ws.once('error', reject);
		});
		const open = await raw.next((f) => typeof f === 'string' && f.startsWith('0{'));
		expect(JSON.parse((open as string).slice(1))).toMatchObject({ sid: expect.any(String), maxPayload: MAX_MESSAGE_BYTES });
		ws.send('40');
		await raw.next((f) => typeof f === 'string' && f.startsWith('40{'));
		return raw;
	}

	/** The first frame (already received or still to come) matching, or null once closed or after the timeout. */
	async next(test: (f: string | Buffer) => boolean, timeout = 2000, from = 0): Promise<string | Buffer | null> {
		const deadline = Date.now() + timeout;
		for (;;) {
			const found = this.frames.slice(from).find(test);
			if (found !== undefined) return found;
			if (this.closed !== null || Date.now() >= deadline) return null;
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, deadline - Date.now());
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
	}

	async waitClosed(timeout = 2000): Promise<boolean> {
		await this.next(() => false, timeout);
		return this.closed !== null;
	}

	send(frame: string | Buffer) {
		if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
	}

	private probes = 0;
	/** Sends a request that must be refused as bad_payload: answered, or the connection closed first, or neither in time. */
	async probe(timeout = 2000): Promise<'answered' | 'closed' | 'silent'> {
		const id = 900_000 + this.probes++;
		this.send(`42${id}["enterClass",{}]`);
		const answer = await this.next((f) => typeof f === 'string' && f.startsWith(`43${id}[`), timeout);
		if (answer) {
			expect(JSON.parse((answer as string).slice(`43${id}`.length))).toEqual([expect.objectContaining({ ok: false, code: 'bad_payload' })]);
			return 'answered';
		}
		return this.closed !== null ? 'closed' : 'silent';
	}

	close() {
		this.ws.terminate();
	}
}

/** Every acknowledgement frame a raw connection received must carry a refusal with a known code. */
function checkAnswers(raw: RawSocket) {
	let answers = 0;
	for (const frame of raw.frames) {
		if (typeof frame !== 'string') continue;
		const match = /^43(\d+)(\[.*)$/s.exec(frame);
		if (!match) continue;
		const [res] = JSON.parse(match[2]);
		expect(res, frame.slice(0, 200)).toMatchObject({ ok: false, code: expect.any(String), message: expect.any(String) });
		expect(known.has(res.code), frame.slice(0, 200)).toBe(true);
		answers++;
	}
	return answers;
}

function http(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const r = httpRequest({ host: '127.0.0.1', port, method, path, headers: { connection: 'close', ...headers } }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (text += d));
			res.on('end', () => resolve({ status: res.statusCode!, body: text }));
			res.on('error', reject);
		});
		// The server may answer (413) and close before the whole body is written.
		r.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? resolve({ status: 0, body: '' }) : reject(err)));
		if (body !== undefined) r.end(body);
		else r.end();
	});
}

/** Opens a long-polling session and connects it to the main namespace; returns its sid. */
async function pollingSession(): Promise<string> {
	const open = await http('GET', '/socket.io/?EIO=4&transport=polling');
	expect(open.status).toBe(200);
	const sid = JSON.parse(open.body.slice(1)).sid as string;
	expect(await http('POST', `/socket.io/?EIO=4&transport=polling&sid=${sid}`, '40', { 'content-type': 'text/plain' })).toMatchObject({ status: 200, body: 'ok' });
	const connected = await http('GET', `/socket.io/?EIO=4&transport=polling&sid=${sid}`);
	expect(connected.body).toMatch(/^40\{"sid"/);
	return sid;
}

// ---------------------------------------------------------------------------------------------

let database: string;
let baseline: { seq: number; hostViews: number; playerViews: number[] };

beforeAll(async () => {
	scenario = await shippedScenario();
	const sink = new Writable({
		write(chunk, _encoding, done) {
			for (const line of chunk.toString().split('\n').filter(Boolean)) {
				const entry = JSON.parse(line);
				serverLog.push({ level: entry.level, msg: entry.msg });
			}
			done();
		}
	});
	database = ramDatabase();
	running = await startServer(database, { logger: createLogger('warn', sink) });
	port = Number(new URL(running.url).port);

	host = await connect(running.url);
	const created = await req(host, 'createGame', { timers: untimed });
	({ code, classId, facilitatorToken } = created);
	expect(await req(host, 'enterRoom', { code, facilitatorToken })).toMatchObject({ ok: true });
	players = {};
	for (const seat of SEATED) {
		const player = await connect(running.url);
		await req(player, 'enterRoom', { code });
		const taken = await req(player, 'action', { type: 'takeSeat', seat, name: `Player ${seat}` });
		expect(taken).toMatchObject({ ok: true });
		seatTokens[seat] = taken.seatToken;
		players[seat] = player;
	}
	for (const type of ['start', 'advance', 'advance', 'openVote'] as const) expect(await req(host, 'action', { type })).toMatchObject({ ok: true });
	expect(await req(players.dermer, 'action', { type: 'castVote', choice: 'yes' })).toMatchObject({ ok: true });
	await viewWhere(host, (v) => v.seq === 8);

	const outsider = await connect(running.url);
	const guest = await connect(running.url);
	expect(await req(guest, 'enterRoom', { code })).toMatchObject({ ok: true, view: { as: 'spectator' } });
	const coHost = await connect(running.url);
	expect(await req(coHost, 'enterRoom', { code, facilitatorToken })).toMatchObject({ ok: true, view: { as: 'facilitator' } });
	senders = [
		{ label: 'outsider', socket: outsider, actor: null },
		{ label: 'guest', socket: guest, actor: { kind: 'guest' } },
		{ label: 'facilitator', socket: coHost, actor: { kind: 'facilitator' } },
		// The Mossad director's own connection: a seat, fuzzing; Dermer and the IDF chief stay well-behaved.
		{ label: 'seat', socket: players['mossad-director'], actor: { kind: 'seat', seat: 'mossad-director' } }
	];

	const table = tableOf(scenario, roomNow().state.config);
	plausible = plausibleActions(table);
	payloadArb = fc.oneof(
		{ arbitrary: anyValue, weight: 4 },
		{ arbitrary: plausible, weight: 4 },
		{ arbitrary: entryPayloads(), weight: 3 },
		{ arbitrary: deep, weight: 1 },
		{ arbitrary: longArray, weight: 1 }
	);
	baseline = {
		seq: storedLog().length,
		hostViews: host.views.length,
		playerViews: [players.dermer.views.length, players['idf-chief'].views.length]
	};
	expect(baseline.seq).toBe(8);
});

afterAll(async () => {
	closeAll();
	await running?.server.close();
	if (database) removeDatabase(database);
	console.log(`fuzz inputs sent: ${JSON.stringify(sent)}; total ${Object.values(sent).reduce((a, b) => a + b, 0)}`);
	console.log(`refusals checked by code: ${JSON.stringify(refusals)}`);
});

/** Nothing stored, nothing broadcast to the well-behaved clients, no handler failed. */
function expectUntouched() {
	expect(storedLog().length).toBe(baseline.seq);
	expect(roomNow().state.seq).toBe(baseline.seq);
	expect(host.views.length).toBe(baseline.hostViews);
	expect([players.dermer.views.length, players['idf-chief'].views.length]).toEqual(baseline.playerViews);
	expect(serverLog.filter((e) => e.level >= 50)).toEqual([]);
}

describe('fuzzing the socket events', () => {
	it('refuses generated payloads for every event, each with the reason the rules give, from every kind of sender', async () => {
		const senderArb = fc.integer({ min: 0, max: 3 });
		const eventArb = fc.oneof({ arbitrary: fc.constant<ClientEvent>('action'), weight: 3 }, { arbitrary: fc.constantFrom(...CLIENT_EVENTS), weight: 3 });
		// Any payload for any event, or one shaped for its event and wrong in its values.
		const request = fc.oneof(
			{ arbitrary: fc.tuple(eventArb, payloadArb), weight: 3 },
			{ arbitrary: fc.tuple(fc.constantFrom<ClientEvent>('enterRoom', 'enterClass', 'reissueSeat', 'createGame'), entryPayloads()), weight: 1 }
		);
		let skipped = 0;
		await fc.assert(
			fc.asyncProperty(senderArb, request, modeArb, async (s, [event, payload], mode) => {
				// Messages over the size limit close the connection: they have a test of their own.
				if (frameBytes(event, onTheWire(payload)) > MAX_MESSAGE_BYTES - 512) return;
				if (await sendAndCheck(senders[s], event, payload, mode)) count(`events:${mode}`);
				else skipped++;
			}),
			{ numRuns: 2000 }
		);
		expect(skipped).toBeLessThan(400);
		expectUntouched();
	});

	it('refuses plausible actions from each sender that may not take them now, with the engine’s own reason', async () => {
		const codes = new Map<string, number>();
		const check = async (sender: Sender, action: unknown) => {
			const expected = predict(sender.actor, 'action', onTheWire(action));
			if (expected === SKIP) return;
			const res = await req(sender.socket, 'action', action);
			expectRefusal(res, expected, `${sender.label} ${JSON.stringify(action)}`);
			codes.set(expected, (codes.get(expected) ?? 0) + 1);
			count('plausible actions');
		};
		// Every action type, well-formed, from every sender.
		const table = tableOf(scenario, roomNow().state.config);
		for (const type of stepTypes)
			for (const { action } of fc.sample(moveArbs[type](table), 4)) for (const sender of senders) await check(sender, action);
		// Then spoiled ones.
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: 3 }), plausible, async (s, action) => check(senders[s], action)),
			{ numRuns: 500 }
		);
		// The refusals span the families: schema, who is asking, the moment, the agenda, votes…
		for (const c of ['bad_payload', 'not_in_room', 'not_facilitator', 'vote_open', 'still_connected']) expect(codes.get(c) ?? 0, c).toBeGreaterThan(0);
		expect(codes.size).toBeGreaterThan(10);
		expectUntouched();
	});

	it('ignores unknown event names, whatever they are called, and answers the next request', async () => {
		// Reserved names socket.io-client will not even send; the server's parser refuses them too (see the raw frames).
		const reserved = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);
		const name = fc.oneof(
			fc.constantFrom('error', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'view', 'presence', 'notice', 'connection', 'ACTION', 'action ', 'Action', 'createGame\u0000', ''),
			fc.string({ unit: 'binary', maxLength: 20 })
		);
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: 3 }), name, anyValue, async (s, event, payload) => {
				fc.pre(!reserved.has(event) && !(CLIENT_EVENTS as readonly string[]).includes(event));
				const socket = senders[s].socket as unknown as Socket;
				let answered = false;
				socket.emit(event, payload, () => (answered = true));
				// Requests are handled in order: once the next one is answered, the unknown one never will be.
				await ping(socket);
				expect(answered, JSON.stringify(event)).toBe(false);
				expect(socket.connected).toBe(true);
				count('unknown events');
			}),
			{ numRuns: 300 }
		);
		expectUntouched();
	});

	it('refuses binary attachments, and drops a connection whose attachments break the packet format', async () => {
		const binary = fc.oneof(
			fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
			fc.uint8Array({ maxLength: 64 }),
			fc.uint8Array({ maxLength: 64 }).map((b) => b.buffer),
			fc.float32Array({ maxLength: 8 }),
			fc.constant(Buffer.from('{"type":"castVote","choice":"yes"}')),
			fc.constant(Buffer.alloc(0))
		);
		const shapes = fc.oneof(
			binary,
			fc.tuple(plausible, key, binary).map(([a, k, b]) => objectOf([...Object.entries(a as object), [k, b]])),
			fc.array(binary, { minLength: 1, maxLength: 14 }),
			fc.record({ code: binary, seatToken: binary }, { requiredKeys: ['code'] }),
			fc.record({ type: fc.constant('castVote'), choice: binary })
		);
		let dropped = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...CLIENT_EVENTS), shapes, fc.boolean(), fc.boolean(), async (event, payload, inRoom, fakePlaceholder) => {
				const attachments = Array.isArray(payload) ? payload.length : 1;
				// An object posing as a placeholder for an attachment that does not exist.
				const sentPayload = fakePlaceholder ? { lure: { _placeholder: true, num: 99 }, payload } : payload;
				const mustDrop = attachments > 10 || fakePlaceholder; // socket.io-parser's maxAttachments is 10
				const expected = predict(inRoom ? { kind: 'guest' } : null, event, onTheWire(sentPayload));
				// A binary part sent under a "__proto__" key never reaches the wire, and what is left may
				// be a request the server rightly accepts ({} creates a game): not this test's matter.
				fc.pre(mustDrop || expected !== SKIP);
				// A fresh connection each time: some of these are meant to be dropped.
				const socket = await connect(running.url);
				if (inRoom) await req(socket, 'enterRoom', { code });
				const disconnected = new Promise<'dropped'>((resolve) => socket.once('disconnect', () => resolve('dropped')));
				const answer = await Promise.race([emitAs(socket, event, sentPayload, 'ack'), disconnected]);
				if (mustDrop) {
					expect(answer).toBe('dropped');
					dropped++;
				} else expectRefusal(answer, expected as ErrorCode, `${event} binary ${inRoom}`);
				socket.disconnect();
				count('binary');
			}),
			{ numRuns: 250 }
		);
		expect(dropped).toBeGreaterThan(0);
		expectUntouched();
	});

	it('drops a connection whose message is over the size limit, and answers one just under it', async () => {
		const filler = fc.constantFrom('string', 'array', 'object', 'nested', 'binary');
		let drops = 0;
		let answers = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...CLIENT_EVENTS), filler, fc.integer({ min: 8 * 1024, max: 64 * 1024 }), async (event, kind, bytes) => {
				let payload: unknown;
				if (kind === 'string') payload = { type: 'postArgument', text: 'x'.repeat(bytes) };
				else if (kind === 'array') payload = { type: 'reorderClauses', order: Array(Math.floor(bytes / 2)).fill(0) };
				else if (kind === 'object') payload = Object.fromEntries(Array.from({ length: Math.floor(bytes / 12) }, (_, i) => [`k${i}`, i % 10]));
				else if (kind === 'nested') payload = { code: '\u202e'.repeat(Math.floor(bytes / 6)) };
				else payload = Buffer.alloc(bytes, 7);
				const size = kind === 'binary' ? bytes : frameBytes(event, payload);
				// Near the limit the frame's own few bytes decide: keep clear of it.
				fc.pre(Math.abs(size - MAX_MESSAGE_BYTES) > 64);
				const socket = await connect(running.url);
				const disconnected = new Promise<'dropped'>((resolve) => socket.once('disconnect', () => resolve('dropped')));
				const answer = await Promise.race([emitAs(socket, event, payload, 'ack'), disconnected]);
				if (size > MAX_MESSAGE_BYTES) {
					expect(answer, `${kind} ${size} bytes`).toBe('dropped');
					drops++;
				} else {
					expectRefusal(answer, predict(null, event, onTheWire(payload)) as ErrorCode, `${kind} ${size} bytes`);
					answers++;
				}
				socket.disconnect();
				count('oversized');
			}),
			{ numRuns: 80 }
		);
		expect(drops).toBeGreaterThan(10);
		expect(answers).toBeGreaterThan(5);
		expectUntouched();
	});
});

describe('raw Engine.IO and Socket.IO frames', () => {
	const placeholder = '451-9["action",{"_placeholder":true,"num":0}]';
	/** Frames with a known fate: the connection closed, kept (the next request answered, nothing else), or an exact answer. */
	const cases: { frames: (string | Buffer)[]; then: 'closes' | 'stays open' | RegExp }[] = [
		{ frames: ['4'], then: 'closes' },
		{ frames: ['42'], then: 'stays open' },
		{ frames: ['42['], then: 'closes' },
		{ frames: ['42["action"'], then: 'closes' },
		{ frames: ['42["action",{}]'], then: 'stays open' }, // no ack id: no answer
		{ frames: ['4299999999999999999["action"]'], then: /^43100000000000000000\[\{"ok":false,"code":"bad_payload"/ },
		{ frames: ['421["action",{"type":"castVote","choice":"yes"}]'], then: /^431\[\{"ok":false,"code":"not_in_room"/ },
		{ frames: ['422["createGame",{"__proto__":{"tables":12}}]'], then: /^432\[\{"ok":false,"code":"bad_payload"/ },
		{ frames: ['423["enterRoom",{"code":"ZZZZZZ","constructor":{"prototype":{"ok":true}}}]'], then: /^433\[\{"ok":false,"code":"bad_payload"/ },
		{ frames: [`424["action",${'['.repeat(6000)}${']'.repeat(6000)}]`], then: /^434\[\{"ok":false,"code":"bad_payload"/ },
		{ frames: [placeholder, Buffer.from('{"type":"start"}')], then: /^439\[\{"ok":false,"code":"bad_payload"/ },
		{ frames: ['43'], then: 'stays open' },
		{ frames: ['431[]'], then: 'stays open' },
		{ frames: ['45-'], then: 'closes' },
		{ frames: ['4-1["action"]'], then: 'closes' },
		{ frames: ['421.5["action"]'], then: 'closes' },
		{ frames: ['451-["x",{"_placeholder":true,"num":99}]', Buffer.from([1])], then: 'closes' },
		{ frames: [placeholder, 'text where the attachment should be'], then: 'closes' },
		{ frames: ['4511-["action",1,2,3,4,5,6,7,8,9,10,11]'], then: 'closes' }, // more attachments than allowed
		{ frames: ['x'.repeat(MAX_MESSAGE_BYTES + 1024)], then: 'closes' },
		{ frames: [Buffer.alloc(MAX_MESSAGE_BYTES + 1024, 1)], then: 'closes' },
		{ frames: [Buffer.from([4, 2, 0])], then: 'closes' }, // binary with no packet waiting for it
		{ frames: ['40/nope,'], then: /^44\/nope,\{"message":"Invalid namespace"\}/ },
		{ frames: ['42/nope,["action",{}]'], then: 'closes' }, // a namespace this connection never joined
		{ frames: ['42["error",{}]'], then: 'stays open' },
		{ frames: ['420["error"]'], then: 'stays open' },
		{ frames: ['425["__proto__"]', '426["constructor",{}]', '427["hasOwnProperty"]', '428["toString"]'], then: 'stays open' },
		{ frames: ['421[1,2,3]'], then: 'stays open' },
		{ frames: ['420["disconnect"]'], then: 'closes' },
		{ frames: ['420["newListener","action"]'], then: 'closes' },
		{ frames: ['9'], then: 'closes' },
		{ frames: [''], then: 'closes' },
		{ frames: ['2probe'], then: 'closes' },
		{ frames: ['3', '6', '5'], then: 'stays open' }
	];

	it('answers, ignores or closes on each malformed frame, and never on a fault of its own', async () => {
		for (const { frames, then } of cases) {
			const raw = await RawSocket.open();
			const from = raw.frames.length;
			for (const frame of frames) raw.send(frame);
			const label = frames.map((f) => (typeof f === 'string' ? f.slice(0, 60) : `<${f.length} bytes>`)).join(' + ');
			if (then === 'closes') expect(await raw.waitClosed(), label).toBe(true);
			else if (then === 'stays open') {
				expect(await raw.probe(), label).toBe('answered');
				// Nothing came back but the probe's answer (and perhaps a ping).
				expect(raw.frames.slice(from).filter((f) => typeof f !== 'string' || !(f.startsWith('439000') || f === '2')), label).toEqual([]);
			} else expect(await raw.next((f) => typeof f === 'string' && then.test(f), 2000, from), label).not.toBeNull();
			checkAnswers(raw);
			raw.close();
			count('raw frames', frames.length);
		}
		expectUntouched();
	});

	it('survives random frames, answering every request in them with a refusal', async () => {
		const prefixes = ['0', '1', '2', '3', '4', '5', '6', '40', '41', '42', '43', '44', '45', '46', '451-', '452-', '4/', '42/x,', '40/,', '4299'];
		type Frame = { text: string | Buffer; event?: string; payload?: unknown };
		const frameArb: fc.Arbitrary<Frame> = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 40 }).map((text) => ({ text })),
			fc.tuple(fc.constantFrom(...prefixes), fc.string({ maxLength: 30 })).map(([p, rest]) => ({ text: p + rest })),
			fc.tuple(fc.constantFrom(...prefixes), anyValue).map(([p, v]) => ({ text: p + (JSON.stringify(v) ?? '') })),
			fc
				.tuple(fc.nat({ max: 99_999 }), fc.oneof(fc.constantFrom(...CLIENT_EVENTS), nastyString), payloadArb)
				.map(([id, event, payload]) => ({ text: `42${id}${JSON.stringify([event, payload])}`, event, payload })),
			fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => ({ text: Buffer.from(b) }))
		);
		let raw = await RawSocket.open();
		const fates = { answered: 0, closed: 0, silent: 0 };
		let answers = 0;
		await fc.assert(
			fc.asyncProperty(frameArb, async (frame) => {
				if (typeof frame.text === 'string' && Buffer.byteLength(frame.text) > MAX_MESSAGE_BYTES - 512) return;
				if (frame.event !== undefined) {
					const text = frame.text as string;
					const parsed = JSON.parse(text.slice(text.indexOf('[')));
					fc.pre(predict(null, frame.event, parsed[1]) !== SKIP);
				}
				if (raw.closed !== null) {
					answers += checkAnswers(raw);
					raw = await RawSocket.open();
				}
				raw.send(frame.text);
				const fate = await raw.probe(500);
				fates[fate]++;
				if (fate === 'silent') {
					answers += checkAnswers(raw);
					raw.close();
					raw = await RawSocket.open();
				}
				count('raw frames');
			}),
			{ numRuns: 700 }
		);
		answers += checkAnswers(raw);
		raw.close();
		console.log(`raw frame fates: ${JSON.stringify(fates)}`);
		expect(fates.answered).toBeGreaterThan(100);
		expect(fates.closed).toBeGreaterThan(100);
		expect(answers).toBeGreaterThan(fates.answered);
		expectUntouched();
	});

	it('answers garbage over HTTP long-polling with a client error, for unknown and live sessions alike', async () => {
		const path = (sid: string) => `/socket.io/?EIO=4&transport=polling&sid=${encodeURIComponent(sid)}`;
		const body = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 200 }),
			fc.tuple(fc.constantFrom('4', '40', '42', '43', '45-', '451-', '1', '2', '6', '9'), anyValue).map(([p, v]) => p + (JSON.stringify(v) ?? '')),
			fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }).map((records) => records.join('\x1e')),
			fc.integer({ min: MAX_MESSAGE_BYTES + 1, max: 40_000 }).map((n) => 'x'.repeat(n))
		);
		const bogusSid = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', 'undefined', '__proto__', 'A'.repeat(20), '../..'));
		let sid = await pollingSession();
		const statuses = new Map<number, number>();
		await fc.assert(
			fc.asyncProperty(body, fc.boolean(), bogusSid, fc.constantFrom('text/plain', 'application/octet-stream', 'application/json', ''), async (text, live, bogus, type) => {
				const headers: Record<string, string> = type ? { 'content-type': type } : {};
				const res = await http('POST', live ? path(sid) : path(bogus), text, headers);
				statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
				const big = Buffer.byteLength(text) > MAX_MESSAGE_BYTES;
				if (!live) expect(res.status, `bogus sid ${JSON.stringify(bogus)}`).toBe(400);
				else if (big) expect([0, 400, 413], 'oversized body').toContain(res.status);
				else expect([200, 400]).toContain(res.status);
				// A live session that took garbage is closed by the server (a noop is then refused): start another.
				if (live && (await http('POST', path(sid), '6', { 'content-type': 'text/plain' })).status !== 200) sid = await pollingSession();
				count('http bodies');
			}),
			{ numRuns: 300 }
		);
		expect(statuses.get(400) ?? 0).toBeGreaterThan(50);
		expect(statuses.get(200) ?? 0).toBeGreaterThan(5);

		// Malformed handshakes and foreign pages.
		const handshakes: [string, string, Record<string, string>, number][] = [
			['GET', '/socket.io/?EIO=3&transport=polling', {}, 400],
			['GET', '/socket.io/?EIO=x&transport=polling', {}, 400],
			['GET', '/socket.io/?EIO=4&transport=carrier-pigeon', {}, 400],
			['GET', '/socket.io/', {}, 400],
			['GET', '/socket.io/?EIO=4&transport=polling&sid=nope', {}, 400],
			['GET', '/socket.io/?EIO=4&transport=websocket', {}, 400], // not an upgrade
			['PUT', '/socket.io/?EIO=4&transport=polling', {}, 400],
			['GET', '/socket.io/?EIO=4&transport=polling', { origin: 'http://evil.example' }, 403],
			['GET', '/socket.io/?EIO=4&transport=polling', { origin: 'null' }, 403],
			['GET', '/socket.io/?EIO=4&transport=polling', { origin: '\u0000not a url' }, 403],
			['GET', '/socket.io/?EIO=4&transport=polling', { origin: `http://127.0.0.1:${port}` }, 200]
		];
		for (const [method, url, headers, status] of handshakes) {
			const safe = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace(/[^\x20-\x7e]/g, '')]));
			expect((await http(method, url, undefined, safe)).status, `${method} ${url} ${JSON.stringify(headers)}`).toBe(status);
			count('http bodies');
		}
		// Engine.IO refuses a WebSocket upgrade with 400 whatever the reason.
		await expect(RawSocket.open({ origin: 'http://evil.example' })).rejects.toThrow(/handshake refused: 40[03]/);
		expectUntouched();
	});
});

describe('after the fuzz', () => {
	it('has stored and broadcast nothing, and the table plays on: a vote changes, everyone sees it', async () => {
		expectUntouched();
		// A newcomer can still get in.
		const fresh = await connect(running.url);
		expect(await req(fresh, 'enterRoom', { code })).toMatchObject({ ok: true, view: { as: 'spectator', seq: baseline.seq } });
		// The fuzzing seat and the well-behaved ones vote; the facilitator sees each ballot land.
		const before = roomNow().state.seq;
		expect(await req(players.dermer, 'action', { type: 'castVote', choice: 'no' })).toMatchObject({ ok: true, seq: before + 1 });
		expect(await req(players['idf-chief'], 'action', { type: 'castVote', choice: 'yes', reason: 'Still standing.' })).toMatchObject({ ok: true, seq: before + 2 });
		expect(await req(players['mossad-director'], 'action', { type: 'castVote', choice: 'abstain' })).toMatchObject({ ok: true, seq: before + 3 });
		const view = (await viewWhere(host, (v) => v.seq === before + 3)) as FacilitatorView;
		expect(view.votes[0]).toMatchObject({ status: 'open', counts: { yes: 1, no: 1, abstain: 1 } });
		expect(view.notVoted).toEqual([]);
		expect(await req(host, 'action', { type: 'closeVote' })).toMatchObject({ ok: true, seq: before + 4 });
		expect(storedLog().map((e) => e.seq)).toEqual(Array.from({ length: before + 4 }, (_, i) => i + 1));
		expect(serverLog.filter((e) => e.level >= 50)).toEqual([]);
	});
});
