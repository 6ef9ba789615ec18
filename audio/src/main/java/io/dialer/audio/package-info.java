/**
 * Telephone audio basics shared by media and detection: G.711 µ-law/A-law and 8 kHz mono WAV files.
 */
package io.dialer.audio;
