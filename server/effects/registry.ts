// Every feature's effect handlers and attachment loaders, registered on import; the worker imports this once.
import '../accounts/accounts.effects.js';
import '../calls/calls.effects.js';
import '../consortia/consortia.effects.js';
import '../expressions/expressions.effects.js';
import '../tenders/tenders.effects.js';
import '../contracts/contracts.effects.js';
import '../documents/letters.js';
