import { request } from 'node:http';

export interface HostAnswer<T> {
	status: number;
	body: T;
}

/**
 * A JSON call to the proxy at `proxyUrl` for host name `host`, as a phone that resolved that
 * name would make it. Node's fetch sets Host from the URL, so this uses node:http.
 */
export function viaHost<T = Record<string, unknown>>(
	proxyUrl: string,
	host: string,
	path: string,
	options: { method?: string; token?: string; body?: unknown } = {}
): Promise<HostAnswer<T>> {
	const body = options.body === undefined ? undefined : JSON.stringify(options.body);
	return new Promise((resolve, reject) => {
		const call = request(
			`${proxyUrl}${path}`,
			{
				method: options.method ?? (body === undefined ? 'GET' : 'POST'),
				headers: {
					Host: host,
					...(options.token ? { Authorization: options.token } : {}),
					...(body === undefined ? {} : { 'Content-Type': 'application/json' })
				}
			},
			(response) => {
				let text = '';
				response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
				response.on('end', () => {
					let parsed: unknown = text;
					try {
						parsed = JSON.parse(text);
					} catch {
						// Not JSON (nginx's own error page): kept as text.
					}
					resolve({ status: response.statusCode ?? 0, body: parsed as T });
				});
			}
		);
		call.on('error', reject);
		call.end(body);
	});
}

/**
 * The first message of the realtime stream through the proxy for `host`, or '' if none came
 * within `ms`: a buffering proxy would hold it back.
 */
export function firstRealtimeMessage(proxyUrl: string, host: string, ms = 5_000): Promise<string> {
	return new Promise((resolve, reject) => {
		const call = request(`${proxyUrl}/api/realtime`, { headers: { Host: host } }, (response) => {
			const timer = setTimeout(() => {
				call.destroy();
				resolve('');
			}, ms);
			response.setEncoding('utf8').once('data', (chunk: string) => {
				clearTimeout(timer);
				call.destroy();
				resolve(chunk);
			});
		});
		call.on('error', (error) =>
			(error as { code?: string }).code === 'ECONNRESET' ? undefined : reject(error)
		);
		call.end();
	});
}
