/**
 * Answering-machine, beep, SIT and fax tone detection on 20 ms PCM frames.
 */
package io.dialer.detection;
