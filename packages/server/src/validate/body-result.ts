/** A checked input, or the error response that refuses it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; response: Response };
