// Every feature's effect handlers, registered on import; the worker imports this once.
import '../accounts/accounts.effects.js';
