import { readdir, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const url = inject('pbUrl');
const HOOKS = resolve(import.meta.dirname, '../../pb_hooks');

/** Every routerAdd(…) call in pb_hooks/*.pb.js: its method, path and whole text. */
async function customRoutes() {
	const routes: { file: string; method: string; path: string; text: string }[] = [];
	for (const file of (await readdir(HOOKS)).filter((f) => f.endsWith('.pb.js'))) {
		const source = await readFile(resolve(HOOKS, file), 'utf8');
		// Each call runs to the next routerAdd or the end of the file.
		for (const text of source.split(/(?=routerAdd\()/).slice(1)) {
			const m = text.match(/^routerAdd\(\s*'(\w+)',\s*'([^']+)'/);
			if (m) routes.push({ file, method: m[1] ?? '', path: m[2] ?? '', text });
		}
	}
	return routes;
}

describe('request size limits', () => {
	let admin: PocketBase;
	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
	});

	it('oversized bodies: every custom route that takes a body declares $apis.bodyLimit', async () => {
		const routes = await customRoutes();
		expect(routes.length).toBeGreaterThan(0);
		const withBody = routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
		const missing = withBody.filter((r) => !r.text.includes('$apis.bodyLimit('));
		expect(missing.map((r) => `${r.file}: ${r.method} ${r.path}`)).toEqual([]);
	});

	it('oversized bodies: a sign-in body over 16 KiB is refused with 413 before it is read', async () => {
		const response = await fetch(`${url}/api/collections/users/auth-with-password`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ identity: 'x@example.org', password: 'p'.repeat(20_000) })
		});
		expect(response.status).toBe(413);
	});

	it('oversized bodies: a GET carrying a body over 64 KiB is refused with 413', async () => {
		// fetch() will not send a GET with a body; an attacker's client will.
		const status = await new Promise<number | undefined>((done, fail) => {
			const body = JSON.stringify({ padding: 'x'.repeat(100_000) });
			const request = httpRequest(`${url}/api/clyde/sync/pull`, {
				method: 'GET',
				headers: { 'Content-Type': 'application/json', 'Content-Length': body.length }
			});
			request.on('response', (response) => {
				response.resume();
				done(response.statusCode);
			});
			request.on('error', fail);
			request.end(body);
		});
		expect(status).toBe(413);
	});

	it('oversized records: every text field has a max, every json and file field a max size', async () => {
		const unbounded: string[] = [];
		for (const collection of await admin.collections.getFullList()) {
			for (const field of collection.schema) {
				const o = field.options as { max?: number; maxSize?: number };
				if (['text', 'editor'].includes(field.type) && !o.max)
					unbounded.push(`${collection.name}.${field.name}`);
				if (['json', 'file'].includes(field.type) && !o.maxSize)
					unbounded.push(`${collection.name}.${field.name}`);
			}
		}
		expect(unbounded).toEqual([]);
	});

	it('script in uploads: an account picture may not be an SVG', async () => {
		const users = await admin.collections.getOne('users');
		const avatar = users.schema.find((f) => f.name === 'avatar');
		expect(avatar?.options.mimeTypes).not.toContain('image/svg+xml');
		const email = `svg-${Math.random().toString(36).slice(2)}@example.org`;
		const form = new FormData();
		form.set('email', email);
		form.set('password', 'svg-upload-password');
		form.set('passwordConfirm', 'svg-upload-password');
		form.set(
			'avatar',
			new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], {
				type: 'image/svg+xml'
			}),
			'a.svg'
		);
		const response = await fetch(`${url}/api/collections/users/records`, {
			method: 'POST',
			body: form
		});
		expect(response.status).toBe(400);
	});
});
