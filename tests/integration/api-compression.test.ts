import { EventSource } from 'eventsource';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createLessons } from '../support/content-records';
import { decoded, rawRequest, varyNames } from '../support/raw-request';

const url = inject('pbUrl');
const CHROMIUM = 'gzip, deflate, br, zstd';

describe('API answers compressed (pb_hooks/lib/api-compression.js)', () => {
	let admin: PocketBase;
	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		await createLessons(admin, 'gzip', 3, { published: true });
	});

	it.each([
		['a custom route', '/api/clyde/catalog'],
		['the record API', '/api/collections/lessons/records?perPage=50'],
		['a built-in route', '/api/health']
	])(
		'%s: gzip to a browser, decoding to the plain answer; plain to a client without gzip',
		async (_, path) => {
			const gzip = await rawRequest(url, path, { headers: { 'Accept-Encoding': CHROMIUM } });
			const plain = await rawRequest(url, path);
			expect(gzip.status).toBe(200);
			expect(gzip.headers['content-encoding']).toBe('gzip');
			expect(varyNames(gzip.headers)).toContain('accept-encoding');
			// Decoded once, it is the same JSON: nothing encoded twice.
			expect(JSON.parse(decoded(gzip).toString())).toEqual(JSON.parse(plain.body.toString()));
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(varyNames(plain.headers)).toContain('accept-encoding');
			// The security headers stay on compressed answers.
			expect(gzip.headers['content-security-policy']).toContain("default-src 'none'");
		}
	);

	it('refusing gzip (q=0) gets the plain answer, whatever the header mentions', async () => {
		const answer = await rawRequest(url, '/api/health', {
			headers: { 'Accept-Encoding': 'gzip;q=0' }
		});
		expect(answer.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(answer.body.toString())).toMatchObject({ code: 200 });
	});

	it('errors are compressed too, and stay readable', async () => {
		const answer = await rawRequest(url, '/api/clyde/lessons', {
			headers: { 'Accept-Encoding': 'gzip' }
		});
		expect(answer.status).toBe(400);
		expect(JSON.parse(decoded(answer).toString()).message).toContain('lesson ids');
	});

	it('realtime stays an uncompressed, flushed stream: a subscriber sees a record created', async () => {
		const codings: (string | null)[] = [];
		const source = new EventSource(`${url}/api/realtime`, {
			// Asks as a browser does, and notes how the stream came back before it is read.
			fetch: async (input, init) => {
				const headers = { ...init.headers, 'Accept-Encoding': CHROMIUM };
				const response = await fetch(input, { ...init, headers });
				codings.push(response.headers.get('content-encoding'));
				return response;
			}
		});
		try {
			// Each event must arrive as it is sent: a compressing writer would hold it back.
			const { clientId } = JSON.parse(await nextEvent(source, 'PB_CONNECT')) as {
				clientId: string;
			};
			const subscribe = await fetch(`${url}/api/realtime`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Authorization: admin.authStore.token },
				body: JSON.stringify({ clientId, subscriptions: ['pathways/*'] })
			});
			expect(subscribe.status).toBe(204);

			const created = nextEvent(source, 'pathways/*');
			await createLessons(admin, 'realtime', 1);
			expect(JSON.parse(await created)).toMatchObject({
				action: 'create',
				record: { content_id: 'realtime-p' }
			});
			expect(codings).toEqual([null]);
		} finally {
			source.close();
		}
	});
});

function nextEvent(source: EventSource, name: string): Promise<string> {
	return new Promise((done, fail) => {
		const timer = setTimeout(() => fail(new Error(`no "${name}" event within 10 s`)), 10_000);
		source.addEventListener(
			name,
			(event) => {
				clearTimeout(timer);
				done(event.data);
			},
			{ once: true }
		);
	});
}
