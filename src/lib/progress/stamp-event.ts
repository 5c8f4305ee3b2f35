import { v7 as uuidv7 } from 'uuid';
import type { NewProgressEvent, ProgressEvent } from './event-types';

/**
 * An event as it is stored: its id (a UUIDv7, also its op id for sync) and its time, both from
 * the device's clock. Every writer of events stamps them here, so they all have one shape.
 */
export function stampEvent(event: NewProgressEvent, now: Date): ProgressEvent {
	return { ...event, id: uuidv7({ msecs: now.getTime() }), at: now.toISOString() } as ProgressEvent;
}
