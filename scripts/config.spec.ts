import { describe, expect, it } from 'vitest';
import { readStartConfig } from './config';

describe('readStartConfig', () => {
	it('defaults to a local-only server on 8090 with demo accounts', () => {
		const config = readStartConfig({});
		expect(config.host).toBe('127.0.0.1');
		expect(config.port).toBe(8090);
		expect(config.demo).toBe(true);
		expect(config.dataDir).toMatch(/pb_data$/);
	});

	it('reads HOST, PORT, the data dir and CLYDE_DEMO', () => {
		const config = readStartConfig({
			HOST: '0.0.0.0',
			PORT: '9000',
			CLYDE_DATA_DIR: '/srv/clyde',
			CLYDE_DEMO: '0'
		});
		expect(config).toMatchObject({
			host: '0.0.0.0',
			port: 9000,
			dataDir: '/srv/clyde',
			demo: false
		});
	});

	it.each(['0', '70000', 'eighty', '80.5'])('rejects PORT=%s with a message naming it', (port) => {
		expect(() => readStartConfig({ PORT: port })).toThrow(`PORT must be a whole number`);
	});

	it('needs both admin settings or neither', () => {
		expect(() => readStartConfig({ ADMIN_EMAIL: 'a@example.org' })).toThrow(/both/);
		expect(() =>
			readStartConfig({ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'short' })
		).toThrow(/at least 10/);
	});
});
