/** A plain non-negative decimal number, as headers write one: `3`, `1.5` (no sign, no exponent). */
export const DECIMAL = /^\d+(\.\d+)?$/;
