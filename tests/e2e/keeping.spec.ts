/**
 * What a class leaves behind: the console says how long the server keeps it and deletes it at
 * once on the teacher's word, after reminding them to download the debrief; a student still in
 * the room is told, and the room code no longer opens anything.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

test('a teacher deletes a class from the console, and its students are told', async ({ browser }) => {
	const host = await (await browser.newContext()).newPage();
	await host.goto('/');
	await host.getByRole('button', { name: 'Create game' }).click();
	await expect(host).toHaveURL(/\/console\/[A-Z2-9]{10}$/);
	const run = await host.getByRole('link', { name: 'Run table 1' }).getAttribute('href');
	const code = /\/facilitate\/([A-Z2-9]{6})/.exec(run!)![1];

	const student = await (await browser.newContext()).newPage();
	await student.goto(`/?code=${code}`);
	await expect(student.getByLabel('Room code')).toHaveValue(code);
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student).toHaveURL(new RegExp(`/play/${code}$`));
	await student.getByLabel('Your display name').fill('Tamar');
	await student.getByRole('button', { name: /^Take the seat of Ron Dermer/ }).click();
	await expect(student.getByRole('heading', { level: 1, name: 'Ron Dermer' })).toBeVisible();

	const keeping = host.getByRole('region', { name: 'When the lesson is over' });
	await expect(keeping).toContainText('for 30 days after its last move');
	await expect(keeping).toContainText('Download what you want to keep first');
	await keeping.getByRole('button', { name: 'Delete this class now' }).click();
	await expect(keeping.getByRole('group', { name: /for good\?$/ })).toBeVisible();
	const { violations } = await new AxeBuilder({ page: host }).include('section.keeping').analyze();
	expect(violations.map((v) => v.id)).toEqual([]);
	await screenshots(host, 'console-delete-class');
	await keeping.getByRole('button', { name: 'Yes, delete everything' }).click();

	await expect(host.getByRole('heading', { name: /^Class [A-Z2-9]{10} deleted$/ })).toBeVisible();
	await expect(student.getByRole('alert')).toContainText('deleted by its facilitator');
	// Nothing of the room stays on the student's page: not the brief, not the seat.
	await expect(student.getByRole('heading', { name: 'Ron Dermer' })).toHaveCount(0);
	await expect(student.getByText('Your private brief')).toHaveCount(0);
	await screenshots(student, 'play-room-deleted');

	const late = await (await browser.newContext()).newPage();
	await late.goto(`/?code=${code}`);
	await expect(late.getByLabel('Room code')).toHaveValue(code);
	await late.getByRole('button', { name: 'Join' }).click();
	await expect(late.getByText(`There is no game with the code ${code}`)).toBeVisible();
});
