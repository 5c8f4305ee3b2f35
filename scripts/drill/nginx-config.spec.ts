import { describe, expect, it } from 'vitest';
import { nginxConfig } from './nginx-config';

const options = {
	prefix: '/tmp/drill',
	port: 8080,
	sites: [
		{ host: 'org-a.test', upstream: 'http://127.0.0.1:9001' },
		{ host: 'org-b.test', upstream: 'http://127.0.0.1:9002' }
	],
	asRoot: false
};

/** The lines of the server block that names `host`. */
function serverOf(config: string, host: string): string {
	const start = config.indexOf(`server_name ${host};`);
	return config.slice(start, config.indexOf('\n  }\n', start));
}

describe('nginxConfig', () => {
	it('sends each host name to its own server, with its Host, and refuses any other name', () => {
		const config = nginxConfig(options);
		expect(serverOf(config, 'org-a.test')).toContain('proxy_pass http://127.0.0.1:9001;');
		expect(serverOf(config, 'org-a.test')).not.toContain('9002');
		expect(serverOf(config, 'org-b.test')).toContain('proxy_pass http://127.0.0.1:9002;');
		expect(serverOf(config, 'org-b.test')).toContain('proxy_set_header Host $host;');
		expect(config).toMatch(/listen 127\.0\.0\.1:8080 default_server;\s+return 421;/);
	});

	it('passes the realtime stream unbuffered', () => {
		const realtime = serverOf(nginxConfig(options), 'org-a.test').split('location / {')[0];
		expect(realtime).toContain('location /api/realtime {');
		expect(realtime).toContain('proxy_buffering off;');
	});

	it("keeps its pid, logs and temp files in its own prefix, not the system's", () => {
		const config = nginxConfig(options);
		for (const path of config.match(/(?:pid|_log|_path) (\S+?);/g) ?? []) {
			expect(path).toContain('/tmp/drill/');
		}
		expect(config).toContain('pid /tmp/drill/nginx.pid;');
		expect(config).not.toContain('user ');
		expect(nginxConfig({ ...options, asRoot: true })).toMatch(/^user root root;/);
	});
});
