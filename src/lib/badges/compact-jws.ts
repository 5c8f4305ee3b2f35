/**
 * A compact JWS (RFC 7515 §7.1) taken apart: how a Clyde badge travels (a VC-JWT, Open Badges
 * 3.0 §8.2). Only parsing: whether its signature holds is verify-badge.ts's job.
 */
export interface ParsedJws {
	header: { alg?: unknown; kid?: unknown; typ?: unknown };
	payload: Record<string, unknown>;
	/** The bytes the signature covers: ASCII of "<header>.<payload>". */
	signingInput: Uint8Array;
	signature: Uint8Array;
}

/** Not a compact JWS of JSON objects at all (as opposed to one whose signature fails). */
export class NotAJws extends Error {
	override name = 'NotAJws';
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function base64urlBytes(text: string): Uint8Array {
	if (!BASE64URL.test(text) || text.length % 4 === 1) throw new NotAJws('not base64url');
	const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
	return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

function jsonObject(segment: string): Record<string, unknown> {
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64urlBytes(segment)));
	} catch {
		throw new NotAJws('a part is not JSON');
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw new NotAJws('not an object');
	return value as Record<string, unknown>;
}

export function parseJws(text: string): ParsedJws {
	const parts = text.trim().split('.');
	if (parts.length !== 3) throw new NotAJws('a compact JWS has three parts');
	const [header, payload, signature] = parts as [string, string, string];
	return {
		header: jsonObject(header),
		payload: jsonObject(payload),
		signingInput: new TextEncoder().encode(`${header}.${payload}`),
		signature: base64urlBytes(signature)
	};
}

/**
 * The compact JWS inside what a person pasted or chose: the JWS itself, or the JSON file the
 * app downloads (a W3C EnvelopedVerifiableCredential, whose id is a data: URL holding the
 * JWS). undefined when there is none.
 */
export function findJws(text: string): string | undefined {
	const trimmed = text.trim();
	if (!trimmed.startsWith('{')) return trimmed.split('.').length === 3 ? trimmed : undefined;
	try {
		const json = JSON.parse(trimmed) as { id?: unknown };
		const prefix = 'data:application/vc+jwt,';
		return typeof json.id === 'string' && json.id.startsWith(prefix)
			? json.id.slice(prefix.length)
			: undefined;
	} catch {
		return undefined;
	}
}

/** The JSON file a badge downloads as (VC Data Model 2.0 §4.13, EnvelopedVerifiableCredential). */
export function envelope(jws: string): string {
	return `${JSON.stringify(
		{
			'@context': ['https://www.w3.org/ns/credentials/v2'],
			id: `data:application/vc+jwt,${jws}`,
			type: 'EnvelopedVerifiableCredential'
		},
		null,
		2
	)}\n`;
}
