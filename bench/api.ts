/** A PocketBase API call with fetch; throws with the server's message on anything but 2xx. */
export async function api<T>(
	url: string,
	path: string,
	options: { method?: string; token?: string; body?: unknown } = {}
): Promise<T> {
	const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
	const response = await fetch(`${url}${path}`, {
		method,
		headers: {
			...(options.token ? { Authorization: options.token } : {}),
			...(options.body === undefined ? {} : { 'Content-Type': 'application/json' })
		},
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const answer = (await response.json().catch(() => ({}))) as T & {
		message?: string;
		data?: unknown;
	};
	if (!response.ok) {
		throw new Error(
			`${method} ${path}: ${response.status} ${answer.message ?? ''} ${JSON.stringify(answer.data ?? {})}`
		);
	}
	return answer;
}
