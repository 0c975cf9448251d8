/**
 * What one Azure Table entity holds, as the referral repository uses it: a string property
 * holds at most 64 KiB (32 Ki UTF-16 characters), an entity at most 1 MiB in all, so long
 * JSON is split over several properties.
 */

/** The characters of JSON one property takes. */
export const CHUNK_CHARS = 30_000;
/** How many such properties one entity takes, with room left for its other properties. */
export const MAX_CHUNKS = 15;
/** The largest referral JSON (with the desk's state) an entity can hold. */
export const MAX_REFERRAL_JSON_CHARS = CHUNK_CHARS * MAX_CHUNKS;
