// Run before the first paint, as a blocking script of its own (the CSP allows no inline one):
// the learner's display settings and their language's direction, read from where
// src/lib/settings/settings.svelte.ts and src/lib/i18n/i18n.svelte.ts keep them, so that the
// frame painted from the static HTML (src/app.html) already has the learner's colours, text
// size and side, with no flash. The root layout applies the same settings again and follows
// their changes; src/lib/settings/display-settings.spec.ts checks that the two agree.
(function () {
	var root = document.documentElement;
	var rightToLeft = ['ur', 'ar'];
	var languages = ['en', 'pl', 'ur', 'ar', 'en-XA'];
	try {
		var saved = JSON.parse(localStorage.getItem('clyde-settings') || '{}') || {};
		if ([100, 125, 150, 200].indexOf(saved.textSize) >= 0) {
			root.style.fontSize = saved.textSize + '%';
		}
		if (['system', 'light', 'dark', 'contrast'].indexOf(saved.theme) >= 0) {
			root.dataset.theme = saved.theme;
		}
		if (saved.lowData === true) root.classList.add('low-data');
		var locale = localStorage.getItem('clyde-locale');
		if (languages.indexOf(locale) < 0) {
			locale = null;
			for (var i = 0; i < navigator.languages.length && !locale; i++) {
				var language = navigator.languages[i].toLowerCase().split('-')[0];
				if (languages.indexOf(language) >= 0) locale = language;
			}
		}
		if (locale && rightToLeft.indexOf(locale) >= 0) {
			root.lang = locale;
			root.dir = 'rtl';
		}
	} catch {
		// Blocked or damaged storage: the phone's own colours; the layout says the rest.
	}
})();
