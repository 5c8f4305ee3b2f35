import { describe, expect, it } from 'vitest';
import { Autosave, NoAnswer, type AutosaveDeps, type AutosaveStatus } from './autosave';
import type { DraftConflict, DraftSaveResult } from './draft-save';

/** A server that keeps one draft with versions, as pb_hooks/lib/drafts.js does. */
function rig(options: { offline?: boolean } = {}) {
	const server = {
		text: 'start',
		version: 1,
		offline: options.offline ?? false,
		/** A save waits for this, when set: the test decides when it is answered. */
		gate: undefined as Promise<void> | undefined
	};
	const device = new Map<string, { text: string; base: number }>();
	const timers: (() => void)[] = [];
	const statuses: AutosaveStatus[] = [];
	const sent: [string, number][] = [];
	let conflict: DraftConflict | undefined;
	const deps: AutosaveDeps = {
		async send(text, base): Promise<DraftSaveResult> {
			sent.push([text, base]);
			await server.gate;
			if (server.offline) throw new NoAnswer('offline');
			if (base !== server.version && text !== server.text) {
				return {
					ok: false,
					conflict: {
						message: 'Someone else saved',
						file: 'f',
						yours: { text, baseVersion: base },
						theirs: { text: server.text, version: server.version, authorName: 'Bob', updated: '' }
					}
				};
			}
			if (text !== server.text) Object.assign(server, { text, version: server.version + 1 });
			return { ok: true, version: server.version };
		},
		async keep(text, base) {
			device.set('f', { text, base });
		},
		async forget(text) {
			if (device.get('f')?.text === text) device.delete('f');
		},
		setTimer(run) {
			timers.push(run);
			return timers.length;
		},
		clearTimer(handle) {
			timers[(handle as number) - 1] = () => undefined;
		},
		onStatus(status, c) {
			statuses.push(status);
			conflict = c ?? conflict;
		}
	};
	const autosave = new Autosave(deps, server.text, server.version);
	const fireTimers = async () => {
		for (const run of timers.splice(0)) run();
		await autosave.flush();
	};
	return { server, device, statuses, sent, autosave, fireTimers, conflict: () => conflict };
}

describe('Autosave', () => {
	it('keeps every edit on the device at once and sends the last after a pause', async () => {
		const r = rig();
		await r.autosave.edit('start a');
		await r.autosave.edit('start ab');
		expect(r.device.get('f')).toEqual({ text: 'start ab', base: 1 });
		expect(r.sent).toEqual([]);
		await r.fireTimers();
		expect(r.sent).toEqual([['start ab', 1]]);
		expect(r.server).toMatchObject({ text: 'start ab', version: 2 });
		expect(r.device.has('f')).toBe(false);
		expect(r.statuses.at(-1)).toBe('saved');
		expect(r.autosave.baseVersion).toBe(2);
	});

	it('offline: the text stays on the device and goes with the next flush', async () => {
		const r = rig({ offline: true });
		await r.autosave.edit('written offline');
		await r.autosave.flush();
		expect(r.statuses.at(-1)).toBe('offline');
		expect(r.device.get('f')?.text).toBe('written offline');
		r.server.offline = false;
		await r.autosave.flush();
		expect(r.server.text).toBe('written offline');
		expect(r.device.has('f')).toBe(false);
	});

	it('a conflict stops sending, keeps typing on the device, and resolve saves on their version', async () => {
		const r = rig();
		Object.assign(r.server, { text: "Bob's", version: 2 });
		await r.autosave.edit("Ann's");
		await r.autosave.flush();
		expect(r.statuses.at(-1)).toBe('conflict');
		expect(r.conflict()?.theirs).toMatchObject({ text: "Bob's", version: 2 });
		await r.autosave.edit("Ann's, more");
		await r.autosave.flush();
		expect(r.sent).toHaveLength(1);
		expect(r.device.get('f')?.text).toBe("Ann's, more");
		expect(r.server.text).toBe("Bob's");
		await r.autosave.resolve("Bob's\nAnn's, more", 2);
		expect(r.server).toMatchObject({ text: "Bob's\nAnn's, more", version: 3 });
		expect(r.statuses.at(-1)).toBe('saved');
	});

	it('an edit made while a save is on its way is sent after it', async () => {
		const r = rig();
		let answer: () => void = () => undefined;
		r.server.gate = new Promise((resolve) => (answer = resolve));
		await r.autosave.edit('one');
		const first = r.autosave.flush();
		await expect.poll(() => r.sent.length).toBe(1);
		await r.autosave.edit('one two');
		answer();
		await first;
		await r.autosave.flush();
		expect(r.sent.map(([t]) => t)).toEqual(['one', 'one two']);
		expect(r.server).toMatchObject({ text: 'one two', version: 3 });
	});
});
