import { createRandom } from './random';

/**
 * A deterministic unit vector for `text`: Gaussian components (Box-Muller over the seeded generator),
 * normalised to length 1, like OpenAI's embeddings. The same model and text always give the same vector.
 */
export function embeddingVector(model: string, text: string, dimensions: number): number[] {
  const random = createRandom(`${model}\u0000${text}`);
  const vector: number[] = [];
  while (vector.length < dimensions) {
    const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
    const angle = 2 * Math.PI * random.next();
    vector.push(radius * Math.cos(angle), radius * Math.sin(angle));
  }
  vector.length = dimensions;
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

/** `encoding_format: "base64"`: the float32 little-endian bytes of the vector, as the OpenAI API sends them. */
export function vectorToBase64(vector: readonly number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}
