import { error } from '@sveltejs/kit';
import { findPassage } from '$lib/sources/passage';
import type { PageLoad } from './$types';

// The source articles as the game ships them (seeds/), bundled at build time: the page works with
// no connection beyond the game's own server, and without JavaScript.
const articles = import.meta.glob<string>('/seeds/*.txt', { query: '?raw', import: 'default' });

export const load: PageLoad = async ({ params, url }) => {
	const read = articles[`/seeds/${params.seed}`];
	if (!read) error(404, `There is no source article named ${params.seed}.`);
	const text = await read();
	const passage = url.searchParams.get('passage');
	return { seed: params.seed, text, passage, found: passage ? findPassage(text, passage) : null };
};
