/**
 * The facilitator's key: it arrives in the link's fragment (#key=…), which never reaches a server
 * log, and is kept in this browser so a reload or a link without it still works. Once read, the
 * fragment is dropped from the address bar, because a teacher's laptop is often on the projector.
 */
import { hideFragment } from '$lib/client/fragment';
import { saved } from '$lib/client/storage';

const classKey = (classId: string) => `class:${classId}`;
const classOfRoom = (code: string) => `pact-room:class-of:${code}`;

function fromFragment(): string | undefined {
	if (typeof location === 'undefined') return undefined;
	return new URLSearchParams(location.hash.slice(1)).get('key') ?? undefined;
}

/** The key for one table: from the link, else remembered. */
export function roomKey(code: string): string | undefined {
	const linked = fromFragment();
	if (linked) saved.set('facilitator', code, linked);
	return linked ?? saved.get('facilitator', code);
}

/** The key for a class console: from the link, else remembered. */
export function classKeyFor(classId: string): string | undefined {
	const linked = fromFragment();
	if (linked) saved.set('facilitator', classKey(classId), linked);
	return linked ?? saved.get('facilitator', classKey(classId));
}

/** Remembers a class's key and each of its tables', and which class each table belongs to. */
export function rememberClass(classId: string, codes: readonly string[], key: string) {
	saved.set('facilitator', classKey(classId), key);
	for (const code of codes) {
		saved.set('facilitator', code, key);
		try {
			localStorage.setItem(classOfRoom(code), classId);
		} catch {
			// Storage refused (private mode): the links still carry the key.
		}
	}
}

/** Forgets a deleted class's key and its tables': nothing of it is left in this browser either. */
export function forgetClass(classId: string, codes: readonly string[]) {
	saved.forget('facilitator', classKey(classId));
	for (const code of codes) {
		saved.forget('facilitator', code);
		try {
			localStorage.removeItem(classOfRoom(code));
		} catch {
			// Storage refused (private mode): nothing was kept.
		}
	}
}

export function classOf(code: string): string | undefined {
	try {
		return localStorage.getItem(classOfRoom(code)) ?? undefined;
	} catch {
		return undefined;
	}
}

/** Drops the key from the address bar (it stays in this browser's storage); call once mounted. */
export const hideKeyFromAddressBar = () => hideFragment('key');
