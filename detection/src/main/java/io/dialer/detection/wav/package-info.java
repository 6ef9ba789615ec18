/**
 * A small WAV reader for telephone audio: 8 kHz mono µ-law, A-law and 16-bit PCM.
 */
package io.dialer.detection.wav;
