/**
 * The code that delivers the outbox to the sink (the delivery right, the pass, the guarded send)
 * as a chunk of its own. The trail writes each record into the outbox at once and loads this
 * meanwhile, so a page pays for delivery after it has loaded, never before; a record made before
 * this arrives waits in the outbox, and a failed load is asked for again at the next attempt.
 */
export { deliveryPass } from './delivery-pass.js';
export { deliveryRight } from './delivery-right.js';
