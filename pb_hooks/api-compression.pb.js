/// <reference path="../pb_data/types.d.ts" />

// API answers (JSON) gzipped when the browser accepts it; the realtime stream stays as it is.
routerUse((next) => (c) => require(`${__hooks}/lib/api-compression.js`).compress(c, next));
