/**
 * Evaluation of the detectors on the labelled corpus made by {@code tools/amd-corpus/generate.py}.
 */
package io.dialer.detection.eval;
