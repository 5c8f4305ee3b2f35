import { EventSource } from 'eventsource';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLessons } from '../support/content-records';
import { startTestServer, TEST_ADMIN, type TestServer } from '../support/pocketbase';
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
		// Firefox asks for no brotli over plain http; the content routes give brotli to others.
		['a custom route', '/api/clyde/catalog', 'gzip, deflate'],
		['the record API', '/api/collections/lessons/records?perPage=50', CHROMIUM],
		['a built-in route', '/api/health', CHROMIUM]
	])(
		'%s: gzip to a browser, decoding to the plain answer; plain to a client without gzip',
		async (_, path, accepted) => {
			const gzip = await rawRequest(url, path, { headers: { 'Accept-Encoding': accepted } });
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

	describe('the content routes: brotli, compressed once (pb_hooks/lib/content-answer.js)', () => {
		const picture = 'a'.repeat(64);
		const routes = [
			['the catalog', '/api/clyde/catalog'],
			['lessons', '/api/clyde/lessons?ids=gzip-l1,gzip-l2,gzip-l3'],
			['pictures', `/api/clyde/media?hashes=${picture}`]
		] as const;
		beforeAll(async () => {
			const svg = `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(40)}</svg>`;
			// Over 512 bytes, as real lessons are: smaller answers are not worth brotli.
			const lesson = await admin.collection('lessons').getFirstListItem('content_id="gzip-l1"');
			await admin.collection('lessons').update(lesson.id, { html: '<p>Words.</p>'.repeat(60) });
			const pathway = await admin.collection('pathways').getFirstListItem('content_id="gzip-p"');
			await admin.collection('media').create({
				...{ hash: picture, pathway: pathway.id, type: 'svg', data: svg },
				...{ bytes: svg.length, published: true, seq: 1 }
			});
		});

		it.each(routes)('%s: brotli to a browser, decoding to the plain answer', async (_, path) => {
			const plain = await rawRequest(url, path);
			// Twice: compressed on the first request, sent from what was kept on the second.
			for (let i = 0; i < 2; i++) {
				const br = await rawRequest(url, path, { headers: { 'Accept-Encoding': CHROMIUM } });
				expect(br.status).toBe(200);
				expect(br.headers['content-encoding']).toBe('br');
				expect(br.headers['content-type']).toBe('application/json; charset=UTF-8');
				expect(varyNames(br.headers)).toContain('accept-encoding');
				expect(br.headers['content-security-policy']).toContain("default-src 'none'");
				expect(decoded(br).equals(plain.body)).toBe(true);
			}
		});

		it.each(routes)('%s: gzip to a client that takes gzip alone', async (_, path) => {
			const plain = await rawRequest(url, path);
			const gzip = await rawRequest(url, path, { headers: { 'Accept-Encoding': 'gzip' } });
			expect(gzip.headers['content-encoding']).toBe('gzip');
			expect(decoded(gzip).equals(plain.body)).toBe(true);
		});

		it('a changed answer is never sent from an earlier one kept', async () => {
			const path = routes[1][1];
			const ask = () => rawRequest(url, path, { headers: { 'Accept-Encoding': CHROMIUM } });
			const before = JSON.parse(decoded(await ask()).toString()) as {
				lessons: { title: string }[];
			};
			const lesson = await admin.collection('lessons').getFirstListItem('content_id="gzip-l2"');
			await admin.collection('lessons').update(lesson.id, { title: 'Lesson 2, renamed' });
			const after = await ask();
			expect(after.headers['content-encoding']).toBe('br');
			const titles = (JSON.parse(decoded(after).toString()) as typeof before).lessons.map(
				(l) => l.title
			);
			expect(before.lessons.map((l) => l.title)).toContain('Lesson 2');
			expect(titles).toContain('Lesson 2, renamed');
			expect(decoded(after).equals((await rawRequest(url, path)).body)).toBe(true);
		});

		describe('on a server with no Node to compress with', () => {
			let server: TestServer;
			beforeAll(async () => {
				server = await startTestServer(undefined, { env: { CLYDE_NODE: '/nonexistent/node' } });
				const other = new PocketBase(server.url);
				await other.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
				await createLessons(other, 'gzip', 3, { published: true });
			});
			afterAll(() => server.destroy());

			it('every content answer is gzip, decoding to the plain answer', async () => {
				for (let i = 0; i < 2; i++) {
					const path = routes[1][1];
					const plain = await rawRequest(server.url, path);
					const answer = await rawRequest(server.url, path, {
						headers: { 'Accept-Encoding': CHROMIUM }
					});
					expect(answer.status).toBe(200);
					expect(answer.headers['content-encoding']).toBe('gzip');
					expect(varyNames(answer.headers)).toContain('accept-encoding');
					expect(decoded(answer).equals(plain.body)).toBe(true);
				}
			});
		});

		it('a small answer (the catalog unchanged) is gzip, not worth brotli', async () => {
			const answer = await rawRequest(url, '/api/clyde/catalog?since=999999', {
				headers: { 'Accept-Encoding': CHROMIUM }
			});
			expect(answer.headers['content-encoding']).not.toBe('br');
			expect(JSON.parse(decoded(answer).toString())).toMatchObject({ unchanged: true });
		});
	});

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
