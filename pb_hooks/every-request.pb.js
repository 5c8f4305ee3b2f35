/// <reference path="../pb_data/types.d.ts" />

// What every request goes through before its route: API answers gzipped, the security headers
// and rate limits, and the built app served from the public dir (lib/every-request.js).
//
// One middleware, not three: PocketBase 0.22 runs each JS `routerUse` middleware in a JS VM of
// its own and holds it until `next(c)` returns, which for a realtime stream (a tutor's open
// dashboard) is when the stream closes. Three middlewares held three VMs per open dashboard, and
// once the pool (--hooksPool) was taken every request got VMs made for it alone
// (docs/scaling.md).
routerUse((next) => (c) => require(`${__hooks}/lib/every-request.js`).handle(c, next));
