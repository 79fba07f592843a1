/**
 * Refusals and notices in the page's language, their words fetched the first time one is shown:
 * most visits never see one, and the words of every refusal in both languages would otherwise
 * weigh on every page's first load.
 */
import type { ErrorCode, RefusalParams } from '$lib/protocol/errors';
import type { NoticeCode } from '$lib/protocol/events';

export async function wordRefusal(refusal: { code: ErrorCode; params?: RefusalParams }): Promise<string> {
	return (await import('./refusals')).refusalText(refusal);
}

export async function wordNotice(notice: { code: NoticeCode }): Promise<string> {
	return (await import('./refusals')).noticeText(notice);
}
