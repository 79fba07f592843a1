/**
 * An attachment that tells whether an element is in the viewport, as it enters or leaves it
 * (IntersectionObserver: no polling), and that it is gone when it is removed.
 */
import type { Attachment } from 'svelte/attachments';

export function inView(report: (visible: boolean) => void): Attachment<HTMLElement> {
	return (element) => {
		const observer = new IntersectionObserver((entries) => {
			for (const entry of entries) report(entry.isIntersecting);
		});
		observer.observe(element);
		return () => {
			observer.disconnect();
			report(false);
		};
	};
}
