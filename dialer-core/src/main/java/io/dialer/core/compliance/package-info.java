/**
 * US telemarketing compliance as a pure library: the callee's calling window across time zones and DST, the ring
 * floor, the internal do-not-call list, attempt caps and retry delays, the single check before each dial
 * ({@link io.dialer.core.compliance.DialGate}) and progressive pacing. No clock is read: time comes in as epoch ms.
 */
package io.dialer.core.compliance;
