/**
 * Checks each translation of a scenario against its English: a translation holds every text the
 * English has, under the same ids and in lists of the same length, and nothing else (a misspelt
 * id gets a "did you mean"). It keeps what must not change in translation: the markers that say
 * what each run of sentences rests on, a scripted role's placeholders, and any words an article is
 * quoted with (kept in English, the rendering beside them), so that a translation can never
 * present its own words as a source's. And it is written in its language's own script.
 */
import { closestName } from './closest';
import { renderPath, type ScenarioError } from './errors';
import { textsOf } from './texts';
import { translationLanguages, type Scenario, type TranslationLanguage } from './schema';

/** Letters a text in the language must contain. */
const script: Record<TranslationLanguage, RegExp> = { he: /[\u05D0-\u05EA]/ };

const markersOf = (text: string) => (text.match(/\[[a-z0-9]+(?:-[a-z0-9]+)*(?:,\s*[a-z0-9]+(?:-[a-z0-9]+)*)*\]/g) ?? []).map((m) => m.replace(/\s+/g, ''));
const placeholdersOf = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
/** Words in quotation marks: an article's, which a translation keeps as they are. */
const quotedIn = (text: string) => [...text.matchAll(/[“"]([^”"]{3,})[”"]/g)].map((m) => m[1]);

type Key = string | number;

export function checkTranslations(scenario: Scenario, file: string): ScenarioError[] {
	const english = textsOf(scenario);
	const errors: ScenarioError[] = [];
	for (const language of translationLanguages) {
		const translation = scenario.translations[language];
		if (!translation) continue;
		const at = (path: Key[]) => renderPath(['translations', language, ...path]);
		const report = (path: Key[], message: string, hint: string): void => {
			errors.push({ file, path: at(path), message, hint });
		};

		const compare = (en: unknown, tr: unknown, path: Key[]): void => {
			if (typeof en === 'string') {
				if (typeof tr !== 'string') return report(path, `the ${language} text is missing`, `translate it: "${en.slice(0, 60)}${en.length > 60 ? '…' : ''}"`);
				return compareText(en, tr, path);
			}
			if (Array.isArray(en)) {
				if (!Array.isArray(tr) || tr.length !== en.length) {
					return report(path, `the list must have ${en.length} entries, one for each in the English`, 'keep the English order and translate each entry');
				}
				return en.forEach((item, i) => compare(item, tr[i], [...path, i]));
			}
			if (en && typeof en === 'object') {
				if (!tr || typeof tr !== 'object') return report(path, `the ${language} texts are missing`, 'translate every text under this key');
				const keys = Object.keys(en);
				for (const key of keys) compare((en as Record<string, unknown>)[key], (tr as Record<string, unknown>)[key], [...path, key]);
				for (const key of Object.keys(tr)) {
					if (key in en) continue;
					const near = closestName(key, keys);
					report([...path, key], `"${key}" is not in the English scenario`, near ? `did you mean "${near}"?` : 'remove it, or add it to the English first');
				}
			}
		};

		const compareText = (en: string, tr: string, path: Key[]) => {
			const [enMarks, trMarks] = [markersOf(en), markersOf(tr)];
			if (enMarks.join(' ') !== trMarks.join(' ')) {
				report(path, `the markers differ from the English (${enMarks.join(' ') || 'none'})`, 'keep every marker as it is, after the same sentences');
			}
			if (placeholdersOf(en).join(' ') !== placeholdersOf(tr).join(' ')) {
				report(path, `the placeholders differ from the English (${placeholdersOf(en).join(' ') || 'none'})`, 'keep {aim} and {who} exactly as in the English line');
			}
			// A card's translation renders the quote itself; everywhere else quoted words stay the source's.
			if (path.at(-1) !== 'translation') {
				for (const words of quotedIn(en)) {
					if (!tr.includes(words)) report(path, `the article's words "${words}" are not kept`, 'keep the quoted English words in quotation marks, and give their rendering beside them');
				}
			}
			if (/[A-Za-z]/.test(en.replace(/\[[^\]]*\]|\{\w+\}/g, '')) && !script[language].test(tr)) {
				report(path, `the text is not in ${language}`, 'translate it; only names and quoted words may stay in English');
			}
		};

		compare(english, translation, []);
	}
	return errors;
}
