/** App addresses of published content. Numbers in folder names order content but never show here. */
export function pathwayUrl(pathway: string): string {
	return `/pathways/${pathway}`;
}

export function moduleUrl(pathway: string, module: string): string {
	return `${pathwayUrl(pathway)}/${module}`;
}

export function lessonUrl(pathway: string, module: string, lesson: string): string {
	return `${moduleUrl(pathway, module)}/${lesson}`;
}
