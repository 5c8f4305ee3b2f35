/// <reference path="../pb_data/types.d.ts" />
/* global onBeforeApiError */

// When the disk is full, SQLite refuses the write ("database or disk is full") and rolls the
// transaction back, but PocketBase 0.22 answers a generic 400 ("Something went wrong…",
// "Failed to create record."), which reads as the client's own mistake. Answer 507 Insufficient
// Storage instead, saying that nothing was stored: the app keeps its outbox and retries any 5xx
// with backoff, and an operator sees the cause in the status code.
onBeforeApiError((e) => {
	const cause = e.error && typeof e.error.rawData === 'function' ? String(e.error.rawData()) : '';
	if (!/database or disk is full|no space left on device/i.test(cause)) return;
	e.httpContext.response().header().set('Retry-After', '60');
	return e.httpContext.json(507, {
		code: 507,
		message:
			'The server is out of disk space, so nothing from this request was stored. Try again later.',
		data: {}
	});
});
