import { z } from 'zod';
import { isValidRequestId } from '../headers/request-id';

/** `POST {base}/feedback`: a thumbs up or down for one request. */
export const feedbackBodySchema = z.object({
  requestId: z.string().refine(isValidRequestId, { message: 'must be a request id (UUID)' }),
  rating: z.boolean(),
});
