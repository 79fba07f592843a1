/**
 * Links carry secrets in their fragment (#key=…, #seat=…), which never reaches a server log. Once
 * a page has read and stored one, it drops the fragment from the address bar, because a laptop's
 * screen is often on the projector.
 */
import { replaceState } from '$app/navigation';

/**
 * Drops the fragment if it holds `name`; call once mounted. On a page's first load SvelteKit's
 * router starts only after the page has mounted and refuses a replaceState before that, so the
 * change then waits for the next task.
 */
export function hideFragment(name: 'key' | 'seat') {
	if (!new URLSearchParams(location.hash.slice(1)).has(name)) return;
	const clean = () => replaceState(location.pathname + location.search, {});
	try {
		clean();
	} catch {
		setTimeout(() => {
			try {
				clean();
			} catch {
				// The router is still not ready: the fragment stays visible, nothing else is affected.
			}
		}, 0);
	}
}
