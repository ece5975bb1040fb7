// Every model, so that indexes are built at start-up whichever entry point runs.
import './accounts/organisation.model.js';
import './accounts/user.model.js';
import './audit/audit.model.js';
import './notices/notice.model.js';
