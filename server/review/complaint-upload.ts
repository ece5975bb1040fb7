import type { Request } from 'express';
import { complaintBody } from '../../schemas/review.js';
import type { Actor } from '../accounts/access.js';
import { plainUpload } from '../documents/plain-upload.js';
import { validatorFor } from '../validation.js';
import { admitComplaint, type ComplaintInput, lodgeComplaint } from './complaints.service.js';

// A complaint with its documents, as `multipart/form-data`: a `complaint` part, then its files as
// `documents` parts, within the bids' limits and of the types a bid may carry. The complaint is
// admitted (its window, its author) before any file is stored; a refused request leaves nothing.

export function lodgeComplaintUpload(actor: Actor, tenderId: string, req: Request) {
  return plainUpload<ComplaintInput, Awaited<ReturnType<typeof lodgeComplaint>>>(req, {
    parts: { json: 'complaint', files: 'documents', noun: 'complaint' },
    carrier: 'a complaint',
    validate: validatorFor(complaintBody),
    admit: async (input) => {
      await admitComplaint(actor, tenderId, input);
    },
    finish: (input, documents) => lodgeComplaint(actor, tenderId, input, documents),
  });
}
