// Every model, so that indexes are built at start-up whichever entry point runs.
import './accounts/organisation.model.js';
import './accounts/user.model.js';
import './audit/audit.model.js';
import './notices/notice.model.js';
import './calls/call.model.js';
import './consortia/consortium.model.js';
import './consortia/resolution.model.js';
import './expressions/expression.model.js';
import './tenders/tender.model.js';
import './tenders/question.model.js';
import './bids/bid.model.js';
import './documents/chunk-store.js';
import './review/complaint.model.js';
import './contracts/contract.model.js';
import './documents/document.model.js';
