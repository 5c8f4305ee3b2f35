/// <reference path="../pb_data/types.d.ts" />

// Read-only content routes for the app. Public: learners may study before they have an
// account. Only published content is listed.

// GET /api/clyde/catalog — every published pathway with its modules and lesson summaries
// (no lesson bodies), and each lesson's size and pictures' sizes, so the app can show a
// download's size first.
// With ?since=N (the seq of the catalog the app already has) the answer is just
// {"seq": N, "unchanged": true} when no publish happened since: a few bytes, not the catalog.
// With &lang=pl, each pathway and module translated into Polish carries its Polish words
// (`translations: {pl: {title, summary, …}}`, beside the English): a phone asks in its
// learner's language, and asks again with since=0 when the learner changes it.
routerAdd('GET', '/api/clyde/catalog', (c) => {
	const catalog = require(`${__hooks}/lib/catalog.js`);
	const lang = String(c.queryParam('lang') || '');
	if (lang !== '' && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang)) {
		throw new BadRequestError('Give a language code: &lang=pl');
	}
	c.response().header().set('Cache-Control', 'no-cache');
	const since = Number(c.queryParam('since') || 0);
	const seq = catalog.contentSeq($app.dao());
	if (since > 0 && since >= seq) return c.json(200, { seq, unchanged: true });
	const answer = catalog.catalog($app.dao(), lang === 'en' ? '' : lang);
	return require(`${__hooks}/lib/content-answer.js`).sendContent(c, answer);
});

// GET /api/clyde/lessons?ids=a,b,c — whole lessons (HTML, quiz, pictures' hashes), by content id, at most
// 50 at a time, so a download can go in small steps and resume after the last one stored.
// With &lang=pl, each lesson that has a Polish translation comes in Polish (its `lang` says
// which language each is in, and its `hash` is the translation's, as the catalog lists it).
routerAdd('GET', '/api/clyde/lessons', (c) => {
	const catalog = require(`${__hooks}/lib/catalog.js`);
	const ids = String(c.queryParam('ids') || '')
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');
	if (ids.length === 0 || ids.length > 50) {
		throw new BadRequestError('Give 1 to 50 lesson ids: ?ids=a,b,c');
	}
	const lang = String(c.queryParam('lang') || '');
	if (lang !== '' && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang)) {
		throw new BadRequestError('Give a language code: &lang=pl');
	}
	c.response().header().set('Cache-Control', 'no-cache');
	const lessons = catalog.lessons($app.dao(), ids, lang === 'en' ? '' : lang);
	return require(`${__hooks}/lib/content-answer.js`).sendContent(c, { lessons });
});

// GET /api/clyde/media?hashes=a,b,c — published pictures by hash ({hash, type, data}), at most
// 50 at a time: a download fetches them in steps of about 128 KB after the lessons (and not at
// all in low-data mode), a lesson fetches one when the learner asks to see it.
routerAdd('GET', '/api/clyde/media', (c) => {
	const catalog = require(`${__hooks}/lib/catalog.js`);
	const hashes = String(c.queryParam('hashes') || '')
		.split(',')
		.map((hash) => hash.trim())
		.filter((hash) => hash !== '');
	if (hashes.length === 0 || hashes.length > 50 || hashes.some((h) => !/^[0-9a-f]{64}$/.test(h))) {
		throw new BadRequestError('Give 1 to 50 picture hashes: ?hashes=a,b,c');
	}
	const media = catalog.media($app.dao(), hashes);
	// A hash names one picture for ever: an answer with every picture asked for never changes,
	// so a lesson read online again takes its pictures from the browser's cache.
	const whole = media.length === new Set(hashes).size;
	c.response()
		.header()
		.set('Cache-Control', whole ? 'public, max-age=31536000, immutable' : 'no-cache');
	return require(`${__hooks}/lib/content-answer.js`).sendContent(c, { media });
});
