/**
 * The demo's simulated population: leads and closers as phones on a simulated carrier, with the files naming them
 * and the outcome each lead should end with.
 */
package io.dialer.sim.demo;
