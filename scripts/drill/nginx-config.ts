/** One organisation behind the proxy: its host name and its PocketBase. */
export interface Site {
	host: string;
	upstream: string;
}

export interface ProxyOptions {
	/** nginx's prefix dir: its pid, logs and temp files, none of the system's. */
	prefix: string;
	port: number;
	sites: Site[];
	/** Run as root (the drill as root): nginx then needs a user for its workers. */
	asRoot: boolean;
}

/**
 * nginx's config for organisations routed by host name, as docs/scaling.md describes it:
 * each host name to its own PocketBase with the Host and the client's address passed on, the
 * realtime stream unbuffered (or a tutor's live dashboard waits for nginx's buffer), a body
 * limit above the push route's 1 MB, and any other host name refused (421), so no request can
 * reach an organisation by a name that is not its own.
 */
export function nginxConfig({ prefix, port, sites, asRoot }: ProxyOptions): string {
	const proxy = (upstream: string) => [
		`proxy_pass ${upstream};`,
		'proxy_http_version 1.1;',
		'proxy_set_header Host $host;',
		'proxy_set_header X-Forwarded-For $remote_addr;',
		'proxy_set_header X-Forwarded-Proto $scheme;'
	];
	const server = ({ host, upstream }: Site) => [
		'server {',
		`  listen 127.0.0.1:${port};`,
		`  server_name ${host};`,
		'  location /api/realtime {',
		...proxy(upstream).map((line) => `    ${line}`),
		"    proxy_set_header Connection '';",
		'    proxy_buffering off;',
		'    proxy_cache off;',
		'    proxy_read_timeout 1h;',
		'  }',
		'  location / {',
		...proxy(upstream).map((line) => `    ${line}`),
		'  }',
		'}'
	];
	return [
		...(asRoot ? ['user root root;'] : []),
		'worker_processes 1;',
		`pid ${prefix}/nginx.pid;`,
		`error_log ${prefix}/error.log warn;`,
		'events { worker_connections 256; }',
		'http {',
		`  access_log ${prefix}/access.log;`,
		...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
			(kind) => `  ${kind}_temp_path ${prefix}/${kind}_temp;`
		),
		'  client_max_body_size 2m;',
		'  server {',
		`    listen 127.0.0.1:${port} default_server;`,
		'    return 421;',
		'  }',
		...sites.flatMap(server).map((line) => `  ${line}`),
		'}',
		''
	].join('\n');
}
