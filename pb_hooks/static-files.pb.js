/// <reference path="../pb_data/types.d.ts" />

// The built app (--publicDir), precompressed and with caching headers: pb_hooks/lib/static-files.js.
//
// A middleware, not a route: PocketBase's own `GET /*` static route is added after the hooks'
// routes and would replace a `routerAdd('GET', '/*')`. PocketBase loads pb_hooks files in no
// fixed order, so this middleware may run before security.pb.js's: it sets the same security
// headers itself rather than rely on that one having run.
routerUse((next) => (c) => {
	const files = require(`${__hooks}/lib/static-files.js`);
	if (!files.handles(c.request().method, c.request().url.path)) return next(c);
	require(`${__hooks}/lib/security-headers.js`).apply(c);
	return files.serve(c);
});
