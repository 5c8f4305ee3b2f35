/**
 * Calls one of the server's routes as whoever `token` belongs to ("" for anonymous) and
 * answers with the status and the body, raw and parsed, whatever the status.
 */
export async function callRoute(
	base: string,
	token: string,
	method: string,
	path: string,
	body?: unknown
) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (token) headers.authorization = token;
	const response = await fetch(`${base}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	return { status: response.status, text, body: text ? JSON.parse(text) : null };
}
